//! The node's shared state: one cheap-clone struct built once by [`crate::Node::start`], read
//! by the plane's adapter and every loop. Each field says who writes it.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Notify;

use crate::admissions::Admissions;
use crate::authlog::AuthLog;
use crate::decide::{Admit, Attempt, Decision, Refusal, decide};
use crate::devices::Devices;
use crate::metrics::Metrics;
use crate::plane::Plane;
use crate::status::SharedStatus;
use crate::table::SharedTable;

/// Everything a node's handlers and loops share.
#[derive(Debug, Clone)]
pub struct NodeState {
    /// The user table; replaced by sync only, charged with local traffic by the collector.
    pub table: SharedTable,
    /// Health; written by every loop.
    pub status: SharedStatus,
    /// Metrics; counters moved by whoever counts.
    pub metrics: Metrics,
    /// Auth decisions for central; written by [`NodeState::authorize`], drained by the reporter.
    pub log: Arc<AuthLog>,
    /// Admissions for central; written by [`NodeState::authorize`], trimmed by the reporter.
    pub admissions: Admissions,
    /// Device counts on other nodes; written by the enforcer.
    pub devices: Devices,
    /// Woken when users lose access (a new list without them, local quota used up), so the
    /// enforcer closes their connections at once instead of at its next tick.
    pub cut_off: Arc<Notify>,
    /// Ids central asked to disconnect once (`hyctl session kill`), taken by the enforcer.
    pub kill: Arc<parking_lot::Mutex<std::collections::HashSet<String>>>,
    /// Media sessions central asked to end one by one, taken by the enforcer.
    pub end_sessions: Arc<parking_lot::Mutex<std::collections::HashSet<String>>>,
    /// The node's server id as logs and `/healthz` show it (a 4-character prefix).
    pub label: Arc<str>,
    /// Oldest list confirmation `/readyz` accepts.
    pub ready_max_list_age: Duration,
}

impl NodeState {
    /// A node with an empty table, for a plane called `plane` (`display` in logs), its metrics
    /// under `metrics_prefix`, shown as `label` (never the full server id).
    pub fn new(
        label: &str,
        plane: &'static str,
        display: &'static str,
        metrics_prefix: &'static str,
    ) -> Self {
        Self {
            table: SharedTable::default(),
            status: SharedStatus::new(display),
            metrics: Metrics::new(metrics_prefix, plane, display),
            log: Arc::default(),
            admissions: Admissions::default(),
            devices: Devices::default(),
            cut_off: Arc::default(),
            kill: Arc::default(),
            end_sessions: Arc::default(),
            label: label.into(),
            ready_max_list_age: Duration::from_secs(300),
        }
    }

    /// Decides `attempt` at this moment, finishing with the device limit (which asks `plane`
    /// how many devices the user has here), and records the decision: the auth log, the
    /// admission for central, the outcome metric. Every data plane's auth path is this call.
    pub async fn authorize<P: Plane>(&self, plane: &P, attempt: &Attempt<'_>) -> Decision {
        self.authorize_then(plane, attempt, None::<fn(&Admit) -> Result<(), Refusal>>)
            .await
    }

    /// [`NodeState::authorize`] for a plane that keeps its own session table: instead of
    /// asking the plane how many sessions the credential has, the admission ends with
    /// `reserve`, which checks the session limit and takes the slot in one step (so two
    /// clients racing for the last slot cannot both get it), and runs only once every other
    /// check passed. Its refusal is the decision, logged as any other.
    pub async fn authorize_reserving<P: Plane>(
        &self,
        plane: &P,
        attempt: &Attempt<'_>,
        reserve: impl FnOnce(&Admit) -> Result<(), Refusal>,
    ) -> Decision {
        self.authorize_then(plane, attempt, Some(reserve)).await
    }

    /// Decides again for a session already admitted (a media server's periodic re-check): the
    /// same rules at this moment, without a new slot. A refusal is logged and counted as at
    /// admission; staying allowed records only that the id is still online (an `ok` per
    /// re-check would drown the auth log).
    pub fn recheck(&self, attempt: &Attempt<'_>) -> Decision {
        let now = jiff::Timestamp::now().as_second();
        let decision = decide(&self.table.load(), attempt, now);
        match &decision {
            Decision::Admit(admit) => self.admissions.record(&admit.user, now),
            Decision::Refuse { user, reason } => {
                self.log
                    .record(now, user.as_ref(), attempt.addr, false, reason.as_str());
                self.metrics.count_auth(decision.outcome());
            }
        }
        decision
    }

    async fn authorize_then<P: Plane>(
        &self,
        plane: &P,
        attempt: &Attempt<'_>,
        reserve: Option<impl FnOnce(&Admit) -> Result<(), Refusal>>,
    ) -> Decision {
        // One clock read per decision, shared by the checks and the log.
        let now = jiff::Timestamp::now().as_second();
        let mut decision = decide(&self.table.load(), attempt, now);
        // A device's session limit holds across nodes: what central last said the device has
        // elsewhere takes that many of its slots here.
        if let Decision::Admit(admit) = &mut decision
            && let Some(max) = admit.max_sessions
        {
            let elsewhere = self.devices.elsewhere(&admit.user);
            let left = u64::from(max).saturating_sub(elsewhere);
            admit.max_sessions = Some(u32::try_from(left).unwrap_or(max));
        }
        // Only users with a device limit and devices with a session limit pay for a call to
        // the plane. If it cannot answer, admit: an outage of its API must not lock everyone
        // out. A plane that reserves checks the session limit itself, last.
        if reserve.is_none()
            && let Decision::Admit(admit) = &decision
            && let Some(max) = admit.max_sessions
        {
            match plane.online_of(&admit.user).await {
                Ok(here) if here >= u64::from(max) => {
                    decision = Decision::Refuse {
                        user: Some(Arc::clone(&admit.user)),
                        reason: Refusal::TooManySessions,
                    };
                }
                Ok(_) => {}
                Err(err) => {
                    tracing::warn!(error = %err, "could not check the session limit; admitting");
                }
            }
        }
        if let Decision::Admit(admit) = &decision
            && let Some(max) = admit.max_devices
        {
            let user = hy_api::devices::split_node_id(&admit.user).0;
            match plane.online_of_user(user).await {
                Ok(here) if here.saturating_add(self.devices.elsewhere(user)) >= u64::from(max) => {
                    decision = Decision::Refuse {
                        user: Some(Arc::clone(&admit.user)),
                        reason: Refusal::TooManyDevices,
                    };
                }
                Ok(_) => {}
                Err(err) => {
                    tracing::warn!(error = %err, "could not check the device limit; admitting");
                }
            }
        }
        if let (Some(reserve), Decision::Admit(admit)) = (reserve, &decision)
            && let Err(reason) = reserve(admit)
        {
            decision = Decision::Refuse {
                user: Some(Arc::clone(&admit.user)),
                reason,
            };
        }
        match &decision {
            Decision::Admit(admit) => {
                self.admissions.record(&admit.user, now);
                self.log
                    .record(now, Some(&admit.user), attempt.addr, true, "ok");
            }
            Decision::Refuse { user, reason } => {
                self.log
                    .record(now, user.as_ref(), attempt.addr, false, reason.as_str());
            }
        }
        self.metrics.count_auth(decision.outcome());
        decision
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decide::Resource;
    use crate::plane::{Online, PlaneError};
    use crate::spool::Deltas;

    /// A plane that must not be asked for session counts: the reservation answers instead.
    struct NoCounts;

    impl Plane for NoCounts {
        fn name(&self) -> &'static str {
            "none"
        }

        fn display(&self) -> &'static str {
            "no plane"
        }

        async fn take_traffic(&self) -> Result<Deltas, PlaneError> {
            Ok(Deltas::new())
        }

        async fn online(&self) -> Result<Online, PlaneError> {
            Err("asked for counts".into())
        }

        async fn close(&self, _: &[String]) -> Result<(), PlaneError> {
            Ok(())
        }
    }

    #[tokio::test]
    async fn a_reservation_ends_the_decision_and_runs_only_when_everything_else_passed() {
        use hy_api::node::{NodeDevice, NodeList, NodeUser};
        let state = NodeState::new("test", "none", "no plane", "hyctl_test");
        let list = NodeList {
            revision: "1.1".into(),
            users: vec![NodeUser {
                id: "alice:tv".into(),
                auth_sha256: hy_api::auth_digest("tv-secret"),
                device: Some(NodeDevice {
                    max_sessions: Some(1),
                    allowed_streams: vec!["news".into()],
                    ..Default::default()
                }),
                ..Default::default()
            }],
            ..Default::default()
        };
        let (table, _) =
            crate::table::Table::from_json(&serde_json::to_vec(&list).unwrap()).unwrap();
        state.table.store(table);
        let attempt = |name| Attempt {
            credential: Some("tv-secret"),
            addr: "198.51.100.7",
            resource: Resource::Stream {
                name,
                publish: false,
            },
        };
        let mut reserved = Vec::new();
        let d = state
            .authorize_reserving(&NoCounts, &attempt("news"), |admit| {
                reserved.push((admit.user.to_string(), admit.max_sessions));
                Ok(())
            })
            .await;
        assert!(matches!(d, Decision::Admit(_)), "{d:?}");
        assert_eq!(reserved, [("alice:tv".to_owned(), Some(1))]);
        let d = state
            .authorize_reserving(&NoCounts, &attempt("news"), |_| {
                Err(Refusal::TooManySessions)
            })
            .await;
        assert!(
            matches!(
                d,
                Decision::Refuse {
                    reason: Refusal::TooManySessions,
                    ..
                }
            ),
            "{d:?}"
        );
        let mut asked = false;
        let d = state
            .authorize_reserving(&NoCounts, &attempt("movies"), |_| {
                asked = true;
                Ok(())
            })
            .await;
        assert!(
            matches!(
                d,
                Decision::Refuse {
                    reason: Refusal::StreamNotAllowed,
                    ..
                }
            ),
            "{d:?}"
        );
        assert!(!asked, "a refused attempt takes no slot");
        let log = state.log.pending();
        let reasons: Vec<&str> = log.iter().map(|e| e.reason.as_str()).collect();
        assert_eq!(reasons, ["ok", "too_many_sessions", "stream_not_allowed"]);
        // A re-check: a refusal is logged, staying allowed is not (only an admission).
        assert!(matches!(
            state.recheck(&attempt("news")),
            Decision::Admit(_)
        ));
        assert!(matches!(
            state.recheck(&attempt("movies")),
            Decision::Refuse {
                reason: Refusal::StreamNotAllowed,
                ..
            }
        ));
        let reasons: Vec<String> = state.log.pending().into_iter().map(|e| e.reason).collect();
        assert_eq!(reasons[3..], ["stream_not_allowed"]);
    }
}
