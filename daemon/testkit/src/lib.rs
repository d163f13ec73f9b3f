//! Test support shared by the integration and end-to-end tests: a faithful fake Hysteria 2
//! server, and harnesses that run the real central and the real agent on `127.0.0.1:0`.
//!
//! Panicking on setup failures is the point here: a harness that cannot start fails its test.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod agent;
pub mod browser;
pub mod central;
pub mod cluster;
pub mod fleet;
pub mod hysteria;
pub mod nginx;
pub mod node;
pub mod openapi;
pub mod plane;
pub mod postgres;
pub mod proxy;
pub mod rtmp;
pub mod scrape;

use std::future::Future;
use std::time::{Duration, Instant};

pub use agent::{AgentOptions, TestAgent};
pub use central::{TestCentral, assert_error, fixture, on_postgres, sqlite_only};
pub use hysteria::{ConnId, FakeHysteria, Refused, Truth};
pub use node::{API_SECRET, TestNode};
pub use proxy::{Fault, FlakyProxy};

/// Polls `check` every 10 ms until it returns true; panics naming `what` after `timeout`.
/// Waiting on observable state, never on elapsed time.
pub async fn wait_until<F, Fut>(what: &str, timeout: Duration, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: Future<Output = bool>,
{
    let deadline = Instant::now() + timeout;
    while !check().await {
        assert!(
            Instant::now() < deadline,
            "timed out after {timeout:?} waiting until {what}"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}
