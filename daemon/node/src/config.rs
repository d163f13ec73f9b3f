//! The flags every node command shares (each also an environment variable), flattened into
//! `hyctl agent` and each node to come, and the validated [`NodeConfig`].
//!
//! The names and defaults are the original backend's agent flags, kept so existing unit files
//! and env files work: the variables keep their `HYCTL_AGENT_` prefix for every node kind.

use std::path::PathBuf;
use std::time::Duration;

use anyhow::{Context, bail};
use hy_api::Secret;
use hy_api::servers::ServerKind;
use hy_common::telemetry::LogFormat;

/// Flags of every node command.
#[derive(Debug, Clone, clap::Args)]
pub struct NodeArgs {
    /// This node's server id, as central knows it (`hyctl server add` prints it)
    #[arg(
        long,
        env = "HYCTL_AGENT_SERVER_ID",
        hide_env_values = true,
        allow_hyphen_values = true
    )]
    pub server_id: Secret,

    /// Central's base URL, e.g. https://central.example:9090; sets both URLs below
    #[arg(long, env = "HYCTL_AGENT_CENTRAL")]
    pub central: Option<String>,

    /// Central's auth URL (the original flag); the list is fetched from <URL>/<server-id>
    #[arg(
        long,
        env = "HYCTL_AGENT_CENTRAL_SERVER_AUTH",
        required_unless_present = "central",
        conflicts_with = "central"
    )]
    pub central_server_auth: Option<String>,

    /// Central's traffic URL (the original flag); reports go to <URL>/<server-id>
    #[arg(
        long,
        env = "HYCTL_AGENT_CENTRAL_SERVER_TRAFFIC",
        required_unless_present = "central",
        conflicts_with = "central"
    )]
    pub central_server_traffic: Option<String>,

    /// PEM CA certificate(s) to trust for an HTTPS central with a private CA
    #[arg(long, env = "HYCTL_AGENT_CENTRAL_CA", value_hint = clap::ValueHint::FilePath)]
    pub central_ca: Option<PathBuf>,

    /// Directory for the last good user list and the traffic spool (created, mode 0700)
    #[arg(long, env = "HYCTL_AGENT_STATE_DIR", default_value = "agent-state", value_hint = clap::ValueHint::DirPath)]
    pub state_dir: PathBuf,

    /// How often to refresh the user list (changes also arrive at once by long poll)
    #[arg(long, env = "HYCTL_AGENT_INTERVAL_AUTH", default_value = "10s", value_parser = parse_interval)]
    pub interval_auth: Duration,

    /// How often to report collected traffic to central
    #[arg(long, env = "HYCTL_AGENT_INTERVAL_TRAFFIC_TO_CENTRAL", default_value = "10s", value_parser = parse_interval)]
    pub interval_traffic_to_central: Duration,

    /// /readyz fails when central has not confirmed the user list for this long
    #[arg(long, env = "HYCTL_AGENT_READY_MAX_LIST_AGE", default_value = "5m", value_parser = parse_interval)]
    pub ready_max_list_age: Duration,

    /// Log line format; the level is set with RUST_LOG (e.g. `info`, `hy_node=debug`)
    #[arg(long, env = "HYCTL_LOG_FORMAT", value_enum, default_value_t)]
    pub log_format: LogFormat,
}

/// An interval flag: [`hy_common::units::duration`], at least 10 ms (a loop must not spin).
pub fn parse_interval(s: &str) -> Result<Duration, String> {
    let d = hy_common::units::duration(s)?;
    if d < Duration::from_millis(10) {
        return Err(format!("duration {s:?} is too short: the minimum is 10ms"));
    }
    Ok(d)
}

/// What a node is, as its adapter says: fixed per node command, not flags.
#[derive(Debug, Clone, Copy)]
pub struct NodeKind {
    /// The kind it tells central (`Hyctl-Node-Kind`).
    pub kind: ServerKind,
    /// `User-Agent` product toward central, e.g. `hyctl-agent`.
    pub user_agent: &'static str,
    /// Metric name prefix, e.g. `hyctl_agent`.
    pub metrics_prefix: &'static str,
}

/// Validated node configuration.
#[derive(Debug, Clone)]
pub struct NodeConfig {
    /// What the node is.
    pub kind: NodeKind,
    /// The node's server id (its credential toward central).
    pub server_id: Secret,
    /// `<auth URL>/<server id>`: carries the credential, so it is a [`Secret`] too.
    pub list_url: Secret,
    /// `<traffic URL>/<server id>`.
    pub report_url: Secret,
    /// `<central>/devices/<server id>`; `None` when central's base URL cannot be told from the
    /// original `--central-server-auth` flag.
    pub devices_url: Option<Secret>,
    /// `<central>/sessions/<server id>`, where a media node reports its sessions; `None` as
    /// for `devices_url`.
    pub sessions_url: Option<Secret>,
    /// Central's URL without the credential, for logs.
    pub central_label: String,
    /// Extra CA for central.
    pub central_ca: Option<PathBuf>,
    /// The state directory.
    pub state_dir: PathBuf,
    /// List refresh (backstop of the long poll).
    pub interval_list: Duration,
    /// Report to central.
    pub interval_report: Duration,
    /// Take the plane's traffic (Hysteria: `--interval-traffic-from-proxy`).
    pub interval_collect: Duration,
    /// Check who is connected and close who may not be (Hysteria: `--interval-kick`).
    pub interval_close: Duration,
    /// Oldest confirmation of the list `/readyz` accepts.
    pub ready_max_list_age: Duration,
}

fn central_url(flag: &str, url: &str) -> anyhow::Result<String> {
    let parsed = reqwest::Url::parse(url).with_context(|| {
        format!("{flag} {url:?} is not a URL; use e.g. http://central-host:9090")
    })?;
    if !matches!(parsed.scheme(), "http" | "https") {
        bail!("{flag} {url:?} must start with http:// or https://");
    }
    Ok(url.trim_end_matches('/').to_owned())
}

impl NodeArgs {
    /// Validates the flags for a node of `kind`. The plane's own intervals start at the
    /// original defaults (10 s); the adapter sets them from its flags.
    pub fn load(&self, kind: NodeKind) -> anyhow::Result<NodeConfig> {
        let server_id = self.server_id.expose();
        hy_api::validate::server_id(server_id).map_err(|e| anyhow::anyhow!("--server-id: {e}"))?;
        let (auth, traffic) = match (
            &self.central,
            &self.central_server_auth,
            &self.central_server_traffic,
        ) {
            (Some(base), _, _) => {
                let base = central_url("--central", base)?;
                (format!("{base}/auth"), format!("{base}/traffic"))
            }
            (None, Some(auth), Some(traffic)) => (
                central_url("--central-server-auth", auth)?,
                central_url("--central-server-traffic", traffic)?,
            ),
            _ => bail!(
                "give --central URL, or both --central-server-auth and --central-server-traffic"
            ),
        };
        let node_url = |base: &str| Secret::from(hy_api::client::node_url(base, server_id));
        Ok(NodeConfig {
            kind,
            list_url: node_url(&auth),
            devices_url: auth
                .strip_suffix("/auth")
                .map(|base| node_url(&format!("{base}/devices"))),
            sessions_url: auth
                .strip_suffix("/auth")
                .map(|base| node_url(&format!("{base}/sessions"))),
            report_url: node_url(&traffic),
            central_label: auth.clone(),
            server_id: self.server_id.clone(),
            central_ca: self.central_ca.clone(),
            state_dir: self.state_dir.clone(),
            interval_list: self.interval_auth,
            interval_report: self.interval_traffic_to_central,
            interval_collect: Duration::from_secs(10),
            interval_close: Duration::from_secs(10),
            ready_max_list_age: self.ready_max_list_age,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals_use_the_one_grammar_with_a_floor() {
        assert_eq!(parse_interval("10s").unwrap(), Duration::from_secs(10));
        assert_eq!(parse_interval("1h30m").unwrap(), Duration::from_secs(5400));
        assert_eq!(parse_interval("PT10S").unwrap(), Duration::from_secs(10));
        assert_eq!(parse_interval("500ms").unwrap(), Duration::from_millis(500));
        assert!(parse_interval("10").is_err());
        assert!(parse_interval("-1s").is_err());
        assert!(
            parse_interval("0s")
                .unwrap_err()
                .contains("minimum is 10ms")
        );
    }

    #[test]
    fn central_urls_are_checked_and_the_credential_stays_masked() {
        use clap::Parser;
        #[derive(clap::Parser)]
        struct Cli {
            #[command(flatten)]
            node: NodeArgs,
        }
        let kind = NodeKind {
            kind: ServerKind::Hysteria,
            user_agent: "hyctl-test",
            metrics_prefix: "hyctl_test",
        };
        let load = |central: &str| {
            Cli::parse_from(["x", "--server-id", "abcdefgh-secret", "--central", central])
                .node
                .load(kind)
        };
        let config = load("http://c:1/").unwrap();
        assert_eq!(config.list_url.expose(), "http://c:1/auth/abcdefgh-secret");
        assert_eq!(
            config.devices_url.as_ref().map(Secret::expose),
            Some("http://c:1/devices/abcdefgh-secret")
        );
        assert!(!format!("{config:?}").contains("abcdefgh-secret"));
        assert!(
            load("ftp://c:1")
                .unwrap_err()
                .to_string()
                .contains("http://")
        );
        assert!(load("c:1").is_err());
    }
}
