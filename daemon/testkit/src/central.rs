//! Runs the real central on an ephemeral loopback port with a temporary database, and stops it
//! cleanly so a server error fails the test.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use hy_api::client::{Client, ClientConfig};
use hy_central::clock::Clock;
use hy_central::config::Tls;
use serde_json::Value;
use tempfile::TempDir;
use tokio::net::TcpListener;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

/// A running central.
#[derive(Debug)]
pub struct TestCentral {
    /// Base URL, e.g. `http://127.0.0.1:40123`.
    pub url: String,
    /// The admin token central generated.
    pub token: String,
    /// The database file.
    pub db_path: PathBuf,
    /// The directory holding the database and token.
    pub dir: TempDir,
    clock: Option<Arc<dyn Clock>>,
    shutdown: CancellationToken,
    task: JoinHandle<anyhow::Result<()>>,
}

/// A stopped central, to be started again where it was.
#[derive(Debug)]
pub struct Stopped {
    dir: TempDir,
    addr: std::net::SocketAddr,
    tls: bool,
    clock: Option<Arc<dyn Clock>>,
}

impl Stopped {
    /// Starts central again on the same database and address, so agents find it back.
    pub async fn start(self) -> TestCentral {
        // The port was ours a moment ago; tokio sets SO_REUSEADDR, so rebinding works.
        let listener = TcpListener::bind(self.addr)
            .await
            .expect("rebind central's port");
        TestCentral::start_on(self.dir, self.tls, self.clock, listener).await
    }
}

/// A file under `daemon/testkit/fixtures/` (test-only TLS certificates, old schema dumps).
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name)
}

impl TestCentral {
    /// Starts central on a fresh temporary database.
    pub async fn start() -> Self {
        Self::start_with(tempfile::tempdir().unwrap(), false).await
    }

    /// Starts central on `dir/central.db` (which may already exist), optionally with the
    /// fixture TLS certificate.
    pub async fn start_with(dir: TempDir, tls: bool) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        Self::start_on(dir, tls, None, listener).await
    }

    /// Starts central on a fresh database with an injected clock.
    pub async fn start_with_clock(clock: Arc<dyn Clock>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        Self::start_on(tempfile::tempdir().unwrap(), false, Some(clock), listener).await
    }

    /// Stops central, keeping what it needs to start again on the same database and address.
    pub async fn stop_for_restart(self) -> Stopped {
        let addr = self.url.rsplit_once("//").unwrap().1.parse().unwrap();
        let tls = self.url.starts_with("https");
        let clock = self.clock.clone();
        Stopped {
            dir: self.stop().await,
            addr,
            tls,
            clock,
        }
    }

    /// Starts central on a PostgreSQL database (which other centrals may share), its admin
    /// token file in a temporary directory. A central that finds the token already made by
    /// another has no file and an empty `token`: copy the first one's.
    pub async fn start_postgres(target: hy_central::pg::Target) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let database = hy_central::config::Database::Postgres(Box::new(target));
        Self::start_db(
            tempfile::tempdir().unwrap(),
            false,
            None,
            listener,
            Some(database),
        )
        .await
    }

    async fn start_on(
        dir: TempDir,
        tls: bool,
        clock: Option<Arc<dyn Clock>>,
        listener: TcpListener,
    ) -> Self {
        Self::start_db(dir, tls, clock, listener, None).await
    }

    async fn start_db(
        dir: TempDir,
        tls: bool,
        clock: Option<Arc<dyn Clock>>,
        listener: TcpListener,
        database: Option<hy_central::config::Database>,
    ) -> Self {
        let tls = tls.then(|| {
            Tls(hy_common::tls::acceptor(&fixture("server.pem"), &fixture("server.key")).unwrap())
        });
        let db_path = dir.path().join("central.db");
        let addr = listener.local_addr().unwrap();
        let scheme = if tls.is_some() { "https" } else { "http" };
        let url = format!("{scheme}://{addr}");
        let config = hy_central::Config {
            database: database
                .unwrap_or_else(|| hy_central::config::Database::Sqlite(db_path.clone())),
            admin_token_file: hy_central::token::token_path(&db_path),
            lease_ttl: std::time::Duration::from_secs(15),
            db_pool_size: 8,
            tls,
            history_days: 90,
            log_days: 30,
            clock: clock.clone(),
        };
        let shutdown = CancellationToken::new();
        let task = tokio::spawn(hy_central::run(config, listener, shutdown.clone()));
        let mut central = Self {
            url,
            token: String::new(),
            db_path,
            dir,
            clock,
            shutdown,
            task,
        };
        // The listener was bound before spawning, so this request waits in its backlog until
        // central serves; by then the token file has been written.
        let health = central
            .raw()
            .get(central.url("/healthz"))
            .send()
            .await
            .unwrap();
        assert_eq!(health.status(), 200);
        central.token = std::fs::read_to_string(hy_central::token::token_path(&central.db_path))
            .map(|t| t.trim().to_owned())
            .unwrap_or_default();
        central
    }

    /// The URL of `path` on this central.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.url)
    }

    /// A typed client with the admin token.
    pub fn client(&self) -> Client {
        let mut config = self.client_config();
        config.token = Some(self.token.as_str().into());
        config.timeout = Duration::from_secs(10);
        Client::new(&config).unwrap()
    }

    /// A typed client without a token (what a node uses).
    pub fn node_client(&self) -> Client {
        Client::new(&self.client_config()).unwrap()
    }

    fn client_config(&self) -> ClientConfig {
        let mut config = ClientConfig::new(&self.url);
        if self.url.starts_with("https") {
            config.ca_file = Some(fixture("ca.pem"));
        }
        config
    }

    /// A plain HTTP client that trusts this central's certificate.
    pub fn raw(&self) -> reqwest::Client {
        let mut builder = reqwest::Client::builder()
            .timeout(Duration::from_secs(30))
            .use_rustls_tls();
        if self.url.starts_with("https") {
            let pem = std::fs::read(fixture("ca.pem")).unwrap();
            builder = builder.add_root_certificate(reqwest::Certificate::from_pem(&pem).unwrap());
        }
        builder.build().unwrap()
    }

    /// Sends a request with the admin token; `body` is sent verbatim without a Content-Type,
    /// as the original README's curl examples do.
    pub async fn admin(&self, method: &str, path: &str, body: Option<&str>) -> (u16, Value) {
        self.send(method, path, body, Some(&self.token)).await
    }

    /// Sends a request with an optional token; returns the status and the JSON body (`null` if
    /// empty). Panics on a non-JSON body: central never sends one.
    pub async fn send(
        &self,
        method: &str,
        path: &str,
        body: Option<&str>,
        token: Option<&str>,
    ) -> (u16, Value) {
        let method_name = method;
        let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
        let mut req = self.raw().request(method, self.url(path));
        if let Some(token) = token {
            req = req.bearer_auth(token);
        }
        if let Some(body) = body {
            req = req.body(body.to_owned());
        }
        let resp = req.send().await.unwrap();
        let status = resp.status().as_u16();
        let bytes = resp.bytes().await.unwrap();
        let value = if bytes.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&bytes).unwrap_or_else(|e| {
                panic!("non-JSON body ({e}): {}", String::from_utf8_lossy(&bytes))
            })
        };
        // Authenticated exchanges are checked against the OpenAPI document; a missing token
        // is checked too (its 401 must be documented).
        crate::openapi::check(method_name, path, body, status, &value);
        (status, value)
    }

    /// Stops central and returns its directory (to restart on the same database).
    pub async fn stop(self) -> TempDir {
        self.shutdown.cancel();
        tokio::time::timeout(Duration::from_secs(10), self.task)
            .await
            .expect("central did not stop within 10 s")
            .unwrap()
            .unwrap();
        self.dir
    }

    /// Waits (10 s at most) until `n` node long polls are held open.
    pub async fn wait_for_polls(&self, n: u64) {
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        loop {
            let (_, health) = self.send("GET", "/healthz", None, None).await;
            if health["node_polls_waiting"].as_u64() == Some(n) {
                return;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "{n} long polls never showed up: {health}"
            );
            tokio::task::yield_now().await;
        }
    }
}

/// Asserts an error response: status, code, and that the message mentions `needle`.
#[track_caller]
pub fn assert_error(got: &(u16, Value), status: u16, code: &str, needle: &str) {
    assert_eq!(got.0, status, "{}", got.1);
    assert_eq!(got.1["code"], code, "{}", got.1);
    let message = got.1["message"].as_str().unwrap_or_default();
    assert!(
        message.contains(needle),
        "message {message:?} should mention {needle:?}"
    );
}
