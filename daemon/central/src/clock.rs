//! Time, injectable: central's expiry and reset schedule runs on a [`Clock`], so tests can move
//! time forward by days without waiting.

use std::fmt::Debug;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use jiff::Timestamp;
use tokio::sync::watch;

/// A source of the current time that can also wait for a moment to arrive.
pub trait Clock: Send + Sync + Debug {
    /// Now.
    fn now(&self) -> Timestamp;
    /// Resolves once `now() >= at`.
    fn sleep_until(&self, at: Timestamp) -> Pin<Box<dyn Future<Output = ()> + Send + '_>>;
}

/// The system clock.
#[derive(Debug, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Timestamp {
        Timestamp::now()
    }

    fn sleep_until(&self, at: Timestamp) -> Pin<Box<dyn Future<Output = ()> + Send + '_>> {
        Box::pin(async move {
            // Re-check at least hourly: wall-clock jumps (NTP, suspend) are not tokio's concern.
            loop {
                let left = millis_until(at, Timestamp::now());
                if left <= 0 {
                    return;
                }
                let step = std::time::Duration::from_millis(left.min(3_600_000) as u64);
                tokio::time::sleep(step).await;
            }
        })
    }
}

/// Whole milliseconds from `now` to `at`, rounded up so a wait never ends early.
///
/// Not `(at - now).get_milliseconds()`: that is only the milliseconds field of a span that
/// keeps whole seconds in another, so a wait of an hour ended within a second or two.
fn millis_until(at: Timestamp, now: Timestamp) -> i64 {
    let left = at.duration_since(now);
    let ms = left.as_millis();
    let rounded_up = if left.subsec_nanos() % 1_000_000 > 0 {
        ms + 1
    } else {
        ms
    };
    rounded_up.clamp(i64::MIN.into(), i64::MAX.into()) as i64
}

/// A clock that only moves when told to, for tests.
#[derive(Debug)]
pub struct ManualClock(watch::Sender<Timestamp>);

impl ManualClock {
    /// A clock stopped at `start`.
    pub fn new(start: Timestamp) -> Arc<Self> {
        Arc::new(Self(watch::Sender::new(start)))
    }

    /// Moves time forward (or sets it), waking whatever waits for the new time.
    pub fn set(&self, to: Timestamp) {
        self.0.send_replace(to);
    }

    /// Moves time forward by `by`.
    pub fn advance(&self, by: jiff::SignedDuration) {
        let now = *self.0.borrow();
        self.set(now + by);
    }
}

impl Clock for ManualClock {
    fn now(&self) -> Timestamp {
        *self.0.borrow()
    }

    fn sleep_until(&self, at: Timestamp) -> Pin<Box<dyn Future<Output = ()> + Send + '_>> {
        let mut rx = self.0.subscribe();
        Box::pin(async move {
            let _ = rx.wait_for(|now| *now >= at).await;
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wait_lasts_until_its_moment_not_to_the_next_whole_second() {
        let now: Timestamp = "2030-01-01T00:00:00.7Z".parse().unwrap();
        let at = |s: &str| -> Timestamp { s.parse().unwrap() };
        assert_eq!(millis_until(at("2030-01-01T01:00:00.7Z"), now), 3_600_000);
        assert_eq!(millis_until(at("2030-01-01T00:00:05.7002Z"), now), 5_001);
        assert_eq!(millis_until(at("2030-01-01T00:00:00.7Z"), now), 0);
        assert!(millis_until(at("2029-12-31T23:59:59Z"), now) < 0);
    }
}
