//! `hyctl central`'s flags (each also an environment variable) and the validated [`Config`].

use std::fmt;
use std::net::SocketAddr;
use std::path::PathBuf;

use hy_common::telemetry::LogFormat;

/// Flags of `hyctl central`. Defaults are the original system's (`--listen :9090 --db central.db`).
#[derive(Debug, Clone, clap::Args)]
pub struct CentralArgs {
    /// Address to listen on; `:9090` means every interface, port 9090
    #[arg(long, env = "HYCTL_CENTRAL_LISTEN", default_value = ":9090")]
    pub listen: String,

    /// SQLite database file, created on first run (the admin token is written beside it as
    /// `<db>.admin-token`); or a PostgreSQL URL, `postgres://user@host:5432/dbname`, which
    /// several centrals may share. TLS to PostgreSQL: `?sslmode=verify-full` (the certificate
    /// checked against `sslrootcert=FILE` or --db-ca-file, else the public roots; `require` and
    /// `verify-ca` mean the same); without sslmode, or with `disable`, no TLS
    #[arg(long, env = "HYCTL_CENTRAL_DB", default_value = "central.db", value_hint = clap::ValueHint::FilePath)]
    pub db: PathBuf,

    /// With a PostgreSQL --db: a file whose first line is the password (else the URL's, else
    /// PGPASSWORD)
    #[arg(long, env = "HYCTL_CENTRAL_DB_PASSWORD_FILE", value_hint = clap::ValueHint::FilePath)]
    pub password_file: Option<PathBuf>,

    /// With a PostgreSQL --db: encrypt the connection and verify the server's certificate and
    /// host name against this PEM CA file
    #[arg(long, env = "HYCTL_CENTRAL_DB_CA_FILE", value_hint = clap::ValueHint::FilePath)]
    pub db_ca_file: Option<PathBuf>,

    /// Where a newly generated admin token is written (mode 0600). Default: beside a SQLite
    /// --db; `central.admin-token` in the working directory with PostgreSQL
    #[arg(long, env = "HYCTL_CENTRAL_ADMIN_TOKEN_FILE", value_hint = clap::ValueHint::FilePath)]
    pub admin_token_file: Option<PathBuf>,

    /// PEM certificate chain: serve HTTPS instead of HTTP (needs --tls-key)
    #[arg(long, env = "HYCTL_CENTRAL_TLS_CERT", requires = "tls_key", value_hint = clap::ValueHint::FilePath)]
    pub tls_cert: Option<PathBuf>,

    /// PEM private key of --tls-cert
    #[arg(long, env = "HYCTL_CENTRAL_TLS_KEY", requires = "tls_cert", value_hint = clap::ValueHint::FilePath)]
    pub tls_key: Option<PathBuf>,

    /// With PostgreSQL: connections this central keeps open (reports, polls and admin
    /// requests share them; size the server's max_connections for every central)
    #[arg(long, env = "HYCTL_CENTRAL_DB_POOL_SIZE", default_value_t = 16, value_parser = clap::value_parser!(u16).range(2..=1000))]
    pub db_pool_size: u16,

    /// With PostgreSQL: how long the schedule's leader lease lasts (renewed every third of
    /// it); a stopped leader's work resumes on another central within about this long
    #[arg(long, env = "HYCTL_CENTRAL_LEASE_TTL", default_value = "15s", value_parser = lease_ttl)]
    pub lease_ttl: std::time::Duration,

    /// Days of hourly traffic history to keep (totals are kept forever)
    #[arg(long, env = "HYCTL_CENTRAL_HISTORY_DAYS", default_value_t = 90, value_parser = clap::value_parser!(u32).range(1..=3650))]
    pub history_days: u32,

    /// Days of agents' auth decisions to keep (`hyctl log`)
    #[arg(long, env = "HYCTL_CENTRAL_LOG_DAYS", default_value_t = 30, value_parser = clap::value_parser!(u32).range(1..=3650))]
    pub log_days: u32,

    /// Days of the admin audit trail to keep (`hyctl audit`)
    #[arg(long, env = "HYCTL_CENTRAL_AUDIT_DAYS", default_value_t = 365, value_parser = clap::value_parser!(u32).range(1..=3650))]
    pub audit_days: u32,

    /// Central's address as clients reach it (`https://panel.example.com`), for subscription
    /// links; default: the scheme and Host of the admin request that asks for one
    #[arg(long, env = "HYCTL_CENTRAL_PUBLIC_URL", value_parser = public_url)]
    pub public_url: Option<String>,

    /// Subscription fetches allowed per client address and minute (`/sub/...`); more get 429
    #[arg(long, env = "HYCTL_CENTRAL_SUB_RATE", default_value_t = 30, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub sub_rate: u32,

    /// Log line format; the level is set with RUST_LOG (e.g. `info`, `hy_central=debug`)
    #[arg(long, env = "HYCTL_LOG_FORMAT", value_enum, default_value_t)]
    pub log_format: LogFormat,
}

/// `http(s)://host[:port][/path]`, kept without a trailing slash.
fn public_url(s: &str) -> Result<String, String> {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
        .ok_or_else(|| format!("{s:?} must start with https:// (or http://)"))?;
    if rest.is_empty() || rest.starts_with('/') || rest.contains(['?', '#', ' ']) {
        return Err(format!(
            "{s:?} must be a base URL like https://panel.example.com, without a query"
        ));
    }
    Ok(s.trim_end_matches('/').to_owned())
}

/// A lease length: [`hy_common::units::duration`], from 300 ms (renewals must not spin) to an
/// hour.
fn lease_ttl(s: &str) -> Result<std::time::Duration, String> {
    let d = hy_common::units::duration(s)?;
    if d < std::time::Duration::from_millis(300) || d > std::time::Duration::from_secs(3600) {
        return Err(format!("{s:?} is out of range: use 300ms to 1h, e.g. 15s"));
    }
    Ok(d)
}

/// A loaded TLS acceptor (opaque in `Debug`).
#[derive(Clone)]
pub struct Tls(pub hy_common::TlsAcceptor);

impl fmt::Debug for Tls {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Tls(..)")
    }
}

/// Where central keeps its state.
#[derive(Debug, Clone)]
pub enum Database {
    /// A SQLite file (the default).
    Sqlite(PathBuf),
    /// A PostgreSQL database, possibly shared with other centrals.
    Postgres(Box<crate::pg::Target>),
}

impl fmt::Display for Database {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Sqlite(path) => write!(f, "sqlite:{}", path.display()),
            Self::Postgres(target) => f.write_str(&target.shown()),
        }
    }
}

/// Validated configuration of the central daemon.
#[derive(Debug, Clone)]
pub struct Config {
    /// The database.
    pub database: Database,
    /// Where a newly generated admin token is written.
    pub admin_token_file: PathBuf,
    /// TLS, if enabled.
    pub tls: Option<Tls>,
    /// With PostgreSQL, the leader lease's length.
    pub lease_ttl: std::time::Duration,
    /// With PostgreSQL, the connections kept open.
    pub db_pool_size: usize,
    /// Days of hourly history kept.
    pub history_days: u32,
    /// Days of auth log kept.
    pub log_days: u32,
    /// The time source; the system clock when `None` (tests inject a manual one).
    pub clock: Option<std::sync::Arc<dyn crate::clock::Clock>>,
    /// Days of audit trail kept.
    pub audit_days: u32,
    /// Base URL of subscription links; `None`: from the request.
    pub public_url: Option<String>,
    /// Subscription fetches per address and minute.
    pub sub_rate: u32,
}

impl CentralArgs {
    /// Validates the flags; the listen address is returned separately because `main` binds it.
    pub fn load(&self) -> anyhow::Result<(SocketAddr, Config)> {
        let listen = hy_common::listen::parse(&self.listen)?;
        let tls = match (&self.tls_cert, &self.tls_key) {
            (Some(cert), Some(key)) => Some(Tls(hy_common::tls::acceptor(cert, key)?)),
            _ => None,
        };
        let database = match self.db.to_str().filter(|db| crate::pg::is_url(db)) {
            Some(url) => {
                let mut target = crate::pg::Target::parse(url, self.password_file.as_deref())
                    .map_err(|e| anyhow::anyhow!("--db: {e}"))?;
                if let Some(ca) = &self.db_ca_file {
                    target = target
                        .with_ca_file(ca)
                        .map_err(|e| anyhow::anyhow!("--db-ca-file: {e}"))?;
                }
                Database::Postgres(Box::new(target))
            }
            None if self.password_file.is_some() => {
                anyhow::bail!("--password-file is for a PostgreSQL --db (postgres://...)")
            }
            None if self.db_ca_file.is_some() => {
                anyhow::bail!("--db-ca-file is for a PostgreSQL --db (postgres://...)")
            }
            None => Database::Sqlite(self.db.clone()),
        };
        let admin_token_file = match (&self.admin_token_file, &database) {
            (Some(path), _) => path.clone(),
            (None, Database::Sqlite(path)) => crate::token::token_path(path),
            (None, Database::Postgres(_)) => PathBuf::from("central.admin-token"),
        };
        Ok((
            listen,
            Config {
                database,
                admin_token_file,
                lease_ttl: self.lease_ttl,
                db_pool_size: usize::from(self.db_pool_size),
                tls,
                history_days: self.history_days,
                log_days: self.log_days,
                clock: None,
                audit_days: self.audit_days,
                public_url: self.public_url.clone(),
                sub_rate: self.sub_rate,
            },
        ))
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use clap::Parser;

    use super::*;

    #[derive(Parser)]
    struct Cli {
        #[command(flatten)]
        central: CentralArgs,
    }

    fn load(args: &[&str]) -> anyhow::Result<Config> {
        let cli = Cli::try_parse_from(std::iter::once("central").chain(args.iter().copied()))?;
        cli.central.load().map(|(_, c)| c)
    }

    #[test]
    fn db_is_a_sqlite_file_or_a_postgres_url_and_the_token_file_follows() {
        let sqlite = load(&["--db", "/var/lib/hyctl/central.db"]).unwrap();
        assert!(matches!(sqlite.database, Database::Sqlite(_)));
        assert_eq!(
            sqlite.admin_token_file,
            Path::new("/var/lib/hyctl/central.db.admin-token")
        );
        let pg = load(&["--db", "postgres://hyctl:pw@db.example/fleet"]).unwrap();
        assert_eq!(
            pg.database.to_string(),
            "postgres://hyctl@db.example:5432/fleet"
        );
        assert!(!format!("{pg:?}").contains("pw"), "no password in logs");
        assert_eq!(pg.admin_token_file, Path::new("central.admin-token"));
        assert_eq!((pg.db_pool_size, pg.lease_ttl.as_secs()), (16, 15));
        assert!(load(&["--db-pool-size", "1"]).is_err());
        assert!(load(&["--lease-ttl", "10ms"]).is_err());
        let given = load(&[
            "--db",
            "postgresql://hyctl@db.example/fleet",
            "--admin-token-file",
            "/etc/hyctl/token",
        ])
        .unwrap();
        assert_eq!(given.admin_token_file, Path::new("/etc/hyctl/token"));
        let err = load(&["--db", "central.db", "--password-file", "/x"]).unwrap_err();
        assert!(err.to_string().contains("PostgreSQL --db"), "{err}");
        let err = load(&["--db", "postgres://db.example:notaport/x"]).unwrap_err();
        assert!(err.to_string().starts_with("--db:"), "{err}");
    }

    #[test]
    fn tls_to_postgresql_is_asked_for_and_always_verified() {
        use crate::pg::{DbTls, Roots};
        let tls = |args: &[&str]| match load(args).map(|c| c.database) {
            Ok(Database::Postgres(t)) => Ok(t.tls().clone()),
            Ok(Database::Sqlite(_)) => panic!("not PostgreSQL"),
            Err(e) => Err(e.to_string()),
        };
        let dir = tempfile::tempdir().unwrap();
        let ca = dir.path().join("ca.pem");
        std::fs::write(&ca, PUBLIC_CA).unwrap();
        let ca_arg = ca.to_str().unwrap();
        assert_eq!(
            tls(&["--db", "postgres://db.example/fleet"]),
            Ok(DbTls::Off)
        );
        assert_eq!(
            tls(&["--db", "postgres://db.example/fleet?sslmode=disable"]),
            Ok(DbTls::Off)
        );
        for mode in ["require", "verify-ca", "verify-full"] {
            assert_eq!(
                tls(&[
                    "--db",
                    &format!("postgres://db.example/fleet?sslmode={mode}")
                ]),
                Ok(DbTls::Verified(Roots::Public)),
                "{mode}"
            );
        }
        let with_root = format!(
            "postgres://db.example/fleet?connect_timeout=5&sslrootcert={}&sslmode=verify-full",
            ca_arg.replace('/', "%2F")
        );
        assert_eq!(
            tls(&["--db", &with_root]),
            Ok(DbTls::Verified(Roots::CaFile(ca.clone())))
        );
        assert_eq!(
            tls(&[
                "--db",
                "postgres://db.example/fleet",
                "--db-ca-file",
                ca_arg
            ]),
            Ok(DbTls::Verified(Roots::CaFile(ca.clone())))
        );
        // Refused, each naming the fix.
        for (args, needle) in [
            (
                vec!["--db", "postgres://db.example/fleet?sslmode=prefer"],
                "falls back",
            ),
            (
                vec!["--db", "postgres://db.example/fleet?sslmode=on"],
                "not a mode",
            ),
            (
                vec![
                    "--db",
                    "postgres://db.example/fleet?sslmode=disable",
                    "--db-ca-file",
                    ca_arg,
                ],
                "drop one",
            ),
            (
                vec![
                    "--db",
                    "postgres://db.example/fleet",
                    "--db-ca-file",
                    "/nonexistent.pem",
                ],
                "could not read the database CA file /nonexistent.pem",
            ),
            (
                vec![
                    "--db",
                    "postgres://hyctl@localhost/fleet?host=/run/postgresql&sslmode=require",
                ],
                "Unix socket",
            ),
            (
                vec!["--db", "central.db", "--db-ca-file", ca_arg],
                "PostgreSQL --db",
            ),
        ] {
            let err = tls(&args).unwrap_err();
            assert!(err.contains(needle), "{args:?}: {err}");
        }
        std::fs::write(&ca, "not a certificate\n").unwrap();
        let err = tls(&[
            "--db",
            "postgres://db.example/fleet",
            "--db-ca-file",
            ca_arg,
        ])
        .unwrap_err();
        assert!(err.contains("holds no PEM certificate"), "{err}");
    }

    /// Any well-formed certificate serves as a root here: the test CA.
    const PUBLIC_CA: &str = include_str!("../../testkit/fixtures/ca.pem");
}
