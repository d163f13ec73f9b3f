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

/// Finds and kicks online users who are not allowed.
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
}

impl Kicker {
    /// Online ids (with their counts) that the current table does not allow.
    async fn unauthorized_online(&self) -> Option<HashMap<String, u64>> {
        match self.hysteria.online().await {
            Ok(online) => {
                self.status.ok(Peer::Hysteria);
                let devices: u64 = online.values().sum();
                self.status.update(|s| s.online_devices = devices);
                let table = self.table.load();
                let now = jiff::Timestamp::now().as_second();
                Some(
                    online
                        .into_iter()
                        .filter(|(id, n)| *n > 0 && !table.allows(id, now))
                        .collect(),
                )
            }
            Err(err) => {
                self.status.failed(Peer::Hysteria, &err);
                None
            }
        }
    }

    /// One sweep: kick until every unauthorized id is offline or the bound is reached.
    pub async fn sweep(&self, shutdown: &CancellationToken) {
        let Some(mut targets) = self.unauthorized_online().await else {
            return;
        };
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
            match self.unauthorized_online().await {
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
