//! `hyctl agent`'s flags: the node runtime's ([`NodeArgs`], flattened) and Hysteria's own, each
//! also an environment variable, validated into [`Config`].
//!
//! Every flag of the original backend keeps its name and default, except `--listen`, which now
//! defaults to loopback: Hysteria always calls from its own host.

use std::net::SocketAddr;
use std::time::Duration;

use anyhow::{Context, bail};
use hy_api::Secret;
use hy_api::servers::ServerKind;
use hy_node::config::parse_interval;
use hy_node::{NodeArgs, NodeConfig, NodeKind};

/// What `hyctl agent` is to central and in metrics.
pub const KIND: NodeKind = NodeKind {
    kind: ServerKind::Hysteria,
    user_agent: "hyctl-agent",
    metrics_prefix: "hyctl_agent",
};

/// Flags of `hyctl agent`.
#[derive(Debug, Clone, clap::Args)]
pub struct AgentArgs {
    /// The node runtime's flags.
    #[command(flatten)]
    pub node: NodeArgs,

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
    pub secret: Secret,

    /// Address of the auth endpoint Hysteria calls (keep it on loopback)
    #[arg(long, env = "HYCTL_AGENT_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: String,

    /// Also answer auth at /<PATH> (use a random string and put it in Hysteria's auth URL)
    #[arg(long, env = "HYCTL_AGENT_AUTH_PATH", hide_env_values = true)]
    pub auth_path: Option<String>,

    /// How often to check /online and kick users who are no longer allowed
    #[arg(long, env = "HYCTL_AGENT_INTERVAL_KICK", default_value = "10s", value_parser = parse_interval)]
    pub interval_kick: Duration,

    /// How often to collect traffic from Hysteria (/traffic?clear=1)
    #[arg(long, env = "HYCTL_AGENT_INTERVAL_TRAFFIC_FROM_PROXY", default_value = "10s", value_parser = parse_interval)]
    pub interval_traffic_from_proxy: Duration,
}

/// Validated agent configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// The node runtime's part.
    pub node: NodeConfig,
    /// Base URL of Hysteria's API for /online and /kick.
    pub proxy_api: String,
    /// Base URL of Hysteria's API for /traffic.
    pub traffic_api: String,
    /// Hysteria's API secret.
    pub secret: Secret,
    /// Extra path the auth endpoint answers at, without the leading slash.
    pub auth_path: Option<Secret>,
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

impl AgentArgs {
    /// Validates the flags; the listen address is returned separately because `main` binds it.
    pub fn load(&self) -> anyhow::Result<(SocketAddr, Config)> {
        let mut node = self.node.load(KIND)?;
        node.interval_close = self.interval_kick;
        node.interval_collect = self.interval_traffic_from_proxy;
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
            // The runtime's own routes on the same listener.
            if hy_node::http::ROUTES.contains(&path.as_str()) {
                bail!(
                    "--auth-path {path:?} is taken by the agent's own endpoint; use a random string"
                );
            }
        }
        let config = Config {
            node,
            proxy_api: api_base("--proxy-server", &self.proxy_server)?,
            traffic_api: api_base("--traffic-server", &self.traffic_server)?,
            secret: self.secret.clone(),
            auth_path: self.auth_path.clone().map(Secret::from),
        };
        Ok((listen, config))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(extra: &[&str]) -> Result<Config, String> {
        use clap::Parser;
        #[derive(clap::Parser)]
        struct Cli {
            #[command(flatten)]
            agent: AgentArgs,
        }
        let args = ["x", "--server-id", "abcdefgh", "--central", "http://c:1"];
        Cli::parse_from(args.iter().chain(extra))
            .agent
            .load()
            .map(|(_, c)| c)
            .map_err(|e| e.to_string())
    }

    #[test]
    fn auth_path_may_not_shadow_the_agents_own_routes() {
        assert!(load(&["--auth-path", "k3J9xQ2mP7"]).is_ok());
        for taken in ["healthz", "readyz", "metrics"] {
            assert!(
                load(&["--auth-path", taken]).unwrap_err().contains("taken"),
                "{taken}"
            );
        }
        assert!(
            load(&["--auth-path", "a/b"])
                .unwrap_err()
                .contains("letters, digits")
        );
    }

    #[test]
    fn the_original_defaults_and_the_plane_intervals() {
        let c = load(&[
            "--interval-kick",
            "2s",
            "--interval-traffic-from-proxy",
            "PT3S",
        ])
        .unwrap();
        assert_eq!(c.node.interval_close, Duration::from_secs(2));
        assert_eq!(c.node.interval_collect, Duration::from_secs(3));
        assert_eq!(c.node.interval_list, Duration::from_secs(10));
        assert_eq!(c.secret.expose(), "abcdefg");
        assert!(
            !format!("{c:?}").contains("abcdefg"),
            "secrets are masked in Debug"
        );
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
