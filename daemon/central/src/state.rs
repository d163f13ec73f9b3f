//! What every handler can reach: the storage layer, the admin credential, the shutdown signal.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use parking_lot::Mutex;

use tokio::sync::Notify;
use tokio_util::sync::CancellationToken;

use crate::clock::Clock;

/// Shared handler state. Cheap to clone.
#[derive(Debug, Clone)]
pub struct AppState {
    /// The storage layer: every read and write goes through it.
    pub store: crate::store::Store,
    /// Changes to node lists, which wake nodes' long polls: published by SQLite's commit hook,
    /// or by the PostgreSQL listener for changes made by any central.
    pub changes: crate::changes::ListChanges,
    /// On SQLite, the group-commit writer of traffic reports; PostgreSQL writes each report
    /// in its own transaction, from many connections at once.
    pub ingest: Option<crate::ingest::Ingest>,
    /// The admin token's digest, read again when old; the token itself is never held.
    pub admin_digest: Arc<crate::token::AdminDigest>,
    /// API tokens' digests and roles, read again when old.
    pub api_tokens: Arc<crate::token::ApiTokens>,
    /// Admin sessions the auth path has looked up.
    pub sessions: Arc<crate::accounts::Sessions>,
    /// Sign-in attempts per client address.
    pub login_by_addr: Arc<SubLimiter>,
    /// Sign-in attempts per account name.
    pub login_by_name: Arc<governor::DefaultKeyedRateLimiter<String>>,
    /// Cancelled when central is shutting down; long polls answer at once.
    pub shutdown: CancellationToken,
    /// When each server's last contact was written, to write it at most every
    /// [`crate::http::node::CONTACT_WRITE_EVERY`] seconds per server instead of on every poll.
    pub contacts: Arc<Mutex<HashMap<i64, Contact>>>,
    /// Node long polls being held open right now (shown by `/healthz`).
    pub waiting_polls: Arc<AtomicUsize>,
    /// The time source (injectable for tests).
    pub clock: Arc<dyn Clock>,
    /// Wakes the scheduler after a change to users' expiry or reset settings.
    pub reschedule: Arc<Notify>,
    /// Prometheus metrics.
    pub metrics: crate::metrics::Metrics,
    /// Base URL of subscription links (`--public-url`); `None`: the request's.
    pub public_url: Option<Arc<str>>,
    /// Whether central serves HTTPS (the scheme of links made from a request's Host).
    pub tls: bool,
    /// Subscription fetches per client address.
    pub sub_limiter: Arc<SubLimiter>,
}

/// A rate limiter per client address.
/// A node's last recorded contact: when, and the list revision it then held.
#[derive(Debug, Clone, Copy)]
pub struct Contact {
    pub at: i64,
    pub rev: Option<i64>,
}

impl Default for Contact {
    fn default() -> Self {
        Self {
            at: i64::MIN,
            rev: None,
        }
    }
}

pub type SubLimiter = governor::DefaultKeyedRateLimiter<std::net::IpAddr>;

impl AppState {
    /// Now, in stored form (Unix seconds, UTC).
    pub fn now(&self) -> i64 {
        self.clock.now().as_second()
    }
}

/// Counts one held long poll for as long as it lives.
#[derive(Debug)]
pub struct PollGuard(Arc<AtomicUsize>);

impl PollGuard {
    /// Starts counting.
    pub fn new(counter: &Arc<AtomicUsize>) -> Self {
        counter.fetch_add(1, Ordering::Relaxed);
        Self(Arc::clone(counter))
    }
}

impl Drop for PollGuard {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
    }
}
