//! `hyctl stream`'s flags: the node runtime's ([`NodeArgs`], flattened: the same names and
//! environment variables as `hyctl agent`'s) and the media node's own, validated into
//! [`Config`].

use std::net::SocketAddr;
use std::time::Duration;

use anyhow::bail;
use hy_api::servers::ServerKind;
use hy_node::config::parse_interval;
use hy_node::{NodeArgs, NodeConfig, NodeKind};

/// What `hyctl stream` is to central and in metrics.
pub const KIND: NodeKind = NodeKind {
    kind: ServerKind::Stream,
    user_agent: "hyctl-stream",
    metrics_prefix: "hyctl_stream",
};

/// Flags of `hyctl stream`.
#[derive(Debug, Clone, clap::Args)]
pub struct StreamArgs {
    /// The node runtime's flags.
    #[command(flatten)]
    pub node: NodeArgs,

    /// Address the media server calls (keep it on loopback: it runs beside it)
    #[arg(long, env = "HYCTL_STREAM_LISTEN", default_value = "127.0.0.1:8081")]
    pub listen: String,

    /// Also answer under /<PREFIX>/ (a random string, put in the media server's backend URL)
    #[arg(long, env = "HYCTL_STREAM_PATH_PREFIX", hide_env_values = true)]
    pub path_prefix: Option<String>,

    /// How long an admission holds before the media server asks again (Flussonic's X-AuthDuration), 30s to 1h
    #[arg(long, env = "HYCTL_STREAM_AUTH_DURATION", default_value = "180s", value_parser = parse_interval)]
    pub auth_duration: Duration,

    /// SRS's HTTP API (e.g. http://127.0.0.1:1985): sessions killed from central, or whose
    /// user lost access, are kicked through it (DELETE /api/v1/clients/{id}); without it they
    /// end at SRS's on_stop only
    #[arg(long, env = "HYCTL_STREAM_SRS_API", value_name = "URL")]
    pub srs_api: Option<String>,

    /// MediaMTX's control API (e.g. http://127.0.0.1:9997): its sessions are counted from its
    /// lists and kicked through it (POST /v3/<kind>/kick/{id}); without it MediaMTX sessions
    /// are decided at their start only
    #[arg(long, env = "HYCTL_STREAM_MEDIAMTX_API", value_name = "URL")]
    pub mediamtx_api: Option<String>,
}

/// Validated media node configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// The node runtime's part.
    pub node: NodeConfig,
    /// Seconds an admission holds.
    pub auth_duration: u32,
    /// Extra path prefix, without slashes.
    pub path_prefix: Option<String>,
    /// SRS's HTTP API, for kicks.
    pub srs_api: Option<String>,
    /// MediaMTX's control API, for session lists and kicks.
    pub mediamtx_api: Option<String>,
}

/// A media server API's base URL, checked.
fn api_url(flag: &str, url: Option<&str>) -> anyhow::Result<Option<String>> {
    let Some(url) = url else {
        return Ok(None);
    };
    let ok = reqwest::Url::parse(url).is_ok_and(|u| matches!(u.scheme(), "http" | "https"));
    if !ok {
        bail!("{flag} {url:?} is not an http:// or https:// URL; use e.g. http://127.0.0.1:1985");
    }
    Ok(Some(url.trim_end_matches('/').to_owned()))
}

impl StreamArgs {
    /// Validates the flags; the listen address is returned separately because `main` binds it.
    pub fn load(&self) -> anyhow::Result<(SocketAddr, Config)> {
        let mut node = self.node.load(KIND)?;
        // The plane is the node's own table: taking its bytes costs nothing, so they reach the
        // spool (and quota checks) within a second rather than Hysteria's 10 s poll.
        node.interval_collect = std::time::Duration::from_secs(1);
        let listen = hy_common::listen::parse(&self.listen)?;
        let secs = self.auth_duration.as_secs();
        if !(30..=3600).contains(&secs) || self.auth_duration.subsec_nanos() != 0 {
            bail!("--auth-duration must be whole seconds from 30s to 1h (the seed's range)");
        }
        if let Some(p) = &self.path_prefix {
            let ok = !p.is_empty()
                && p.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
            if !ok {
                bail!("--path-prefix must be letters, digits, - and _ only (e.g. a random string)");
            }
            if hy_node::http::ROUTES.contains(&p.as_str()) {
                bail!(
                    "--path-prefix {p:?} is taken by the node's own endpoint; use a random string"
                );
            }
        }
        Ok((
            listen,
            Config {
                node,
                auth_duration: secs as u32,
                path_prefix: self.path_prefix.clone(),
                srs_api: api_url("--srs-api", self.srs_api.as_deref())?,
                mediamtx_api: api_url("--mediamtx-api", self.mediamtx_api.as_deref())?,
            },
        ))
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
            stream: StreamArgs,
        }
        let args = ["x", "--server-id", "abcdefgh", "--central", "http://c:1"];
        Cli::parse_from(args.iter().chain(extra))
            .stream
            .load()
            .map(|(_, c)| c)
            .map_err(|e| e.to_string())
    }

    #[test]
    fn the_auth_duration_and_the_prefix_are_checked() {
        assert_eq!(load(&[]).unwrap().auth_duration, 180);
        assert_eq!(
            load(&["--auth-duration", "1h"]).unwrap().auth_duration,
            3600
        );
        for bad in ["10s", "2h", "1500ms"] {
            assert!(
                load(&["--auth-duration", bad])
                    .unwrap_err()
                    .contains("30s to 1h"),
                "{bad}"
            );
        }
        assert!(load(&["--path-prefix", "k3J9x"]).is_ok());
        assert!(
            load(&["--path-prefix", "a/b"])
                .unwrap_err()
                .contains("letters")
        );
        assert!(
            load(&["--path-prefix", "metrics"])
                .unwrap_err()
                .contains("taken")
        );
        // The media servers' APIs: URLs, checked, kept without a trailing slash.
        let c = load(&["--srs-api", "http://127.0.0.1:1985/"]).unwrap();
        assert_eq!(c.srs_api.as_deref(), Some("http://127.0.0.1:1985"));
        for (flag, bad) in [
            ("--srs-api", "127.0.0.1:1985"),
            ("--mediamtx-api", "ftp://m:9997"),
        ] {
            assert!(
                load(&[flag, bad]).unwrap_err().contains(flag),
                "{flag} {bad}"
            );
        }
    }
}
