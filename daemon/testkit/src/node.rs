//! One node for end-to-end tests: a fake Hysteria and the real agent beside it, wired together.

use tempfile::TempDir;

use crate::agent::{AgentOptions, TestAgent};
use crate::central::TestCentral;
use crate::hysteria::{FakeHysteria, client_addr};

/// The trafficStats secret every test node uses.
pub const API_SECRET: &str = "hysteria-api-secret";

/// A fake Hysteria whose auth calls go to a running agent for one server.
#[derive(Debug)]
pub struct TestNode {
    /// The fake Hysteria.
    pub fake: FakeHysteria,
    /// The agent.
    pub agent: TestAgent,
    /// The options the agent was started with (to start it again).
    pub options: AgentOptions,
    /// The agent's state directory.
    pub state: TempDir,
}

impl TestNode {
    /// Starts a fake Hysteria and an agent for `server` on `central`; `tune` adjusts the options.
    pub async fn start(
        central: &TestCentral,
        server: &str,
        tune: impl FnOnce(&mut AgentOptions),
    ) -> Self {
        let state = tempfile::tempdir().unwrap();
        let fake = FakeHysteria::start(API_SECRET, "http://127.0.0.1:9/").await;
        let mut options = AgentOptions::new(
            &central.url,
            server,
            &fake.api_url,
            API_SECRET,
            state.path().into(),
        );
        tune(&mut options);
        let agent = TestAgent::start(&options).await;
        fake.set_auth_url(&agent.auth_url());
        Self {
            fake,
            agent,
            options,
            state,
        }
    }

    /// Whether a client with `secret` would be admitted right now.
    pub async fn admits(&self, secret: &str) -> bool {
        self.fake
            .authenticate(secret, &client_addr(77), 0)
            .await
            .is_ok()
    }
}
