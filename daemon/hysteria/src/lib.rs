//! `hyctl agent`: the Hysteria 2 adapter on the node runtime (`hy-node`).
//!
//! It answers Hysteria's HTTP auth callback ([`auth`]) with the runtime's decision, and is the
//! runtime's [`hy_node::Plane`] over Hysteria's Traffic Stats API ([`api`]): `/traffic?clear=1`
//! for exactly-once traffic, `/online` for device limits, `/kick` to close users who lost
//! access. Everything else (list sync, fail-static, the spool and reports, health, readiness,
//! metrics) is the runtime's. `hyctl agent` parses flags and calls [`run`]; tests call [`run`]
//! on `127.0.0.1:0`.

pub mod api;
pub mod auth;
pub mod config;

use std::sync::Arc;

use anyhow::Context;
use hy_node::Node;
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

pub use config::{AgentArgs, Config};

/// Runs the agent until `shutdown` is cancelled. On the way out the runtime polls Hysteria one
/// last time, syncs the spool and makes one last report attempt; auth is served until then.
pub async fn run(
    config: Config,
    listener: TcpListener,
    shutdown: CancellationToken,
) -> anyhow::Result<()> {
    let hysteria = api::Hysteria::new(
        config.traffic_api.clone(),
        config.proxy_api.clone(),
        config.secret.clone(),
    )?;
    let node = Node::start(config.node, hysteria).await?;
    let app = auth::router(
        node.state().clone(),
        Arc::clone(node.plane()),
        config.auth_path.as_ref().map(|p| p.expose()),
    )
    .merge(node.router());
    let addr = listener.local_addr()?;
    tracing::info!(%addr, "agent listening for Hysteria's auth calls");
    // Auth keeps being served until the final report is done: Hysteria may still call.
    let serve_stop = CancellationToken::new();
    let server_task = tokio::spawn(
        axum::serve(listener, app)
            .with_graceful_shutdown(serve_stop.clone().cancelled_owned())
            .into_future(),
    );

    shutdown.cancelled().await;
    node.stop().await;
    serve_stop.cancel();
    server_task
        .await
        .context("auth server task failed")?
        .context("auth server failed")?;
    tracing::info!("agent stopped");
    Ok(())
}
