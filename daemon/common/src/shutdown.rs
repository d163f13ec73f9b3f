//! SIGINT/SIGTERM to a [`CancellationToken`]: the first signal asks for a graceful stop, a
//! second one exits at once.

use tokio_util::sync::CancellationToken;

/// Spawns a task that cancels `token` on the first SIGINT or SIGTERM and exits the process with
/// status 130 on the second. The handlers are installed before this returns (a signal that
/// arrives right after is caught, not the default action that kills the process); call it
/// from within the runtime.
pub fn on_signal(token: CancellationToken) {
    use tokio::signal::unix::{SignalKind, signal};
    let (Ok(mut term), Ok(mut int)) = (
        signal(SignalKind::terminate()),
        signal(SignalKind::interrupt()),
    ) else {
        tracing::error!("could not install signal handlers; stop the process with SIGKILL");
        return;
    };
    tokio::spawn(async move {
        let mut next = async || {
            tokio::select! {
                _ = term.recv() => {}
                _ = int.recv() => {}
            }
        };
        next().await;
        tracing::info!("shutdown requested; finishing in-flight work (signal again to force)");
        token.cancel();
        next().await;
        tracing::warn!("second signal: exiting without finishing in-flight work");
        std::process::exit(130);
    });
}
