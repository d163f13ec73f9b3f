//! The agent's periodic loops share one shape: run the work every period, and also whenever a
//! `wake` fires, until shutdown; a slow iteration skips ticks instead of bursting to catch up,
//! and the work itself is never cancelled halfway.

use std::time::Duration;

use tokio::sync::Notify;
use tokio::time::MissedTickBehavior;
use tokio_util::sync::CancellationToken;

/// Runs `work` at once, then every `period` and on each `wake`, until `shutdown`.
pub async fn every<F, Fut>(
    period: Duration,
    wake: Option<&Notify>,
    shutdown: &CancellationToken,
    mut work: F,
) where
    F: FnMut() -> Fut,
    Fut: Future<Output = ()>,
{
    let mut ticker = tokio::time::interval(period);
    ticker.set_missed_tick_behavior(MissedTickBehavior::Skip);
    loop {
        let woken = async {
            match wake {
                Some(n) => n.notified().await,
                None => std::future::pending().await,
            }
        };
        tokio::select! {
            () = shutdown.cancelled() => return,
            _ = ticker.tick() => {}
            () = woken => {}
        }
        // Not raced against shutdown: a poll whose answer is not spooled yet must finish.
        work().await;
    }
}
