//! Process plumbing shared by central and the agent: logging, signals, TLS serving, files that
//! hold secrets, and random credentials. Nothing domain-specific lives here.

pub mod bootstrap;
pub mod exposition;
pub mod files;
pub mod listen;
pub mod random;
pub mod shutdown;
pub mod telemetry;
pub mod tls;
pub mod units;

pub use tokio_rustls::TlsAcceptor;

/// Exit codes of the daemons (sysexits): 0 success, 70 software error, 78 configuration error.
pub mod exit {
    /// An internal error or an I/O failure at run time.
    pub const SOFTWARE: u8 = 70;
    /// The configuration (flags, environment, files it names) is unusable.
    pub const CONFIG: u8 = 78;
}
