//! Exponential backoff with jitter, for retrying central and Hysteria.

use std::time::Duration;

/// Doubling delays from `base` up to `cap`, each with up to 20% random jitter so a fleet of
/// agents does not retry in lockstep after central comes back.
#[derive(Debug, Clone)]
pub struct Backoff {
    base: Duration,
    cap: Duration,
    current: Duration,
}

impl Backoff {
    /// A backoff starting at `base`.
    pub fn new(base: Duration, cap: Duration) -> Self {
        Self {
            base,
            cap,
            current: base,
        }
    }

    /// The next delay.
    pub fn next_delay(&mut self) -> Duration {
        let d = self.current;
        self.current = (self.current * 2).min(self.cap);
        d + d.mul_f64(hy_common::random::fraction() * 0.2)
    }

    /// Back to `base` after a success.
    pub fn reset(&mut self) {
        self.current = self.base;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubles_to_the_cap_with_bounded_jitter_and_resets() {
        let mut b = Backoff::new(Duration::from_secs(1), Duration::from_secs(8));
        for base in [1, 2, 4, 8, 8, 8] {
            let d = b.next_delay().as_secs_f64();
            let base = base as f64;
            assert!(
                d >= base && d <= base * 1.2,
                "{d} not within 20% above {base}"
            );
        }
        b.reset();
        assert!(b.next_delay() < Duration::from_millis(1200));
    }
}
