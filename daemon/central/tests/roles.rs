//! API tokens and roles: tokens are shown once and kept as digests; every state-changing admin
//! route refuses a viewer with 403 (all of them, read from the OpenAPI document), each role
//! gets what it includes and no more, and revoked or expired tokens stop working at once.

use hy_central::clock::ManualClock;
use hy_testkit::{TestCentral, assert_error};
use serde_json::{Value, json};

/// Creates a token with the admin token; returns the token.
async fn token(c: &TestCentral, name: &str, role: &str, days: Option<u32>) -> String {
    let mut body = json!({"name": name, "role": role});
    if let Some(d) = days {
        body["expires_in_days"] = json!(d);
    }
    let (status, created) = c
        .admin("POST", "/admin/tokens", Some(&body.to_string()))
        .await;
    assert_eq!(status, 201, "{created}");
    assert_eq!(created["name"], name);
    created["token"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn every_change_refuses_a_viewer_and_each_role_gets_what_it_includes() {
    let c = TestCentral::start().await;
    let viewer = token(&c, "monitoring", "viewer", None).await;
    let operator = token(&c, "support-desk", "operator", Some(30)).await;
    let admin = token(&c, "fleet-admin", "admin", None).await;
    assert!(viewer.starts_with("hyt_") && viewer.len() > 40);

    // Listed without the tokens.
    let (_, list) = c.admin("GET", "/admin/tokens", None).await;
    assert_eq!(list.as_array().unwrap().len(), 3);
    assert!(!list.to_string().contains(&viewer[4..]));
    assert!(list[2]["expires_at"].is_string(), "{list}");

    // Every state-changing admin route of the document, for the viewer: 403 naming the role,
    // before anything is read or changed.
    let (_, doc) = c.send("GET", "/openapi.json", None, None).await;
    let mut checked = 0;
    for (path, item) in doc["paths"].as_object().unwrap() {
        if !path.starts_with("/admin/") {
            continue;
        }
        let concrete = path
            .split('/')
            .map(|seg| {
                if seg.starts_with('{') {
                    "x1234567"
                } else {
                    seg
                }
            })
            .collect::<Vec<_>>()
            .join("/");
        // Sign-in is public; one's own session and password are anyone's.
        if path == "/admin/logout" || path.starts_with("/admin/me/") {
            continue;
        }
        for (method, op) in item.as_object().unwrap() {
            if op.get("security").is_none() {
                continue;
            }
            if method == "get" && !path.ends_with("/subscription") {
                continue;
            }
            let got = c
                .send(&method.to_uppercase(), &concrete, Some("{}"), Some(&viewer))
                .await;
            assert_error(&got, 403, "forbidden", "viewer");
            checked += 1;
        }
    }
    assert!(checked >= 20, "only {checked} routes checked");
    let (_, users) = c.admin("GET", "/admin/users", None).await;
    assert_eq!(users, json!([]), "nothing was created");

    // Reading works for the viewer, the tokens' own routes do not.
    assert_eq!(
        c.send("GET", "/admin/users", None, Some(&viewer)).await.0,
        200
    );
    let metrics = c
        .raw()
        .get(c.url("/metrics"))
        .bearer_auth(&viewer)
        .send()
        .await
        .unwrap();
    assert_eq!(metrics.status(), 200);
    assert_error(
        &c.send("GET", "/admin/tokens", None, Some(&admin)).await,
        403,
        "forbidden",
        "owner",
    );
    // An operator changes users, not servers; an admin both.
    let (status, _) = c
        .send(
            "POST",
            "/admin/users",
            Some(r#"{"id":"alice"}"#),
            Some(&operator),
        )
        .await;
    assert_eq!(status, 201);
    assert_error(
        &c.send("POST", "/admin/servers", Some("{}"), Some(&operator))
            .await,
        403,
        "forbidden",
        "needs admin",
    );
    let (status, server) = c
        .send("POST", "/admin/servers", Some("{}"), Some(&admin))
        .await;
    assert_eq!(status, 201);
    let body = json!({"id": "alice"}).to_string();
    let assign = format!("/admin/servers/{}/users", server["id"].as_str().unwrap());
    assert_eq!(
        c.send("POST", &assign, Some(&body), Some(&admin)).await.0,
        201
    );
    for (t, actor, role) in [
        (&viewer, "token:monitoring", "viewer"),
        (&operator, "token:support-desk", "operator"),
        (&c.token, "admin-token", "owner"),
    ] {
        let (_, me) = c.send("GET", "/admin/whoami", None, Some(t)).await;
        assert_eq!(me, json!({"actor": actor, "role": role}));
    }
    // The last use is recorded.
    let (_, list) = c.admin("GET", "/admin/tokens", None).await;
    let monitoring = list
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "monitoring")
        .unwrap();
    hy_testkit::wait_until(
        "the use is written",
        std::time::Duration::from_secs(5),
        || async {
            let (_, list) = c.admin("GET", "/admin/tokens", None).await;
            list.as_array()
                .unwrap()
                .iter()
                .any(|t| t["name"] == "monitoring" && t["last_used_at"].is_string())
        },
    )
    .await;
    assert_eq!(monitoring["role"], "viewer");

    // Revoked: refused at once; an unknown token likewise.
    assert_eq!(
        c.admin("DELETE", "/admin/tokens/monitoring", None).await.0,
        204
    );
    assert_eq!(
        c.send("GET", "/admin/users", None, Some(&viewer)).await.0,
        401
    );
    let forged = format!("hyt_{}", "a".repeat(40));
    assert_eq!(
        c.send("GET", "/admin/users", None, Some(&forged)).await.0,
        401
    );
    c.stop().await;
}

#[tokio::test]
async fn bad_token_requests_are_refused_and_an_expired_token_stops_working() {
    let clock = ManualClock::new("2030-01-01T00:00:00Z".parse().unwrap());
    let c = TestCentral::start_with_clock(clock.clone()).await;
    for (body, says) in [
        (json!({"name": "a b", "role": "viewer"}), "token name"),
        (json!({"name": "x", "role": "root"}), "role"),
        (
            json!({"name": "x", "role": "viewer", "expires_in_days": 0}),
            "expires_in_days",
        ),
        (
            json!({"name": "x", "role": "viewer", "scope": "all"}),
            "scope",
        ),
    ] {
        let got = c
            .admin("POST", "/admin/tokens", Some(&body.to_string()))
            .await;
        assert_error(&got, 400, "bad_request", says);
    }
    let daily = token(&c, "daily", "viewer", Some(1)).await;
    let got = c
        .admin(
            "POST",
            "/admin/tokens",
            Some(r#"{"name":"daily","role":"owner"}"#),
        )
        .await;
    assert_error(&got, 409, "conflict", "daily");
    assert_eq!(
        c.send("GET", "/admin/users", None, Some(&daily)).await.0,
        200
    );
    clock.advance(jiff::SignedDuration::from_hours(25));
    assert_eq!(
        c.send("GET", "/admin/users", None, Some(&daily)).await.0,
        401
    );
    assert_error(
        &c.admin("DELETE", "/admin/tokens/nope", None).await,
        404,
        "not_found",
        "nope",
    );
    let v: Value = c.admin("GET", "/admin/tokens", None).await.1;
    assert_eq!(
        v[0]["name"], "daily",
        "an expired token stays listed until revoked"
    );
    c.stop().await;
}
