//! `hyctl server bootstrap SERVER`: everything needed to bring up a node of the server's kind,
//! in one printout.

use serde::Serialize;

use crate::ctx::Ctx;
use crate::error::CliError;

/// The agent's systemd unit, as shipped in `scripts/`.
pub const AGENT_UNIT: &str = include_str!("../../../scripts/hyctl-agent.service");

/// What `bootstrap` prints.
#[derive(Debug, Serialize)]
pub struct Bootstrap {
    /// Contents of `/etc/hyctl/agent.env` (mode 0600).
    pub agent_env: String,
    /// The agent's systemd unit.
    pub systemd_unit: String,
    /// The lines to merge into Hysteria's server config.
    pub hysteria_config: String,
    /// The same agent setup as one command line (for a quick test without systemd).
    pub command_line: String,
}

/// Builds the node's files from its id, central's URL and the two local listen addresses.
pub fn render(server_id: &str, central: &str, stats_listen: &str, agent_listen: &str) -> Bootstrap {
    let stats_secret = hy_common::random::token(32);
    let auth_path = hy_common::random::token(24);
    let agent_env = format!(
        "# /etc/hyctl/agent.env (chmod 600: it holds this node's credentials)\n\
         HYCTL_AGENT_SERVER_ID={server_id}\n\
         HYCTL_AGENT_CENTRAL={central}\n\
         HYCTL_AGENT_PROXY_SERVER={stats_listen}\n\
         HYCTL_AGENT_TRAFFIC_SERVER={stats_listen}\n\
         HYCTL_AGENT_SECRET={stats_secret}\n\
         HYCTL_AGENT_LISTEN={agent_listen}\n\
         HYCTL_AGENT_AUTH_PATH={auth_path}\n"
    );
    let hysteria_config = format!(
        "# Merge into Hysteria's server config (e.g. /etc/hysteria/config.yaml).\n\
         auth:\n  type: http\n  http:\n    url: http://{agent_listen}/{auth_path}\n\
         trafficStats:\n  listen: {stats_listen}\n  secret: {stats_secret}\n\
         acl:\n  inline:\n\
         \x20   # Keep proxied clients away from this node's own services (the agent, the stats API).\n\
         \x20   - reject(localhost)\n    - reject(127.0.0.0/8)\n    - reject(::1/128)\n\
         \x20   - reject(169.254.0.0/16)\n    - direct(all)\n"
    );
    let command_line = format!(
        "hyctl agent --server-id {server_id} --central {central} --proxy-server {stats_listen} \
         --traffic-server {stats_listen} --secret {stats_secret} --listen {agent_listen} \
         --auth-path {auth_path} --state-dir /var/lib/hyctl-agent"
    );
    Bootstrap {
        agent_env,
        systemd_unit: AGENT_UNIT.to_owned(),
        hysteria_config,
        command_line,
    }
}

/// Runs `hyctl server bootstrap`.
pub async fn run(
    ctx: &Ctx,
    server: &str,
    central_url: Option<String>,
    stats_listen: &str,
    agent_listen: &str,
) -> Result<(), CliError> {
    let s = super::server::resolve(ctx, server).await?;
    // What a node needs depends on what runs there; a kind without a node daemon in this
    // release gets a plain statement instead of instructions that would not work.
    if s.kind.node_command().is_none() {
        return Err(CliError::Failed(format!(
            "{} is a `{}` server, and this hyctl ({}) has no node daemon for that kind yet: \
             only `hysteria` servers (`hyctl agent`) can be brought up",
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
