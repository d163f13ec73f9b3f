//! The agent's Prometheus metrics, served at `GET /metrics` on its own (loopback) listener.
//!
//! Counters move as things happen; gauges about the list, the spool and Hysteria are read from
//! the agent's status at scrape time. No per-user series.

use std::sync::Arc;

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;

use crate::status::Status;

/// Auth decisions by outcome.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct OutcomeLabels {
    /// `ok`, `unknown_secret`, `expired`, `quota`, `address_not_allowed`, `too_many_devices`,
    /// `bad_request`.
    pub outcome: String,
}

/// Every metric of the agent.
#[derive(Debug, Clone)]
pub struct Metrics {
    registry: Arc<Registry>,
    /// Auth decisions.
    auth: Family<OutcomeLabels, Counter>,
    /// The per-outcome counters, resolved once: the hot path must not allocate a label.
    auth_by_outcome: Arc<Vec<(&'static str, Counter)>>,
    /// Auth handling time, in seconds.
    pub auth_seconds: Histogram,
    /// Reports central did not acknowledge.
    pub report_failures: Counter,
    /// Kicks sent to Hysteria.
    pub kicks: Counter,
    list_users: Gauge,
    list_age_seconds: Gauge<f64, std::sync::atomic::AtomicU64>,
    spool_pending_users: Gauge,
    spool_unacknowledged_age_seconds: Gauge<f64, std::sync::atomic::AtomicU64>,
    online_devices: Gauge,
    central_reachable: Gauge,
    hysteria_reachable: Gauge,
}

impl Default for Metrics {
    fn default() -> Self {
        let mut r = Registry::with_prefix("hyctl_agent");
        let m = Self {
            registry: Arc::default(),
            auth: Family::default(),
            auth_by_outcome: Arc::default(),
            auth_seconds: Histogram::new(exponential_buckets(0.000_01, 2.0, 16)),
            report_failures: Counter::default(),
            kicks: Counter::default(),
            list_users: Gauge::default(),
            list_age_seconds: Gauge::default(),
            spool_pending_users: Gauge::default(),
            spool_unacknowledged_age_seconds: Gauge::default(),
            online_devices: Gauge::default(),
            central_reachable: Gauge::default(),
            hysteria_reachable: Gauge::default(),
        };
        r.register("auth_requests", "Auth decisions by outcome", m.auth.clone());
        r.register(
            "auth_duration_seconds",
            "Time to answer Hysteria's auth call",
            m.auth_seconds.clone(),
        );
        r.register(
            "report_failures",
            "Traffic reports central did not acknowledge",
            m.report_failures.clone(),
        );
        r.register("kicks", "Kicks sent to Hysteria", m.kicks.clone());
        r.register(
            "list_users",
            "Users in the current list",
            m.list_users.clone(),
        );
        r.register(
            "list_age_seconds",
            "Seconds since central last confirmed the list",
            m.list_age_seconds.clone(),
        );
        r.register(
            "spool_pending_users",
            "Users with polled traffic not yet in a batch",
            m.spool_pending_users.clone(),
        );
        r.register(
            "spool_unacknowledged_age_seconds",
            "Age of the batch awaiting central's acknowledgement (0 if none)",
            m.spool_unacknowledged_age_seconds.clone(),
        );
        r.register(
            "online_devices",
            "Connected client instances at the last /online read",
            m.online_devices.clone(),
        );
        r.register(
            "central_reachable",
            "1 if the last exchange with central succeeded",
            m.central_reachable.clone(),
        );
        r.register(
            "hysteria_reachable",
            "1 if the last call to Hysteria's API succeeded",
            m.hysteria_reachable.clone(),
        );
        let outcomes = [
            "ok",
            "unknown_secret",
            "expired",
            "quota",
            "address_not_allowed",
            "too_many_devices",
            "bad_request",
            "error",
        ];
        let auth_by_outcome = outcomes
            .iter()
            .map(|o| {
                (
                    *o,
                    m.auth
                        .get_or_create(&OutcomeLabels {
                            outcome: (*o).to_owned(),
                        })
                        .clone(),
                )
            })
            .collect();
        Self {
            registry: Arc::new(r),
            auth_by_outcome: Arc::new(auth_by_outcome),
            ..m
        }
    }
}

impl Metrics {
    /// Counts one auth decision.
    pub fn count_auth(&self, outcome: &str) {
        match self.auth_by_outcome.iter().find(|(o, _)| *o == outcome) {
            Some((_, c)) => {
                c.inc();
            }
            None => {
                self.auth
                    .get_or_create(&OutcomeLabels {
                        outcome: outcome.to_owned(),
                    })
                    .inc();
            }
        }
    }

    /// Updates the gauges from `status`, then answers the scrape in the format it asked for.
    pub fn respond(
        &self,
        status: &Status,
        headers: &axum::http::HeaderMap,
    ) -> axum::response::Response {
        let now = jiff::Timestamp::now();
        let age =
            |t: Option<jiff::Timestamp>| t.map_or(0.0, |t| now.duration_since(t).as_secs_f64());
        self.list_users.set(status.list.users as i64);
        self.list_age_seconds.set(age(status.list.confirmed_at));
        self.spool_pending_users
            .set(status.spool.pending_users as i64);
        self.spool_unacknowledged_age_seconds
            .set(age(status.spool.inflight_since));
        self.online_devices.set(status.online_devices as i64);
        self.central_reachable
            .set(i64::from(status.central.reachable));
        self.hysteria_reachable
            .set(i64::from(status.hysteria.reachable));
        hy_common::exposition::Exposition::respond(headers, &self.registry)
    }
}
