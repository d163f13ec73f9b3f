//! `hyctl stream`: the media-server adapter on the node runtime (`hy-node`), for Flussonic's
//! `auth_backend`, MediaMTX's external HTTP authentication, SRS's `http_hooks` and
//! nginx-rtmp's `on_play`/`on_publish`/`on_update`, all answered from one decision core.
//!
//! Built so far: the live session table ([`sessions`]), which counts sessions against their
//! limits without races and turns the servers' cumulative byte counts into deltas counted
//! exactly once; the runtime's plane over it ([`plane`]); Flussonic's adapter
//! ([`flussonic`]), MediaMTX's ([`mediamtx`]), SRS's ([`srs`]) and nginx-rtmp's
//! ([`nginx_rtmp`]).

pub mod flussonic;
pub mod kick;
pub mod mediamtx;
pub mod nginx_rtmp;
pub mod plane;
pub mod sessions;
pub mod srs;
#[cfg(test)]
mod testing;

pub mod config;

use std::time::Duration;

use anyhow::Context;
use hy_node::Node;
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

pub use config::{Config, StreamArgs};

/// The `token=` of a player's query string (with or without its `?`), decoded: where
/// MediaMTX's `query` and SRS's `param` carry the token.
fn token_in_query(query: &str) -> Option<String> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, _)| *k == "token")
        .map(|(_, v)| {
            percent_encoding::percent_decode_str(&v.replace('+', " "))
                .decode_utf8_lossy()
                .into_owned()
        })
        .filter(|t| !t.is_empty())
}

/// How long past its AuthDuration a session lives without an update: the server asks again
/// when the duration runs out, so one that has not asked by then is gone.
const IDLE_MARGIN: i64 = 60;
/// How often idle sessions are ended.
const SWEEP_EVERY: Duration = Duration::from_secs(10);

/// Runs the media node until `shutdown` is cancelled. On the way out the runtime spools the
/// sessions' last bytes and makes one last report attempt; the auth routes are served until
/// then.
pub async fn run(
    config: Config,
    listener: TcpListener,
    shutdown: CancellationToken,
) -> anyhow::Result<()> {
    let duration = config.auth_duration;
    let kicker = kick::Kicker::new(config.srs_api.clone(), config.mediamtx_api.clone());
    let node = Node::start(config.node, plane::StreamPlane::new(kicker)).await?;
    let plane = (**node.plane()).clone();
    let prefix = config.path_prefix.as_deref();
    let app = flussonic::router(node.state().clone(), plane.clone(), duration, prefix)
        .merge(mediamtx::router(
            node.state().clone(),
            plane.clone(),
            prefix,
        ))
        .merge(srs::router(node.state().clone(), plane.clone(), prefix))
        .merge(nginx_rtmp::router(
            node.state().clone(),
            plane.clone(),
            prefix,
        ))
        .merge(node.router());
    let addr = listener.local_addr()?;
    tracing::info!(%addr, "media node listening for the media server's auth calls");
    let sweeping = shutdown.clone();
    let sweeper = tokio::spawn(async move {
        let idle = i64::from(duration) + IDLE_MARGIN;
        // Baselines of ended sessions outlive any late update by far.
        let forget_after = 3 * i64::from(duration) + 600;
        loop {
            tokio::select! {
                () = sweeping.cancelled() => return,
                () = tokio::time::sleep(SWEEP_EVERY) => {}
            }
            let now = jiff::Timestamp::now().as_second();
            let ended = plane.sessions.sweep(now, idle, forget_after);
            // MediaMTX says nothing when a session ends: its lists do.
            plane.kicker.reconcile(now).await;
            if !ended.is_empty() {
                tracing::debug!(
                    sessions = ended.len(),
                    "ended sessions the server stopped asking about"
                );
            }
        }
    });
    let serve_stop = CancellationToken::new();
    let server_task = tokio::spawn(
        axum::serve(listener, app)
            .with_graceful_shutdown(serve_stop.clone().cancelled_owned())
            .into_future(),
    );
    shutdown.cancelled().await;
    node.stop().await;
    serve_stop.cancel();
    let _ = sweeper.await;
    server_task
        .await
        .context("auth server task failed")?
        .context("auth server failed")?;
    tracing::info!("media node stopped");
    Ok(())
}
