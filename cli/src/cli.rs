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
    /// Run the node agent beside a Hysteria server
    #[command(after_long_help = AGENT_HELP)]
    Agent(Box<hy_agent::AgentArgs>),
    /// Print this client's version
    Version,
}

const AGENT_HELP: &str = "\
The agent answers Hysteria's HTTP auth at http://<--listen>/ (and /<--auth-path>), from a user
list it keeps current by long-polling central and saves in --state-dir, so a restart while central
is down still admits the right users. It must be the only poller of its Hysteria's /traffic API.

Example:
  hyctl agent --server-id \"$SERVER_ID\" --central https://central.example:9090 \\
      --secret \"$HYSTERIA_API_SECRET\" --state-dir /var/lib/hyctl-agent

Every flag can also be set by the environment variable shown with it.";

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
