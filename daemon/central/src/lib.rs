//! hyctl's central daemon: the one management server of a fleet.
//!
//! Owns users, servers, assignments and traffic in SQLite and serves them over HTTP to admins
//! (`/admin/...`, behind a token) and to node agents (`/auth/{server_id}`,
//! `/traffic/{server_id}`). `hyctl central` parses flags and calls [`run`]; tests call [`run`]
//! with a listener on `127.0.0.1:0`.

pub mod backup;
pub mod changes;
pub mod clock;
pub mod config;
pub mod db;
pub mod http;
pub mod ingest;
pub mod lease;
pub mod metrics;
pub mod move_to_pg;
pub mod pg;
pub mod schedule;
pub mod state;
pub mod store;
pub mod token;

use std::collections::HashMap;
use std::sync::Arc;

use parking_lot::Mutex;

use anyhow::Context;
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

pub use config::{CentralArgs, Config};

/// Runs central until `shutdown` is cancelled, then stops accepting, lets in-flight requests
/// (and the database writes they started) finish, and returns.
pub async fn run(
    config: Config,
    listener: TcpListener,
    shutdown: CancellationToken,
) -> anyhow::Result<()> {
    let db_path = config.db_path.clone();
    let db = tokio::task::spawn_blocking(move || {
        db::Db::open(&db_path)
            .with_context(|| format!("could not open database {}", db_path.display()))
    })
    .await??;
    let admin_digest = token::ensure(
        &store::Store::Sqlite(db.clone()),
        &token::token_path(&config.db_path),
    )
    .await?;
    let clock = config
        .clock
        .clone()
        .unwrap_or_else(|| Arc::new(clock::SystemClock));
    let metrics = metrics::Metrics::default();
    let state = state::AppState {
        ingest: ingest::Ingest::start(db.clone(), metrics.clone()),
        db: db.clone(),
        store: store::Store::Sqlite(db.clone()),
        admin_digest: Arc::new(admin_digest),
        shutdown: shutdown.clone(),
        contacts: Arc::new(Mutex::new(HashMap::new())),
        waiting_polls: Arc::default(),
        clock: Arc::clone(&clock),
        reschedule: Arc::default(),
        metrics,
    };
    let tasks = tokio_util::task::TaskTracker::new();
    tasks.spawn(schedule::run(
        state.store.clone(),
        clock,
        Arc::clone(&state.reschedule),
        config.history_days,
        config.log_days,
        shutdown.clone(),
    ));
    tasks.spawn(schedule::close_history(
        db.clone(),
        Arc::clone(&state.clock),
        shutdown.clone(),
    ));
    tasks.close();
    let app = http::router(state);
    let addr = listener.local_addr()?;
    let served = match config.tls {
        None => {
            tracing::info!(%addr, db = %config.db_path.display(), "central listening (http)");
            // Node lists are streamed: without TCP_NODELAY the small last piece waits for the
            // agent's delayed ACK (40 ms on Linux), which showed up as propagation time.
            let listener = axum::serve::ListenerExt::tap_io(listener, |tcp| {
                let _ = tcp.set_nodelay(true);
            });
            axum::serve(listener, app)
                .with_graceful_shutdown(shutdown.clone().cancelled_owned())
                .await
        }
        Some(tls) => {
            tracing::info!(%addr, db = %config.db_path.display(), "central listening (https)");
            let listener = hy_common::tls::TlsListener::new(listener, tls.0)?;
            axum::serve(listener, app)
                .with_graceful_shutdown(shutdown.clone().cancelled_owned())
                .await
        }
    };
    // Whatever ended serving, nothing else may keep waiting on it.
    shutdown.cancel();
    tasks.wait().await;
    // Fold the WAL into the main file so a stopped central leaves one self-contained database.
    let checkpoint = db
        .call(|c| Ok(c.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")?))
        .await;
    if let Err(err) = checkpoint {
        tracing::warn!(error = %err, "could not checkpoint the database on shutdown");
    }
    served.context("http server failed")?;
    tracing::info!("central stopped");
    Ok(())
}
