//! `hyctl`: the central daemon, the node agent and the admin CLI, as one binary.
//!
//! `main` only parses arguments and calls [`main`], which runs the chosen command and maps its
//! outcome to an exit code. Daemon code lives in the `hy-central`, `hy-node` and `hy-hysteria`
//! libraries; admin commands talk to central over HTTP through `hy_api::client`, like any other
//! client.

mod cli;
mod cmd;
mod complete;
mod config;
mod ctx;
mod error;
#[doc(hidden)]
pub mod generated;
mod output;
mod units;

use std::net::SocketAddr;
use std::process::ExitCode;

use anyhow::Context;
pub use cli::{AdminArgs, CentralAction, CentralCommand, Cli, Command};
use error::CliError;
use hy_common::exit;
use tokio_util::sync::CancellationToken;

/// Runs the parsed command line and returns the process exit code.
pub fn main(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Central(c) => central(c),
        Command::Agent(a) => agent(&a),
        Command::Stream(a) => stream(&a),
        Command::Completions { shell } => finish(cmd::misc::completions(shell), false),
        Command::Config(c) => {
            let json = c.admin.json;
            finish(
                cmd::misc::config(output::Output::new(&c.admin), c.action),
                json,
            )
        }
        Command::User(c) => admin(&c.admin, async |ctx| cmd::user::run(ctx, c.action).await),
        Command::Server(c) => admin(&c.admin, async |ctx| cmd::server::run(ctx, c.action).await),
        Command::Device(c) => admin(&c.admin, async |ctx| cmd::device::run(ctx, c.action).await),
        Command::Token(c) => admin(&c.admin, async |ctx| cmd::token::run(ctx, c.action).await),
        Command::Whoami(c) => admin(&c.admin, async |ctx| cmd::token::whoami(ctx).await),
        Command::Logout(c) => admin(&c.admin, async |ctx| cmd::token::logout(ctx).await),
        Command::Admin(c) => admin(&c.admin, async |ctx| {
            cmd::token::admins(ctx, c.action).await
        }),
        Command::Traffic(c) => {
            let args = c.admin.clone();
            admin(&args, async |ctx| cmd::traffic::run(ctx, c).await)
        }
        Command::Log(c) => {
            let args = c.admin.clone();
            admin(&args, async |ctx| cmd::misc::log(ctx, c).await)
        }
        Command::Session(c) => admin(&c.admin, async |ctx| {
            cmd::token::sessions(ctx, c.action).await
        }),
        Command::Webhook(c) => admin(&c.admin, async |ctx| {
            cmd::token::webhooks(ctx, c.action).await
        }),
        Command::Events(c) => {
            let args = c.admin.clone();
            admin(&args, async |ctx| cmd::token::events(ctx, c).await)
        }
        Command::Audit(c) => {
            let args = c.admin.clone();
            admin(&args, async |ctx| cmd::token::audit(ctx, c).await)
        }
        Command::Login(c) => {
            let json = c.admin.json;
            finish(block_on(cmd::misc::login(&c)), json)
        }
        Command::Version(c) => {
            let json = c.admin.json;
            finish(block_on(cmd::misc::version(&c)), json)
        }
    }
}

fn block_on<T>(f: impl Future<Output = Result<T, CliError>>) -> Result<T, CliError> {
    // One request at a time: a current-thread runtime is all an admin command needs.
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?
        .block_on(f)
}

fn admin(args: &AdminArgs, run: impl AsyncFnOnce(&ctx::Ctx) -> Result<(), CliError>) -> ExitCode {
    let outcome = block_on(async {
        let ctx = ctx::Ctx::connect(args).await?;
        run(&ctx).await
    });
    finish(outcome, args.json)
}

fn finish(outcome: Result<(), CliError>, json: bool) -> ExitCode {
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => error::report(&err, json),
    }
}

fn central(cmd: CentralCommand) -> ExitCode {
    hy_common::telemetry::init(cmd.run.log_format);
    if let Some(CentralAction::Backup { db, .. }) = &cmd.action
        && db.to_str().is_some_and(hy_central::pg::is_url)
    {
        return fail(
            crate::error::USAGE,
            &anyhow::anyhow!(
                "`hyctl central backup` copies a SQLite file; back a PostgreSQL database up \
                 with pg_dump"
            ),
        );
    }
    if let Some(CentralAction::Backup { file, db }) = cmd.action {
        return match hy_central::backup::backup(&db, &file) {
            Ok(pages) => {
                eprintln!(
                    "backed up {} to {} ({pages} pages, integrity ok)",
                    db.display(),
                    file.display()
                );
                ExitCode::SUCCESS
            }
            Err(err) => {
                eprintln!("hyctl: error: {err:#}");
                ExitCode::from(exit::SOFTWARE)
            }
        };
    }
    if let Some(CentralAction::Migrate {
        from,
        to,
        password_file,
        force,
    }) = &cmd.action
    {
        return migrate(from, to, password_file.as_deref(), *force);
    }
    if let Some(CentralAction::RotateToken {
        db,
        admin_token_file,
    }) = cmd.action
    {
        let url = db.to_str().filter(|d| hy_central::pg::is_url(d));
        let path = match (admin_token_file, url) {
            (Some(path), _) => path,
            (None, Some(_)) => std::path::PathBuf::from("central.admin-token"),
            (None, None) => hy_central::token::token_path(&db),
        };
        let rotated = (|| -> anyhow::Result<std::path::PathBuf> {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()?;
            let store = match url {
                Some(url) => {
                    let pool = hy_central::pg::Target::parse(url, None)?.pool(1)?;
                    // As central would at start: a new database gets its tables first.
                    runtime.block_on(hy_central::pg::migrate(&pool))?;
                    hy_central::store::Store::Postgres(pool.into())
                }
                None => hy_central::store::Store::Sqlite(
                    hy_central::db::Db::open(&db)
                        .with_context(|| format!("could not open database {}", db.display()))?,
                ),
            };
            runtime.block_on(hy_central::token::rotate(&store, &path))?;
            Ok(path)
        })();
        return match rotated {
            Ok(path) => {
                eprintln!(
                    "wrote a new admin token to {}; running centrals take it within 5 s",
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

/// `hyctl central migrate`: SQLite to PostgreSQL, with the comparison printed.
fn migrate(
    from: &std::path::Path,
    to: &str,
    password_file: Option<&std::path::Path>,
    force: bool,
) -> ExitCode {
    let target = match hy_central::pg::Target::parse(to, password_file) {
        Ok(t) => t,
        Err(e) => return fail(exit::CONFIG, &anyhow::anyhow!(e)),
    };
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => return fail(exit::SOFTWARE, &anyhow::anyhow!(e)),
    };
    match runtime.block_on(hy_central::move_to_pg::move_to(from, &target, force)) {
        Ok(moved) => {
            for (table, rows) in &moved.rows {
                eprintln!("  {table:<16} {rows:>12} rows");
            }
            eprintln!(
                "moved {} to {}: every table's rows and the traffic sums (lifetime {} / {}, \
                 history {} / {} bytes up / down) match on both sides",
                from.display(),
                target.shown(),
                moved.traffic.0,
                moved.traffic.1,
                moved.history.0,
                moved.history.1
            );
            ExitCode::SUCCESS
        }
        Err(e @ hy_central::move_to_pg::MoveError::NotEmpty { .. }) => {
            fail(exit::CONFIG, &anyhow::anyhow!(e))
        }
        Err(e) => fail(exit::SOFTWARE, &anyhow::anyhow!(e)),
    }
}

fn agent(args: &hy_hysteria::AgentArgs) -> ExitCode {
    hy_common::telemetry::init(args.node.log_format);
    match args.load() {
        Ok((addr, config)) => serve(addr, move |l, s| hy_hysteria::run(config, l, s)),
        Err(err) => fail(exit::CONFIG, &err),
    }
}

fn stream(args: &hy_stream::StreamArgs) -> ExitCode {
    hy_common::telemetry::init(args.node.log_format);
    match args.load() {
        Ok((addr, config)) => serve(addr, move |l, s| hy_stream::run(config, l, s)),
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
