//! Runs the real central on an ephemeral loopback port with a temporary database, and stops it
//! cleanly so a server error fails the test.
//!
//! The backend is SQLite unless `HYCTL_TEST_BACKEND=postgres`, which gives each central a fresh
//! database on the test PostgreSQL server: CI runs every suite that starts a central both ways
//! from the same test code. The few tests about the SQLite file itself say so with
//! [`sqlite_only`].

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use hy_api::client::{Client, ClientConfig};
use hy_central::clock::Clock;
use hy_central::config::Tls;
use hy_central::store::Store;
use serde_json::Value;
use tempfile::TempDir;
use tokio::net::TcpListener;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

use crate::postgres::TestDatabase;

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
    /// The PostgreSQL database, when this central runs on one.
    pub target: Option<hy_central::pg::Target>,
    /// That database when it is this central's own, dropped by [`TestCentral::stop`].
    postgres: Option<TestDatabase>,
    clock: Option<Arc<dyn Clock>>,
    shutdown: CancellationToken,
    task: JoinHandle<anyhow::Result<()>>,
}

/// The variable choosing the backend of every [`TestCentral`]: `sqlite` (the default) or
/// `postgres` (then `HYCTL_TEST_POSTGRES` must name the test server).
pub const BACKEND_ENV: &str = "HYCTL_TEST_BACKEND";

/// True when this run's centrals use PostgreSQL.
pub fn on_postgres() -> bool {
    match std::env::var(BACKEND_ENV).as_deref() {
        Err(_) | Ok("" | "sqlite") => false,
        Ok("postgres") => true,
        Ok(other) => panic!("{BACKEND_ENV}={other:?}: use sqlite or postgres"),
    }
}

/// For a test about the SQLite file itself (its locking, its backups, its old schemas): true,
/// after saying the test was skipped, when this run's centrals use PostgreSQL. The SQLite run
/// of the same suite covers it.
pub fn sqlite_only(test: &str, why: &str) -> bool {
    let skip = on_postgres();
    if skip {
        eprintln!("skipped {test} on PostgreSQL: {why}");
    }
    skip
}

/// The write lock of [`TestCentral::hold_write_lock`].
#[derive(Debug)]
pub enum WriteLock {
    /// The connection holding `BEGIN EXCLUSIVE`.
    Sqlite(rusqlite::Connection),
    /// The connection holding the table lock.
    Postgres(deadpool_postgres::Object),
}

impl WriteLock {
    /// Lets go of the lock.
    pub async fn release(self) {
        match self {
            Self::Sqlite(conn) => conn.execute_batch("ROLLBACK").unwrap(),
            Self::Postgres(client) => client.batch_execute("ROLLBACK").await.unwrap(),
        }
    }
}

/// A stopped central, to be started again where it was.
#[derive(Debug)]
pub struct Stopped {
    dir: TempDir,
    postgres: Option<TestDatabase>,
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
        TestCentral::start_owning(self.dir, self.tls, self.clock, listener, self.postgres).await
    }
}

/// A file under `daemon/testkit/fixtures/` (test-only TLS certificates, old schema dumps).
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name)
}

impl TestCentral {
    /// Starts central on a fresh temporary database of this run's backend.
    pub async fn start() -> Self {
        Self::start_fresh(false, None).await
    }

    /// Starts central over HTTPS with the fixture certificate, on a fresh database.
    pub async fn start_tls() -> Self {
        Self::start_fresh(true, None).await
    }

    /// Starts central on a fresh database with an injected clock.
    pub async fn start_with_clock(clock: Arc<dyn Clock>) -> Self {
        Self::start_fresh(false, Some(clock)).await
    }

    /// Starts central on a fresh SQLite file whatever this run's backend (the source of a move
    /// to PostgreSQL).
    pub async fn start_sqlite() -> Self {
        Self::start_sqlite_in(tempfile::tempdir().unwrap()).await
    }

    /// Starts central on `dir/central.db`, a SQLite file that may already exist (an old
    /// schema's dump, a restored backup), whatever this run's backend.
    pub async fn start_sqlite_in(dir: TempDir) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        Self::start_db(dir, false, None, listener, None).await
    }

    async fn start_fresh(tls: bool, clock: Option<Arc<dyn Clock>>) -> Self {
        let postgres = if on_postgres() {
            let db = TestDatabase::create("a central of this run").await;
            Some(db.unwrap_or_else(|| {
                panic!("{BACKEND_ENV}=postgres needs the test server: run under scripts/with-postgres.sh")
            }))
        } else {
            None
        };
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        Self::start_owning(tempfile::tempdir().unwrap(), tls, clock, listener, postgres).await
    }

    /// Starts central on `postgres` (dropped when it stops), or on `dir`'s SQLite file.
    async fn start_owning(
        dir: TempDir,
        tls: bool,
        clock: Option<Arc<dyn Clock>>,
        listener: TcpListener,
        postgres: Option<TestDatabase>,
    ) -> Self {
        let target = postgres.as_ref().map(|db| db.target.clone());
        let mut central = Self::start_db(dir, tls, clock, listener, target).await;
        central.postgres = postgres;
        central
    }

    /// Stops central, keeping what it needs to start again on the same database and address.
    pub async fn stop_for_restart(mut self) -> Stopped {
        let addr = self.url.rsplit_once("//").unwrap().1.parse().unwrap();
        let tls = self.url.starts_with("https");
        let clock = self.clock.clone();
        let postgres = self.postgres.take();
        Stopped {
            dir: self.stop().await,
            postgres,
            addr,
            tls,
            clock,
        }
    }

    /// Starts central on a PostgreSQL database that other centrals may share, its admin token
    /// file in a temporary directory. A central that finds the token already made by another
    /// has no file and an empty `token`: copy the first one's. The caller drops the database.
    pub async fn start_postgres(target: hy_central::pg::Target) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        Self::start_db(
            tempfile::tempdir().unwrap(),
            false,
            None,
            listener,
            Some(target),
        )
        .await
    }

    async fn start_db(
        dir: TempDir,
        tls: bool,
        clock: Option<Arc<dyn Clock>>,
        listener: TcpListener,
        postgres: Option<hy_central::pg::Target>,
    ) -> Self {
        let tls = tls.then(|| {
            Tls(hy_common::tls::acceptor(&fixture("server.pem"), &fixture("server.key")).unwrap())
        });
        let db_path = dir.path().join("central.db");
        let addr = listener.local_addr().unwrap();
        let scheme = if tls.is_some() { "https" } else { "http" };
        let url = format!("{scheme}://{addr}");
        let database = match postgres.clone() {
            Some(target) => hy_central::config::Database::Postgres(Box::new(target)),
            None => hy_central::config::Database::Sqlite(db_path.clone()),
        };
        let config = hy_central::Config {
            database,
            admin_token_file: hy_central::token::token_path(&db_path),
            lease_ttl: std::time::Duration::from_secs(15),
            db_pool_size: 8,
            tls,
            history_days: 90,
            log_days: 30,
            clock: clock.clone(),
            public_url: None,
            sub_rate: 30,
            audit_days: 365,
        };
        let shutdown = CancellationToken::new();
        let task = tokio::spawn(hy_central::run(config, listener, shutdown.clone()));
        let mut central = Self {
            url,
            token: String::new(),
            db_path,
            dir,
            target: postgres,
            postgres: None,
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

    /// True when this central runs on PostgreSQL.
    pub fn is_postgres(&self) -> bool {
        self.target.is_some()
    }

    /// A second handle on this central's database, through the storage layer, as another
    /// process (`hyctl central rotate-token`, another central) would have.
    pub async fn store(&self) -> Store {
        match &self.target {
            Some(target) => Store::Postgres(target.pool(2).unwrap().into()),
            None => Store::Sqlite(hy_central::db::Db::open(&self.db_path).unwrap()),
        }
    }

    /// Takes the database's write lock from another connection, as another process could
    /// (SQLite: an exclusive transaction; PostgreSQL: the `meta` table locked, where central's
    /// readiness probe writes), until [`WriteLock::release`].
    pub async fn hold_write_lock(&self) -> WriteLock {
        match &self.target {
            Some(target) => {
                let pool = target.pool(1).unwrap();
                let client = pool.get().await.unwrap();
                client
                    .batch_execute("BEGIN; LOCK TABLE meta IN EXCLUSIVE MODE")
                    .await
                    .unwrap();
                WriteLock::Postgres(client)
            }
            None => {
                let conn = rusqlite::Connection::open(&self.db_path).unwrap();
                conn.execute_batch("BEGIN EXCLUSIVE").unwrap();
                WriteLock::Sqlite(conn)
            }
        }
    }

    /// Runs one SQL statement on this central's database behind its back (a test setting up
    /// what no API can, such as counters near their cap). Write it in SQL both backends take.
    pub async fn sql(&self, sql: &str) {
        match self.store().await {
            Store::Sqlite(db) => {
                let sql = sql.to_owned();
                db.call(move |c| Ok(c.execute_batch(&sql)?)).await.unwrap();
            }
            Store::Postgres(pool) => pool.get().await.unwrap().batch_execute(sql).await.unwrap(),
        }
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

    /// Stops central and returns its directory; a PostgreSQL database of its own is dropped
    /// ([`TestCentral::stop_for_restart`] keeps it).
    pub async fn stop(self) -> TempDir {
        self.shutdown.cancel();
        tokio::time::timeout(Duration::from_secs(10), self.task)
            .await
            .expect("central did not stop within 10 s")
            .unwrap()
            .unwrap();
        if let Some(db) = self.postgres {
            db.drop_db().await;
        }
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
