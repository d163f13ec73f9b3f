//! Central's Prometheus metrics, served at `GET /metrics` behind the admin token.
//!
//! Counters and histograms are updated as requests and reports happen; the gauges that describe
//! the fleet (users by state, servers by freshness of contact) are computed from the database at
//! scrape time. No per-user series: their cardinality would grow with the user base.

use std::sync::Arc;

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;

/// HTTP requests by route pattern and status.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RequestLabels {
    /// The route pattern, never the raw path (node paths carry credentials).
    pub route: String,
    /// Response status.
    pub status: u16,
}

/// Latency by route pattern.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RouteLabels {
    /// The route pattern.
    pub route: String,
}

/// Traffic direction.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct DirectionLabels {
    /// `tx` (user upload) or `rx` (user download).
    pub direction: String,
}

/// One label value.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct StateLabels {
    /// A user state, or a freshness class of servers.
    pub state: String,
}

/// An outcome label.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct OutcomeLabels {
    /// What happened.
    pub outcome: &'static str,
}

/// Every metric of central.
#[derive(Debug, Clone)]
pub struct Metrics {
    registry: Arc<Registry>,
    /// Requests served.
    pub requests: Family<RequestLabels, Counter>,
    /// Request latency in seconds.
    pub latency: Family<RouteLabels, Histogram, fn() -> Histogram>,
    /// Bytes applied from nodes' reports.
    pub ingested_bytes: Family<DirectionLabels, Counter>,
    /// Duplicate reports acknowledged without counting.
    pub duplicate_reports: Counter,
    /// Time to write one group of reports (one database transaction), in seconds.
    pub report_write_seconds: Histogram,
    /// Reports per transaction (group commit).
    pub report_group_reports: Histogram,
    /// Users by derived state (set at scrape).
    pub users: Family<StateLabels, Gauge>,
    /// Servers by how recently their agent was in touch (set at scrape).
    pub servers: Family<StateLabels, Gauge>,
    /// Node long polls held open.
    pub node_polls_waiting: Gauge,
    /// Subscription fetches: served, unknown token, rate limited.
    pub subscription_fetches: Family<OutcomeLabels, Counter>,
    /// Admin sign-ins: success, failure, rate limited.
    pub admin_logins: Family<OutcomeLabels, Counter>,
    /// Webhook deliveries: success, failure.
    pub webhook_deliveries: Family<OutcomeLabels, Counter>,
    /// Devices by state (set at scrape).
    pub devices: Family<StateLabels, Gauge>,
    /// Admin sessions open (set at scrape).
    pub admin_sessions: Gauge,
    /// Users' and devices' connections on every node, from the nodes' reports (set at scrape).
    pub connections: Gauge,
}

fn latency_histogram() -> Histogram {
    Histogram::new(exponential_buckets(0.0005, 2.0, 16))
}

impl Default for Metrics {
    fn default() -> Self {
        let mut registry = Registry::with_prefix("hyctl_central");
        let requests = Family::<RequestLabels, Counter>::default();
        registry.register(
            "http_requests",
            "HTTP requests by route pattern and status",
            requests.clone(),
        );
        let latency = Family::<RouteLabels, Histogram, fn() -> Histogram>::new_with_constructor(
            latency_histogram as fn() -> Histogram,
        );
        registry.register(
            "http_request_duration_seconds",
            "HTTP request latency by route pattern",
            latency.clone(),
        );
        let ingested_bytes = Family::<DirectionLabels, Counter>::default();
        registry.register(
            "ingested_bytes",
            "Bytes applied from node reports (tx = user upload)",
            ingested_bytes.clone(),
        );
        let duplicate_reports = Counter::default();
        registry.register(
            "duplicate_reports",
            "Numbered reports received again and not counted",
            duplicate_reports.clone(),
        );
        let report_write_seconds = Histogram::new(exponential_buckets(0.0001, 2.0, 16));
        registry.register(
            "report_write_seconds",
            "Database time to write one group of reports (one transaction)",
            report_write_seconds.clone(),
        );
        let report_group_reports = Histogram::new(exponential_buckets(1.0, 2.0, 7));
        registry.register(
            "report_group_reports",
            "Reports written per transaction (reports arriving together share one commit)",
            report_group_reports.clone(),
        );
        let users = Family::<StateLabels, Gauge>::default();
        registry.register("users", "Users by state", users.clone());
        let servers = Family::<StateLabels, Gauge>::default();
        registry.register(
            "servers",
            "Servers by last agent contact: fresh (<1m), recent (<10m), stale, never",
            servers.clone(),
        );
        registry.register(
            "db_query_seconds",
            "Database time per storage operation (op), including the wait for a connection",
            crate::store::QUERY_SECONDS.clone(),
        );
        let node_polls_waiting = Gauge::default();
        registry.register(
            "node_polls_waiting",
            "Agent long polls held open",
            node_polls_waiting.clone(),
        );
        let subscription_fetches = Family::<OutcomeLabels, Counter>::default();
        registry.register(
            "subscription_fetches",
            "Subscription profile fetches by outcome: served, unknown, rate_limited",
            subscription_fetches.clone(),
        );
        let admin_logins = Family::<OutcomeLabels, Counter>::default();
        registry.register(
            "admin_logins",
            "Admin sign-ins by outcome: success, failure, rate_limited",
            admin_logins.clone(),
        );
        // Every outcome from the start: a series that appears only once something happened
        // reads as "no data" rather than 0 on dashboards.
        for outcome in ["served", "unknown", "rate_limited"] {
            drop(subscription_fetches.get_or_create(&OutcomeLabels { outcome }));
        }
        for outcome in ["success", "failure", "rate_limited"] {
            drop(admin_logins.get_or_create(&OutcomeLabels { outcome }));
        }
        let webhook_deliveries = Family::<OutcomeLabels, Counter>::default();
        registry.register(
            "webhook_deliveries",
            "Webhook delivery attempts by outcome: success, failure",
            webhook_deliveries.clone(),
        );
        for outcome in ["success", "failure"] {
            drop(webhook_deliveries.get_or_create(&OutcomeLabels { outcome }));
        }
        let devices = Family::<StateLabels, Gauge>::default();
        registry.register("devices", "Devices by state", devices.clone());
        let admin_sessions = Gauge::default();
        registry.register(
            "admin_sessions",
            "Admin sign-in sessions open",
            admin_sessions.clone(),
        );
        let connections = Gauge::default();
        registry.register(
            "connections",
            "Users' and devices' connections on every node, from the nodes' fresh reports of who is online",
            connections.clone(),
        );
        Self {
            devices,
            admin_sessions,
            connections,
            webhook_deliveries,
            admin_logins,
            subscription_fetches,
            registry: Arc::new(registry),
            requests,
            latency,
            ingested_bytes,
            duplicate_reports,
            report_write_seconds,
            report_group_reports,
            users,
            servers,
            node_polls_waiting,
        }
    }
}

impl Metrics {
    /// Every series, for the scrape.
    pub fn registry(&self) -> &Registry {
        &self.registry
    }
}
