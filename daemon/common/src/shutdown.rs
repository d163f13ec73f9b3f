//! SIGINT/SIGTERM to a [`CancellationToken`]: the first signal asks for a graceful stop, a
//! second one exits at once.

use tokio_util::sync::CancellationToken;

/// Spawns a task that cancels `token` on the first SIGINT or SIGTERM and exits the process with
/// status 130 on the second.
pub fn on_signal(token: CancellationToken) {
    tokio::spawn(async move {
        wait_for_signal().await;
        tracing::info!("shutdown requested; finishing in-flight work (signal again to force)");
        token.cancel();
        wait_for_signal().await;
        tracing::warn!("second signal: exiting without finishing in-flight work");
        std::process::exit(130);
    });
}

async fn wait_for_signal() {
    use tokio::signal::unix::{SignalKind, signal};
    let (Ok(mut term), Ok(mut int)) = (
        signal(SignalKind::terminate()),
        signal(SignalKind::interrupt()),
    ) else {
        tracing::error!("could not install signal handlers; stop the process with SIGKILL");
        return std::future::pending().await;
    };
    tokio::select! {
        _ = term.recv() => {}
        _ = int.recv() => {}
    }
}
