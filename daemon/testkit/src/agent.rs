//! Runs the real agent in-process on `127.0.0.1:0`, with short intervals for tests.

use std::path::PathBuf;
use std::time::Duration;

use hy_common::telemetry::LogFormat;
use hy_hysteria::AgentArgs;
use serde_json::Value;
use tokio::net::TcpListener;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

/// What to start an agent with.
#[derive(Debug, Clone)]
pub struct AgentOptions {
    /// Central's base URL.
    pub central: String,
    /// The node's server id.
    pub server_id: String,
    /// The fake Hysteria's API base URL.
    pub hysteria_api: String,
    /// Its secret.
    pub secret: String,
    /// State directory (kept by the caller to restart on).
    pub state_dir: PathBuf,
    /// Optional secret auth path.
    pub auth_path: Option<String>,
    /// CA file for an HTTPS central.
    pub central_ca: Option<PathBuf>,
    /// `--interval-auth`.
    pub interval_auth: Duration,
    /// `--interval-kick`.
    pub interval_kick: Duration,
    /// `--interval-traffic-from-proxy`.
    pub interval_poll: Duration,
    /// `--interval-traffic-to-central`.
    pub interval_report: Duration,
    /// `--ready-max-list-age`.
    pub ready_max_list_age: Duration,
}

impl AgentOptions {
    /// Options with fast intervals (auth 10 s: changes must arrive by long poll, not by it).
    pub fn new(
        central: &str,
        server_id: &str,
        hysteria_api: &str,
        secret: &str,
        state_dir: PathBuf,
    ) -> Self {
        Self {
            central: central.to_owned(),
            server_id: server_id.to_owned(),
            hysteria_api: hysteria_api.to_owned(),
            secret: secret.to_owned(),
            state_dir,
            auth_path: None,
            central_ca: None,
            interval_auth: Duration::from_secs(10),
            interval_kick: Duration::from_secs(10),
            interval_poll: Duration::from_millis(50),
            interval_report: Duration::from_millis(50),
            ready_max_list_age: Duration::from_secs(300),
        }
    }

    /// The same settings as command-line arguments for `hyctl agent`.
    pub fn to_args(&self, listen: &str) -> Vec<String> {
        let ms = |d: Duration| format!("{}ms", d.as_millis());
        let mut args = vec![
            "agent".into(),
            "--server-id".into(),
            self.server_id.clone(),
            "--central".into(),
            self.central.clone(),
            "--proxy-server".into(),
            self.hysteria_api.clone(),
            "--traffic-server".into(),
            self.hysteria_api.clone(),
            "--secret".into(),
            self.secret.clone(),
            "--listen".into(),
            listen.into(),
            "--state-dir".into(),
            self.state_dir.display().to_string(),
            "--interval-auth".into(),
            ms(self.interval_auth),
            "--interval-kick".into(),
            ms(self.interval_kick),
            "--interval-traffic-from-proxy".into(),
            ms(self.interval_poll),
            "--interval-traffic-to-central".into(),
            ms(self.interval_report),
        ];
        if let Some(path) = &self.auth_path {
            args.extend(["--auth-path".into(), path.clone()]);
        }
        if let Some(ca) = &self.central_ca {
            args.extend(["--central-ca".into(), ca.display().to_string()]);
        }
        args
    }

    fn to_agent_args(&self) -> AgentArgs {
        AgentArgs {
            node: hy_node::NodeArgs {
                server_id: self.server_id.as_str().into(),
                central: Some(self.central.clone()),
                central_server_auth: None,
                central_server_traffic: None,
                central_ca: self.central_ca.clone(),
                state_dir: self.state_dir.clone(),
                interval_auth: self.interval_auth,
                interval_traffic_to_central: self.interval_report,
                ready_max_list_age: self.ready_max_list_age,
                log_format: LogFormat::Text,
            },
            proxy_server: self.hysteria_api.clone(),
            traffic_server: self.hysteria_api.clone(),
            secret: self.secret.as_str().into(),
            listen: "127.0.0.1:0".into(),
            auth_path: self.auth_path.clone(),
            interval_kick: self.interval_kick,
            interval_traffic_from_proxy: self.interval_poll,
        }
    }
}

/// A running agent.
#[derive(Debug)]
pub struct TestAgent {
    /// `http://127.0.0.1:PORT`: the auth endpoint is `{url}/`.
    pub url: String,
    shutdown: CancellationToken,
    task: JoinHandle<anyhow::Result<()>>,
}

impl TestAgent {
    /// Starts an agent and waits until it serves.
    pub async fn start(options: &AgentOptions) -> Self {
        let (_, config) = options.to_agent_args().load().expect("valid agent options");
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let shutdown = CancellationToken::new();
        let task = tokio::spawn(hy_hysteria::run(config, listener, shutdown.clone()));
        let agent = Self {
            url,
            shutdown,
            task,
        };
        agent.health().await;
        agent
    }

    /// The auth URL to give Hysteria.
    pub fn auth_url(&self) -> String {
        format!("{}/", self.url)
    }

    /// `GET /healthz`.
    pub async fn health(&self) -> Value {
        reqwest::get(format!("{}/healthz", self.url))
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    }

    /// Waits until the agent has a list from central with `users` users.
    pub async fn wait_for_users(&self, users: u64) {
        crate::wait_until(
            &format!("the agent has {users} users from central"),
            Duration::from_secs(10),
            || async {
                let h = self.health().await;
                h["list"]["source"] == "central" && h["list"]["users"].as_u64() == Some(users)
            },
        )
        .await;
    }

    /// Stops the agent gracefully (final poll and report) and checks it exited cleanly.
    pub async fn stop(self) {
        self.shutdown.cancel();
        tokio::time::timeout(Duration::from_secs(20), self.task)
            .await
            .expect("agent did not stop within 20 s")
            .unwrap()
            .unwrap();
    }
}
