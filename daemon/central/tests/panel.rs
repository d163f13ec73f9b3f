//! The web panel and the portal in a real browser (headless Chromium over WebDriver), served
//! by a real central: pages are read by their visible text, labels and roles. With
//! `UPDATE_SCREENSHOTS=1` the tests also write README's screenshots (docs/screenshots/).

use std::time::Duration;

use hy_api::Traffic;
use hy_api::node::TrafficBatch;
use hy_testkit::browser::Browser;
use hy_testkit::{TestCentral, wait_until};
use serde_json::json;

const PASSWORD: &str = "correct horse battery staple";

async fn screenshot(b: &Browser, name: &str) {
    if std::env::var("UPDATE_SCREENSHOTS").as_deref() != Ok("1") {
        return;
    }
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(format!("{name}.png")), b.screenshot().await).unwrap();
}

/// Signs in with the admin token from the sign-in page.
async fn sign_in_with_token(b: &Browser, c: &TestCentral) {
    b.open(&c.url("/panel")).await;
    b.fill("Admin token", &c.token).await;
    b.press("Sign in").await;
    assert!(b.text().await.contains("Overview"), "{}", b.text().await);
}

async fn add_admin(c: &TestCentral, name: &str, role: &str) {
    let body = json!({"username": name, "password": PASSWORD, "role": role}).to_string();
    assert_eq!(c.admin("POST", "/admin/admins", Some(&body)).await.0, 201);
}

async fn add_user(c: &TestCentral, body: serde_json::Value) {
    let (status, got) = c
        .admin("POST", "/admin/users", Some(&body.to_string()))
        .await;
    assert_eq!(status, 201, "{got}");
}

/// The browser's session cookie, for requests the browser would not make.
async fn cookie(b: &Browser) -> String {
    let c = b
        .client
        .get_named_cookie("hyctl_panel")
        .await
        .expect("signed in");
    format!("hyctl_panel={}", c.value())
}

#[tokio::test]
async fn an_admin_signs_in_with_totp_creates_a_user_edits_limits_and_blocks_a_device() {
    let Some(b) = Browser::start("panel sign-in").await else {
        return;
    };
    let c = TestCentral::start().await;
    add_admin(&c, "ops", "admin").await;
    let (_, totp) = c.admin("POST", "/admin/admins/ops/totp", None).await;
    let seed = totp["secret"].as_str().unwrap().to_owned();

    // Any page leads to the sign-in page first; a wrong TOTP code is refused.
    b.open(&c.url("/panel/users")).await;
    b.fill("Username", "ops").await;
    b.fill("Password", PASSWORD).await;
    screenshot(&b, "sign-in").await;
    b.fill("TOTP code (when the account has one)", "000000")
        .await;
    b.press("Sign in").await;
    assert_eq!(
        b.message("alert").await.as_deref(),
        Some("Wrong username, password or TOTP code.")
    );
    let now = jiff::Timestamp::now().as_second();
    let code = hy_central::accounts::totp_code(&seed, now).unwrap();
    b.fill("Password", PASSWORD).await;
    b.fill("TOTP code (when the account has one)", &code).await;
    b.press("Sign in").await;
    // Back where the admin was going.
    let text = b.text().await;
    assert!(
        text.contains("Users") && text.contains("ops (admin)"),
        "{text}"
    );

    // A new user, then in the list.
    b.follow("New user").await;
    b.fill("User id", "alice").await;
    b.fill("Data limit (e.g. 50GiB; empty for none)", "10GiB")
        .await;
    b.press("Create user").await;
    let text = b.text().await;
    assert!(
        text.contains("User alice") && text.contains("of 10.0 GiB"),
        "{text}"
    );
    b.follow("Users").await;
    assert!(b.text().await.contains("alice"));

    // A bad limit: the message says what is wrong, and nothing changes.
    b.follow("alice").await;
    let limit = "Data limit per period (bytes, or 50GiB; empty for none)";
    b.fill(limit, "lots").await;
    b.press("Save limits").await;
    let alert = b.message("alert").await.unwrap_or_default();
    assert!(alert.contains("invalid size \"lots\""), "{alert}");
    // The API's own message for a bad allowlist, word for word.
    b.fill(
        "Allowed addresses (CIDRs, comma separated; empty for any)",
        "nowhere",
    )
    .await;
    b.press("Save limits").await;
    let alert = b.message("alert").await.unwrap_or_default();
    assert!(
        alert.contains("\"nowhere\" is not an IP address or CIDR"),
        "{alert}"
    );
    let (_, alice) = c.admin("GET", "/admin/users/alice", None).await;
    assert_eq!(alice["data_limit"], 10u64 << 30, "nothing was saved");
    assert_eq!(alice["allowed_ips"], json!([]));
    // A good one is saved.
    b.fill(limit, "20GiB").await;
    b.fill(
        "Allowed addresses (CIDRs, comma separated; empty for any)",
        "",
    )
    .await;
    b.press("Save limits").await;
    assert_eq!(b.message("status").await.as_deref(), Some("Saved."));
    let (_, alice) = c.admin("GET", "/admin/users/alice", None).await;
    assert_eq!(alice["data_limit"], 20u64 << 30);
    // The reset schedule and a validity that starts at the first connection.
    let after = "Expire after first connection (30d, 12h; empty for none)";
    b.fill(after, "soon").await;
    b.press("Save limits").await;
    let alert = b.message("alert").await.unwrap_or_default();
    assert!(
        alert.starts_with("Expire after first connection:"),
        "{alert}"
    );
    b.choose("Usage resets", "month").await;
    b.fill(after, "30d").await;
    b.press("Save limits").await;
    assert_eq!(b.message("status").await.as_deref(), Some("Saved."));
    let (_, alice) = c.admin("GET", "/admin/users/alice", None).await;
    assert_eq!(
        (&alice["reset_strategy"], &alice["expire_after"]),
        (&json!("month"), &json!(30 * 86_400))
    );
    assert_eq!(
        alice["data_limit"],
        20u64 << 30,
        "the rest kept to the byte"
    );

    // A device, blocked from the page.
    b.fill("New device name", "phone").await;
    b.press("Add device").await;
    b.press("Block phone").await;
    assert!(b.button("Unblock phone").await.is_some());
    let (_, phone) = c
        .admin("GET", "/admin/users/alice/devices/phone", None)
        .await;
    assert_eq!(phone["status"], "blocked");
    screenshot(&b, "user").await;
    // Every change is in the audit trail under the admin's name.
    let (_, audit) = c.admin("GET", "/admin/audit?actor=admin:ops", None).await;
    assert!(
        audit["items"].as_array().map_or(0, Vec::len) >= 3
            || audit.as_array().map_or(0, Vec::len) >= 3,
        "{audit}"
    );
    b.close().await;
    c.stop().await;
}

#[tokio::test]
async fn the_overview_follows_a_nodes_report_live_and_bulk_disable_changes_three_users() {
    let Some(b) = Browser::start("panel overview").await else {
        return;
    };
    let c = TestCentral::start().await;
    for id in ["u1", "u2", "u3", "u4"] {
        add_user(&c, json!({ "id": id })).await;
    }
    let server = c
        .client()
        .create_server(&Default::default())
        .await
        .unwrap()
        .id;
    c.client().assign(&server, &["u1".into()]).await.unwrap();
    sign_in_with_token(&b, &c).await;
    assert_eq!(b.figure("last 24 hours").await, "0 B");
    b.client
        .execute("window.notReloaded = true; return null;", vec![])
        .await
        .unwrap();
    let batch = TrafficBatch::new(
        "live",
        1,
        [("u1".to_owned(), Traffic { tx: 1000, rx: 5000 })].into(),
    );
    c.node_client().report(&server, &batch).await.unwrap();
    wait_until(
        "the overview shows the report without a reload",
        Duration::from_secs(10),
        || async { b.figure("last 24 hours").await == "5.9 KiB" },
    )
    .await;
    let kept = b
        .client
        .execute("return window.notReloaded === true;", vec![])
        .await
        .unwrap();
    assert_eq!(kept, json!(true), "the page was not reloaded");
    screenshot(&b, "overview").await;

    // Three of four users disabled at once, after a confirmation that counts them.
    b.follow("Users").await;
    for id in ["u1", "u2", "u3"] {
        b.tick(&format!("Select {id}")).await;
    }
    b.choose("Action", "Disable").await;
    screenshot(&b, "users").await;
    b.press("Apply to selected").await;
    assert!(
        b.text().await.contains("Disable 3 users?"),
        "{}",
        b.text().await
    );
    b.press("Yes, change 3 users").await;
    let status = b.message("status").await.unwrap_or_default();
    assert!(status.contains("Disable 3 users: 3 changed"), "{status}");
    // Sorted by expiry: u4, the only one that expires, first.
    let expiry = r#"{"expires_at":"2099-01-01T00:00:00Z"}"#;
    assert_eq!(
        c.admin("PATCH", "/admin/users/u4", Some(expiry)).await.0,
        200
    );
    b.choose("Sort by", "expiry, soonest first").await;
    b.press("Filter").await;
    let text = b.text().await;
    let (u4, u1) = (text.find("u4").unwrap(), text.find("u1").unwrap());
    assert!(u4 < u1, "{text}");
    for (id, enabled) in [("u1", false), ("u2", false), ("u3", false), ("u4", true)] {
        let (_, u) = c.admin("GET", &format!("/admin/users/{id}"), None).await;
        assert_eq!(u["enabled"], enabled, "{id}");
    }
    // Assigned to a server by its name; its id is nowhere in the page.
    let (_, edge) = c
        .admin("POST", "/admin/servers", Some(r#"{"name":"edge-b"}"#))
        .await;
    let edge_id = edge["id"].as_str().unwrap().to_owned();
    b.follow("Users").await;
    assert!(!b.client.source().await.unwrap().contains(&edge_id));
    b.tick("Select u2").await;
    b.tick("Select u4").await;
    b.choose("Action", "Assign to server").await;
    b.fill("Days, traffic (10GiB) or server name", "edge-b")
        .await;
    b.press("Apply to selected").await;
    b.press("Yes, change 2 users").await;
    let status = b.message("status").await.unwrap_or_default();
    assert!(
        status.contains("Assign 2 users to server edge-b: 2 changed"),
        "{status}"
    );
    let (_, edge) = c
        .admin("GET", &format!("/admin/servers/{edge_id}"), None)
        .await;
    assert_eq!(edge["users"], 2);
    b.close().await;
    c.stop().await;
}

#[tokio::test]
async fn forged_and_viewer_posts_are_refused() {
    let Some(b) = Browser::start("panel refusals").await else {
        return;
    };
    let c = TestCentral::start().await;
    add_user(&c, json!({"id": "alice", "data_limit": 1000})).await;
    add_admin(&c, "watcher", "viewer").await;
    let http = c.raw();

    // Signed in as the owner, a POST without the session's CSRF token changes nothing.
    sign_in_with_token(&b, &c).await;
    let owner = cookie(&b).await;
    let forged = http
        .post(c.url("/panel/users/alice"))
        .header("cookie", &owner)
        .header("content-type", "application/x-www-form-urlencoded")
        .body("do=save&data_limit=5")
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), 403);
    assert!(forged.text().await.unwrap().contains("CSRF token"));
    // Nor one from another site, token or not.
    let foreign = http
        .post(c.url("/panel/users/new"))
        .header("cookie", &owner)
        .header("origin", "https://evil.example")
        .header("content-type", "application/x-www-form-urlencoded")
        .body("id=mallory")
        .send()
        .await
        .unwrap();
    assert_eq!(foreign.status(), 403);
    let (_, alice) = c.admin("GET", "/admin/users/alice", None).await;
    assert_eq!(alice["data_limit"], 1000);
    assert_eq!(c.admin("GET", "/admin/users/mallory", None).await.0, 404);

    // A user's page shows the changes to that user only, not to one whose id starts alike.
    let note = r#"{"note":"changed"}"#;
    assert_eq!(
        c.admin("PATCH", "/admin/users/alice", Some(note)).await.0,
        200
    );
    add_user(&c, json!({"id": "al"})).await;
    b.open(&c.url("/panel/users/alice")).await;
    assert!(b.text().await.contains("PATCH /admin/users/alice"));
    b.open(&c.url("/panel/users/al")).await;
    assert!(!b.text().await.contains("/admin/users/alice"));

    // A viewer sees no edit controls.
    b.press("Sign out").await;
    b.fill("Username", "watcher").await;
    b.fill("Password", PASSWORD).await;
    b.press("Sign in").await;
    b.follow("Users").await;
    assert!(b.button("Apply to selected").await.is_none());
    assert!(!b.text().await.contains("New user"));
    b.follow("alice").await;
    for control in ["Save limits", "Reset usage", "Delete user", "Add device"] {
        assert!(b.button(control).await.is_none(), "{control}");
    }
    // Its crafted POST, with its own valid CSRF token, is refused by the API's role check.
    let viewer = cookie(&b).await;
    let csrf = b
        .client
        .find(fantoccini::Locator::Css("input[name=csrf]"))
        .await
        .unwrap()
        .attr("value")
        .await
        .unwrap()
        .unwrap();
    let crafted = http
        .post(c.url("/panel/users/alice"))
        .header("cookie", &viewer)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("csrf={csrf}&do=save&data_limit=5"))
        .send()
        .await
        .unwrap();
    assert_eq!(crafted.status(), 403);
    assert!(crafted.text().await.unwrap().contains("viewer"));
    // Nor may it add a server, nor even see the owners' page.
    let server = http
        .post(c.url("/panel/servers"))
        .header("cookie", &viewer)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("csrf={csrf}&do=add&name=sneaky"))
        .send()
        .await
        .unwrap();
    assert_eq!(server.status(), 403);
    let (_, servers) = c.admin("GET", "/admin/servers", None).await;
    assert_eq!(servers, json!([]));
    let owners = http
        .get(c.url("/panel/admins"))
        .header("cookie", &viewer)
        .send()
        .await
        .unwrap();
    assert_eq!(owners.status(), 403);
    let (_, alice) = c.admin("GET", "/admin/users/alice", None).await;
    assert_eq!(alice["data_limit"], 1000);
    b.close().await;
    c.stop().await;
}

#[tokio::test]
async fn the_portal_shows_a_users_quota_and_qr_codes_in_their_language() {
    let Some(b) = Browser::start("portal").await else {
        return;
    };
    let c = TestCentral::start().await;
    add_user(&c, json!({"id": "alice", "data_limit": 1u64 << 30})).await;
    let server = c
        .client()
        .create_server(&Default::default())
        .await
        .unwrap()
        .id;
    let link = json!({"name": "edge-1", "link": {"host": "hy.example.com"}}).to_string();
    assert_eq!(
        c.admin("PATCH", &format!("/admin/servers/{server}"), Some(&link))
            .await
            .0,
        200
    );
    c.client().assign(&server, &["alice".into()]).await.unwrap();
    let batch = TrafficBatch::new(
        "portal",
        1,
        [(
            "alice".to_owned(),
            Traffic {
                tx: 1 << 20,
                rx: 255 << 20,
            },
        )]
        .into(),
    );
    c.node_client().report(&server, &batch).await.unwrap();
    let (_, sub) = c
        .admin("GET", "/admin/users/alice/subscription", None)
        .await;
    let url = sub["url"].as_str().unwrap();
    let token = url.rsplit('/').next().unwrap();

    b.open(&c.url(&format!("/u/{token}"))).await;
    let text = b.text().await;
    assert!(text.contains("Used this period"), "{text}");
    assert!(text.contains("256.0 MiB of 1.0 GiB"), "{text}");
    assert!(text.contains(url), "the subscription link: {text}");
    assert!(text.contains("hysteria2://"), "the server's link: {text}");
    let qr = b
        .client
        .find(fantoccini::Locator::Css(
            "[role=img][aria-label='QR code: Subscription link'] svg",
        ))
        .await;
    assert!(qr.is_ok(), "a QR code of the subscription link");
    screenshot(&b, "portal").await;
    b.follow("Русский").await;
    assert!(b.text().await.contains("Использовано за период"));
    // Nobody else's page: an unknown token is a plain 404.
    let other = c
        .raw()
        .get(c.url("/u/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))
        .send()
        .await
        .unwrap();
    assert_eq!(other.status(), 404);
    b.close().await;
    c.stop().await;
}

#[tokio::test]
async fn servers_admins_tokens_and_logs_are_managed_from_the_panel() {
    let Some(b) = Browser::start("panel servers and admins").await else {
        return;
    };
    let c = TestCentral::start().await;
    add_user(&c, json!({"id": "alice"})).await;
    sign_in_with_token(&b, &c).await;

    // A server added: its id and the node's instructions, once, never in a URL.
    b.follow("Servers").await;
    b.fill("Name", "edge-1").await;
    b.fill(
        "Public host for share links (optional)",
        "edge1.example.com",
    )
    .await;
    b.press("Add server").await;
    let text = b.text().await;
    assert!(text.contains("Server edge-1 added"), "{text}");
    let (_, servers) = c.admin("GET", "/admin/servers", None).await;
    let id = servers[0]["id"].as_str().unwrap().to_owned();
    assert!(
        text.contains(&format!("HYCTL_AGENT_SERVER_ID={id}")),
        "{text}"
    );
    assert!(
        text.contains("trafficStats:"),
        "Hysteria's config lines: {text}"
    );
    assert!(!b.client.current_url().await.unwrap().as_str().contains(&id));

    // A media server: the media node's files and the lines for each media server.
    b.follow("Back to the servers").await;
    b.fill("Name", "media-1").await;
    b.choose("Kind", "stream").await;
    b.press("Add server").await;
    let text = b.text().await;
    for part in [
        "/etc/hyctl/stream.env",
        "HYCTL_STREAM_PATH_PREFIX=",
        "auth_backend hyctl",
        "authHTTPAddress",
        "http_hooks",
        "on_update",
    ] {
        assert!(text.contains(part), "{part} in {text}");
    }

    // Edited, then deleted after a confirmation.
    b.follow("Back to the servers").await;
    b.press("Edit edge-1").await;
    b.fill("SNI", "real.example.com").await;
    b.press("Save server").await;
    assert_eq!(b.message("status").await.as_deref(), Some("Saved."));
    let (_, server) = c.admin("GET", &format!("/admin/servers/{id}"), None).await;
    assert_eq!(server["link"]["sni"], "real.example.com");
    assert_eq!(server["link"]["host"], "edge1.example.com");
    // A report through it, with a refusal in its auth log, for the log page below.
    c.client().assign(&id, &["alice".into()]).await.unwrap();
    let mut batch = TrafficBatch::new("logs", 1, Default::default());
    batch.auth_log = vec![hy_api::node::AuthEvent {
        id: "ev-1".into(),
        at: jiff::Timestamp::now().as_second(),
        user: Some("alice".into()),
        addr: "198.51.100.7:40000".into(),
        allowed: false,
        reason: "disabled".into(),
    }];
    c.node_client().report(&id, &batch).await.unwrap();
    b.follow("Auth log").await;
    b.tick("Refusals only").await;
    b.press("Filter").await;
    let text = b.text().await;
    assert!(
        text.contains("refused: disabled") && text.contains("198.51.100.7"),
        "{text}"
    );

    b.follow("Servers").await;
    b.press("Delete edge-1").await;
    assert!(b.text().await.contains("Delete server edge-1?"));
    b.press("Yes, delete edge-1").await;
    assert_eq!(
        b.message("status").await.as_deref(),
        Some("Deleted server edge-1.")
    );
    assert_eq!(
        c.admin("GET", &format!("/admin/servers/{id}"), None)
            .await
            .0,
        404
    );

    // Owners manage admins and tokens; a token is shown once.
    b.follow("Admins").await;
    b.fill("Username", "second").await;
    b.fill("Password (12 characters or more)", PASSWORD).await;
    b.choose("Role", "operator").await;
    b.press("Add admin").await;
    assert_eq!(
        b.message("status").await.as_deref(),
        Some("Added admin second.")
    );
    b.fill("Token name", "backup-job").await;
    b.press("Create token").await;
    let text = b.text().await;
    assert!(text.contains("The token backup-job (shown once"), "{text}");
    assert!(text.contains("hyt_"), "{text}");
    let (_, admins) = c.admin("GET", "/admin/admins", None).await;
    assert_eq!(admins[0]["role"], "operator");
    let (_, tokens) = c.admin("GET", "/admin/tokens", None).await;
    assert_eq!(tokens[0]["role"], "viewer");

    // And every change above is in the audit trail, the server's id not shown.
    b.follow("Audit").await;
    let text = b.text().await;
    assert!(text.contains("POST /admin/tokens"), "{text}");
    assert!(text.contains("PATCH /admin/servers/{id}"), "{text}");
    assert!(
        !text.contains(&id),
        "server ids stay out of the page: {text}"
    );
    b.close().await;
    c.stop().await;
}

/// A client that shows redirects instead of following them.
fn no_redirects() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// Signs in over HTTP with `form`; the session cookie, or the refusal's status.
async fn sign_in_http(c: &TestCentral, form: &[(&str, &str)]) -> Result<String, u16> {
    let resp = no_redirects()
        .post(c.url("/panel/login"))
        .form(form)
        .send()
        .await
        .unwrap();
    if resp.status() != 303 {
        return Err(resp.status().as_u16());
    }
    let cookie = resp.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    Ok(cookie.split(';').next().unwrap().to_owned())
}

/// Where the overview sends this cookie: 200 while signed in, else to the sign-in page.
async fn overview_with(c: &TestCentral, cookie: &str) -> u16 {
    no_redirects()
        .get(c.url("/panel"))
        .header("cookie", cookie)
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

#[tokio::test]
async fn panel_sessions_end_when_idle_at_their_end_or_when_revoked_everywhere() {
    use hy_central::clock::ManualClock;
    let clock = ManualClock::new(jiff::Timestamp::now());
    let c = TestCentral::start_with_clock(clock.clone()).await;
    add_admin(&c, "ops", "admin").await;
    let as_ops = [("username", "ops"), ("password", PASSWORD)];

    // Used every 20 minutes, a session lives on; 31 minutes unused ends it.
    let session = sign_in_http(&c, &as_ops).await.unwrap();
    for _ in 0..3 {
        clock.advance(jiff::SignedDuration::from_mins(20));
        assert_eq!(overview_with(&c, &session).await, 200);
    }
    clock.advance(jiff::SignedDuration::from_mins(31));
    assert_eq!(overview_with(&c, &session).await, 303, "idle too long");

    // Twelve hours after sign-in it ends, however busy.
    let session = sign_in_http(&c, &as_ops).await.unwrap();
    for _ in 0..35 {
        clock.advance(jiff::SignedDuration::from_mins(20));
        assert_eq!(overview_with(&c, &session).await, 200);
    }
    clock.advance(jiff::SignedDuration::from_mins(21));
    assert_eq!(overview_with(&c, &session).await, 303, "past 12 hours");

    // `hyctl admin revoke` ends the account's panel sessions too.
    let session = sign_in_http(&c, &as_ops).await.unwrap();
    assert_eq!(overview_with(&c, &session).await, 200);
    assert_eq!(
        c.admin("POST", "/admin/admins/ops/revoke", None).await.0,
        200
    );
    assert_eq!(overview_with(&c, &session).await, 303, "revoked");

    // A session opened with the admin token ends when the token is rotated.
    let token = c.token.clone();
    let session = sign_in_http(&c, &[("token", &token)]).await.unwrap();
    assert_eq!(overview_with(&c, &session).await, 200);
    c.store()
        .await
        .set_admin_token_digest(hy_central::accounts::digest_hex("hya_rotated-token"), true)
        .await
        .unwrap();
    assert_eq!(overview_with(&c, &session).await, 303, "token rotated");

    // Wrong credentials are refused with the page's own status; a flood is rate limited.
    assert_eq!(
        sign_in_http(&c, &[("username", "ops"), ("password", "wrong password!")]).await,
        Err(401)
    );
    assert_eq!(sign_in_http(&c, &[("token", "hyt_not-it")]).await, Err(401));
    let mut limited = false;
    for _ in 0..30 {
        if sign_in_http(&c, &[("username", "ops"), ("password", "wrong password!")]).await
            == Err(429)
        {
            limited = true;
            break;
        }
    }
    assert!(limited, "sign-ins are rate limited");
    c.stop().await;
}

#[tokio::test]
async fn panel_pages_send_a_strict_policy_and_refuse_open_redirects() {
    let c = TestCentral::start().await;
    let resp = no_redirects()
        .get(c.url("/panel/login"))
        .send()
        .await
        .unwrap();
    let h = resp.headers();
    let csp = h["content-security-policy"].to_str().unwrap();
    for rule in [
        "default-src 'none'",
        "script-src 'self'",
        "frame-ancestors 'none'",
    ] {
        assert!(csp.contains(rule), "{csp}");
    }
    assert!(!csp.contains("unsafe-inline"));
    assert_eq!(h["referrer-policy"], "no-referrer");
    assert_eq!(h["cache-control"], "no-store");
    // The page holds no inline script or style: everything is from our own files.
    let html = resp.text().await.unwrap();
    assert!(
        !html.contains("<script>") && !html.contains("style="),
        "{html}"
    );
    // After sign-in, only panel paths: `next` cannot send the browser elsewhere.
    let token = c.token.clone();
    let resp = no_redirects()
        .post(c.url("/panel/login"))
        .form(&[("token", token.as_str()), ("next", "//evil.example/")])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.headers()["location"], "/panel");
    c.stop().await;
}

#[tokio::test]
async fn pages_fit_a_phone_and_the_keyboard_reaches_the_content_first() {
    let Some(b) = Browser::start("panel on a phone").await else {
        return;
    };
    let c = TestCentral::start().await;
    add_user(
        &c,
        json!({"id": "alice", "data_limit": 1u64 << 30, "note": "a rather long note about alice"}),
    )
    .await;
    c.admin(
        "POST",
        "/admin/users/alice/devices",
        Some(r#"{"name":"phone"}"#),
    )
    .await;
    sign_in_with_token(&b, &c).await;
    b.client.set_window_size(390, 844).await.unwrap();
    for page in [
        "/panel",
        "/panel/users",
        "/panel/users/alice",
        "/panel/servers",
        "/panel/log",
        "/panel/audit",
        "/panel/admins",
    ] {
        b.open(&c.url(page)).await;
        let fits = b
            .client
            .execute(
                "return document.documentElement.scrollWidth <= window.innerWidth;",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(fits, json!(true), "{page} scrolls sideways on a phone");
        let width = b
            .client
            .execute("return window.innerWidth;", vec![])
            .await
            .unwrap();
        assert!(width.as_u64().unwrap() <= 390, "a phone's width: {width}");
    }
    // The first Tab lands on "Skip to content", which leads to the page's main part.
    b.open(&c.url("/panel/users")).await;
    b.client
        .find(fantoccini::Locator::Css("body"))
        .await
        .unwrap()
        .send_keys(fantoccini::key::Key::Tab.to_string().as_str())
        .await
        .unwrap();
    let focused = b
        .client
        .execute("return document.activeElement.textContent;", vec![])
        .await
        .unwrap();
    assert_eq!(focused, json!("Skip to content"));
    // Every form control has a label a screen reader can say.
    let unlabelled = b
        .client
        .execute(
            "return Array.from(document.querySelectorAll('input:not([type=hidden]), select, textarea'))
               .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label'))
               .map(e => e.name);",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(unlabelled, json!([]), "unlabelled controls");
    b.close().await;
    c.stop().await;
}

/// Over TLS the cookie is `Secure` and `__Host-` (the browser then refuses it on plain HTTP
/// and from any other path or domain); the session works under that name.
#[tokio::test]
async fn over_tls_the_session_cookie_is_secure_and_host_only() {
    let c = TestCentral::start_tls().await;
    let pem = std::fs::read(hy_testkit::fixture("ca.pem")).unwrap();
    let http = reqwest::Client::builder()
        .use_rustls_tls()
        .add_root_certificate(reqwest::Certificate::from_pem(&pem).unwrap())
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let resp = http
        .post(c.url("/panel/login"))
        .form(&[("token", c.token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 303);
    let cookie = resp.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(cookie.starts_with("__Host-hyctl_panel="), "{cookie}");
    for attr in ["Secure", "HttpOnly", "SameSite=Strict", "Path=/"] {
        assert!(cookie.contains(attr), "{attr} in {cookie}");
    }
    let session = cookie.split(';').next().unwrap();
    let overview = http
        .get(c.url("/panel"))
        .header("cookie", session)
        .send()
        .await
        .unwrap();
    assert_eq!(overview.status(), 200);
    c.stop().await;
}

/// The portal spends the same per-address allowance as `/sub/<token>`: a flood of guesses at
/// either is refused at both.
#[tokio::test]
async fn the_portal_shares_the_subscription_rate_limit() {
    let c = TestCentral::start().await;
    let http = c.raw();
    let mut statuses = Vec::new();
    for _ in 0..100 {
        let resp = http
            .get(c.url("/u/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))
            .send()
            .await
            .unwrap();
        statuses.push(resp.status().as_u16());
        if resp.status() == 429 {
            break;
        }
    }
    assert_eq!(statuses.last(), Some(&429), "{statuses:?}");
    assert!(statuses[..statuses.len() - 1].iter().all(|s| *s == 404));
    let sub = http
        .get(c.url("/sub/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))
        .send()
        .await
        .unwrap();
    assert_eq!(sub.status(), 429, "one allowance for both");
    c.stop().await;
}

/// The sessions page lists a media node's sessions under their row, as it reported them.
#[tokio::test]
async fn the_sessions_page_shows_each_media_session() {
    let c = TestCentral::start().await;
    add_user(&c, json!({"id": "alice"})).await;
    c.admin(
        "POST",
        "/admin/servers",
        Some(r#"{"id":"mediasrv01","kind":"stream","name":"media-1"}"#),
    )
    .await;
    let report = json!([{"id": "s1", "user": "alice", "stream": "live/news", "proto": "hls",
        "addr": "198.51.100.7", "started": 1_700_000_000, "seen": 1_700_003_700,
        "bytes": 1_610_612_736u64}]);
    let (status, _) = c
        .send(
            "POST",
            "/sessions/mediasrv01",
            Some(&report.to_string()),
            None,
        )
        .await;
    assert_eq!(status, 204);
    let cookie = sign_in_http(&c, &[("token", c.token.as_str())])
        .await
        .unwrap();
    let page = no_redirects()
        .get(c.url("/panel/sessions"))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("live/news · hls · 198.51.100.7 · 1h 1m · 1.5 GiB"),
        "{page}"
    );
    c.stop().await;
}
