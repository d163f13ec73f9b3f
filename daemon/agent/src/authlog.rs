//! The agent's record of auth decisions, shipped to central with traffic reports. Bounded: when
//! central is away for long, the oldest entries go first (and are counted), never memory.

use std::collections::{HashSet, VecDeque};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use hy_api::node::{AuthEvent, MAX_AUTH_EVENTS};

/// Most entries kept while central does not take them.
pub const CAPACITY: usize = 20_000;

/// Auth decisions not yet stored by central.
#[derive(Debug)]
pub struct AuthLog {
    events: Mutex<VecDeque<AuthEvent>>,
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
    pub fn record(&self, at: i64, user: Option<&str>, addr: &str, allowed: bool, reason: &str) {
        let id = format!(
            "{}-{}",
            self.boot,
            self.next.fetch_add(1, Ordering::Relaxed)
        );
        let event = AuthEvent {
            id,
            at,
            user: user.map(str::to_owned),
            addr: addr.chars().take(64).collect(),
            allowed,
            reason: reason.to_owned(),
        };
        let mut events = self.events.lock().unwrap_or_else(|p| p.into_inner());
        if events.len() >= CAPACITY {
            events.pop_front();
            self.dropped.fetch_add(1, Ordering::Relaxed);
        }
        events.push_back(event);
    }

    /// The oldest events, as many as one report may carry.
    pub fn pending(&self) -> Vec<AuthEvent> {
        let events = self.events.lock().unwrap_or_else(|p| p.into_inner());
        events.iter().take(MAX_AUTH_EVENTS).cloned().collect()
    }

    /// Central stored these: forget them.
    pub fn stored(&self, sent: &[AuthEvent]) {
        let ids: HashSet<&str> = sent.iter().map(|e| e.id.as_str()).collect();
        self.events
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .retain(|e| !ids.contains(e.id.as_str()));
    }

    /// Events waiting for central.
    pub fn len(&self) -> usize {
        self.events.lock().unwrap_or_else(|p| p.into_inner()).len()
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
        for i in 0..CAPACITY + 5 {
            log.record(0, Some("alice"), &format!("203.0.113.7:{i}"), true, "ok");
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
