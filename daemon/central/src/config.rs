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

    /// SQLite database file, created on first run; the admin token is written beside it as
    /// `<db>.admin-token`
    #[arg(long, env = "HYCTL_CENTRAL_DB", default_value = "central.db", value_hint = clap::ValueHint::FilePath)]
    pub db: PathBuf,

    /// PEM certificate chain: serve HTTPS instead of HTTP (needs --tls-key)
    #[arg(long, env = "HYCTL_CENTRAL_TLS_CERT", requires = "tls_key", value_hint = clap::ValueHint::FilePath)]
    pub tls_cert: Option<PathBuf>,

    /// PEM private key of --tls-cert
    #[arg(long, env = "HYCTL_CENTRAL_TLS_KEY", requires = "tls_cert", value_hint = clap::ValueHint::FilePath)]
    pub tls_key: Option<PathBuf>,

    /// Days of hourly traffic history to keep (totals are kept forever)
    #[arg(long, env = "HYCTL_CENTRAL_HISTORY_DAYS", default_value_t = 90, value_parser = clap::value_parser!(u32).range(1..=3650))]
    pub history_days: u32,

    /// Days of agents' auth decisions to keep (`hyctl log`)
    #[arg(long, env = "HYCTL_CENTRAL_LOG_DAYS", default_value_t = 30, value_parser = clap::value_parser!(u32).range(1..=3650))]
    pub log_days: u32,

    /// Log line format; the level is set with RUST_LOG (e.g. `info`, `hy_central=debug`)
    #[arg(long, env = "HYCTL_LOG_FORMAT", value_enum, default_value_t)]
    pub log_format: LogFormat,
}

/// A loaded TLS acceptor (opaque in `Debug`).
#[derive(Clone)]
pub struct Tls(pub hy_common::TlsAcceptor);

impl fmt::Debug for Tls {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Tls(..)")
    }
}

/// Validated configuration of the central daemon.
#[derive(Debug, Clone)]
pub struct Config {
    /// The database file.
    pub db_path: PathBuf,
    /// TLS, if enabled.
    pub tls: Option<Tls>,
    /// Days of hourly history kept.
    pub history_days: u32,
    /// Days of auth log kept.
    pub log_days: u32,
    /// The time source; the system clock when `None` (tests inject a manual one).
    pub clock: Option<std::sync::Arc<dyn crate::clock::Clock>>,
}

impl CentralArgs {
    /// Validates the flags; the listen address is returned separately because `main` binds it.
    pub fn load(&self) -> anyhow::Result<(SocketAddr, Config)> {
        let listen = hy_common::listen::parse(&self.listen)?;
        let tls = match (&self.tls_cert, &self.tls_key) {
            (Some(cert), Some(key)) => Some(Tls(hy_common::tls::acceptor(cert, key)?)),
            _ => None,
        };
        Ok((
            listen,
            Config {
                db_path: self.db.clone(),
                tls,
                history_days: self.history_days,
                log_days: self.log_days,
                clock: None,
            },
        ))
    }
}
