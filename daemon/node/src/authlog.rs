//! The agent's record of auth decisions, shipped to central with traffic reports. Bounded: when
//! central is away for long, the oldest entries go first (and are counted), never memory.

use std::collections::{HashSet, VecDeque};
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use parking_lot::Mutex;

use hy_api::node::{AuthEvent, MAX_AUTH_EVENTS};

/// Most entries kept while central does not take them.
pub const CAPACITY: usize = 20_000;

/// One decision as kept in memory: no allocation beyond the queue slot on the hot path (the
/// user id is shared with the table, the address parsed, the reason static). The wire form,
/// [`AuthEvent`], is built only when a report is sent.
#[derive(Debug)]
struct Decision {
    seq: u64,
    at: i64,
    user: Option<Arc<str>>,
    addr: Addr,
    allowed: bool,
    reason: &'static str,
}

/// Hysteria's `addr`: nearly always `ip:port`; anything else is kept as text (truncated).
#[derive(Debug)]
enum Addr {
    Socket(SocketAddr),
    Text(Box<str>),
}

impl Addr {
    fn new(addr: &str) -> Self {
        match addr.parse() {
            Ok(a) => Addr::Socket(a),
            Err(_) => Addr::Text(addr.chars().take(64).collect()),
        }
    }
}

impl std::fmt::Display for Addr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Addr::Socket(a) => a.fmt(f),
            Addr::Text(t) => f.write_str(t),
        }
    }
}

/// Auth decisions not yet stored by central.
#[derive(Debug)]
pub struct AuthLog {
    events: Mutex<VecDeque<Decision>>,
    /// Random per process: with the counter, makes event ids unique across restarts.
    boot: String,
    next: AtomicU64,
    dropped: AtomicU64,
}

impl Default for AuthLog {
    fn default() -> Self {
        Self {
            events: Mutex::default(),
            boot: hy_common::random::token(10),
            next: AtomicU64::new(0),
            dropped: AtomicU64::new(0),
        }
    }
}

impl AuthLog {
    /// Records a decision made at `at` (Unix seconds). `user` is None when the auth string named
    /// nobody; the auth string itself is never recorded.
    pub fn record(
        &self,
        at: i64,
        user: Option<&Arc<str>>,
        addr: &str,
        allowed: bool,
        reason: &'static str,
    ) {
        let event = Decision {
            seq: self.next.fetch_add(1, Ordering::Relaxed),
            at,
            user: user.cloned(),
            addr: Addr::new(addr),
            allowed,
            reason,
        };
        let mut events = self.events.lock();
        if events.len() >= CAPACITY {
            events.pop_front();
            self.dropped.fetch_add(1, Ordering::Relaxed);
        }
        events.push_back(event);
    }

    /// The oldest events, as many as one report may carry.
    pub fn pending(&self) -> Vec<AuthEvent> {
        let events = self.events.lock();
        events
            .iter()
            .take(MAX_AUTH_EVENTS)
            .map(|e| AuthEvent {
                id: format!("{}-{}", self.boot, e.seq),
                at: e.at,
                user: e.user.as_deref().map(str::to_owned),
                addr: e.addr.to_string(),
                allowed: e.allowed,
                reason: e.reason.to_owned(),
            })
            .collect()
    }

    /// Central stored these: forget them.
    pub fn stored(&self, sent: &[AuthEvent]) {
        let prefix = format!("{}-", self.boot);
        let seqs: HashSet<u64> = sent
            .iter()
            .filter_map(|e| e.id.strip_prefix(&prefix)?.parse().ok())
            .collect();
        self.events.lock().retain(|e| !seqs.contains(&e.seq));
    }

    /// Events waiting for central.
    pub fn len(&self) -> usize {
        self.events.lock().len()
    }

    /// True when nothing waits for central.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Events dropped for lack of room since start.
    pub fn dropped(&self) -> u64 {
        self.dropped.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounded_and_forgets_only_what_was_stored() {
        let log = AuthLog::default();
        let alice: Arc<str> = Arc::from("alice");
        for i in 0..CAPACITY + 5 {
            log.record(0, Some(&alice), &format!("203.0.113.7:{i}"), true, "ok");
        }
        assert_eq!(log.dropped(), 5);
        let sent = log.pending();
        assert_eq!(sent.len(), MAX_AUTH_EVENTS);
        assert_eq!(sent[0].addr, "203.0.113.7:5", "the oldest went first");
        log.record(0, None, "198.51.100.1:1", false, "unknown_secret");
        log.stored(&sent);
        // The newest record pushed out the oldest (already sent) one.
        assert_eq!(log.len(), CAPACITY - MAX_AUTH_EVENTS + 1);
        assert_eq!(
            log.pending().len(),
            MAX_AUTH_EVENTS,
            "one report's worth at a time"
        );
    }
}
