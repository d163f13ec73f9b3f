//! Subscription links: issued, rotated and revoked without touching the secret; the public
//! profile in every format, read back with real parsers (YAML 1.2, JSON) and, for sing-box,
//! checked by a real sing-box (`HYCTL_TEST_SING_BOX`, from scripts/sing-box.sh); the headers
//! clients read; an empty but valid profile for a user who may not connect; per-address
//! limits.

use hy_api::servers::CreateServer;
use hy_api::uri::LinkSettings;
use hy_api::users::{CreateUser, UserSettings};
use hy_testkit::TestCentral;
use serde_json::{Value, json};
use yaml_rust2::{Yaml, YamlLoader};

const SING_BOX: &str = "HYCTL_TEST_SING_BOX";

/// `sing-box check` on `config`, when a sing-box is at hand (required under CI=true).
fn sing_box_accepts(config: &str) {
    let Some(bin) = std::env::var_os(SING_BOX) else {
        assert!(
            std::env::var_os("CI").is_none(),
            "{SING_BOX} is not set; CI fetches sing-box with scripts/sing-box.sh"
        );
        eprintln!("sing-box check skipped: {SING_BOX} is not set (scripts/sing-box.sh fetches it)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.json");
    std::fs::write(&path, config).unwrap();
    let out = std::process::Command::new(bin)
        .args(["check", "-c"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "sing-box refused the config: {}\n{config}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn yaml(text: &str) -> Yaml {
    let mut docs = YamlLoader::load_from_str(text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert_eq!(docs.len(), 1, "{text}");
    docs.remove(0)
}

struct Fetched {
    status: u16,
    headers: reqwest::header::HeaderMap,
    body: String,
}

async fn fetch(c: &TestCentral, url: &str, ua: &str) -> Fetched {
    let resp = c
        .raw()
        .get(url)
        .header("user-agent", ua)
        .send()
        .await
        .unwrap();
    Fetched {
        status: resp.status().as_u16(),
        headers: resp.headers().clone(),
        body: resp.text().await.unwrap(),
    }
}

async fn fleet(c: &TestCentral) -> String {
    let api = c.client();
    api.create_user(&CreateUser {
        id: "alice".into(),
        secret: Some("alice-secret-0001".into()),
        settings: UserSettings {
            data_limit: Some(50 << 30),
            expires_at: Some(Some(jiff::Timestamp::from_second(1_900_000_000).unwrap())),
            display_name: Some(Some("Alice S.".into())),
            ..Default::default()
        },
    })
    .await
    .unwrap();
    let servers = [
        (
            "edge-1",
            LinkSettings {
                host: Some("edge1.example.com".into()),
                ..Default::default()
            },
        ),
        (
            "edge-2",
            LinkSettings {
                host: Some("2001:db8::7".into()),
                ports: Some("443,5000-6000".into()),
                sni: Some("cdn.example.org".into()),
                obfs_password: Some("obfs \"pw\": #1".into()),
                insecure: true,
                pin_sha256: Some("ab".repeat(32)),
            },
        ),
        ("dark", LinkSettings::default()),
    ];
    for (name, link) in servers {
        let s = api
            .create_server(&CreateServer {
                name: Some(name.into()),
                link: Some(link),
                ..Default::default()
            })
            .await
            .unwrap();
        api.assign(&s.id, &["alice".into()]).await.unwrap();
    }
    let (status, sub) = c
        .admin("GET", "/admin/users/alice/subscription", None)
        .await;
    assert_eq!(status, 200, "{sub}");
    sub["url"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn every_format_is_what_its_client_reads() {
    let c = TestCentral::start().await;
    let url = fleet(&c).await;
    assert!(url.starts_with(&format!("{}/sub/", c.url)), "{url}");
    // The same link on every ask; the secret is not in it.
    let (_, again) = c
        .admin("GET", "/admin/users/alice/subscription", None)
        .await;
    assert_eq!(again["url"], url.as_str());
    assert!(!url.contains("alice-secret"));

    // The URI list: the user's share links; base64 of the same for v2rayN-style clients.
    let (_, links) = c.admin("GET", "/admin/users/alice/links", None).await;
    let want: Vec<&str> = links
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["uri"].as_str().unwrap())
        .collect();
    assert_eq!(
        want.len(),
        2,
        "the server without a public host has no link"
    );
    let plain = fetch(&c, &format!("{url}?format=uri"), "curl/8").await;
    assert_eq!(plain.status, 200);
    assert_eq!(plain.body.lines().collect::<Vec<_>>(), want);
    let b64 = fetch(&c, &url, "v2rayN/6.45").await;
    {
        use base64::Engine as _;
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(b64.body.trim())
            .unwrap();
        assert_eq!(String::from_utf8(decoded).unwrap(), plain.body);
    }
    // The headers clients show usage, expiry and a title from.
    assert_eq!(
        b64.headers["subscription-userinfo"],
        format!(
            "upload=0; download=0; total={}; expire=1900000000",
            50u64 << 30
        )
        .as_str()
    );
    assert_eq!(b64.headers["profile-update-interval"], "12");
    assert_eq!(
        b64.headers["content-disposition"],
        "attachment; filename=\"hyctl-alice.txt\""
    );
    {
        use base64::Engine as _;
        let title = b64.headers["profile-title"].to_str().unwrap();
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(title.strip_prefix("base64:").unwrap())
            .unwrap();
        assert_eq!(String::from_utf8(decoded).unwrap(), "hyctl: Alice S.");
    }

    // Clash Meta (mihomo): its documented hysteria2 keys.
    let clash = fetch(&c, &url, "ClashMetaForAndroid/2.10.1.Meta").await;
    assert!(
        clash.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/yaml")
    );
    let doc = yaml(&clash.body);
    let proxies = doc["proxies"].as_vec().unwrap();
    assert_eq!(proxies.len(), 2);
    let edge2 = &proxies[1];
    assert_eq!(edge2["name"].as_str(), Some("edge-2"));
    assert_eq!(edge2["type"].as_str(), Some("hysteria2"));
    assert_eq!(edge2["server"].as_str(), Some("2001:db8::7"));
    assert_eq!(edge2["port"].as_i64(), Some(443));
    assert_eq!(edge2["ports"].as_str(), Some("443,5000-6000"));
    assert_eq!(edge2["password"].as_str(), Some("alice-secret-0001"));
    assert_eq!(edge2["sni"].as_str(), Some("cdn.example.org"));
    assert_eq!(edge2["skip-cert-verify"].as_bool(), Some(true));
    assert_eq!(
        edge2["fingerprint"].as_str(),
        Some("ab".repeat(32).as_str())
    );
    assert_eq!(edge2["obfs"].as_str(), Some("salamander"));
    assert_eq!(edge2["obfs-password"].as_str(), Some("obfs \"pw\": #1"));
    assert!(proxies[0]["ports"].is_badvalue(), "one port, no hopping");
    let group = &doc["proxy-groups"][0];
    assert_eq!(group["type"].as_str(), Some("select"));
    let members: Vec<&str> = group["proxies"]
        .as_vec()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    assert_eq!(members, ["edge-1", "edge-2"]);
    assert_eq!(doc["rules"][0].as_str(), Some("MATCH,PROXY"));
    assert_eq!(doc["mixed-port"].as_i64(), Some(7890));

    // sing-box: a complete config a real sing-box accepts.
    let sb = fetch(&c, &url, "SFA/1.9.3 (240; sing-box 1.9.3)").await;
    assert_eq!(sb.headers["content-type"], "application/json");
    let config: Value = serde_json::from_str(&sb.body).unwrap();
    let outbounds = config["outbounds"].as_array().unwrap();
    assert_eq!(outbounds[0]["type"], "selector");
    assert_eq!(outbounds[0]["outbounds"], json!(["edge-1", "edge-2"]));
    assert_eq!(
        outbounds[1],
        json!({"type": "hysteria2", "tag": "edge-1", "server": "edge1.example.com",
               "server_port": 443, "password": "alice-secret-0001", "tls": {"enabled": true}})
    );
    assert_eq!(
        outbounds[2],
        json!({"type": "hysteria2", "tag": "edge-2", "server": "2001:db8::7",
               "server_ports": ["443:443", "5000:6000"], "password": "alice-secret-0001",
               "obfs": {"type": "salamander", "password": "obfs \"pw\": #1"},
               "tls": {"enabled": true, "server_name": "cdn.example.org", "insecure": true}})
    );
    assert_eq!(config["route"]["final"], "proxy");
    sing_box_accepts(&sb.body);

    // Hysteria's own client config, one server per file (the first, or the one named).
    let hy = fetch(
        &c,
        &format!("{url}?format=hysteria&server=edge-2"),
        "curl/8",
    )
    .await;
    let doc = yaml(&hy.body);
    assert_eq!(doc["server"].as_str(), Some("[2001:db8::7]:443,5000-6000"));
    assert_eq!(doc["auth"].as_str(), Some("alice-secret-0001"));
    assert_eq!(doc["tls"]["sni"].as_str(), Some("cdn.example.org"));
    assert_eq!(doc["tls"]["insecure"].as_bool(), Some(true));
    assert_eq!(
        doc["tls"]["pinSHA256"].as_str(),
        Some("ab".repeat(32).as_str())
    );
    assert_eq!(doc["obfs"]["type"].as_str(), Some("salamander"));
    assert_eq!(
        doc["obfs"]["salamander"]["password"].as_str(),
        Some("obfs \"pw\": #1")
    );
    assert_eq!(doc["socks5"]["listen"].as_str(), Some("127.0.0.1:1080"));
    let first = yaml(&fetch(&c, &url, "hysteria/2.6.0").await.body);
    assert_eq!(first["server"].as_str(), Some("edge1.example.com:443"));
    assert!(first["tls"].is_badvalue() && first["obfs"].is_badvalue());

    // Bad input: a clear 400; a token that names nobody: 404.
    let bad = fetch(&c, &format!("{url}?format=yaml"), "curl/8").await;
    assert_eq!(bad.status, 400);
    assert!(bad.body.contains("use uri, base64"), "{}", bad.body);
    let nobody = fetch(&c, &format!("{}/sub/{}", c.url, "x".repeat(32)), "curl/8").await;
    assert_eq!(nobody.status, 404);
    c.stop().await;
}

#[tokio::test]
async fn a_user_who_may_not_connect_gets_valid_empty_profiles() {
    let c = TestCentral::start().await;
    let url = fleet(&c).await;
    let (status, _) = c
        .admin("PATCH", "/admin/users/alice", Some(r#"{"enabled":false}"#))
        .await;
    assert_eq!(status, 200);
    let plain = fetch(&c, &format!("{url}?format=uri"), "curl/8").await;
    assert_eq!((plain.status, plain.body.as_str()), (200, ""));
    let clash = yaml(&fetch(&c, &url, "mihomo/1.18").await.body);
    assert_eq!(clash["proxies"].as_vec().map(Vec::len), Some(0));
    assert_eq!(clash["rules"][0].as_str(), Some("MATCH,REJECT"));
    let sb = fetch(&c, &format!("{url}?format=sing-box"), "curl/8").await;
    let config: Value = serde_json::from_str(&sb.body).unwrap();
    assert!(
        config["outbounds"]
            .as_array()
            .unwrap()
            .iter()
            .all(|o| o["type"] != "hysteria2")
    );
    sing_box_accepts(&sb.body);
    let hy = fetch(&c, &format!("{url}?format=hysteria"), "curl/8").await;
    assert_eq!(hy.status, 200);
    // A comment only: valid YAML with nothing to connect to (Hysteria says so and stops).
    let docs = YamlLoader::load_from_str(&hy.body).unwrap();
    assert!(docs.is_empty() && hy.body.starts_with('#'), "{}", hy.body);
    c.stop().await;
}

#[tokio::test]
async fn links_rotate_and_revoke_without_touching_the_secret_and_are_rate_limited() {
    let c = TestCentral::start().await;
    let first = fleet(&c).await;
    let (status, rotated) = c
        .admin("POST", "/admin/users/alice/subscription", None)
        .await;
    assert_eq!(status, 200);
    let second = rotated["url"].as_str().unwrap().to_owned();
    assert_ne!(first, second);
    assert_eq!(fetch(&c, &first, "curl/8").await.status, 404);
    assert_eq!(fetch(&c, &second, "curl/8").await.status, 200);
    let (_, alice) = c.admin("GET", "/admin/users/alice", None).await;
    assert_eq!(alice["secret"], "alice-secret-0001");

    let (status, _) = c
        .admin("DELETE", "/admin/users/alice/subscription", None)
        .await;
    assert_eq!(status, 204);
    assert_eq!(fetch(&c, &second, "curl/8").await.status, 404);
    let (_, revoked) = c
        .admin("GET", "/admin/users/alice/subscription", None)
        .await;
    assert_eq!(revoked["url"], json!(null), "not issued again by a GET");
    assert!(revoked["revoked_at"].is_string());
    let (_, back) = c
        .admin("POST", "/admin/users/alice/subscription", None)
        .await;
    let third = back["url"].as_str().unwrap().to_owned();
    assert_eq!(fetch(&c, &third, "curl/8").await.status, 200);
    let (status, _) = c
        .admin("GET", "/admin/users/ghost/subscription", None)
        .await;
    assert_eq!(status, 404);

    // 30 fetches a minute per address (the default); refusals are 429 with Retry-After, and
    // count whatever the token.
    let mut statuses = Vec::new();
    for _ in 0..40 {
        let f = fetch(&c, &third, "curl/8").await;
        if f.status == 429 {
            assert_eq!(f.headers["retry-after"], "60");
            let body: Value = serde_json::from_str(&f.body).unwrap();
            assert_eq!(body["code"], "too_many_requests");
        }
        statuses.push(f.status);
    }
    assert!(statuses.contains(&429), "{statuses:?}");
    assert!(statuses.iter().take(20).all(|s| *s == 200), "{statuses:?}");
    c.stop().await;
}
