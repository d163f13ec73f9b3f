//! What a new node needs, as text to paste: the agent's environment file, its systemd unit,
//! the lines to merge into Hysteria's config, and the same as one command line. `hyctl server
//! bootstrap` prints it; the web panel shows it when a server is added.

use serde::Serialize;

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
    let stats_secret = crate::random::token(32);
    let auth_path = crate::random::token(24);
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
