//! A node's Prometheus metrics, served at `GET /metrics` on its own (loopback) listener.
//!
//! Counters move as things happen; gauges about the list, the spool and the plane are read from
//! the node's status at scrape time. No per-user series. Each node kind has its own prefix
//! (`hyctl_agent` for Hysteria, as before the runtime existed), and a plane adds its own series
//! through [`Metrics::registry_mut`] before the node starts.

use std::sync::Arc;

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;

use crate::decide::Outcome;
use crate::status::Status;

/// Auth decisions by outcome.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct OutcomeLabels {
    /// [`Outcome::as_str`].
    pub outcome: &'static str,
}

/// Every metric of the agent.
#[derive(Debug, Clone)]
pub struct Metrics {
    registry: Arc<Registry>,
    /// Auth decisions.
    auth: Family<OutcomeLabels, Counter>,
    /// The per-outcome counters in [`Outcome::ALL`] order, resolved once: the hot path must
    /// not allocate a label or search.
    auth_by_outcome: Arc<[Counter]>,
    /// Auth handling time, in seconds.
    pub auth_seconds: Histogram,
    /// Reports central did not acknowledge.
    pub report_failures: Counter,
    /// Close requests sent to the plane (Hysteria: kicks).
    pub kicks: Counter,
    list_users: Gauge,
    list_age_seconds: Gauge<f64, std::sync::atomic::AtomicU64>,
    spool_pending_users: Gauge,
    spool_unacknowledged_age_seconds: Gauge<f64, std::sync::atomic::AtomicU64>,
    online_devices: Gauge,
    central_reachable: Gauge,
    plane_reachable: Gauge,
}

impl Metrics {
    /// The node's series under `prefix`; the plane's reachability is `<prefix>_<plane>_reachable`.
    pub fn new(prefix: &'static str, plane: &'static str, plane_display: &'static str) -> Self {
        let mut r = Registry::with_prefix(prefix);
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
            plane_reachable: Gauge::default(),
        };
        r.register("auth_requests", "Auth decisions by outcome", m.auth.clone());
        r.register(
            "auth_duration_seconds",
            "Time to answer the data plane's auth call",
            m.auth_seconds.clone(),
        );
        r.register(
            "report_failures",
            "Traffic reports central did not acknowledge",
            m.report_failures.clone(),
        );
        r.register(
            "kicks",
            "Close requests sent to the data plane (Hysteria: kicks)",
            m.kicks.clone(),
        );
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
            "Connected client instances at the last read of the data plane",
            m.online_devices.clone(),
        );
        r.register(
            "central_reachable",
            "1 if the last exchange with central succeeded",
            m.central_reachable.clone(),
        );
        r.register(
            format!("{plane}_reachable"),
            format!("1 if the last call to {plane_display} succeeded"),
            m.plane_reachable.clone(),
        );
        let auth_by_outcome = Outcome::ALL
            .map(|o| {
                m.auth
                    .get_or_create(&OutcomeLabels {
                        outcome: o.as_str(),
                    })
                    .clone()
            })
            .into();
        Self {
            registry: Arc::new(r),
            auth_by_outcome,
            ..m
        }
    }

    /// The registry, for a plane's own series; only before the node shares these metrics.
    pub fn registry_mut(&mut self) -> Option<&mut Registry> {
        Arc::get_mut(&mut self.registry)
    }
}

impl Metrics {
    /// Counts one auth call's outcome.
    pub fn count_auth(&self, outcome: Outcome) {
        self.auth_by_outcome[outcome.index()].inc();
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
        self.plane_reachable.set(i64::from(status.plane.reachable));
        hy_common::exposition::Exposition::respond(headers, &self.registry)
    }
}
