//! The node runtime's own test data plane: the smallest plane that moves bytes itself, used
//! only to prove that `hy-node` is a real boundary (in-process sessions, revocation that cuts a
//! connection at once, bytes that reach central exactly once through SIGKILLs). It is built on
//! the runtime exactly as the proxy and gateway to come will be: [`Sessions`] as its plane,
//! [`NodeState::authorize`] for every attempt, [`Session::count`] around the client stream.
//!
//! Its protocol is one line and an echo: the client sends `AUTH <credential>\n`; the plane
//! answers `OK <user>\n` and from then on echoes every byte (the bytes read from the client are
//! its upload, `tx`; the bytes written back its download, `rx`) until the client closes or the
//! runtime closes the session, when the plane closes the socket; or it answers `NO <reason>\n`
//! and closes. `hy-test-plane` (src/bin) runs it as a process, for the SIGKILL tests.

use std::path::PathBuf;
use std::time::Duration;

use hy_api::servers::ServerKind;
use hy_node::{Attempt, Decision, Node, NodeConfig, NodeKind, NodeState, Resource, Sessions};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

use crate::central::TestCentral;

/// What the test plane is to central: an in-process byte mover, like the proxy to come.
pub const KIND: NodeKind = NodeKind {
    kind: ServerKind::Proxy,
    user_agent: "hyctl-test-plane",
    metrics_prefix: "hyctl_test_plane",
};

/// Runs the plane on `listener` and the runtime's routes on `http` until `shutdown`; then the
/// runtime takes the sessions' last bytes and reports them.
pub async fn run(
    config: NodeConfig,
    listener: TcpListener,
    http: TcpListener,
    shutdown: CancellationToken,
) -> anyhow::Result<()> {
    let sessions = Sessions::new("plane", "the test plane");
    let node = Node::start(config, sessions.clone()).await?;
    let routes = tokio::spawn(
        axum::serve(http, node.router())
            .with_graceful_shutdown(shutdown.clone().cancelled_owned())
            .into_future(),
    );
    let connections = TaskTracker::new();
    loop {
        let (stream, peer) = tokio::select! {
            () = shutdown.cancelled() => break,
            accepted = listener.accept() => accepted?,
        };
        let (state, sessions, stop) = (node.state().clone(), sessions.clone(), shutdown.clone());
        connections.spawn(async move {
            let _ = serve(stream, peer.to_string(), &state, &sessions, &stop).await;
        });
    }
    connections.close();
    connections.wait().await;
    node.stop().await;
    routes.await??;
    Ok(())
}

/// One client connection.
async fn serve(
    stream: TcpStream,
    peer: String,
    node: &NodeState,
    sessions: &Sessions,
    shutdown: &CancellationToken,
) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line).await?;
    let credential = line.trim_end().strip_prefix("AUTH ");
    let attempt = Attempt {
        credential,
        addr: &peer,
        resource: Resource::Node,
    };
    let mut stream = reader.into_inner();
    let admit = match node.authorize(sessions, &attempt).await {
        Decision::Admit(admit) => admit,
        Decision::Refuse { reason, .. } => {
            return stream
                .write_all(format!("NO {}\n", reason.as_str()).as_bytes())
                .await;
        }
    };
    stream
        .write_all(format!("OK {}\n", admit.user).as_bytes())
        .await?;
    let session = sessions.open(admit.user);
    let mut stream = session.count(stream);
    let mut buf = vec![0u8; 16 * 1024];
    loop {
        let n = tokio::select! {
            () = session.closed() => break,
            () = shutdown.cancelled() => break,
            read = stream.read(&mut buf) => read?,
        };
        if n == 0 {
            break;
        }
        stream.write_all(&buf[..n]).await?;
    }
    Ok(())
}

/// The test plane running in-process on `127.0.0.1:0`.
#[derive(Debug)]
pub struct TestPlane {
    /// Where clients connect.
    pub addr: std::net::SocketAddr,
    /// The runtime's routes (`/healthz`...).
    pub http_url: String,
    shutdown: CancellationToken,
    task: JoinHandle<anyhow::Result<()>>,
}

/// Node flags for a test plane of `server` on `central`, with short intervals.
pub fn config(central: &str, server: &str, state_dir: PathBuf) -> NodeConfig {
    let args = hy_node::NodeArgs {
        server_id: server.into(),
        central: Some(central.to_owned()),
        central_server_auth: None,
        central_server_traffic: None,
        central_ca: None,
        state_dir,
        interval_auth: Duration::from_secs(10),
        interval_traffic_to_central: Duration::from_millis(50),
        ready_max_list_age: Duration::from_secs(300),
        log_format: hy_common::telemetry::LogFormat::Text,
    };
    let mut config = args.load(KIND).expect("valid test plane options");
    config.interval_collect = Duration::from_millis(50);
    config.interval_close = Duration::from_secs(10);
    config
}

impl TestPlane {
    /// Starts a test plane for `server` and waits until it has its first list.
    pub async fn start(central: &TestCentral, server: &str, state_dir: PathBuf) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let http = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let (addr, http_url) = (
            listener.local_addr().unwrap(),
            format!("http://{}", http.local_addr().unwrap()),
        );
        let shutdown = CancellationToken::new();
        let config = config(&central.url, server, state_dir);
        let task = tokio::spawn(run(config, listener, http, shutdown.clone()));
        let plane = Self {
            addr,
            http_url,
            shutdown,
            task,
        };
        crate::wait_until(
            "the test plane has its first list",
            Duration::from_secs(10),
            || async { plane.health().await["list"]["source"] == "central" },
        )
        .await;
        plane
    }

    /// `GET /healthz`.
    pub async fn health(&self) -> serde_json::Value {
        reqwest::get(format!("{}/healthz", self.http_url))
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    }

    /// Stops it gracefully (the last bytes are reported) and fails the test on an error.
    pub async fn stop(self) {
        self.shutdown.cancel();
        tokio::time::timeout(Duration::from_secs(10), self.task)
            .await
            .expect("the test plane did not stop within 10 s")
            .unwrap()
            .unwrap();
    }
}

/// A client of the test plane.
#[derive(Debug)]
pub struct PlaneClient {
    stream: TcpStream,
    /// Bytes this client sent and got back: the truth the plane must report.
    pub moved: hy_api::Traffic,
}

impl PlaneClient {
    /// Connects with `credential`: the user it was admitted as, or the refusal reason.
    pub async fn connect(addr: std::net::SocketAddr, credential: &str) -> Result<Self, String> {
        let mut stream = TcpStream::connect(addr).await.unwrap();
        stream
            .write_all(format!("AUTH {credential}\n").as_bytes())
            .await
            .unwrap();
        let mut answer = Vec::new();
        loop {
            let b = stream.read_u8().await.map_err(|e| e.to_string())?;
            if b == b'\n' {
                break;
            }
            answer.push(b);
        }
        let answer = String::from_utf8(answer).unwrap();
        match answer.strip_prefix("OK ") {
            Some(_) => Ok(Self {
                stream,
                moved: hy_api::Traffic::default(),
            }),
            None => Err(answer.strip_prefix("NO ").unwrap_or(&answer).to_owned()),
        }
    }

    /// Sends `n` bytes and reads them back; false if the plane closed the connection first.
    pub async fn echo(&mut self, n: usize) -> bool {
        let data = vec![b'x'; n];
        if self.stream.write_all(&data).await.is_err() {
            return false;
        }
        self.moved.tx += n as u64;
        let mut back = vec![0u8; n];
        match self.stream.read_exact(&mut back).await {
            Ok(_) => {
                self.moved.rx += n as u64;
                true
            }
            Err(_) => false,
        }
    }

    /// Resolves when the plane closes the connection (EOF or reset).
    pub async fn closed(&mut self) {
        let mut buf = [0u8; 64];
        while matches!(self.stream.read(&mut buf).await, Ok(n) if n > 0) {}
    }
}
