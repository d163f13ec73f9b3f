//! PostgreSQL, for several centrals on one database: where to connect (a `postgres://` URL,
//! its password from the URL, `PGPASSWORD` or a file; TLS when asked for, always verified), the
//! connection pool, the change listener, and the versioned migrations of `migrations/postgres/`.
//!
//! This is the first part of the PostgreSQL backend: the storage operations that run on it
//! come with the storage layer both backends share. Migrations take an advisory lock, so
//! centrals started together on one database apply each migration once.

use std::path::Path;

use std::path::PathBuf;
use std::sync::Arc;

use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod};
use rustls_pki_types::CertificateDer;
use rustls_pki_types::pem::PemObject;
use tokio_postgres::config::{Host, SslMode};
use tokio_postgres_rustls::MakeRustlsConnect;

/// The migrations, in order; the schema version is the number applied.
pub const MIGRATIONS: &[(&str, &str)] = &[
    (
        "0001_initial",
        include_str!("../migrations/postgres/0001_initial.sql"),
    ),
    (
        "0002_wake_on_delete_and_schedule",
        include_str!("../migrations/postgres/0002_wake_on_delete_and_schedule.sql"),
    ),
    (
        "0003_cheaper_writes",
        include_str!("../migrations/postgres/0003_cheaper_writes.sql"),
    ),
    (
        "0004_counters_in_place",
        include_str!("../migrations/postgres/0004_counters_in_place.sql"),
    ),
    (
        "0005_contact",
        include_str!("../migrations/postgres/0005_contact.sql"),
    ),
    (
        "0006_user_devices",
        include_str!("../migrations/postgres/0006_user_devices.sql"),
    ),
    (
        "0007_subscriptions",
        include_str!("../migrations/postgres/0007_subscriptions.sql"),
    ),
    (
        "0008_api_tokens",
        include_str!("../migrations/postgres/0008_api_tokens.sql"),
    ),
    (
        "0009_audit_log",
        include_str!("../migrations/postgres/0009_audit_log.sql"),
    ),
    (
        "0010_admins",
        include_str!("../migrations/postgres/0010_admins.sql"),
    ),
    (
        "0011_events",
        include_str!("../migrations/postgres/0011_events.sql"),
    ),
    (
        "0012_webhooks",
        include_str!("../migrations/postgres/0012_webhooks.sql"),
    ),
    (
        "0013_online_sessions",
        include_str!("../migrations/postgres/0013_online_sessions.sql"),
    ),
    (
        "0014_session_kicks",
        include_str!("../migrations/postgres/0014_session_kicks.sql"),
    ),
    (
        "0015_device_streams",
        include_str!("../migrations/postgres/0015_device_streams.sql"),
    ),
    (
        "0016_panel_sessions",
        include_str!("../migrations/postgres/0016_panel_sessions.sql"),
    ),
    (
        "0017_list_rev_seen",
        include_str!("../migrations/postgres/0017_list_rev_seen.sql"),
    ),
    (
        "0018_stream_sessions",
        include_str!("../migrations/postgres/0018_stream_sessions.sql"),
    ),
    (
        "0019_history_close",
        include_str!("../migrations/postgres/0019_history_close.sql"),
    ),
    (
        "0020_quota_limit",
        include_str!("../migrations/postgres/0020_quota_limit.sql"),
    ),
    (
        "0021_session_ends",
        include_str!("../migrations/postgres/0021_session_ends.sql"),
    ),
];

/// Key of the advisory lock held while migrating (any constant; this one spells "hyctl").
const MIGRATION_LOCK: i64 = 0x6879_6374_6c00;

/// Why PostgreSQL could not be used.
#[derive(Debug, thiserror::Error)]
pub enum PgError {
    /// The URL or a password source is unusable.
    #[error("{0}")]
    Config(String),
    /// The server refused or failed.
    #[error("PostgreSQL: {0}")]
    Server(#[from] tokio_postgres::Error),
    /// No connection could be had from the pool.
    #[error("PostgreSQL: could not get a connection: {0}")]
    Pool(String),
    /// The database holds a schema this build does not know.
    #[error("{0}")]
    Schema(String),
}

/// True when `db` names a PostgreSQL database rather than a SQLite file.
pub fn is_url(db: &str) -> bool {
    db.starts_with("postgres://") || db.starts_with("postgresql://")
}

/// What [`Target::listen`] hears: `(channel, payload)`, or why the connection ended.
pub type Notifications = tokio::sync::mpsc::UnboundedReceiver<Result<(String, String), String>>;

/// A PostgreSQL database to connect to.
#[derive(Clone)]
pub struct Target {
    config: tokio_postgres::Config,
    tls: DbTls,
    /// The URL said `sslmode=disable`: a CA file given as well is a contradiction.
    plaintext_asked: bool,
    connector: MakeRustlsConnect,
}

/// How the connection to the database server is protected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DbTls {
    /// None: for a Unix socket, loopback or a private network (no `sslmode`, or `disable`).
    Off,
    /// TLS, the server's certificate chain and host name checked against these roots; libpq's
    /// `require`, `verify-ca` and `verify-full` all mean this (hyctl never encrypts without
    /// knowing whom to).
    Verified(Roots),
}

/// Whom a TLS connection trusts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Roots {
    /// The certificates of a PEM file (`--db-ca-file`, or `sslrootcert` in the URL).
    CaFile(PathBuf),
    /// Mozilla's root programme (webpki-roots), for managed databases with public certificates.
    Public,
}

impl std::fmt::Display for DbTls {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Off => f.write_str("off"),
            Self::Verified(Roots::CaFile(path)) => write!(f, "verified by {}", path.display()),
            Self::Verified(Roots::Public) => f.write_str("verified by the public roots"),
        }
    }
}

/// The parameters of a `postgres://` URL that libpq takes and tokio-postgres does not:
/// `sslrootcert` is taken out (the CA file), and libpq's `sslmode` spellings are read here.
/// Returns the URL tokio-postgres is given, the CA file, and the mode asked for.
fn libpq_params(url: &str) -> Result<(String, Option<PathBuf>, Option<String>), PgError> {
    let Some((base, query)) = url.split_once('?') else {
        return Ok((url.to_owned(), None, None));
    };
    let (mut kept, mut ca, mut mode) = (Vec::new(), None, None);
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let decoded = || {
            use std::os::unix::ffi::OsStrExt as _;
            let bytes: Vec<u8> = percent_encoding::percent_decode_str(value).collect();
            PathBuf::from(std::ffi::OsStr::from_bytes(&bytes))
        };
        match key {
            "sslrootcert" => ca = Some(decoded()),
            "sslmode" => {
                let asked = decoded().to_string_lossy().into_owned();
                match asked.as_str() {
                    "disable" | "require" | "verify-ca" | "verify-full" => mode = Some(asked),
                    "prefer" | "allow" => {
                        return Err(PgError::Config(format!(
                            "sslmode={asked} falls back to an unencrypted connection without \
                             saying so; use sslmode=verify-full (TLS, the certificate checked) \
                             or sslmode=disable (a Unix socket, loopback or a private network)"
                        )));
                    }
                    _ => {
                        return Err(PgError::Config(format!(
                            "sslmode={asked} is not a mode; use disable, require, verify-ca or \
                             verify-full"
                        )));
                    }
                }
            }
            _ => kept.push(pair),
        }
    }
    let url = if kept.is_empty() {
        base.to_owned()
    } else {
        format!("{base}?{}", kept.join("&"))
    };
    Ok((url, ca, mode))
}

/// A rustls client trusting `roots` (nothing, for a connection that never uses it).
fn connector(tls: &DbTls) -> Result<MakeRustlsConnect, PgError> {
    let mut store = rustls::RootCertStore::empty();
    match tls {
        DbTls::Off => {}
        DbTls::Verified(Roots::Public) => {
            store.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
        }
        DbTls::Verified(Roots::CaFile(path)) => {
            let unreadable = |e: &dyn std::fmt::Display| {
                PgError::Config(format!(
                    "could not read the database CA file {}: {e}",
                    path.display()
                ))
            };
            for cert in CertificateDer::pem_file_iter(path).map_err(|e| unreadable(&e))? {
                store
                    .add(cert.map_err(|e| unreadable(&e))?)
                    .map_err(|e| unreadable(&e))?;
            }
            if store.is_empty() {
                return Err(PgError::Config(format!(
                    "the database CA file {} holds no PEM certificate",
                    path.display()
                )));
            }
        }
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| PgError::Config(format!("TLS setup: {e}")))?
        .with_root_certificates(store)
        .with_no_client_auth();
    Ok(MakeRustlsConnect::new(config))
}

impl std::fmt::Debug for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.shown())
    }
}

impl Target {
    /// Reads `url`; the password comes from the URL, else from `password_file` (its first
    /// line), else from `PGPASSWORD`, else none (trust or peer authentication).
    ///
    /// TLS comes from the URL: `sslmode=require`, `verify-ca` or `verify-full` encrypt and verify
    /// (against `sslrootcert`, else the public roots); no `sslmode` or `disable` do not;
    /// `prefer` and `allow` are refused, since they fall back to plaintext silently. See also
    /// [`Target::with_ca_file`].
    pub fn parse(url: &str, password_file: Option<&Path>) -> Result<Self, PgError> {
        let (url, ca, mode) = libpq_params(url)?;
        let mut config: tokio_postgres::Config = url.parse().map_err(|e| {
            PgError::Config(format!(
                "the database URL is not a PostgreSQL URL ({e}); use e.g. \
                 postgres://hyctl@db.example:5432/hyctl"
            ))
        })?;
        if config.get_password().is_none() {
            let password = match password_file {
                Some(path) => Some(
                    std::fs::read_to_string(path)
                        .map_err(|e| {
                            PgError::Config(format!(
                                "could not read the password file {}: {e}",
                                path.display()
                            ))
                        })?
                        .lines()
                        .next()
                        .unwrap_or_default()
                        .to_owned(),
                ),
                None => std::env::var("PGPASSWORD").ok().filter(|p| !p.is_empty()),
            };
            if let Some(p) = password {
                config.password(p);
            }
        }
        if config.get_dbname().is_none() {
            return Err(PgError::Config(
                "the database URL names no database; add it as the path: postgres://host/hyctl"
                    .into(),
            ));
        }
        config.application_name("hyctl-central");
        let plaintext_asked = mode.as_deref() == Some("disable");
        let tls = match (ca, mode.is_some() && !plaintext_asked) {
            (Some(path), _) if plaintext_asked => {
                return Err(PgError::Config(format!(
                    "sslmode=disable and sslrootcert={} contradict each other; drop one",
                    path.display()
                )));
            }
            (Some(path), _) => DbTls::Verified(Roots::CaFile(path)),
            (None, true) => DbTls::Verified(Roots::Public),
            (None, false) => DbTls::Off,
        };
        Self::with_tls(config, tls, plaintext_asked)
    }

    fn with_tls(
        mut config: tokio_postgres::Config,
        tls: DbTls,
        plaintext_asked: bool,
    ) -> Result<Self, PgError> {
        let socket = config.get_hosts().iter().find_map(|h| match h {
            Host::Unix(dir) => Some(dir.clone()),
            Host::Tcp(_) => None,
        });
        if let (Some(dir), true) = (socket, tls != DbTls::Off) {
            return Err(PgError::Config(format!(
                "TLS is for a database reached over TCP; {} is a Unix socket directory \
                 (local: drop the TLS setting)",
                dir.display()
            )));
        }
        // Never "prefer": a connection is encrypted and verified, or plainly not encrypted.
        config.ssl_mode(if tls == DbTls::Off {
            SslMode::Disable
        } else {
            SslMode::Require
        });
        Ok(Self {
            connector: connector(&tls)?,
            config,
            tls,
            plaintext_asked,
        })
    }

    /// Encrypts the connection and verifies the server against the certificates of `ca_file`
    /// (`--db-ca-file`), whatever the URL's `sslmode` (but `disable`, which contradicts it).
    pub fn with_ca_file(self, ca_file: &Path) -> Result<Self, PgError> {
        if self.plaintext_asked {
            return Err(PgError::Config(
                "the database URL says sslmode=disable, and a CA file was given: drop one".into(),
            ));
        }
        Self::with_tls(
            self.config,
            DbTls::Verified(Roots::CaFile(ca_file.to_owned())),
            false,
        )
    }

    /// How the connection is protected, for the start log.
    pub fn tls(&self) -> &DbTls {
        &self.tls
    }

    /// The target without its password, for logs: `postgres://hyctl@db:5432/hyctl`.
    pub fn shown(&self) -> String {
        let c = &self.config;
        let user = c.get_user().map(|u| format!("{u}@")).unwrap_or_default();
        let host = c
            .get_hosts()
            .iter()
            .map(|h| match h {
                Host::Tcp(name) => name.clone(),
                Host::Unix(path) => path.display().to_string(),
            })
            .collect::<Vec<_>>()
            .join(",");
        let port = c
            .get_ports()
            .first()
            .map(|p| format!(":{p}"))
            .unwrap_or_default();
        format!(
            "postgres://{user}{host}{port}/{}",
            c.get_dbname().unwrap_or_default()
        )
    }

    /// The database's name.
    pub fn dbname(&self) -> &str {
        self.config.get_dbname().unwrap_or_default()
    }

    /// The same server, another database (tests make one per case).
    pub fn with_dbname(&self, name: &str) -> Self {
        let mut target = self.clone();
        target.config.dbname(name);
        target
    }

    /// One connection outside the pool that `LISTEN`s on `channels`: its notifications, as
    /// `(channel, payload)`, arrive on the receiver, which ends with an error when the
    /// connection is lost (or after the client is dropped).
    pub async fn listen(
        &self,
        application_name: &str,
        channels: &[&str],
    ) -> Result<(tokio_postgres::Client, Notifications), PgError> {
        use futures_util::StreamExt as _;
        let mut config = self.config.clone();
        config.application_name(application_name);
        let (client, mut connection) = config.connect(self.connector.clone()).await?;
        let (notes, notified) = tokio::sync::mpsc::unbounded_channel();
        tokio::spawn(async move {
            let mut messages = futures_util::stream::poll_fn(move |cx| connection.poll_message(cx));
            while let Some(message) = messages.next().await {
                match message {
                    Ok(tokio_postgres::AsyncMessage::Notification(n)) => {
                        let _ = notes.send(Ok((n.channel().to_owned(), n.payload().to_owned())));
                    }
                    Ok(_) => {}
                    Err(e) => {
                        let _ = notes.send(Err(e.to_string()));
                        return;
                    }
                }
            }
            let _ = notes.send(Err("the connection closed".into()));
        });
        let listen: String = channels.iter().map(|c| format!("LISTEN {c};")).collect();
        client.batch_execute(&listen).await?;
        Ok((client, notified))
    }

    /// A pool of at most `size` connections.
    pub fn pool(&self, size: usize) -> Result<Pool, PgError> {
        let manager = Manager::from_config(
            self.config.clone(),
            self.connector.clone(),
            ManagerConfig {
                recycling_method: RecyclingMethod::Fast,
            },
        );
        Pool::builder(manager)
            .max_size(size)
            .build()
            .map_err(|e| PgError::Pool(e.to_string()))
    }
}

/// Holds a `LISTEN` connection until `shutdown`: each server notified on `list_changed` is
/// published to `changes`, which wakes that server's long polls on this central, and each
/// `schedule_changed` (an expiry or reset moved, through any central) wakes `schedule`, in case
/// this central leads. The rows stay the truth and a notification only a wake-up: after every
/// (re)connection, when notifications may have been missed, every list is treated as changed
/// and the schedule woken. Reconnects with a capped backoff while the database is away.
pub async fn listen_for_changes(
    target: Target,
    changes: crate::changes::ListChanges,
    schedule: std::sync::Arc<tokio::sync::Notify>,
    shutdown: tokio_util::sync::CancellationToken,
) {
    let mut pause = std::time::Duration::from_millis(100);
    loop {
        let connected = tokio::select! {
            () = shutdown.cancelled() => return,
            c = target.listen("hyctl-central-listen", &["list_changed", "schedule_changed"]) => c,
        };
        let failure = match connected {
            Err(e) => e.to_string(),
            // The client is held, not used: dropping it would close the connection.
            Ok((_client, mut notified)) => {
                // Listening now; whatever changed while not listening is unknown.
                changes.publish_all();
                schedule.notify_one();
                pause = std::time::Duration::from_millis(100);
                tracing::debug!("listening for list changes on PostgreSQL");
                loop {
                    let note = tokio::select! {
                        () = shutdown.cancelled() => return,
                        note = notified.recv() => note,
                    };
                    match note {
                        Some(Ok((channel, _))) if channel == "schedule_changed" => {
                            schedule.notify_one();
                        }
                        Some(Ok((_, payload))) => {
                            if let Ok(pk) = payload.parse::<i64>() {
                                changes.publish(&[pk]);
                            }
                        }
                        Some(Err(e)) => break e,
                        None => break "the connection task ended".into(),
                    }
                }
            }
        };
        tracing::warn!(error = %failure, retry_in = ?pause, "list change notifications lost; reconnecting");
        tokio::select! {
            () = shutdown.cancelled() => return,
            () = tokio::time::sleep(pause) => {}
        }
        pause = (pause * 2).min(std::time::Duration::from_secs(30));
    }
}

/// The schema version this build writes.
pub fn latest() -> i64 {
    MIGRATIONS.len() as i64
}

/// Brings the database up to [`latest`], each migration in its own transaction under an
/// advisory lock, so centrals starting together apply it once (one may apply some and another
/// the rest). Returns how many this call applied.
pub async fn migrate(pool: &Pool) -> Result<i64, PgError> {
    migrate_to(pool, latest()).await
}

/// [`migrate`], stopping at schema `version` (an upgrade test builds an old database with it).
pub async fn migrate_to(pool: &Pool, version: i64) -> Result<i64, PgError> {
    let mut client = pool.get().await.map_err(|e| PgError::Pool(e.to_string()))?;
    let mut applied = 0;
    let wanted = usize::try_from(version).unwrap_or(0);
    for (i, (name, sql)) in MIGRATIONS.iter().enumerate().take(wanted) {
        let version = i as i64 + 1;
        let tx = client.transaction().await?;
        // The lock comes first, before even the bookkeeping table: two centrals creating it at
        // once would collide in the catalog, IF NOT EXISTS notwithstanding.
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
            .await?;
        tx.batch_execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (
                 version    BIGINT PRIMARY KEY,
                 name       TEXT NOT NULL,
                 applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
             )",
        )
        .await?;
        let current: i64 = tx
            .query_one(
                "SELECT COALESCE(MAX(version), 0) FROM schema_migrations",
                &[],
            )
            .await?
            .get(0);
        if current > latest() {
            return Err(PgError::Schema(format!(
                "the database has schema version {current}, newer than this build of hyctl \
                 understands ({}); run a newer hyctl",
                latest()
            )));
        }
        if current >= version {
            continue;
        }
        tx.batch_execute(sql)
            .await
            .map_err(|e| PgError::Schema(format!("migration {name} failed: {e}")))?;
        tx.execute(
            "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)",
            &[&version, name],
        )
        .await?;
        tx.commit().await?;
        tracing::info!(migration = name, "applied PostgreSQL migration");
        applied += 1;
    }
    Ok(applied)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_told_from_files_and_passwords_never_shown() {
        assert!(is_url("postgres://h/db") && is_url("postgresql://h/db"));
        assert!(!is_url("central.db") && !is_url("/var/lib/hyctl/central.db"));
        let t = Target::parse("postgres://hyctl:s3cret@db.example:6432/fleet", None).unwrap();
        assert_eq!(t.shown(), "postgres://hyctl@db.example:6432/fleet");
        assert!(!format!("{t:?}").contains("s3cret"));
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("pw");
        std::fs::write(&file, "from-file\n").unwrap();
        let t = Target::parse("postgres://hyctl@db/fleet", Some(&file)).unwrap();
        assert_eq!(t.config.get_password(), Some(&b"from-file"[..]));
        assert!(
            Target::parse("postgres://hyctl@db", None)
                .unwrap_err()
                .to_string()
                .contains("names no database")
        );
        assert!(Target::parse("postgres://h/db", Some(&dir.path().join("missing"))).is_err());
        let socket =
            Target::parse("postgresql://hyctl@localhost/postgres?host=/tmp/pg", None).unwrap();
        assert!(socket.shown().contains("/tmp/pg"), "{}", socket.shown());
    }
}
