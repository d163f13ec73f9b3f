//! What a node knows about its own health, shown by `GET /healthz` and used to log transitions
//! (central lost, central back) once instead of on every retry.

use std::sync::Arc;

use parking_lot::Mutex;

use jiff::Timestamp;
use serde::Serialize;

/// Where the current user list came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ListSource {
    /// No list yet: every client is refused.
    None,
    /// Loaded from the state directory at start (central not reached yet).
    Disk,
    /// Fetched from central.
    Central,
}

/// Contact with a peer (central or the data plane).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Contact {
    /// Whether the last attempt succeeded.
    pub reachable: bool,
    /// Last successful exchange.
    pub last_ok_at: Option<Timestamp>,
    /// The last error, while unreachable.
    pub last_error: Option<String>,
    /// Failed attempts since the last success.
    #[serde(skip)]
    pub failures: u64,
}

/// The user list in use.
#[derive(Debug, Clone, Serialize)]
pub struct ListStatus {
    /// Where it came from.
    pub source: ListSource,
    /// Users in it.
    pub users: usize,
    /// Central's revision.
    pub revision: String,
    /// When central last confirmed it current (fetch or 304); from the file when loaded from disk.
    pub confirmed_at: Option<Timestamp>,
}

/// The spool's size.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SpoolStatus {
    /// Users with traffic not yet in a batch.
    pub pending_users: usize,
    /// Sequence number of the batch awaiting central's acknowledgement.
    pub inflight_seq: Option<u64>,
    /// Since when that batch has waited.
    pub inflight_since: Option<Timestamp>,
}

/// Everything `/healthz` shows.
#[derive(Debug, Clone, Serialize)]
pub struct Status {
    /// The user list.
    pub list: ListStatus,
    /// Central.
    pub central: Contact,
    /// The data plane (for Hysteria: its Traffic Stats API).
    pub plane: Contact,
    /// The traffic spool.
    pub spool: SpoolStatus,
    /// Close requests (Hysteria: kicks) sent since start.
    pub kicks: u64,
    /// Connected client instances at the last read of the plane.
    pub online_devices: u64,
}

/// Shared, cheaply cloned status.
#[derive(Debug, Clone)]
pub struct SharedStatus {
    inner: Arc<Mutex<Status>>,
    /// How logs name the plane, e.g. "Hysteria's API".
    plane: &'static str,
}

impl SharedStatus {
    /// An empty status for a node whose plane logs call `plane`.
    pub fn new(plane: &'static str) -> Self {
        let inner = Arc::new(Mutex::new(Status {
            list: ListStatus {
                source: ListSource::None,
                users: 0,
                revision: String::new(),
                confirmed_at: None,
            },
            central: Contact::default(),
            plane: Contact::default(),
            spool: SpoolStatus::default(),
            kicks: 0,
            online_devices: 0,
        }));
        Self { inner, plane }
    }

    /// How logs name the plane.
    pub fn plane_display(&self) -> &'static str {
        self.plane
    }
}

/// Which peer a contact update is about.
#[derive(Debug, Clone, Copy)]
pub enum Peer {
    /// Central.
    Central,
    /// The data plane.
    Plane,
}

impl SharedStatus {
    /// Runs `f` on the status.
    pub fn update<T>(&self, f: impl FnOnce(&mut Status) -> T) -> T {
        f(&mut self.inner.lock())
    }

    /// A copy of the status.
    pub fn snapshot(&self) -> Status {
        self.update(|s| s.clone())
    }

    fn contact(s: &mut Status, peer: Peer) -> &mut Contact {
        match peer {
            Peer::Central => &mut s.central,
            Peer::Plane => &mut s.plane,
        }
    }

    /// Records a successful exchange, logging recovery after failures.
    pub fn ok(&self, peer: Peer) {
        let recovered = self.update(|s| {
            let c = Self::contact(s, peer);
            let failures = c.failures;
            *c = Contact {
                reachable: true,
                last_ok_at: Some(Timestamp::now()),
                last_error: None,
                failures: 0,
            };
            if matches!(peer, Peer::Central) {
                s.list.confirmed_at = Some(Timestamp::now());
            }
            failures
        });
        if recovered > 0 {
            tracing::info!(peer = ?peer, failed_attempts = recovered, "reachable again");
        }
    }

    /// Records a failure; logs the first one of a run, then one reminder every 30 failures.
    pub fn failed(&self, peer: Peer, err: &dyn std::fmt::Display) {
        self.failed_as(peer, err, false);
    }

    /// Records central's refusal of this node (unknown id, wrong kind), logged as such.
    pub fn refused(&self, err: &dyn std::fmt::Display) {
        self.failed_as(Peer::Central, err, true);
    }

    fn failed_as(&self, peer: Peer, err: &dyn std::fmt::Display, refused: bool) {
        let (failures, list_age) = self.update(|s| {
            let age = s
                .list
                .confirmed_at
                .map(|t| (Timestamp::now() - t).get_seconds());
            let c = Self::contact(s, peer);
            c.reachable = false;
            c.failures += 1;
            c.last_error = Some(err.to_string());
            (c.failures, age)
        });
        if failures == 1 || failures % 30 == 0 {
            match peer {
                // Central answered, and said no: the fix is on this node (its id or kind), not
                // in the network, so say so, louder.
                Peer::Central if refused => tracing::error!(
                    error = %err, failed_attempts = failures, list_age_seconds = ?list_age,
                    "central refused this node; answering auth from the last good user list"
                ),
                Peer::Central => tracing::warn!(
                    error = %err, failed_attempts = failures, list_age_seconds = ?list_age,
                    "central unreachable; answering auth from the last good user list"
                ),
                Peer::Plane => {
                    tracing::warn!(error = %err, failed_attempts = failures, plane = self.plane, "the data plane is unreachable")
                }
            }
        }
    }
}
