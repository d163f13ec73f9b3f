//! hyctl's node agent: runs beside one Hysteria server.
//!
//! It answers Hysteria's HTTP auth callback from an in-memory user list (kept current by long
//! poll, saved to disk so it survives restarts and central outages), kicks users who lost
//! access, and moves Hysteria's traffic counters to central exactly once through a durable spool.
//! `hyctl agent` parses flags and calls [`run`]; tests call [`run`] on `127.0.0.1:0`.

pub mod authlog;
pub mod backoff;
pub mod config;
pub mod every;
pub mod http;
pub mod hysteria;
pub mod kick;
pub mod metrics;
pub mod report;
pub mod spool;
pub mod status;
pub mod sync;
pub mod table;

use std::os::unix::fs::PermissionsExt;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::Context;
use hy_api::client::{Client, ClientConfig};
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

pub use config::{AgentArgs, Config};

/// Bound on the final report attempt at shutdown.
const FINAL_REPORT_TIMEOUT: Duration = Duration::from_secs(5);

/// Runs the agent until `shutdown` is cancelled. On the way out it polls Hysteria one last
/// time, syncs the spool and makes one last report attempt, then stops serving auth.
pub async fn run(
    config: Config,
    listener: TcpListener,
    shutdown: CancellationToken,
) -> anyhow::Result<()> {
    let state_dir = config.state_dir.clone();
    let spool = tokio::task::spawn_blocking(move || -> anyhow::Result<spool::Spool> {
        std::fs::create_dir_all(&state_dir)
            .with_context(|| format!("could not create state directory {}", state_dir.display()))?;
        std::fs::set_permissions(&state_dir, std::fs::Permissions::from_mode(0o700)).with_context(
            || format!("could not restrict state directory {}", state_dir.display()),
        )?;
        Ok(spool::Spool::open(&state_dir)?)
    })
    .await??;

    let mut client_config = ClientConfig::new("http://unused.invalid");
    client_config.ca_file = config.central_ca.clone();
    client_config.user_agent = "hyctl-agent";
    client_config.node_kind = Some(hy_api::servers::ServerKind::Hysteria);
    client_config.timeout = Duration::from_secs(15);
    let client = Client::new(&client_config)?;
    let hysteria = hysteria::Hysteria::new(
        config.traffic_api.clone(),
        config.proxy_api.clone(),
        config.secret.clone(),
    )?;

    let table = table::SharedTable::default();
    let status = status::SharedStatus::default();
    let syncer = Arc::new(sync::Syncer::new(
        client.clone(),
        config.list_url.clone(),
        table.clone(),
        status.clone(),
        &config.state_dir,
    ));
    syncer.load_saved()?;

    let seen = report::Seen::default();
    let log = Arc::new(authlog::AuthLog::default());
    let metrics = metrics::Metrics::default();
    let traffic = report::Traffic {
        hysteria: hysteria.clone(),
        client,
        report_url: config.report_url.clone(),
        spool: Arc::new(Mutex::new(spool)),
        status: status.clone(),
        unsaved: Arc::default(),
        table: table.clone(),
        cut_off: Arc::clone(&syncer.removed),
        seen: seen.clone(),
        log: Arc::clone(&log),
        metrics: metrics.clone(),
    };
    let elsewhere = kick::Elsewhere::default();
    let kicker = kick::Kicker {
        hysteria: hysteria.clone(),
        table: table.clone(),
        status: status.clone(),
        metrics: metrics.clone(),
        client: traffic.client.clone(),
        devices_url: config.devices_url.clone(),
        elsewhere: elsewhere.clone(),
        sent: std::sync::Arc::default(),
    };

    let loops = CancellationToken::new();
    let tasks = TaskTracker::new();
    {
        let s = Arc::clone(&syncer);
        let t = loops.clone();
        tasks.spawn(async move { s.run_long_poll(t).await });
        let s = Arc::clone(&syncer);
        let t = loops.clone();
        let every = config.interval_auth;
        tasks.spawn(async move { s.run_interval(every, t).await });
    }
    tasks.spawn(kicker.run(
        config.interval_kick,
        Arc::clone(&syncer.removed),
        loops.clone(),
    ));
    tasks.spawn(
        traffic
            .clone()
            .run_collector(config.interval_poll, loops.clone()),
    );
    tasks.spawn(
        traffic
            .clone()
            .run_reporter(config.interval_report, loops.clone()),
    );
    tasks.close();

    let server = label(&config.server_id);
    let app = http::router(
        http::AgentHttp {
            table,
            status,
            server,
            hysteria,
            seen,
            log,
            ready_max_list_age: config.ready_max_list_age,
            metrics: metrics.clone(),
            elsewhere,
        },
        config.auth_path.as_deref(),
    );
    let addr = listener.local_addr()?;
    tracing::info!(%addr, central = %redact(&config.list_url), "agent listening for Hysteria's auth calls");
    // Auth keeps being served until the final report is done: Hysteria may still call.
    let serve_stop = CancellationToken::new();
    let server_task = tokio::spawn(
        axum::serve(listener, app)
            .with_graceful_shutdown(serve_stop.clone().cancelled_owned())
            .into_future(),
    );

    shutdown.cancelled().await;
    loops.cancel();
    tasks.wait().await;
    tracing::info!("stopping: collecting Hysteria's counters and reporting one last time");
    traffic.collect().await;
    if tokio::time::timeout(FINAL_REPORT_TIMEOUT, traffic.report())
        .await
        .is_err()
    {
        tracing::warn!("final report timed out; the spool keeps the traffic for the next start");
    }
    serve_stop.cancel();
    server_task
        .await
        .context("auth server task failed")?
        .context("auth server failed")?;
    tracing::info!("agent stopped");
    Ok(())
}

/// Server ids are credentials: logs show a 4-character prefix.
fn label(server_id: &str) -> String {
    format!("{}…", server_id.chars().take(4).collect::<String>())
}

/// A node URL without its last segment (the server id).
fn redact(url: &str) -> String {
    match url.rsplit_once('/') {
        Some((base, _)) => format!("{base}/…"),
        None => url.to_owned(),
    }
}
