//! Closing the connections of users who lost access, with Hysteria's kick semantics in mind.
//!
//! `POST /kick` only marks an id; the id's next traffic closes one of its connections and clears
//! the mark. So: refuse in auth first (sync swaps the table before waking us), kick only ids that
//! `/online` shows (a mark on an offline id would kill its next connection, even after it is
//! allowed again), and kick again while the id is still online, since N devices need N kicks.
//! Rounds are bounded: an idle connection only closes when it next moves a byte.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Notify;
use tokio_util::sync::CancellationToken;

use crate::hysteria::Hysteria;
use crate::status::{Peer, SharedStatus};
use crate::table::SharedTable;

/// Most kick rounds in one sweep.
const MAX_ROUNDS: usize = 20;
/// Pause between rounds, for marked connections to move a byte and close.
const ROUND_GAP: Duration = Duration::from_millis(100);
/// Kicks per id beyond its connection count at the start of a sweep (reconnects racing the
/// refusal, connections that close on their own).
const EXTRA_KICKS: u64 = 2;

/// Device-limited users' devices on other nodes, as central last told (for the auth callback).
pub type Elsewhere = Arc<std::sync::Mutex<HashMap<String, u64>>>;

/// What was last sent to central, and when.
type Sent =
    Arc<std::sync::Mutex<Option<(std::collections::BTreeMap<String, u64>, std::time::Instant)>>>;

/// Re-send unchanged device counts this often, so central does not expire them.
const DEVICES_KEEPALIVE: std::time::Duration = std::time::Duration::from_secs(60);

/// Finds and kicks online users who are not allowed; also shares device counts across nodes.
#[derive(Debug, Clone)]
pub struct Kicker {
    /// Hysteria's API.
    pub hysteria: Hysteria,
    /// The current list.
    pub table: SharedTable,
    /// Status, for contact and counters.
    pub status: SharedStatus,
    /// Metrics.
    pub metrics: crate::metrics::Metrics,
    /// Central, for device counts.
    pub client: hy_api::client::Client,
    /// Where device counts go and come from; `None` disables cross-node device limits.
    pub devices_url: Option<String>,
    /// Devices elsewhere, for the auth callback.
    pub elsewhere: Elsewhere,
    /// What was last sent, and when.
    pub sent: Sent,
}

impl Kicker {
    /// Tells central this node's devices per device-limited user (when they changed, or every
    /// minute), then learns how many each has elsewhere. Best effort: on failure the previous
    /// figures stay, and central ignores counts a few minutes old.
    async fn share_devices(&self, online: &HashMap<String, u64>) {
        let Some(url) = &self.devices_url else { return };
        let table = self.table.load();
        if !table.any_device_limit() {
            return;
        }
        let mine: std::collections::BTreeMap<String, u64> = online
            .iter()
            .filter(|(id, n)| **n > 0 && table.has_device_limit(id))
            .map(|(id, n)| (id.clone(), *n))
            .collect();
        let due = {
            let sent = self.sent.lock().unwrap_or_else(|p| p.into_inner());
            sent.as_ref()
                .is_none_or(|(m, at)| *m != mine || at.elapsed() > DEVICES_KEEPALIVE)
        };
        if due && self.client.report_devices_at(url, &mine).await.is_ok() {
            *self.sent.lock().unwrap_or_else(|p| p.into_inner()) =
                Some((mine, std::time::Instant::now()));
        }
        match self.client.devices_elsewhere_at(url).await {
            Ok(counts) => {
                *self.elsewhere.lock().unwrap_or_else(|p| p.into_inner()) =
                    counts.into_iter().collect();
            }
            Err(err) => tracing::debug!(error = %err, "could not fetch device counts from central"),
        }
    }

    /// Online ids (with their counts) that the current table does not allow.
    fn unauthorized(&self, online: HashMap<String, u64>) -> HashMap<String, u64> {
        let devices = online.values().fold(0u64, |sum, n| sum.saturating_add(*n));
        self.status.update(|s| s.online_devices = devices);
        let table = self.table.load();
        let now = jiff::Timestamp::now().as_second();
        online
            .into_iter()
            .filter(|(id, n)| *n > 0 && !table.allows(id, now))
            .collect()
    }

    /// Reads `/online`, recording Hysteria's reachability.
    async fn read_online(&self) -> Option<HashMap<String, u64>> {
        match self.hysteria.online().await {
            Ok(online) => {
                self.status.ok(Peer::Hysteria);
                Some(online)
            }
            Err(err) => {
                self.status.failed(Peer::Hysteria, &err);
                None
            }
        }
    }

    /// One sweep: kick until every unauthorized id is offline or the bound is reached.
    pub async fn sweep(&self, shutdown: &CancellationToken) {
        let Some(online) = self.read_online().await else {
            return;
        };
        self.share_devices(&online).await;
        let mut targets = self.unauthorized(online);
        if targets.is_empty() {
            return;
        }
        let budget: HashMap<String, u64> = targets
            .iter()
            .map(|(id, n)| (id.clone(), n + EXTRA_KICKS))
            .collect();
        let mut sent: HashMap<String, u64> = HashMap::new();
        for round in 0..MAX_ROUNDS {
            let ids: Vec<String> = targets
                .keys()
                .filter(|id| {
                    sent.get(*id).copied().unwrap_or(0) < budget.get(*id).copied().unwrap_or(1)
                })
                .cloned()
                .collect();
            if ids.is_empty() {
                break;
            }
            if let Err(err) = self.hysteria.kick(&ids).await {
                self.status.failed(Peer::Hysteria, &err);
                return;
            }
            for id in &ids {
                *sent.entry(id.clone()).or_default() += 1;
            }
            self.status.update(|s| s.kicks += ids.len() as u64);
            self.metrics.kicks.inc_by(ids.len() as u64);
            tracing::debug!(round, ids = ids.len(), "kicked");
            tokio::select! {
                () = shutdown.cancelled() => return,
                () = tokio::time::sleep(ROUND_GAP) => {}
            }
            // Re-read: only ids still online (and still not allowed) get another kick.
            match self.read_online().await.map(|o| self.unauthorized(o)) {
                Some(still) if still.is_empty() => {
                    tracing::info!(
                        users = sent.len(),
                        kicks = sent.values().sum::<u64>(),
                        "kicked every connection of users who lost access"
                    );
                    return;
                }
                Some(still) => targets = still,
                None => return,
            }
        }
        tracing::warn!(
            users = targets.len(),
            "some users who lost access are still online; idle connections close on their next traffic, the next sweep kicks again"
        );
    }

    /// Sweeps every `every`, and at once whenever sync reports removed users.
    pub async fn run(self, every: Duration, removed: Arc<Notify>, shutdown: CancellationToken) {
        let (me, stop) = (&self, &shutdown);
        crate::every::every(every, Some(&removed), stop, move || me.sweep(stop)).await;
    }
}
