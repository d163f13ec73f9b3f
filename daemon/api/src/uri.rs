//! `hysteria2://` share URIs, exactly as Hysteria's URI scheme describes them:
//! `hysteria2://<auth>@<host>[:<port>]/?sni=..&insecure=1&obfs=salamander&obfs-password=..&pinSHA256=..#<name>`.
//! The auth is percent-encoded userinfo, IPv6 hosts go in brackets, ports may be ranges
//! (`443,5000-6000`), query values and the fragment are percent-encoded.

use serde::{Deserialize, Serialize};

/// How clients reach a server: what goes into its share links.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct LinkSettings {
    /// Public host name or IP address clients connect to; no links without it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// Port, or ports and ranges for port hopping: `443`, `443,5000-6000`. Default 443.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ports: Option<String>,
    /// TLS server name, when it differs from the host.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sni: Option<String>,
    /// Salamander obfuscation password; obfuscation is off without it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub obfs_password: Option<String>,
    /// Clients skip certificate verification (self-signed certificates).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub insecure: bool,
    /// SHA-256 of the server certificate, lowercase hex without colons.
    #[serde(default, rename = "pinSHA256", skip_serializing_if = "Option::is_none")]
    pub pin_sha256: Option<String>,
}

/// Percent-encodes everything but RFC 3986's unreserved characters.
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Validates and normalises link settings (pin to lowercase hex without colons).
pub fn validate(link: &mut LinkSettings) -> Result<(), String> {
    if let Some(host) = &link.host {
        let bare = host.trim_start_matches('[').trim_end_matches(']');
        let ok_name = !host.is_empty()
            && host.len() <= 253
            && host
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.');
        if !(ok_name || bare.parse::<std::net::IpAddr>().is_ok()) {
            return Err(format!("host {host:?} is not a host name or IP address"));
        }
        link.host = Some(bare.to_owned());
    }
    if let Some(ports) = &link.ports {
        let valid_port = |p: &str| p.parse::<u16>().is_ok_and(|p| p > 0);
        let ok = !ports.is_empty()
            && ports.split(',').all(|part| match part.split_once('-') {
                Some((a, b)) => {
                    valid_port(a) && valid_port(b) && a.parse::<u16>().ok() < b.parse::<u16>().ok()
                }
                None => valid_port(part),
            });
        if !ok {
            return Err(format!(
                "ports {ports:?} must be a port or a list of ports and ranges, like 443,5000-6000"
            ));
        }
    }
    if let Some(pin) = &link.pin_sha256 {
        let hex: String = pin
            .chars()
            .filter(|c| *c != ':')
            .collect::<String>()
            .to_ascii_lowercase();
        if hex.len() != 64 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err("pinSHA256 must be a SHA-256 in hex (64 digits, colons allowed)".into());
        }
        link.pin_sha256 = Some(hex);
    }
    Ok(())
}

/// The share URI for a client authenticating with `auth` through a server reached as `link`
/// describes; `name` becomes the fragment (the profile's display name). `None` without a host.
pub fn build(auth: &str, link: &LinkSettings, name: &str) -> Option<String> {
    let host = link.host.as_deref()?;
    let host = if host.contains(':') {
        format!("[{host}]")
    } else {
        host.to_owned()
    };
    let mut uri = format!("hysteria2://{}@{host}", encode(auth));
    if let Some(ports) = &link.ports {
        uri.push(':');
        uri.push_str(ports);
    }
    uri.push('/');
    let mut query = Vec::new();
    if let Some(sni) = &link.sni {
        query.push(format!("sni={}", encode(sni)));
    }
    if link.insecure {
        query.push("insecure=1".into());
    }
    if let Some(pw) = &link.obfs_password {
        query.push("obfs=salamander".into());
        query.push(format!("obfs-password={}", encode(pw)));
    }
    if let Some(pin) = &link.pin_sha256 {
        query.push(format!("pinSHA256={pin}"));
    }
    if !query.is_empty() {
        uri.push('?');
        uri.push_str(&query.join("&"));
    }
    if !name.is_empty() {
        uri.push('#');
        uri.push_str(&encode(name));
    }
    Some(uri)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(host: &str) -> LinkSettings {
        LinkSettings {
            host: Some(host.into()),
            ..Default::default()
        }
    }

    #[test]
    fn the_reference_pages_full_form() {
        let mut l = LinkSettings {
            host: Some("example.com".into()),
            ports: Some("443".into()),
            sni: Some("real.example.com".into()),
            obfs_password: Some("gawrgura".into()),
            insecure: true,
            pin_sha256: Some("DE:AD:BE:EF:".repeat(8).trim_end_matches(':').to_owned()),
        };
        validate(&mut l).unwrap();
        assert_eq!(
            build("letmein", &l, "edge 1").unwrap(),
            format!(
                "hysteria2://letmein@example.com:443/?sni=real.example.com&insecure=1&obfs=salamander&obfs-password=gawrgura&pinSHA256={}#edge%201",
                "deadbeef".repeat(8)
            )
        );
    }

    #[test]
    fn ipv6_hosts_port_ranges_and_encoding() {
        assert_eq!(
            build("a", &link("2001:db8::1"), "").unwrap(),
            "hysteria2://a@[2001:db8::1]/"
        );
        let hop = LinkSettings {
            ports: Some("443,5000-6000".into()),
            ..link("example.com")
        };
        assert_eq!(
            build("a", &hop, "x").unwrap(),
            "hysteria2://a@example.com:443,5000-6000/#x"
        );
        // Reserved characters in the auth, the query and the name are percent-encoded.
        let tricky = LinkSettings {
            obfs_password: Some("p&w=d#".into()),
            ..link("example.com")
        };
        assert_eq!(
            build("us:er@pa+ss", &tricky, "a/b?c").unwrap(),
            "hysteria2://us%3Aer%40pa%2Bss@example.com/?obfs=salamander&obfs-password=p%26w%3Dd%23#a%2Fb%3Fc"
        );
        assert_eq!(build("a", &LinkSettings::default(), "x"), None);
    }

    #[test]
    fn validation() {
        let mut pin = LinkSettings {
            pin_sha256: Some("AB:".repeat(32).trim_end_matches(':').into()),
            ..link("[2001:db8::1]")
        };
        validate(&mut pin).unwrap();
        assert_eq!(pin.pin_sha256.unwrap(), "ab".repeat(32));
        assert_eq!(pin.host.as_deref(), Some("2001:db8::1"));
        for bad in [
            LinkSettings {
                ports: Some("0".into()),
                ..link("h")
            },
            LinkSettings {
                ports: Some("6000-5000".into()),
                ..link("h")
            },
            LinkSettings {
                ports: Some("443,".into()),
                ..link("h")
            },
            LinkSettings {
                pin_sha256: Some("abc".into()),
                ..link("h")
            },
            link("bad host"),
        ] {
            assert!(validate(&mut bad.clone()).is_err(), "{bad:?}");
        }
    }
}
