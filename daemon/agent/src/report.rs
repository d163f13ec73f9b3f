//! Traffic, exactly once: poll Hysteria's `/traffic?clear=1`, make each delta durable in the
//! spool before anything else, and report sealed batches to central until acknowledged.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use hy_api::client::Client;
use tokio_util::sync::CancellationToken;

use crate::backoff::Backoff;
use crate::hysteria::Hysteria;
use crate::spool::{Deltas, Spool, SpoolError};
use crate::status::{Peer, SharedStatus};
use crate::table::SharedTable;

/// Users admitted since the last successful report, with the time of their latest admission.
/// Keyed by the table's shared id, so recording an admission allocates nothing.
pub type Seen = Arc<Mutex<std::collections::HashMap<Arc<str>, i64>>>;

/// Longest the reporter waits between attempts while central is down.
const MAX_REPORT_BACKOFF: Duration = Duration::from_secs(120);

/// The collector and reporter share the spool.
#[derive(Debug, Clone)]
pub struct Traffic {
    /// Hysteria's API.
    pub hysteria: Hysteria,
    /// Central.
    pub client: Client,
    /// Where reports go.
    pub report_url: String,
    /// The durable spool (used on blocking threads only).
    pub spool: Arc<Mutex<Spool>>,
    /// Status.
    pub status: SharedStatus,
    /// Deltas taken from Hysteria whose spool write failed (disk full...): kept in memory and
    /// written with the next poll rather than dropped.
    pub unsaved: Arc<Mutex<Deltas>>,
    /// The user table, charged with local traffic for local quota enforcement.
    pub table: SharedTable,
    /// Woken when local quota enforcement cut someone off, so the kicker runs at once.
    pub cut_off: Arc<tokio::sync::Notify>,
    /// Admissions to report.
    pub seen: Seen,
    /// Auth decisions to report.
    pub log: Arc<crate::authlog::AuthLog>,
    /// Metrics.
    pub metrics: crate::metrics::Metrics,
}

impl Traffic {
    async fn with_spool<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Spool) -> Result<T, SpoolError> + Send + 'static,
    ) -> Result<T, SpoolError> {
        let spool = Arc::clone(&self.spool);
        let status = self.status.clone();
        let joined = tokio::task::spawn_blocking(move || {
            let mut spool = spool.lock().unwrap_or_else(|p| p.into_inner());
            let out = f(&mut spool);
            let st = spool.state();
            status.update(|s| {
                s.spool.pending_users = st.pending.len();
                let seq = st.inflight.as_ref().map(|b| b.seq);
                if seq != s.spool.inflight_seq {
                    s.spool.inflight_since = seq.map(|_| jiff::Timestamp::now());
                }
                s.spool.inflight_seq = seq;
            });
            out
        })
        .await;
        joined.unwrap_or_else(|e| {
            Err(SpoolError::Io {
                path: "spool".into(),
                source: std::io::Error::other(e.to_string()),
            })
        })
    }

    /// Takes Hysteria's counters and spools them. Returns false if Hysteria was unreachable.
    pub async fn collect(&self) -> bool {
        let delta = match self.hysteria.take_traffic().await {
            Ok(d) => {
                self.status.ok(Peer::Hysteria);
                d
            }
            Err(err) => {
                self.status.failed(Peer::Hysteria, &err);
                return false;
            }
        };
        let ran_out = self.table.load().charge(&delta);
        if !ran_out.is_empty() {
            tracing::info!(users = ?ran_out, "quota used up on this node; refusing and kicking");
            self.cut_off.notify_one();
        }
        let mut batch =
            std::mem::take(&mut *self.unsaved.lock().unwrap_or_else(|p| p.into_inner()));
        for (id, t) in delta {
            batch.entry(id).or_default().add(t);
        }
        if batch.is_empty() {
            return true;
        }
        let keep = batch.clone();
        if let Err(err) = self.with_spool(move |s| s.record_delta(&batch)).await {
            tracing::error!(error = %err, users = keep.len(), "could not spool traffic; keeping it in memory and retrying");
            *self.unsaved.lock().unwrap_or_else(|p| p.into_inner()) = keep;
        }
        true
    }

    /// Sends batches until the spool is empty or central fails. Returns false on failure.
    pub async fn report(&self) -> bool {
        loop {
            let mut batch = match self.with_spool(|s| s.next_batch()).await {
                Ok(Some(b)) => b,
                Ok(None) => return true,
                Err(err) => {
                    tracing::error!(error = %err, "could not read the spool");
                    return false;
                }
            };
            // Admissions ride along with whatever batch goes next; they are not counters, so
            // sending them again with a repeated batch is harmless.
            batch.seen = self
                .seen
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .iter()
                .map(|(id, at)| (id.to_string(), *at))
                .collect();
            batch.auth_log = self.log.pending();
            match self.client.report_at(&self.report_url, &batch).await {
                Ok(ack) => {
                    self.status.ok(Peer::Central);
                    self.seen
                        .lock()
                        .unwrap_or_else(|p| p.into_inner())
                        .retain(|id, at| batch.seen.get(&**id) != Some(at));
                    self.log.stored(&batch.auth_log);
                    if !ack.unknown_users.is_empty() {
                        tracing::info!(ids = ?ack.unknown_users, "central counted traffic of deleted users as unattributed");
                    }
                    let seq = batch.seq;
                    if let Err(err) = self.with_spool(move |s| s.acknowledge(seq)).await {
                        // Harmless: the batch is sent again and central ignores the repeat.
                        tracing::error!(error = %err, seq, "could not record central's acknowledgement");
                        return false;
                    }
                    tracing::debug!(
                        seq,
                        users = batch.users.len(),
                        applied = ack.applied,
                        "traffic reported"
                    );
                }
                Err(err) => {
                    self.status.failed(Peer::Central, &err);
                    self.metrics.report_failures.inc();
                    return false;
                }
            }
        }
    }

    /// Polls Hysteria every `every`.
    pub async fn run_collector(self, every: Duration, shutdown: CancellationToken) {
        let me = &self;
        crate::every::every(every, None, &shutdown, move || async move {
            me.collect().await;
        })
        .await;
    }

    /// Reports every `every`, backing off (up to two minutes) while central fails.
    pub async fn run_reporter(self, every: Duration, shutdown: CancellationToken) {
        let mut backoff = Backoff::new(every, MAX_REPORT_BACKOFF.max(every));
        let mut wait = every;
        loop {
            tokio::select! {
                () = shutdown.cancelled() => return,
                () = tokio::time::sleep(wait) => {}
            }
            wait = if self.report().await {
                backoff.reset();
                every
            } else {
                backoff.next_delay()
            };
        }
    }
}
