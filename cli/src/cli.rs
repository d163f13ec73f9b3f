//! The whole clap surface of `hyctl`: every command and flag, in one place.

use clap::{Parser, Subcommand};

/// Control plane for fleets of Hysteria 2 proxy nodes
#[derive(Debug, Parser)]
#[command(
    name = "hyctl",
    version,
    propagate_version = true,
    arg_required_else_help = true,
    after_help = "Exit status: 0 success; 1 failure reported by central or local validation; \
                  2 usage error; daemons: 70 runtime failure, 78 configuration error."
)]
pub struct Cli {
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// Top-level commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the central daemon, or manage its database offline
    #[command(args_conflicts_with_subcommands = true)]
    Central(CentralCommand),
    /// Print this client's version
    Version,
}

/// `hyctl central [FLAGS]` runs the daemon; `hyctl central rotate-token` is offline upkeep.
#[derive(Debug, clap::Args)]
pub struct CentralCommand {
    /// Daemon flags.
    #[command(flatten)]
    pub run: hy_central::CentralArgs,
    /// Offline upkeep instead of running the daemon.
    #[command(subcommand)]
    pub action: Option<CentralAction>,
}

/// Offline operations on central's database.
#[derive(Debug, Subcommand)]
pub enum CentralAction {
    /// Replace the admin token: writes a new `<db>.admin-token` file (restart central after)
    RotateToken {
        /// SQLite database file of central
        #[arg(long, env = "HYCTL_CENTRAL_DB", default_value = "central.db")]
        db: std::path::PathBuf,
    },
}
