//! `hyctl server bootstrap SERVER`: everything needed to bring up a node of the server's kind,
//! in one printout.

use crate::ctx::Ctx;
use crate::error::CliError;

use hy_common::bootstrap::{render, render_stream};

/// Runs `hyctl server bootstrap`.
pub async fn run(
    ctx: &Ctx,
    server: &str,
    central_url: Option<String>,
    stats_listen: &str,
    agent_listen: &str,
    stream_listen: &str,
) -> Result<(), CliError> {
    let s = super::server::resolve(ctx, server).await?;
    // What a node needs depends on what runs there; a kind without a node daemon in this
    // release gets a plain statement instead of instructions that would not work.
    if s.kind.node_command().is_none() {
        return Err(CliError::Failed(format!(
            "{} is a `{}` server, and this hyctl ({}) has no node daemon for that kind yet: \
                 only `hysteria` servers (`hyctl agent`) and `stream` servers (`hyctl stream`) \
                 can be brought up",
            s.name.as_deref().unwrap_or("this server"),
            s.kind,
            env!("CARGO_PKG_VERSION")
        )));
    }
    let central = central_url.unwrap_or_else(|| ctx.client.base_url().to_owned());
    if central.contains("://127.")
        || central.contains("://localhost")
        || central.contains("://[::1]")
    {
        eprintln!(
            "hyctl: warning: nodes will reach central at {central}, a loopback address; \
             pass --central-url with the address nodes can reach"
        );
    }
    if s.kind == hy_api::servers::ServerKind::Stream {
        let b = render_stream(&s.id, central.trim_end_matches('/'), stream_listen);
        return ctx.out.json_or(&b, || {
            ctx.out.lines([
                "==> /etc/hyctl/stream.env".to_owned(),
                b.stream_env.clone(),
                "==> /etc/systemd/system/hyctl-stream.service".to_owned(),
                b.systemd_unit.clone(),
                "==> The media server's config (the lines for yours)".to_owned(),
                b.media_server_config.clone(),
                "==> Or, to try it by hand:".to_owned(),
                b.command_line.clone(),
            ])
        });
    }
    let b = render(
        &s.id,
        central.trim_end_matches('/'),
        stats_listen,
        agent_listen,
    );
    ctx.out.json_or(&b, || {
        ctx.out.lines([
            "==> /etc/hyctl/agent.env".to_owned(),
            b.agent_env.clone(),
            "==> /etc/systemd/system/hyctl-agent.service".to_owned(),
            b.systemd_unit.clone(),
            "==> Hysteria server config".to_owned(),
            b.hysteria_config.clone(),
            "==> Or, to try it by hand:".to_owned(),
            b.command_line.clone(),
        ])
    })
}
