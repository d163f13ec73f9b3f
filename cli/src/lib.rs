//! `hyctl`: the central daemon, the node agent and the admin CLI, as one binary.
//!
//! `main` only parses arguments and calls [`main`], which runs the chosen command and maps its
//! outcome to an exit code. Daemon code lives in the `hy-central` and `hy-agent` libraries.

mod cli;

use std::net::SocketAddr;
use std::process::ExitCode;

use anyhow::Context;
pub use cli::{CentralAction, CentralCommand, Cli, Command};
use hy_common::exit;
use tokio_util::sync::CancellationToken;

/// Runs the parsed command line and returns the process exit code.
pub fn main(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Central(c) => central(c),
        Command::Agent(a) => agent(&a),
        Command::Version => {
            println!("hyctl {}", hy_api::VERSION);
            ExitCode::SUCCESS
        }
    }
}

fn central(cmd: CentralCommand) -> ExitCode {
    hy_common::telemetry::init(cmd.run.log_format);
    if let Some(CentralAction::RotateToken { db }) = cmd.action {
        let rotated = hy_central::db::Db::open(&db)
            .with_context(|| format!("could not open database {}", db.display()))
            .and_then(|conn| hy_central::token::rotate(&conn, &db));
        return match rotated {
            Ok(path) => {
                eprintln!(
                    "wrote a new admin token to {}; restart central to use it",
                    path.display()
                );
                ExitCode::SUCCESS
            }
            Err(err) => fail(exit::SOFTWARE, &err),
        };
    }
    match cmd.run.load() {
        Ok((addr, config)) => serve(addr, move |l, s| hy_central::run(config, l, s)),
        Err(err) => fail(exit::CONFIG, &err),
    }
}

fn agent(args: &hy_agent::AgentArgs) -> ExitCode {
    hy_common::telemetry::init(args.log_format);
    match args.load() {
        Ok((addr, config)) => serve(addr, move |l, s| hy_agent::run(config, l, s)),
        Err(err) => fail(exit::CONFIG, &err),
    }
}

/// Binds `addr` and runs a daemon until SIGINT/SIGTERM, mapping failures to exit codes.
fn serve<F, Fut>(addr: SocketAddr, daemon: F) -> ExitCode
where
    F: FnOnce(tokio::net::TcpListener, CancellationToken) -> Fut,
    Fut: Future<Output = anyhow::Result<()>>,
{
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(err) => return fail(exit::SOFTWARE, &err.into()),
    };
    runtime.block_on(async move {
        let listener = match tokio::net::TcpListener::bind(addr).await {
            Ok(l) => l,
            Err(err) => {
                let err = anyhow::Error::from(err).context(format!("could not listen on {addr}"));
                return fail(exit::CONFIG, &err);
            }
        };
        let shutdown = CancellationToken::new();
        hy_common::shutdown::on_signal(shutdown.clone());
        match daemon(listener, shutdown).await {
            Ok(()) => ExitCode::SUCCESS,
            Err(err) => fail(exit::SOFTWARE, &err),
        }
    })
}

fn fail(code: u8, err: &anyhow::Error) -> ExitCode {
    tracing::error!("{err:#}");
    ExitCode::from(code)
}
