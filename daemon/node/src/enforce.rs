//! Closing the connections of users who lost access, for any plane.
//!
//! Refusing comes first (sync swaps the table before waking this loop); then every user the
//! plane shows connected who the current table does not allow is closed through
//! [`Plane::close`]. A plane's close may be lazy, as Hysteria's `/kick` is (it only marks an id;
//! the id's next traffic closes one connection and clears the mark), so the sweep reads who is
//! connected again and closes again while they still are, with a budget per user of their
//! connection count plus a margin (N devices need N kicks; reconnects race the refusal). Only
//! users the plane shows are closed: a kick mark on an offline Hysteria id would kill its next
//! connection, even after it is allowed again. Rounds are bounded: an idle Hysteria connection
//! only closes when it next moves a byte. An in-process plane closes at once, in one round.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use hy_api::Secret;
use hy_api::client::Client;
use tokio_util::sync::CancellationToken;

use crate::plane::{Online, Plane};
use crate::state::NodeState;
use crate::status::Peer;

/// Most close rounds in one sweep.
const MAX_ROUNDS: usize = 20;
/// Pause between rounds, for marked connections to move a byte and close.
const ROUND_GAP: Duration = Duration::from_millis(100);
/// Closes per id beyond its connection count at the start of a sweep (reconnects racing the
/// refusal, connections that close on their own).
const EXTRA_CLOSES: u64 = 2;

/// Finds and closes connected users who are not allowed; also shares device counts.
#[derive(Debug)]
pub struct Enforcer<P> {
    /// The node.
    pub state: NodeState,
    /// The plane.
    pub plane: Arc<P>,
    /// Central, for device counts.
    pub client: Client,
    /// Where device counts go and come from; `None` disables cross-node device limits.
    pub devices_url: Option<Secret>,
    /// Where a media node's sessions go; `None` keeps them local.
    pub sessions_url: Option<Secret>,
    /// The sessions last sent, and when.
    pub sessions_sent: parking_lot::Mutex<Option<(Vec<hy_api::node::NodeSession>, Instant)>>,
}

/// Unchanged sessions are sent again this often, so central does not take them for gone.
const SESSIONS_KEEPALIVE: Duration = Duration::from_secs(60);

impl<P: Plane> Enforcer<P> {
    /// Sends the plane's sessions to central when they changed (and every minute), for
    /// `hyctl session list --kind stream`. Best effort: a failure is retried next sweep.
    async fn share_sessions(&self) {
        let (Some(url), Some(mut now)) = (&self.sessions_url, self.plane.sessions()) else {
            return;
        };
        now.truncate(hy_api::node::MAX_NODE_SESSIONS);
        let due = self
            .sessions_sent
            .lock()
            .as_ref()
            .is_none_or(|(sent, at)| *sent != now || at.elapsed() > SESSIONS_KEEPALIVE);
        if !due {
            return;
        }
        match self.client.report_sessions_at(url.expose(), &now).await {
            Ok(()) => *self.sessions_sent.lock() = Some((now, Instant::now())),
            Err(err) => tracing::debug!(error = %err, "could not report sessions to central"),
        }
    }

    /// Connected ids (with their counts) that the current table does not allow.
    fn unauthorized(&self, online: Online) -> HashMap<String, u64> {
        let devices = online.values().fold(0u64, |sum, n| sum.saturating_add(*n));
        self.state.status.update(|s| s.online_devices = devices);
        let table = self.state.table.load();
        let now = jiff::Timestamp::now().as_second();
        online
            .into_iter()
            .filter(|(id, n)| *n > 0 && !table.allows(id, now))
            .collect()
    }

    /// True when the current table does not allow `id`.
    fn unauthorized_id(&self, id: &str) -> bool {
        !self
            .state
            .table
            .load()
            .allows(id, jiff::Timestamp::now().as_second())
    }

    /// Reads who is connected, recording the plane's reachability.
    async fn read_online(&self) -> Option<Online> {
        match self.plane.online().await {
            Ok(online) => {
                self.state.status.ok(Peer::Plane);
                Some(online)
            }
            Err(err) => {
                self.state.status.failed(Peer::Plane, &err);
                None
            }
        }
    }

    /// One sweep: close until every unauthorized id is gone or the bound is reached.
    pub async fn sweep(&self, shutdown: &CancellationToken) {
        let Some(online) = self.read_online().await else {
            return;
        };
        if let Some(url) = &self.devices_url {
            let table = self.state.table.load();
            self.state
                .devices
                .share(&self.client, url, &table, &online)
                .await;
        }
        let ended: Vec<String> = std::mem::take(&mut *self.state.end_sessions.lock())
            .into_iter()
            .collect();
        if !ended.is_empty() {
            self.plane.end_sessions(&ended).await;
        }
        self.share_sessions().await;
        // Ids central asked to close once, as far as they are connected now; the budget below
        // bounds them to the connections they have plus the margin for racing reconnects.
        let kill: Vec<String> = std::mem::take(&mut *self.state.kill.lock())
            .into_iter()
            .collect();
        let killed: HashMap<String, u64> = kill
            .into_iter()
            .filter_map(|id| online.get(&id).filter(|n| **n > 0).map(|n| (id, *n)))
            .collect();
        let mut targets = self.unauthorized(online);
        targets.extend(killed.iter().map(|(id, n)| (id.clone(), *n)));
        if targets.is_empty() {
            return;
        }
        // A killed id gets exactly one close per connection it had: more would leave a kick
        // mark on Hysteria that ends the client's next, allowed connection.
        let budget: HashMap<String, u64> = targets
            .iter()
            .map(|(id, n)| match killed.get(id) {
                Some(k) if !self.unauthorized_id(id) => (id.clone(), *k),
                _ => (id.clone(), n.saturating_add(EXTRA_CLOSES)),
            })
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
            if let Err(err) = self.plane.close(&ids).await {
                self.state.status.failed(Peer::Plane, &err);
                return;
            }
            for id in &ids {
                *sent.entry(id.clone()).or_default() += 1;
            }
            self.state.status.update(|s| s.kicks += ids.len() as u64);
            self.state.metrics.kicks.inc_by(ids.len() as u64);
            tracing::debug!(round, ids = ids.len(), "closed");
            tokio::select! {
                () = shutdown.cancelled() => return,
                () = tokio::time::sleep(ROUND_GAP) => {}
            }
            // Re-read: only ids still connected (and still not allowed, or killed with budget
            // left) are closed again.
            match self.read_online().await.map(|o| {
                let still_killed: Vec<(String, u64)> = killed
                    .keys()
                    .filter_map(|id| o.get(id).filter(|n| **n > 0).map(|n| (id.clone(), *n)))
                    .collect();
                let mut t = self.unauthorized(o);
                t.extend(still_killed);
                t
            }) {
                Some(still) if still.is_empty() => {
                    tracing::info!(
                        users = sent.len(),
                        closes = sent.values().sum::<u64>(),
                        "closed every connection of users who lost access"
                    );
                    return;
                }
                Some(still) => targets = still,
                None => return,
            }
        }
        tracing::warn!(
            users = targets.len(),
            "some users who lost access are still connected; idle connections close on their next traffic, the next sweep closes again"
        );
    }

    /// Sweeps every `every`, and at once whenever users are cut off.
    pub async fn run(self, every: Duration, shutdown: CancellationToken) {
        let cut_off = Arc::clone(&self.state.cut_off);
        let (me, stop) = (&self, &shutdown);
        crate::every::every(every, Some(&cut_off), stop, move || me.sweep(stop)).await;
    }
}
