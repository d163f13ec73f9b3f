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
                let left = (at - Timestamp::now()).get_milliseconds();
                if left <= 0 {
                    return;
                }
                let step = std::time::Duration::from_millis(left.min(3_600_000) as u64);
                tokio::time::sleep(step).await;
            }
        })
    }
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
