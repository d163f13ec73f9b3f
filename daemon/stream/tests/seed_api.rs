//! The Flussonic token backend's management API (seed 002) on central, replayed as its README
//! and scripts use it: `X-API-Key`, `/api/tokens`, `/api/sessions`, and the media node
//! answering the seed's own `/auth` example for the token just created.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use hy_testkit::{TestCentral, wait_until};
use serde_json::{Value, json};

mod common;

/// A request as the seed's scripts send it: the key in `X-API-Key`, JSON in and out. Checked
/// against central's OpenAPI document.
async fn api(
    c: &TestCentral,
    key: Option<&str>,
    method: &str,
    path: &str,
    body: Option<Value>,
) -> (u16, Value) {
    let mut req = c
        .raw()
        .request(method.parse().unwrap(), c.url(path))
        .header("content-type", "application/json");
    if let Some(key) = key {
        req = req.header("x-api-key", key);
    }
    let text = body.as_ref().map(Value::to_string);
    if let Some(t) = &text {
        req = req.body(t.clone());
    }
    let resp = req.send().await.unwrap();
    let status = resp.status().as_u16();
    let bytes = resp.bytes().await.unwrap();
    let value = if bytes.is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(&bytes).unwrap()
    };
    hy_testkit::openapi::check(method, path, text.as_deref(), status, &value);
    (status, value)
}

#[tokio::test]
async fn the_seeds_management_api_and_readme_examples_work_against_central() {
    let c = TestCentral::start().await;
    let (_, server) = c
        .admin(
            "POST",
            "/admin/servers",
            Some(r#"{"kind":"stream","name":"flussonic-1"}"#),
        )
        .await;
    let server = server["id"].as_str().unwrap().to_owned();
    let key = |role: &str| {
        let c = &c;
        let body = format!(r#"{{"name":"seed-{role}","role":"{role}"}}"#);
        async move {
            let (status, t) = c.admin("POST", "/admin/tokens", Some(&body)).await;
            assert_eq!(status, 201, "{t}");
            t["token"].as_str().unwrap().to_owned()
        }
    };
    let (admin_key, viewer_key) = (key("admin").await, key("viewer").await);
    let key = Some(admin_key.as_str());

    // The README's "Create a Token", as sent.
    let (status, token) = api(
        &c,
        key,
        "POST",
        "/api/tokens",
        Some(json!({
            "token": "secure-token-123",
            "user_id": "user-001",
            "status": "active",
            "max_sessions": 2
        })),
    )
    .await;
    assert_eq!(status, 201, "{token}");
    assert_eq!(
        (
            &token["token"],
            &token["user_id"],
            &token["status"],
            &token["max_sessions"]
        ),
        (
            &json!("secure-token-123"),
            &json!("user-001"),
            &json!("active"),
            &json!(2)
        )
    );
    let id = token["id"].as_str().unwrap().to_owned();
    assert!(id.starts_with("user-001:t-"), "{id}");
    // The user was created and put on the media server.
    let (_, users) = c
        .admin("GET", &format!("/admin/servers/{server}/users"), None)
        .await;
    assert_eq!(users[0]["id"], "user-001");

    // The README's "Test Authorization", against the media node.
    let node = common::StreamNode::start(&c, &server, 2).await;
    let auth = |query: &str| {
        let (http, url) = (node.http.clone(), node.url.clone());
        let query = query.to_owned();
        async move {
            let resp = http
                .get(format!("{url}/auth?{query}"))
                .send()
                .await
                .unwrap();
            let status = resp.status().as_u16();
            let max = resp
                .headers()
                .get("x-max-sessions")
                .map(|v| v.to_str().unwrap().to_owned());
            (status, max, resp.text().await.unwrap())
        }
    };
    let example = "name=stream1&ip=192.168.1.100&token=secure-token-123&proto=hls";
    let (status, max, _) = auth(example).await;
    assert_eq!((status, max.as_deref()), (200, Some("2")));

    // List, filter, change.
    let (_, list) = api(&c, key, "GET", "/api/tokens", None).await;
    assert_eq!(list.as_array().unwrap().len(), 1);
    let (_, none) = api(&c, key, "GET", "/api/tokens?status=suspended", None).await;
    assert_eq!(none, json!([]));
    let (status, changed) = api(
        &c,
        key,
        "PATCH",
        &format!("/api/tokens/{id}"),
        Some(
            json!({"status": "suspended", "allowed_streams": ["stream1", "live/*"],
            "allowed_ips": ["192.168.1.0/24"], "meta": {"plan": "gold"},
            "valid_until": "2099-01-01T00:00:00"}),
        ),
    )
    .await;
    assert_eq!(status, 200, "{changed}");
    assert_eq!(changed["status"], "suspended");
    assert_eq!(changed["meta"], json!({"plan": "gold"}));
    assert_eq!(changed["valid_until"], "2099-01-01T00:00:00Z");
    wait_until(
        "the suspension reaches the node",
        Duration::from_secs(10),
        || async { auth(example).await.2.contains("token_suspended") },
    )
    .await;
    api(
        &c,
        key,
        "PATCH",
        &format!("/api/tokens/{id}"),
        Some(json!({"status": "active"})),
    )
    .await;
    wait_until("the token works again", Duration::from_secs(10), || async {
        auth(example).await.0 == 200
    })
    .await;
    let (_, _, body) = auth("name=movies&ip=192.168.1.100&token=secure-token-123").await;
    assert!(body.contains("stream_not_allowed"), "{body}");

    // A session through the seed's POST /auth, listed and terminated through its API.
    let session = "name=stream1&ip=192.168.1.100&token=secure-token-123&proto=hls\
                   &session_id=6217fd62-16da-4206-9da9-0173d7552a14";
    let resp = node
        .http
        .post(format!("{}/auth", node.url))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("{session}&request_type=new_session"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    wait_until(
        "central lists the session",
        Duration::from_secs(10),
        || async {
            let (_, list) = api(&c, key, "GET", "/api/sessions", None).await;
            list.as_array().unwrap().iter().any(|x| {
                x["id"] == "6217fd62-16da-4206-9da9-0173d7552a14" && x["token_id"] == id.as_str()
            })
        },
    )
    .await;
    // The token's other session (the example's, keyed by stream, address and token) is live.
    // While the token was suspended the node marked its sessions ended: such an update is
    // refused once, and the next opens it again.
    let other = format!("{example}&request_type=update_session&bytes=5");
    wait_until(
        "the token's other session is live",
        Duration::from_secs(10),
        || async { auth(&other).await.0 == 200 },
    )
    .await;
    let (status, _) = api(
        &c,
        key,
        "DELETE",
        "/api/sessions/6217fd62-16da-4206-9da9-0173d7552a14",
        None,
    )
    .await;
    assert_eq!(status, 204);
    wait_until(
        "the session's next update is refused",
        Duration::from_secs(10),
        || async {
            let (status, _, body) =
                auth(&format!("{session}&request_type=update_session&bytes=10")).await;
            status == 403 && body.contains("session_ended")
        },
    )
    .await;
    let (status, _, body) = auth(&other).await;
    assert_eq!(
        status, 200,
        "one session ended, not the token's others: {body}"
    );
    let (status, _) = api(&c, key, "DELETE", "/api/sessions/no-such-session", None).await;
    assert_eq!(status, 404);

    // Expired: refused as the seed refuses it.
    let (_, expired) = api(
        &c,
        key,
        "PATCH",
        &format!("/api/tokens/{id}"),
        Some(json!({"status": "expired"})),
    )
    .await;
    assert_eq!(expired["status"], "expired");
    wait_until(
        "the expiry reaches the node",
        Duration::from_secs(10),
        || async { auth(example).await.2.contains("token_expired") },
    )
    .await;

    // Bad input: a clear 4xx, nothing changed.
    for (k, method, path, body, want) in [
        (None, "GET", "/api/tokens".to_owned(), None, 401),
        (
            Some(viewer_key.as_str()),
            "POST",
            "/api/tokens".to_owned(),
            Some(json!({"user_id": "user-002"})),
            403,
        ),
        (
            key,
            "POST",
            "/api/tokens".to_owned(),
            Some(json!({"user_id": "user-002", "max_sessions": 0})),
            400,
        ),
        (
            key,
            "POST",
            "/api/tokens".to_owned(),
            Some(json!({"user_id": "user-002", "max_sessions": 101})),
            400,
        ),
        (
            key,
            "POST",
            "/api/tokens".to_owned(),
            Some(json!({"user_id": "user-002", "colour": "red"})),
            400,
        ),
        (
            key,
            "POST",
            "/api/tokens".to_owned(),
            Some(json!({"user_id": "user-002", "valid_from": "soon"})),
            400,
        ),
        (
            key,
            "POST",
            "/api/tokens".to_owned(),
            Some(json!({"user_id": "bad id!"})),
            400,
        ),
        (
            key,
            "POST",
            "/api/tokens".to_owned(),
            Some(json!({"user_id": "user-002", "allowed_ips": ["not-an-ip"]})),
            400,
        ),
        (
            key,
            "POST",
            "/api/tokens".to_owned(),
            Some(json!({"user_id": "user-001", "token": "secure-token-123"})),
            409,
        ),
        (
            key,
            "PATCH",
            format!("/api/tokens/{id}"),
            Some(json!({"user_id": "user-002"})),
            400,
        ),
        (
            key,
            "PATCH",
            format!("/api/tokens/{id}"),
            Some(json!({})),
            400,
        ),
        (
            key,
            "PATCH",
            "/api/tokens/17".to_owned(),
            Some(json!({"status": "active"})),
            404,
        ),
        (
            key,
            "DELETE",
            "/api/tokens/user-001:t-nope".to_owned(),
            None,
            404,
        ),
        (
            key,
            "DELETE",
            "/api/sessions/no-such-session".to_owned(),
            None,
            404,
        ),
        (key, "GET", "/api/tokens?limit=0".to_owned(), None, 400),
    ] {
        let (status, body) = api(&c, k, method, &path, body).await;
        assert_eq!(status, want, "{method} {path}: {body}");
    }
    // A new user's token that is another's: refused, and the user made for it is gone again.
    let (status, body) = api(
        &c,
        key,
        "POST",
        "/api/tokens",
        Some(json!({"user_id": "user-003", "token": "secure-token-123"})),
    )
    .await;
    assert_eq!(status, 409, "{body}");
    for user in ["user-002", "user-003"] {
        let (status, _) = c.admin("GET", &format!("/admin/users/{user}"), None).await;
        assert_eq!(status, 404, "no refused request left {user} behind");
    }
    // A token without one of its own gets a generated token.
    let (status, generated) = api(
        &c,
        key,
        "POST",
        "/api/tokens",
        Some(json!({"user_id": "user-001"})),
    )
    .await;
    assert_eq!(status, 201);
    assert!(generated["token"].as_str().unwrap().len() >= 32);
    let (_, page) = api(&c, key, "GET", "/api/tokens?skip=1&limit=1", None).await;
    assert_eq!(page.as_array().unwrap().len(), 1);

    // Deleted: the node refuses it.
    let (status, _) = api(&c, key, "DELETE", &format!("/api/tokens/{id}"), None).await;
    assert_eq!(status, 204);
    wait_until(
        "the deletion reaches the node",
        Duration::from_secs(10),
        || async { auth(example).await.2.contains("token_not_found") },
    )
    .await;
    // The changes are the admin API's device events, for webhooks and `hyctl events`.
    let stream = c
        .raw()
        .get(c.url("/admin/events?since=1970-01-01T00:00:00Z&follow=false"))
        .bearer_auth(&c.token)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let events: Vec<Value> = stream
        .lines()
        .filter_map(|l| l.strip_prefix("data:"))
        .map(|d| serde_json::from_str(d.trim()).unwrap())
        .collect();
    assert!(
        events
            .iter()
            .any(|e| e["type"] == "user.created" && e["subject"] == "user-001"),
        "the user made for the token: {stream}"
    );
    for kind in [
        "device.added",
        "device.blocked",
        "device.unblocked",
        "device.changed",
        "device.removed",
    ] {
        assert!(
            events
                .iter()
                .any(|e| e["type"] == kind && e["subject"] == id.as_str()),
            "{kind} for {id}: {stream}"
        );
    }
    // Every change is in the audit trail, the token redacted.
    let (_, audit) = c.admin("GET", "/admin/audit?limit=100", None).await;
    let text = audit.to_string();
    assert!(text.contains("/api/tokens"), "{text}");
    assert!(
        !text.contains("secure-token-123"),
        "the token leaked into the audit trail"
    );
    node.stop().await;
    c.stop().await;
}
