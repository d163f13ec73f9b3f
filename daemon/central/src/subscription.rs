//! Subscription profiles: what `GET /sub/{token}` serves a user's client, in the format it
//! reads (picked by `?format=` or its User-Agent): the `hysteria2://` URI list (plain or
//! base64, as v2rayN-style clients expect), a Hysteria 2 client config, a sing-box config and
//! a Clash Meta (mihomo) profile, plus the `subscription-userinfo` numbers such clients show.
//!
//! YAML is written by hand with every scalar as a JSON string (YAML 1.2 reads JSON strings
//! and flow collections as they are), so no value can change a document's structure whatever
//! it holds; the tests read every format back with real parsers.

use hy_api::uri::LinkSettings;
use hy_api::users::User;
use serde_json::{Value, json};

/// A client format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One `hysteria2://` URI per line.
    Uri,
    /// The same, base64 (standard alphabet, padded): what v2rayN, Shadowrocket and most
    /// subscription clients expect.
    Base64,
    /// A Hysteria 2 client config (YAML) for one server.
    Hysteria,
    /// A sing-box config (JSON): a mixed inbound on loopback, one `hysteria2` outbound per
    /// server behind a selector.
    SingBox,
    /// A Clash Meta / mihomo profile (YAML).
    Clash,
}

impl Format {
    /// Every `?format=` value, for messages and docs.
    pub const NAMES: &str = "uri, base64, hysteria, sing-box, clash";

    /// `?format=` → the format.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s.to_ascii_lowercase().as_str() {
            "uri" | "uris" | "plain" => Self::Uri,
            "base64" | "v2ray" | "v2rayn" => Self::Base64,
            "hysteria" | "hysteria2" | "hy2" => Self::Hysteria,
            "sing-box" | "singbox" | "sing_box" => Self::SingBox,
            "clash" | "mihomo" | "clash-meta" | "meta" => Self::Clash,
            _ => return None,
        })
    }

    /// The format a client asks for by its User-Agent; base64 for anything unknown, the
    /// subscription format nearly every client reads.
    pub fn from_user_agent(ua: &str) -> Self {
        let ua = ua.to_ascii_lowercase();
        if ["clash", "mihomo", "stash", "meta"]
            .iter()
            .any(|k| ua.contains(k))
        {
            Self::Clash
        } else if [
            "sing-box", "singbox", "sfa/", "sfi/", "sfm/", "sft/", "hiddify",
        ]
        .iter()
        .any(|k| ua.contains(k))
        {
            Self::SingBox
        } else if ua.contains("hysteria") {
            Self::Hysteria
        } else {
            Self::Base64
        }
    }

    /// `Content-Type` of the profile.
    pub fn content_type(self) -> &'static str {
        match self {
            Self::Uri | Self::Base64 => "text/plain; charset=utf-8",
            Self::Hysteria | Self::Clash => "text/yaml; charset=utf-8",
            Self::SingBox => "application/json",
        }
    }

    /// File extension for `Content-Disposition`.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Uri | Self::Base64 => "txt",
            Self::Hysteria | Self::Clash => "yaml",
            Self::SingBox => "json",
        }
    }
}

/// One server a profile points at: its display name (unique in the profile) and how to
/// reach it.
#[derive(Debug, Clone)]
pub struct Endpoint {
    pub name: String,
    pub link: LinkSettings,
}

/// The servers of `links` (id, name, link settings) that have a public host, named by their
/// name, else host; repeated names get ` 2`, ` 3` (clients need unique names).
pub fn endpoints(links: Vec<(String, Option<String>, LinkSettings)>) -> Vec<Endpoint> {
    let mut out: Vec<Endpoint> = Vec::new();
    for (_, name, link) in links {
        let Some(host) = link.host.clone() else {
            continue;
        };
        let base = name.unwrap_or(host);
        let mut name = base.clone();
        let mut n = 1;
        while out.iter().any(|e| e.name == name) {
            n += 1;
            name = format!("{base} {n}");
        }
        out.push(Endpoint { name, link });
    }
    out
}

/// `subscription-userinfo`: bytes up and down (lifetime, as the client shows usage), the
/// period's allowance (0 = none) and the expiry in Unix seconds (0 = never).
pub fn userinfo(user: &User) -> String {
    format!(
        "upload={}; download={}; total={}; expire={}",
        user.traffic.tx,
        user.traffic.rx,
        user.data_limit,
        user.expires_at.map_or(0, |t| t.as_second().max(0))
    )
}

/// The ports of a link: the list as given (`443,5000-6000`), 443 by default.
fn ports(link: &LinkSettings) -> &str {
    link.ports.as_deref().unwrap_or("443")
}

/// The first port of a port list (a range's start).
fn first_port(link: &LinkSettings) -> u16 {
    ports(link)
        .split([',', '-'])
        .next()
        .and_then(|p| p.parse().ok())
        .unwrap_or(443)
}

/// True when a link hops over more than one port.
fn hops(link: &LinkSettings) -> bool {
    ports(link).contains([',', '-'])
}

fn host_port(link: &LinkSettings) -> String {
    let host = link.host.as_deref().unwrap_or_default();
    if host.contains(':') {
        format!("[{host}]:{}", ports(link))
    } else {
        format!("{host}:{}", ports(link))
    }
}

/// A YAML scalar that is exactly `s`, whatever `s` holds.
fn q(s: &str) -> String {
    Value::String(s.to_owned()).to_string()
}

/// Renders the profile of `secret` over `endpoints` in `format`. With no endpoint (a user who
/// may not connect, or has no server with a public host) the profile is still valid, with no
/// server in it, and routes nothing anywhere rather than past the proxy.
pub fn render(
    format: Format,
    secret: &str,
    endpoints: &[Endpoint],
    server: Option<&str>,
) -> String {
    match format {
        Format::Uri => uris(secret, endpoints),
        Format::Base64 => {
            use base64::Engine as _;
            base64::engine::general_purpose::STANDARD.encode(uris(secret, endpoints))
        }
        Format::Hysteria => {
            let chosen = match server {
                Some(name) => endpoints.iter().find(|e| e.name == name),
                None => endpoints.first(),
            };
            hysteria(secret, chosen)
        }
        Format::SingBox => sing_box(secret, endpoints),
        Format::Clash => clash(secret, endpoints),
    }
}

fn uris(secret: &str, endpoints: &[Endpoint]) -> String {
    let mut out = String::new();
    for e in endpoints {
        if let Some(uri) = hy_api::uri::build(secret, &e.link, &e.name) {
            out.push_str(&uri);
            out.push('\n');
        }
    }
    out
}

/// Hysteria's client config: `server`, `auth`, `tls`, `obfs`, and local SOCKS5 and HTTP
/// proxies, as its documentation's client example has them.
fn hysteria(secret: &str, e: Option<&Endpoint>) -> String {
    let Some(e) = e else {
        // No server: a comment only, which Hysteria refuses to start with, saying why.
        return "# No server is available for this subscription now.\n".into();
    };
    let link = &e.link;
    let mut out = format!(
        "# {}\nserver: {}\nauth: {}\n",
        e.name.replace('\n', " "),
        q(&host_port(link)),
        q(secret)
    );
    let mut tls = Vec::new();
    if let Some(sni) = &link.sni {
        tls.push(format!("  sni: {}", q(sni)));
    }
    if link.insecure {
        tls.push("  insecure: true".into());
    }
    if let Some(pin) = &link.pin_sha256 {
        tls.push(format!("  pinSHA256: {}", q(pin)));
    }
    if !tls.is_empty() {
        out.push_str("tls:\n");
        out.push_str(&tls.join("\n"));
        out.push('\n');
    }
    if let Some(pw) = &link.obfs_password {
        out.push_str(&format!(
            "obfs:\n  type: salamander\n  salamander:\n    password: {}\n",
            q(pw)
        ));
    }
    out.push_str("socks5:\n  listen: \"127.0.0.1:1080\"\nhttp:\n  listen: \"127.0.0.1:8080\"\n");
    out
}

/// sing-box's `hysteria2` outbound for one server (its documented fields).
fn sing_box_outbound(secret: &str, e: &Endpoint) -> Value {
    let link = &e.link;
    let mut o = json!({
        "type": "hysteria2",
        "tag": e.name,
        "server": link.host,
        "password": secret,
    });
    if hops(link) {
        // sing-box writes ranges as `start:end`; a single port is a range of one.
        let ranges: Vec<String> = ports(link)
            .split(',')
            .map(|p| match p.split_once('-') {
                Some((a, b)) => format!("{a}:{b}"),
                None => format!("{p}:{p}"),
            })
            .collect();
        o["server_ports"] = json!(ranges);
    } else {
        o["server_port"] = json!(first_port(link));
    }
    if let Some(pw) = &link.obfs_password {
        o["obfs"] = json!({"type": "salamander", "password": pw});
    }
    let mut tls = json!({"enabled": true});
    if let Some(sni) = &link.sni {
        tls["server_name"] = json!(sni);
    }
    if link.insecure {
        tls["insecure"] = json!(true);
    }
    o["tls"] = tls;
    o
}

fn sing_box(secret: &str, endpoints: &[Endpoint]) -> String {
    let mut outbounds = Vec::new();
    let route = if endpoints.is_empty() {
        outbounds.push(json!({"type": "direct", "tag": "direct"}));
        json!({"rules": [{"action": "reject"}], "final": "direct"})
    } else {
        let tags: Vec<&str> = endpoints.iter().map(|e| e.name.as_str()).collect();
        outbounds.push(json!({"type": "selector", "tag": "proxy", "outbounds": tags}));
        outbounds.extend(endpoints.iter().map(|e| sing_box_outbound(secret, e)));
        outbounds.push(json!({"type": "direct", "tag": "direct"}));
        json!({"final": "proxy"})
    };
    let config = json!({
        "log": {"level": "warn"},
        "inbounds": [{"type": "mixed", "tag": "mixed-in", "listen": "127.0.0.1", "listen_port": 2080}],
        "outbounds": outbounds,
        "route": route,
    });
    let mut text = serde_json::to_string_pretty(&config).unwrap_or_default();
    text.push('\n');
    text
}

/// mihomo's `hysteria2` proxy for one server (its documented keys).
fn clash_proxy(secret: &str, e: &Endpoint) -> Value {
    let link = &e.link;
    let mut p = json!({
        "name": e.name,
        "type": "hysteria2",
        "server": link.host,
        "port": first_port(link),
        "password": secret,
    });
    if hops(link) {
        p["ports"] = json!(ports(link));
    }
    if let Some(sni) = &link.sni {
        p["sni"] = json!(sni);
    }
    if link.insecure {
        p["skip-cert-verify"] = json!(true);
    }
    if let Some(pin) = &link.pin_sha256 {
        p["fingerprint"] = json!(pin);
    }
    if let Some(pw) = &link.obfs_password {
        p["obfs"] = json!("salamander");
        p["obfs-password"] = json!(pw);
    }
    p
}

fn clash(secret: &str, endpoints: &[Endpoint]) -> String {
    let mut out =
        String::from("mixed-port: 7890\nallow-lan: false\nmode: rule\nlog-level: warning\n");
    if endpoints.is_empty() {
        out.push_str("proxies: []\nproxy-groups: []\nrules:\n  - \"MATCH,REJECT\"\n");
        return out;
    }
    out.push_str("proxies:\n");
    for e in endpoints {
        out.push_str(&format!("  - {}\n", clash_proxy(secret, e)));
    }
    let names: Vec<&str> = endpoints.iter().map(|e| e.name.as_str()).collect();
    out.push_str(&format!(
        "proxy-groups:\n  - {}\nrules:\n  - \"MATCH,PROXY\"\n",
        json!({"name": "PROXY", "type": "select", "proxies": names})
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clients_are_told_apart_by_user_agent() {
        for (ua, want) in [
            ("ClashMetaForAndroid/2.10.1.Meta", Format::Clash),
            ("mihomo/1.18.5", Format::Clash),
            ("clash-verge/v1.7.7", Format::Clash),
            ("Stash/2.4.5 Clash/1.9.0", Format::Clash),
            ("SFA/1.9.3 (240; sing-box 1.9.3)", Format::SingBox),
            ("sing-box 1.10.0", Format::SingBox),
            ("HiddifyNext/2.0.5", Format::SingBox),
            ("hysteria/2.5.0", Format::Hysteria),
            ("v2rayN/6.45", Format::Base64),
            ("Shadowrocket/2070", Format::Base64),
            ("curl/8.5.0", Format::Base64),
        ] {
            assert_eq!(Format::from_user_agent(ua), want, "{ua}");
        }
        assert_eq!(Format::parse("SING-BOX"), Some(Format::SingBox));
        assert_eq!(Format::parse("yaml"), None);
    }

    #[test]
    fn repeated_names_are_numbered_and_hostless_servers_skipped() {
        let link = |host: Option<&str>| LinkSettings {
            host: host.map(str::to_owned),
            ..Default::default()
        };
        let got = endpoints(vec![
            ("a".into(), Some("edge".into()), link(Some("a.example"))),
            ("b".into(), Some("edge".into()), link(Some("b.example"))),
            ("c".into(), None, link(Some("c.example"))),
            ("d".into(), Some("dark".into()), link(None)),
        ]);
        let names: Vec<&str> = got.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["edge", "edge 2", "c.example"]);
    }
}
