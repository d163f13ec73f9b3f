//! What the media node's end-to-end tests share: the real node, in-process on `127.0.0.1:0`,
//! serving one server of a real central.

#![allow(dead_code)]

use std::time::Duration;

use hy_testkit::{TestCentral, wait_until};
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

/// A running `hyctl stream`.
pub struct StreamNode {
    /// Where it answers the media server's calls (`http://127.0.0.1:PORT`).
    pub url: String,
    pub http: reqwest::Client,
    shutdown: CancellationToken,
    task: JoinHandle<anyhow::Result<()>>,
    _state: tempfile::TempDir,
}

impl StreamNode {
    /// Starts the node for `server` and waits until it holds `entries` list entries from
    /// central (users and devices).
    pub async fn start(c: &TestCentral, server: &str, entries: u64) -> Self {
        Self::start_with(c, server, entries, None, None).await
    }

    /// [`StreamNode::start`] with SRS's and MediaMTX's APIs.
    pub async fn start_with(
        c: &TestCentral,
        server: &str,
        entries: u64,
        srs_api: Option<String>,
        mediamtx_api: Option<String>,
    ) -> Self {
        let state = tempfile::tempdir().unwrap();
        let args = hy_stream::StreamArgs {
            node: hy_node::NodeArgs {
                server_id: server.into(),
                central: Some(c.url("")),
                central_server_auth: None,
                central_server_traffic: None,
                central_ca: None,
                state_dir: state.path().into(),
                interval_auth: Duration::from_secs(10),
                interval_traffic_to_central: Duration::from_millis(50),
                ready_max_list_age: Duration::from_secs(300),
                log_format: hy_common::telemetry::LogFormat::Text,
            },
            listen: "127.0.0.1:0".into(),
            path_prefix: None,
            auth_duration: Duration::from_secs(180),
            srs_api,
            mediamtx_api,
        };
        let (_, mut config) = args.load().unwrap();
        config.node.interval_collect = Duration::from_millis(50);
        // Sessions and counts reach central at once.
        config.node.interval_close = Duration::from_millis(50);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let shutdown = CancellationToken::new();
        let task = tokio::spawn(hy_stream::run(config, listener, shutdown.clone()));
        let node = Self {
            url,
            http: reqwest::Client::new(),
            shutdown,
            task,
            _state: state,
        };
        wait_until(
            "the node has its list from central",
            Duration::from_secs(10),
            || async {
                let Ok(resp) = node.http.get(format!("{}/healthz", node.url)).send().await else {
                    return false;
                };
                let h: serde_json::Value = resp.json().await.unwrap_or_default();
                h["list"]["source"] == "central" && h["list"]["users"].as_u64() == Some(entries)
            },
        )
        .await;
        node
    }

    /// Stops the node (its last report made).
    pub async fn stop(self) {
        self.shutdown.cancel();
        self.task.await.unwrap().unwrap();
    }
}

/// Central with a stream server named `media-1` and user alice; returns the server's id.
pub async fn central_with_alice(c: &TestCentral) -> String {
    let (_, server) = c
        .admin(
            "POST",
            "/admin/servers",
            Some(r#"{"kind":"stream","name":"media-1"}"#),
        )
        .await;
    let server = server["id"].as_str().unwrap().to_owned();
    c.admin("POST", "/admin/users", Some(r#"{"id":"alice"}"#))
        .await;
    c.client().assign(&server, &["alice".into()]).await.unwrap();
    server
}
