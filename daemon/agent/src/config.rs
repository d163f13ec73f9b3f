//! `hyctl agent`'s flags (each also an environment variable) and the validated [`Config`].
//!
//! Every flag of the original backend keeps its name and default, except `--listen`, which now
//! defaults to loopback: Hysteria always calls from its own host.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{Context, bail};
use hy_common::telemetry::LogFormat;

/// Flags of `hyctl agent`.
#[derive(Debug, Clone, clap::Args)]
pub struct AgentArgs {
    /// This node's server id, as central knows it (`hyctl server add` prints it)
    #[arg(
        long,
        env = "HYCTL_AGENT_SERVER_ID",
        hide_env_values = true,
        allow_hyphen_values = true
    )]
    pub server_id: String,

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

    /// Hysteria's trafficStats API address, for /online and /kick
    #[arg(
        long,
        env = "HYCTL_AGENT_PROXY_SERVER",
        default_value = "127.0.0.1:9000"
    )]
    pub proxy_server: String,

    /// Hysteria's trafficStats API address, for /traffic
    #[arg(
        long,
        env = "HYCTL_AGENT_TRAFFIC_SERVER",
        default_value = "127.0.0.1:9000"
    )]
    pub traffic_server: String,

    /// Hysteria's trafficStats secret, sent as the raw Authorization header (the default is the original system's: set your own)
    #[arg(
        long,
        env = "HYCTL_AGENT_SECRET",
        default_value = "abcdefg",
        allow_hyphen_values = true,
        hide_env_values = true
    )]
    pub secret: String,

    /// Address of the auth endpoint Hysteria calls (keep it on loopback)
    #[arg(long, env = "HYCTL_AGENT_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: String,

    /// Also answer auth at /<PATH> (use a random string and put it in Hysteria's auth URL)
    #[arg(long, env = "HYCTL_AGENT_AUTH_PATH", hide_env_values = true)]
    pub auth_path: Option<String>,

    /// Directory for the last good user list and the traffic spool (created, mode 0700)
    #[arg(long, env = "HYCTL_AGENT_STATE_DIR", default_value = "agent-state", value_hint = clap::ValueHint::DirPath)]
    pub state_dir: PathBuf,

    /// How often to refresh the user list (changes also arrive at once by long poll)
    #[arg(long, env = "HYCTL_AGENT_INTERVAL_AUTH", default_value = "10s", value_parser = parse_duration)]
    pub interval_auth: Duration,

    /// How often to check /online and kick users who are no longer allowed
    #[arg(long, env = "HYCTL_AGENT_INTERVAL_KICK", default_value = "10s", value_parser = parse_duration)]
    pub interval_kick: Duration,

    /// How often to collect traffic from Hysteria (/traffic?clear=1)
    #[arg(long, env = "HYCTL_AGENT_INTERVAL_TRAFFIC_FROM_PROXY", default_value = "10s", value_parser = parse_duration)]
    pub interval_traffic_from_proxy: Duration,

    /// How often to report collected traffic to central
    #[arg(long, env = "HYCTL_AGENT_INTERVAL_TRAFFIC_TO_CENTRAL", default_value = "10s", value_parser = parse_duration)]
    pub interval_traffic_to_central: Duration,

    /// /readyz fails when central has not confirmed the user list for this long
    #[arg(long, env = "HYCTL_AGENT_READY_MAX_LIST_AGE", default_value = "5m", value_parser = parse_duration)]
    pub ready_max_list_age: Duration,

    /// Log line format; the level is set with RUST_LOG (e.g. `info`, `hy_agent=debug`)
    #[arg(long, env = "HYCTL_LOG_FORMAT", value_enum, default_value_t)]
    pub log_format: LogFormat,
}

/// Parses `10s`, `2m`, `1h30m`, `500ms` (and ISO 8601 like `PT10S`).
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    let d: jiff::SignedDuration = s
        .trim()
        .parse()
        .map_err(|_| format!("invalid duration {s:?}: use e.g. 10s, 2m, 1h30m, 500ms"))?;
    let d = Duration::try_from(d).map_err(|_| format!("duration {s:?} must not be negative"))?;
    if d < Duration::from_millis(10) {
        return Err(format!("duration {s:?} is too short: the minimum is 10ms"));
    }
    Ok(d)
}

/// Validated agent configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// The node's server id (its credential toward central).
    pub server_id: String,
    /// Full URL of this node's list: `<auth URL>/<server id>`.
    pub list_url: String,
    /// Full URL this node reports to: `<traffic URL>/<server id>`.
    pub report_url: String,
    /// Full URL of device counts across nodes (`<central>/devices/<server id>`); `None` when
    /// central's base URL cannot be told from the original `--central-server-auth` flag.
    pub devices_url: Option<String>,
    /// Extra CA for central.
    pub central_ca: Option<PathBuf>,
    /// Base URL of Hysteria's API for /online and /kick.
    pub proxy_api: String,
    /// Base URL of Hysteria's API for /traffic.
    pub traffic_api: String,
    /// Hysteria's API secret.
    pub secret: String,
    /// Extra path the auth endpoint answers at, without the leading slash.
    pub auth_path: Option<String>,
    /// The state directory.
    pub state_dir: PathBuf,
    /// List refresh interval.
    pub interval_auth: Duration,
    /// Kick check interval.
    pub interval_kick: Duration,
    /// Hysteria traffic poll interval.
    pub interval_poll: Duration,
    /// Report interval.
    pub interval_report: Duration,
    /// Oldest confirmation of the list `/readyz` accepts.
    pub ready_max_list_age: Duration,
}

fn api_base(flag: &str, addr: &str) -> anyhow::Result<String> {
    let base = if addr.starts_with("http://") || addr.starts_with("https://") {
        addr.trim_end_matches('/').to_owned()
    } else if let Some(port) = addr.strip_prefix(':') {
        format!("http://127.0.0.1:{port}")
    } else {
        format!("http://{addr}")
    };
    reqwest::Url::parse(&base).with_context(|| format!("{flag} {addr:?} is not HOST:PORT"))?;
    Ok(base)
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

impl AgentArgs {
    /// Validates the flags; the listen address is returned separately because `main` binds it.
    pub fn load(&self) -> anyhow::Result<(SocketAddr, Config)> {
        hy_api::validate::server_id(&self.server_id)
            .map_err(|e| anyhow::anyhow!("--server-id: {e}"))?;
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
        let listen = hy_common::listen::parse(&self.listen)?;
        if let Some(path) = &self.auth_path {
            let ok = !path.is_empty()
                && path
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
            if !ok {
                bail!(
                    "--auth-path must be letters, digits, - and _ only (e.g. a random 32-character string)"
                );
            }
            // The agent's own routes on the same listener.
            if ["healthz", "readyz", "metrics"].contains(&path.as_str()) {
                bail!(
                    "--auth-path {path:?} is taken by the agent's own endpoint; use a random string"
                );
            }
        }
        let config = Config {
            list_url: hy_api::client::node_url(&auth, &self.server_id),
            devices_url: auth
                .strip_suffix("/auth")
                .map(|base| hy_api::client::node_url(&format!("{base}/devices"), &self.server_id)),
            report_url: hy_api::client::node_url(&traffic, &self.server_id),
            server_id: self.server_id.clone(),
            central_ca: self.central_ca.clone(),
            proxy_api: api_base("--proxy-server", &self.proxy_server)?,
            traffic_api: api_base("--traffic-server", &self.traffic_server)?,
            secret: self.secret.clone(),
            auth_path: self.auth_path.clone(),
            state_dir: self.state_dir.clone(),
            interval_auth: self.interval_auth,
            interval_kick: self.interval_kick,
            interval_poll: self.interval_traffic_from_proxy,
            interval_report: self.interval_traffic_to_central,
            ready_max_list_age: self.ready_max_list_age,
        };
        Ok((listen, config))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_in_human_form() {
        assert_eq!(parse_duration("10s").unwrap(), Duration::from_secs(10));
        assert_eq!(parse_duration("2m").unwrap(), Duration::from_secs(120));
        assert_eq!(parse_duration("1h30m").unwrap(), Duration::from_secs(5400));
        assert_eq!(parse_duration("500ms").unwrap(), Duration::from_millis(500));
        assert!(parse_duration("10").is_err());
        assert!(parse_duration("-1s").is_err());
        assert!(parse_duration("0s").is_err());
    }

    #[test]
    fn auth_path_may_not_shadow_the_agents_own_routes() {
        use clap::Parser;
        #[derive(clap::Parser)]
        struct Cli {
            #[command(flatten)]
            agent: AgentArgs,
        }
        let load = |path: &str| {
            Cli::parse_from([
                "x",
                "--server-id",
                "abcdefgh",
                "--central",
                "http://c:1",
                "--auth-path",
                path,
            ])
            .agent
            .load()
            .map(|_| ())
            .map_err(|e| e.to_string())
        };
        assert!(load("k3J9xQ2mP7").is_ok());
        for taken in ["healthz", "readyz", "metrics"] {
            assert!(load(taken).unwrap_err().contains("taken"), "{taken}");
        }
        assert!(load("a/b").unwrap_err().contains("letters, digits"));
    }

    #[test]
    fn api_addresses_become_base_urls() {
        assert_eq!(
            api_base("f", "127.0.0.1:9000").unwrap(),
            "http://127.0.0.1:9000"
        );
        assert_eq!(api_base("f", ":9000").unwrap(), "http://127.0.0.1:9000");
        assert_eq!(
            api_base("f", "http://[::1]:9000/").unwrap(),
            "http://[::1]:9000"
        );
    }
}
