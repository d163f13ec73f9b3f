//! Traffic, exactly once: take the plane's counters, make each delta durable in the spool
//! before anything else, and report sealed batches to central until acknowledged.
//!
//! **Loss bounds.** A polled plane (Hysteria) hands over its counters with `/traffic?clear=1`;
//! from that answer on the bytes are spooled (fsync) before the next step, so what can be lost
//! is one answer in flight when the node dies between the HTTP response and the fsync, and what
//! Hysteria itself counted since the last poll if Hysteria dies. An in-process plane's counters
//! ([`crate::sessions`]) live in memory until taken: at most one collection interval. Past the
//! spool nothing is lost or doubled: batches are numbered and central applies each once.

use std::sync::Arc;

use parking_lot::Mutex;
use std::time::Duration;

use hy_api::Secret;
use hy_api::client::Client;
use tokio_util::sync::CancellationToken;

use crate::backoff::Backoff;
use crate::plane::Plane;
use crate::spool::{Deltas, MarkChanges, Spool, SpoolError};
use crate::state::NodeState;
use crate::status::Peer;

/// Longest the reporter waits between attempts while central is down.
const MAX_REPORT_BACKOFF: Duration = Duration::from_secs(120);

/// The collector and reporter, sharing the spool.
#[derive(Debug, Clone)]
pub struct Traffic {
    state: NodeState,
    client: Client,
    report_url: Secret,
    /// The durable spool (used on blocking threads only).
    spool: Arc<Mutex<Spool>>,
    /// Deltas (and the baselines they were computed against) taken from the plane whose spool
    /// write failed (disk full...): kept in memory and written with the next collection rather
    /// than dropped.
    unsaved: Arc<Mutex<(Deltas, MarkChanges)>>,
}

impl Traffic {
    /// Reporting to `report_url` from `spool`.
    pub fn new(state: NodeState, client: Client, report_url: Secret, spool: Spool) -> Self {
        Self {
            state,
            client,
            report_url,
            spool: Arc::new(Mutex::new(spool)),
            unsaved: Arc::default(),
        }
    }

    async fn with_spool<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Spool) -> Result<T, SpoolError> + Send + 'static,
    ) -> Result<T, SpoolError> {
        let spool = Arc::clone(&self.spool);
        let status = self.state.status.clone();
        let joined = tokio::task::spawn_blocking(move || {
            let mut spool = spool.lock();
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

    /// Takes the plane's counters and spools them. Returns false if the plane was unreachable.
    pub async fn collect<P: Plane>(&self, plane: &P) -> bool {
        let (delta, marks) = match plane.take_traffic_marked().await {
            Ok(d) => {
                self.state.status.ok(Peer::Plane);
                d
            }
            Err(err) => {
                self.state.status.failed(Peer::Plane, &err);
                return false;
            }
        };
        let ran_out = self.state.table.load().charge(&delta);
        if !ran_out.is_empty() {
            tracing::info!(users = ?ran_out, "quota used up on this node; refusing and closing their connections");
            self.state.cut_off.notify_one();
        }
        let (mut batch, mut baselines) = std::mem::take(&mut *self.unsaved.lock());
        for (id, t) in delta {
            batch.entry(id).or_default().add(t);
        }
        // Later baselines replace earlier ones of the same counter.
        baselines.extend(marks);
        if batch.is_empty() && baselines.is_empty() {
            return true;
        }
        let keep = (batch.clone(), baselines.clone());
        if let Err(err) = self
            .with_spool(move |s| s.record_marked(&batch, &baselines))
            .await
        {
            tracing::error!(error = %err, users = keep.0.len(), "could not spool traffic; keeping it in memory and retrying");
            *self.unsaved.lock() = keep;
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
            // Admissions and auth events ride along with whatever batch goes next; they are
            // not counters, so sending them again with a repeated batch is harmless.
            batch.seen = self.state.admissions.pending();
            batch.auth_log = self.state.log.pending();
            match self
                .client
                .report_at(self.report_url.expose(), &batch)
                .await
            {
                Ok(ack) => {
                    self.state.status.ok(Peer::Central);
                    self.state.admissions.reported(&batch.seen);
                    self.state.log.stored(&batch.auth_log);
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
                    self.state.status.failed(Peer::Central, &err);
                    self.state.metrics.report_failures.inc();
                    return false;
                }
            }
        }
    }

    /// Takes the plane's traffic every `every`.
    pub async fn run_collector<P: Plane>(
        self,
        plane: Arc<P>,
        every: Duration,
        shutdown: CancellationToken,
    ) {
        let (me, plane) = (&self, &*plane);
        crate::every::every(every, None, &shutdown, move || async move {
            me.collect(plane).await;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plane::{Online, PlaneError};

    /// A plane with cumulative counters: one session's bytes and its new baseline per call.
    struct Cumulative;

    impl Plane for Cumulative {
        fn name(&self) -> &'static str {
            "cumulative"
        }

        fn display(&self) -> &'static str {
            "a cumulative plane"
        }

        async fn take_traffic(&self) -> Result<Deltas, PlaneError> {
            Err("only the marked form is used".into())
        }

        async fn take_traffic_marked(&self) -> Result<(Deltas, MarkChanges), PlaneError> {
            Ok((
                [("alice:tv".to_owned(), hy_api::Traffic { tx: 0, rx: 500 })].into(),
                [("session-1".to_owned(), Some(500))].into(),
            ))
        }

        async fn online(&self) -> Result<Online, PlaneError> {
            Ok(Online::new())
        }

        async fn close(&self, _: &[String]) -> Result<(), PlaneError> {
            Ok(())
        }
    }

    #[tokio::test]
    async fn a_planes_baselines_are_spooled_with_the_bytes_they_counted() {
        let dir = tempfile::tempdir().unwrap();
        let spool = Spool::open(dir.path()).unwrap();
        let state = NodeState::new("test", "cumulative", "a cumulative plane", "hyctl_test");
        let client = Client::new(&hy_api::client::ClientConfig::new("http://127.0.0.1:9")).unwrap();
        let traffic = Traffic::new(
            state,
            client,
            Secret::from("http://127.0.0.1:9/traffic"),
            spool,
        );
        assert!(traffic.collect(&Cumulative).await);
        drop(traffic);
        let spool = Spool::open(dir.path()).unwrap();
        assert_eq!(spool.state().marks, [("session-1".to_owned(), 500)].into());
        assert_eq!(spool.state().pending["alice:tv"].rx, 500);
    }
}
