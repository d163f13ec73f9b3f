//! hyctl's central daemon: the one management server of a fleet.
//!
//! Owns users, servers, assignments and traffic, in SQLite or in a PostgreSQL database several
//! centrals share, and serves them over HTTP to admins
//! (`/admin/...`, behind a token) and to node agents (`/auth/{server_id}`,
//! `/traffic/{server_id}`). `hyctl central` parses flags and calls [`run`]; tests call [`run`]
//! with a listener on `127.0.0.1:0`.

pub mod accounts;

/// Sign-in attempts allowed per client address and minute.
pub const LOGINS_PER_ADDR: u32 = 20;
/// Sign-in attempts allowed per account and minute (whatever the address).
pub const LOGINS_PER_NAME: u32 = 10;
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
pub mod panel;
pub mod pg;
pub mod schedule;
pub mod state;
pub mod store;
pub mod subscription;
pub mod token;
pub mod webhooks;

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
    let clock = config
        .clock
        .clone()
        .unwrap_or_else(|| Arc::new(clock::SystemClock));
    let metrics = metrics::Metrics::default();
    let tasks = tokio_util::task::TaskTracker::new();
    let reschedule = Arc::<tokio::sync::Notify>::default();
    let (store, changes) = match &config.database {
        config::Database::Sqlite(path) => {
            let path = path.clone();
            let db = tokio::task::spawn_blocking(move || {
                db::Db::open(&path)
                    .with_context(|| format!("could not open database {}", path.display()))
            })
            .await??;
            let changes = db.changes().clone();
            (store::Store::Sqlite(db), changes)
        }
        config::Database::Postgres(target) => {
            let pool = target.pool(config.db_pool_size)?;
            let applied = pg::migrate(&pool)
                .await
                .with_context(|| format!("could not prepare database {}", target.shown()))?;
            tracing::info!(
                db = %target.shown(),
                tls = %target.tls(),
                schema = pg::latest(),
                migrations_applied = applied,
                "PostgreSQL database ready"
            );
            let changes = changes::ListChanges::default();
            tasks.spawn(pg::listen_for_changes(
                (**target).clone(),
                changes.clone(),
                Arc::clone(&reschedule),
                shutdown.clone(),
            ));
            (store::Store::Postgres(pool.into()), changes)
        }
    };
    let admin_digest = token::ensure(&store, &config.admin_token_file).await?;
    let state = state::AppState {
        ingest: match &store {
            store::Store::Sqlite(db) => Some(ingest::Ingest::start(db.clone(), metrics.clone())),
            store::Store::Postgres(_) => None,
        },
        store: store.clone(),
        changes,
        admin_digest: Arc::new(token::AdminDigest::new(
            store.clone(),
            Arc::clone(&clock),
            admin_digest,
        )),
        api_tokens: Arc::new(token::ApiTokens::new(store.clone(), Arc::clone(&clock))),
        sessions: Arc::new(accounts::Sessions::new(store.clone(), Arc::clone(&clock))),
        login_by_addr: Arc::new(governor::RateLimiter::keyed(governor::Quota::per_minute(
            std::num::NonZeroU32::new(LOGINS_PER_ADDR).unwrap_or(std::num::NonZeroU32::MIN),
        ))),
        login_by_name: Arc::new(governor::RateLimiter::keyed(governor::Quota::per_minute(
            std::num::NonZeroU32::new(LOGINS_PER_NAME).unwrap_or(std::num::NonZeroU32::MIN),
        ))),
        shutdown: shutdown.clone(),
        contacts: Arc::new(Mutex::new(HashMap::new())),
        waiting_polls: Arc::default(),
        clock: Arc::clone(&clock),
        public_url: config.public_url.as_deref().map(Arc::from),
        tls: config.tls.is_some(),
        sub_limiter: Arc::new(governor::RateLimiter::keyed(governor::Quota::per_minute(
            std::num::NonZeroU32::new(config.sub_rate).unwrap_or(std::num::NonZeroU32::MIN),
        ))),
        reschedule,
        metrics,
    };
    let schedule = {
        let (clock, wake) = (Arc::clone(&clock), Arc::clone(&state.reschedule));
        let keep = schedule::Keep {
            history_days: config.history_days,
            log_days: config.log_days,
            audit_days: config.audit_days,
        };
        let metrics = state.metrics.clone();
        move |stop: CancellationToken| {
            let (store, clock, wake, metrics) = (
                store.clone(),
                Arc::clone(&clock),
                Arc::clone(&wake),
                metrics.clone(),
            );
            async move {
                tokio::join!(
                    schedule::run(store.clone(), Arc::clone(&clock), wake, keep, stop.clone()),
                    schedule::close_history(store.clone(), Arc::clone(&clock), stop.clone()),
                    webhooks::run(store, clock, metrics, stop),
                );
            }
        }
    };
    match &state.store {
        store::Store::Sqlite(_) => {
            tasks.spawn(schedule(shutdown.clone()));
        }
        // Several centrals may share the database: the lease holder alone runs the schedule.
        store::Store::Postgres(pool) => {
            let lease =
                lease::Lease::shared(deadpool_postgres::Pool::clone(pool), config.lease_ttl);
            tasks.spawn(lease::lead(lease, shutdown.clone(), schedule));
        }
    }
    tasks.close();
    let state_store = state.store.clone();
    let app = http::router(state);
    let addr = listener.local_addr()?;
    let served = match config.tls {
        None => {
            tracing::info!(%addr, db = %config.database, "central listening (http)");
            // Node lists are streamed: without TCP_NODELAY the small last piece waits for the
            // agent's delayed ACK (40 ms on Linux), which showed up as propagation time.
            let listener = axum::serve::ListenerExt::tap_io(listener, |tcp| {
                let _ = tcp.set_nodelay(true);
            });
            axum::serve(
                listener,
                app.clone()
                    .into_make_service_with_connect_info::<std::net::SocketAddr>(),
            )
            .with_graceful_shutdown(shutdown.clone().cancelled_owned())
            .await
        }
        Some(tls) => {
            tracing::info!(%addr, db = %config.database, "central listening (https)");
            let listener = hy_common::tls::TlsListener::new(listener, tls.0)?;
            // Tapped for nothing: axum knows a tapped listener's peer address, which the
            // per-address limits read.
            let listener = axum::serve::ListenerExt::tap_io(listener, |_| {});
            axum::serve(
                listener,
                app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
            )
            .with_graceful_shutdown(shutdown.clone().cancelled_owned())
            .await
        }
    };
    // Whatever ended serving, nothing else may keep waiting on it.
    shutdown.cancel();
    tasks.wait().await;
    // Fold the WAL into the main file so a stopped central leaves one self-contained database.
    if let store::Store::Sqlite(db) = &state_store {
        let checkpoint = db
            .call(|c| Ok(c.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")?))
            .await;
        if let Err(err) = checkpoint {
            tracing::warn!(error = %err, "could not checkpoint the database on shutdown");
        }
    }
    served.context("http server failed")?;
    tracing::info!("central stopped");
    Ok(())
}
