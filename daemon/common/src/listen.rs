//! Listen addresses in the original system's Go style: `:9090` is every interface.

use std::net::SocketAddr;

use anyhow::{Context, bail};

/// Parses `:PORT` (every interface), `localhost:PORT` or `IP:PORT`.
pub fn parse(s: &str) -> anyhow::Result<SocketAddr> {
    let port_of = |p: &str| -> anyhow::Result<u16> {
        p.parse()
            .with_context(|| format!("invalid port in listen address {s:?}"))
    };
    if let Some(port) = s.strip_prefix(':') {
        return Ok(SocketAddr::from(([0, 0, 0, 0], port_of(port)?)));
    }
    if let Some(port) = s.strip_prefix("localhost:") {
        return Ok(SocketAddr::from(([127, 0, 0, 1], port_of(port)?)));
    }
    match s.parse() {
        Ok(addr) => Ok(addr),
        Err(_) => bail!("invalid listen address {s:?}: use IP:PORT (e.g. 127.0.0.1:9090) or :PORT"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listen_addresses() {
        assert_eq!(parse(":9090").unwrap(), "0.0.0.0:9090".parse().unwrap());
        assert_eq!(
            parse("127.0.0.1:1").unwrap(),
            "127.0.0.1:1".parse().unwrap()
        );
        assert_eq!(parse("[::1]:80").unwrap(), "[::1]:80".parse().unwrap());
        assert_eq!(
            parse("localhost:80").unwrap(),
            "127.0.0.1:80".parse().unwrap()
        );
        assert!(parse("9090").is_err());
        assert!(parse(":99999").is_err());
    }
}
