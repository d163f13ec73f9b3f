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

/// The media node's systemd unit, as shipped in `scripts/`.
pub const STREAM_UNIT: &str = include_str!("../../../scripts/hyctl-stream.service");

/// What `bootstrap` prints for a `stream` server.
#[derive(Debug, Serialize)]
pub struct StreamBootstrap {
    /// Contents of `/etc/hyctl/stream.env` (mode 0600).
    pub stream_env: String,
    /// The media node's systemd unit.
    pub systemd_unit: String,
    /// The lines for each media server: Flussonic, MediaMTX, SRS and nginx-rtmp.
    pub media_server_config: String,
    /// The same node as one command line.
    pub command_line: String,
}

/// Builds a media node's files from its id, central's URL and where it listens. The node also
/// answers under a fresh random path prefix, and the media servers' lines use it.
pub fn render_stream(server_id: &str, central: &str, listen: &str) -> StreamBootstrap {
    let prefix = crate::random::token(24);
    let base = format!("http://{listen}/{prefix}");
    let stream_env = format!(
        "# /etc/hyctl/stream.env (chmod 600: it holds this node's credentials)\n\
         HYCTL_AGENT_SERVER_ID={server_id}\n\
         HYCTL_AGENT_CENTRAL={central}\n\
         HYCTL_STREAM_LISTEN={listen}\n\
         HYCTL_STREAM_PATH_PREFIX={prefix}\n"
    );
    let media_server_config = format!(
        "# Flussonic (/etc/flussonic/flussonic.conf): every stream with `auth hyctl;`\n\
         auth_backend hyctl {{ backend {base}/flussonic; }}\n\n\
         # MediaMTX (mediamtx.yml)\n\
         authMethod: http\n\
         authHTTPAddress: {base}/mediamtx\n\
         authHTTPExclude: [{{action: api}}, {{action: metrics}}, {{action: pprof}}]\n\n\
         # SRS (srs.conf, inside the vhost)\n\
         http_hooks {{ enabled on; on_play {base}/srs; on_stop {base}/srs;\n\
         \x20            on_publish {base}/srs; on_unpublish {base}/srs; }}\n\n\
         # nginx-rtmp (nginx.conf, inside the application)\n\
         on_play {base}/nginx-rtmp; on_publish {base}/nginx-rtmp;\n\
         on_play_done {base}/nginx-rtmp; on_publish_done {base}/nginx-rtmp;\n\
         on_update {base}/nginx-rtmp; notify_update_timeout 30s;\n"
    );
    let command_line = format!(
        "hyctl stream --server-id {server_id} --central {central} --listen {listen} \
         --path-prefix {prefix} --state-dir /var/lib/hyctl-stream"
    );
    StreamBootstrap {
        stream_env,
        systemd_unit: STREAM_UNIT.to_owned(),
        media_server_config,
        command_line,
    }
}
