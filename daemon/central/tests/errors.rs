//! Bad input of every kind gets a 4xx with the one JSON error shape, and writes nothing.

use serde_json::json;

use hy_testkit::{TestCentral, assert_error};

#[tokio::test]
async fn malformed_bodies_are_refused_with_the_field_named() {
    let c = TestCentral::start().await;
    let cases: &[(&str, &str, &str)] = &[
        ("{", "bad_request", "invalid JSON"),
        ("", "bad_request", "empty"),
        ("   ", "bad_request", "empty"),
        ("[]", "bad_request", "invalid JSON"),
        ("null", "bad_request", "invalid JSON"),
        (r#"{"id":5}"#, "bad_request", "`id`"),
        (r#"{"id":null}"#, "bad_request", "`id`"),
        (r#"{}"#, "bad_request", "missing field `id`"),
        (
            r#"{"id":"alice","secert":"x"}"#,
            "bad_request",
            "unknown field `secert`",
        ),
        (r#"{"id":"alice","secret":5}"#, "bad_request", "`secret`"),
        (r#"{"id":""}"#, "bad_request", "empty"),
        (r#"{"id":"al ice"}"#, "bad_request", "allowed are"),
        (r#"{"id":"-alice"}"#, "bad_request", "must start"),
        (
            r#"{"id":"alice","secret":"short"}"#,
            "bad_request",
            "8 to 256",
        ),
        (
            r#"{"id":"alice","secret":"with+plus-sign"}"#,
            "bad_request",
            "'+'",
        ),
        (
            r#"{"id":"alice","secret":"has a space"}"#,
            "bad_request",
            "printable",
        ),
    ];
    for (body, code, needle) in cases {
        let got = c.admin("POST", "/admin/users", Some(body)).await;
        assert_error(&got, 400, code, needle);
    }
    let long = format!(r#"{{"id":"{}"}}"#, "a".repeat(65));
    assert_error(
        &c.admin("POST", "/admin/users", Some(&long)).await,
        400,
        "bad_request",
        "limit is 64",
    );
    // Invalid UTF-8.
    let resp = c
        .raw()
        .post(c.url("/admin/users"))
        .bearer_auth(&c.token)
        .body(vec![b'{', 0xff, b'}'])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 400);
    assert_eq!(
        c.admin("GET", "/admin/users", None).await.1,
        json!([]),
        "nothing was written"
    );
    c.stop().await;
}

#[tokio::test]
async fn oversized_bodies_get_413_in_the_json_shape() {
    let c = TestCentral::start().await;
    let huge = format!(
        r#"{{"id":"alice","secret":"{}"}}"#,
        "x".repeat(2 * 1024 * 1024)
    );
    assert_error(
        &c.admin("POST", "/admin/users", Some(&huge)).await,
        413,
        "payload_too_large",
        "too large",
    );
    assert_eq!(c.admin("GET", "/admin/users", None).await.1, json!([]));
    c.stop().await;
}

#[tokio::test]
async fn unknown_things_get_404_and_conflicts_409() {
    let c = TestCentral::start().await;
    assert_error(
        &c.admin("GET", "/admin/users/ghost", None).await,
        404,
        "not_found",
        "ghost",
    );
    assert_error(
        &c.admin("DELETE", "/admin/users/ghost", None).await,
        404,
        "not_found",
        "ghost",
    );
    assert_error(
        &c.admin("POST", "/admin/users/ghost/secret", None).await,
        404,
        "not_found",
        "ghost",
    );
    assert_error(
        &c.admin("GET", "/admin/traffic/ghost", None).await,
        404,
        "not_found",
        "ghost",
    );
    assert_error(
        &c.admin("GET", "/admin/servers/nosuchserver1", None).await,
        404,
        "not_found",
        "server",
    );
    assert_error(
        &c.admin("GET", "/admin/servers/nosuchserver1/users", None)
            .await,
        404,
        "not_found",
        "server",
    );
    assert_error(
        &c.admin("DELETE", "/admin/servers/nosuchserver1/users/a", None)
            .await,
        404,
        "not_found",
        "server",
    );
    let assign = c
        .admin(
            "POST",
            "/admin/servers/nosuchserver1/users",
            Some(r#"{"id":"ghost"}"#),
        )
        .await;
    assert_error(&assign, 404, "not_found", "ghost");
    // The failed assignment did not register the server either.
    assert_eq!(c.admin("GET", "/admin/servers", None).await.1, json!([]));

    c.admin("POST", "/admin/users", Some(r#"{"id":"alice"}"#))
        .await;
    assert_error(
        &c.admin("POST", "/admin/users", Some(r#"{"id":"alice"}"#))
            .await,
        409,
        "conflict",
        "already exists",
    );
    c.stop().await;
}

#[tokio::test]
async fn bad_parameters_and_routes_get_json_errors() {
    let c = TestCentral::start().await;
    c.admin("POST", "/admin/users", Some(r#"{"id":"alice"}"#))
        .await;
    assert_error(
        &c.admin("GET", "/admin/traffic?by=planet", None).await,
        400,
        "bad_request",
        "by=",
    );
    assert_error(
        &c.admin("PATCH", "/admin/users/alice", Some("{}")).await,
        400,
        "bad_request",
        "nothing to change",
    );
    assert_error(
        &c.admin(
            "POST",
            "/admin/servers/short/users",
            Some(r#"{"id":"alice"}"#),
        )
        .await,
        400,
        "bad_request",
        "8 to 128",
    );
    assert_error(
        &c.admin("POST", "/admin/servers/serverid01/users", Some(r#"{}"#))
            .await,
        400,
        "bad_request",
        "`id` or `ids`",
    );
    assert_error(
        &c.admin("POST", "/admin/servers", Some(r#"{"name":"a b"}"#))
            .await,
        400,
        "bad_request",
        "allowed are",
    );
    assert_error(
        &c.admin("POST", "/admin/servers", Some(r#"{"id":"x"}"#))
            .await,
        400,
        "bad_request",
        "8 to 128",
    );
    assert_error(
        &c.admin("PATCH", "/admin/servers/serverid01", Some(r#"{}"#))
            .await,
        400,
        "bad_request",
        "nothing to change",
    );
    assert_error(
        &c.admin("GET", "/no/such/route", None).await,
        404,
        "not_found",
        "no such endpoint",
    );
    assert_error(
        &c.admin("PUT", "/admin/users", None).await,
        405,
        "method_not_allowed",
        "not allowed",
    );
    c.stop().await;
}

#[tokio::test]
async fn bad_reports_are_refused_and_count_nothing() {
    let c = TestCentral::start().await;
    alice_on_serverid01(&c).await;
    let path = "/traffic/serverid01";
    let bad = [
        (r#"{"alice":{"tx":-1,"rx":0}}"#, "alice"),
        (r#"{"alice":{"tx":"1","rx":0}}"#, "alice"),
        (r#"{"alice":5}"#, "alice"),
        (r#"{"seq":1,"users":{}}"#, "instance"),
        (r#"{"seq":0,"instance":"i","users":{}}"#, "seq"),
        (r#"{"seq":1,"instance":"has space","users":{}}"#, "instance"),
        (
            r#"{"seq":1,"instance":"i","users":{"alice":{"tx":1}}}"#,
            "rx",
        ),
        (
            r#"{"alice":{"tx":18446744073709551615,"rx":0}}"#,
            "out of range",
        ),
        ("not json", "invalid JSON"),
    ];
    for (body, needle) in bad {
        assert_error(
            &c.send("POST", path, Some(body), None).await,
            400,
            "bad_request",
            needle,
        );
    }
    assert_eq!(
        c.admin("GET", "/admin/traffic", None).await.1,
        json!({"alice": {"tx": 0, "rx": 0}})
    );
    c.stop().await;
}

#[tokio::test]
async fn readiness_fails_while_the_database_takes_no_writes() {
    let c = TestCentral::start().await;
    assert_eq!(
        c.send("GET", "/readyz", None, None).await,
        (200, json!({"ready": true}))
    );
    // Another process holds the write lock: central cannot write, and says so.
    let lock = c.hold_write_lock().await;
    let (status, body) = c.send("GET", "/readyz", None, None).await;
    assert_eq!((status, body["ready"].clone()), (503, json!(false)));
    assert!(body["reason"].as_str().unwrap().contains("lock"), "{body}");
    lock.release().await;
    assert_eq!(c.send("GET", "/readyz", None, None).await.0, 200);
    c.stop().await;
}

#[tokio::test]
async fn bad_device_reports_are_refused_and_unknown_servers_learn_nothing() {
    let c = TestCentral::start().await;
    alice_on_serverid01(&c).await;
    for body in ["[1]", r#"{"alice":-1}"#, r#"{"alice":"2"}"#, ""] {
        assert_error(
            &c.send("POST", "/devices/serverid01", Some(body), None)
                .await,
            400,
            "bad_request",
            "",
        );
    }
    assert_eq!(
        c.send(
            "POST",
            "/devices/serverid01",
            Some(r#"{"alice":1,"ghost":3}"#),
            None
        )
        .await
        .0,
        204
    );
    assert_error(
        &c.send("GET", "/devices/not-a-server", None, None).await,
        404,
        "not_found",
        "not found",
    );
    assert_error(
        &c.send("POST", "/devices/not-a-server", Some("{}"), None)
            .await,
        404,
        "not_found",
        "not found",
    );
    c.stop().await;
}

/// Found by fuzzing: a count near 2^63 from one node made every other node's device lookup
/// overflow SQLite's SUM and answer 500.
#[tokio::test]
async fn no_number_a_node_sends_can_break_a_read() {
    let c = TestCentral::start().await;
    alice_on_serverid01(&c).await;
    c.admin("PATCH", "/admin/users/alice", Some(r#"{"max_devices":2}"#))
        .await;
    c.admin(
        "POST",
        "/admin/servers/serverid02/users",
        Some(r#"{"id":"alice"}"#),
    )
    .await;
    let max = hy_api::node::MAX_DEVICE_COUNT;
    for body in [
        r#"{"alice":9223372036854775807}"#.to_owned(),
        r#"{"alice":18446744073709551615}"#.to_owned(),
        format!(r#"{{"alice":{}}}"#, max + 1),
    ] {
        assert_error(
            &c.send("POST", "/devices/serverid01", Some(&body), None)
                .await,
            400,
            "bad_request",
            "at most 1000000 per user and node",
        );
    }
    let at_bound = format!(r#"{{"alice":{max}}}"#);
    assert_eq!(
        c.send("POST", "/devices/serverid01", Some(&at_bound), None)
            .await
            .0,
        204
    );
    assert_eq!(
        c.send("GET", "/devices/serverid02", None, None).await,
        (200, json!({ "alice": max }))
    );

    // Traffic: a counter over the bound is refused, naming it; one at the bound is counted.
    let bound = hy_api::node::MAX_REPORTED_BYTES;
    for body in [
        format!(r#"{{"alice":{{"tx":{},"rx":0}}}}"#, bound + 1),
        format!(
            r#"{{"seq":1,"instance":"i","users":{{"alice":{{"tx":0,"rx":{}}}}}}}"#,
            u64::MAX
        ),
    ] {
        assert_error(
            &c.send("POST", "/traffic/serverid01", Some(&body), None)
                .await,
            400,
            "bad_request",
            "out of range",
        );
    }
    // Stored counters already near the top (years of reports at the bound) saturate instead of
    // overflowing into a REAL that no read can decode.
    let near_top = i64::MAX - 10;
    c.sql(&format!(
        "INSERT INTO traffic (server_pk, user_pk, tx, rx)
         SELECT s.pk, u.pk, {near_top}, {near_top} FROM servers s, users u;
         UPDATE quota_usage SET period_used = {near_top};"
    ))
    .await;
    let body = format!(r#"{{"alice":{{"tx":{bound},"rx":{bound}}}}}"#);
    for server in ["serverid01", "serverid02"] {
        let path = format!("/traffic/{server}");
        assert_eq!(c.send("POST", &path, Some(&body), None).await.0, 200);
    }
    for path in [
        "/admin/traffic",
        "/admin/traffic?by=server",
        "/admin/traffic/alice",
        "/admin/users/alice",
        "/admin/users",
        "/admin/servers",
        "/admin/history?by=day",
        "/admin/history?user=alice&by=server",
        "/admin/history?user=alice&by=hour",
    ] {
        let (status, body) = c.admin("GET", path, None).await;
        assert_eq!(status, 200, "{path}: {body}");
    }
    let total = &c.admin("GET", "/admin/traffic/alice", None).await.1["alice"];
    assert!(total["tx"].as_u64().unwrap() > 1 << 62, "{total}");
    c.stop().await;
}

/// Auth events and admissions are shown to admins as sent: each field is bounded.
#[tokio::test]
async fn a_report_with_out_of_range_auth_events_is_refused_whole() {
    let c = TestCentral::start().await;
    alice_on_serverid01(&c).await;
    let event = |field: &str, value: serde_json::Value| {
        let mut e = json!({"id":"e1","at":1_700_000_000,"addr":"203.0.113.7:1","allowed":true,
            "reason":"ok","user":"alice"});
        e[field] = value;
        json!({"seq":1,"instance":"i","users":{"alice":{"tx":1,"rx":1}},"auth_log":[e]}).to_string()
    };
    for (field, value) in [
        ("at", json!(i64::MAX)),
        ("at", json!(i64::MIN)),
        ("addr", json!("x".repeat(65))),
        ("reason", json!("")),
        ("id", json!("")),
        ("user", json!("u".repeat(257))),
    ] {
        assert_error(
            &c.send(
                "POST",
                "/traffic/serverid01",
                Some(&event(field, value)),
                None,
            )
            .await,
            400,
            "bad_request",
            &format!("`{field}` is out of range"),
        );
    }
    assert_eq!(
        c.admin("GET", "/admin/traffic/alice", None).await.1["alice"],
        json!({"tx":0,"rx":0}),
        "nothing of a refused report was counted"
    );
    c.stop().await;
}

/// User alice, assigned to server `serverid01` (created by the assignment).
async fn alice_on_serverid01(c: &TestCentral) {
    c.admin("POST", "/admin/users", Some(r#"{"id":"alice"}"#))
        .await;
    c.admin(
        "POST",
        "/admin/servers/serverid01/users",
        Some(r#"{"id":"alice"}"#),
    )
    .await;
}

#[tokio::test]
async fn media_nodes_report_their_sessions_and_bad_reports_are_refused() {
    let c = TestCentral::start().await;
    alice_on_serverid01(&c).await;
    c.admin(
        "POST",
        "/admin/servers",
        Some(r#"{"id":"mediasrv01","kind":"stream","name":"media-1"}"#),
    )
    .await;
    let session = |id: &str, user: &str| {
        json!({"id": id, "user": user, "stream": "live/news", "proto": "hls",
            "addr": "2001:db8::7", "started": 1_700_000_000, "seen": 1_700_000_090,
            "bytes": 4096})
    };
    assert_error(
        &c.send(
            "POST",
            "/sessions/serverid01",
            Some(&json!([session("s1", "alice")]).to_string()),
            None,
        )
        .await,
        409,
        "conflict",
        "only stream servers",
    );
    let long = "x".repeat(257);
    for (body, why) in [
        (json!({}), ""),
        (json!([{"id": "s1"}]), ""),
        (json!([session("", "alice")]), "without an id"),
        (json!([session(&long, "alice")]), "longer than 256"),
        (json!([session("s1", "not a user!")]), "user"),
        (
            json!([session("s1", "alice"), session("s1", "alice")]),
            "twice",
        ),
        (
            json!([{"id": "s1", "user": "alice", "stream": "news", "started": 10, "seen": 5}]),
            "seen before it started",
        ),
    ] {
        assert_error(
            &c.send(
                "POST",
                "/sessions/mediasrv01",
                Some(&body.to_string()),
                None,
            )
            .await,
            400,
            "bad_request",
            why,
        );
    }
    assert_error(
        &c.send("POST", "/sessions/not-a-server", Some("[]"), None)
            .await,
        404,
        "not_found",
        "not found",
    );
    let report = json!([
        session("s1", "alice:tv"),
        session("s2", "alice:tv"),
        {"id": "s3", "user": "alice", "stream": "live/sport", "started": 1_700_000_000,
         "seen": 1_700_000_000, "publish": true},
        session("s4", "ghost"),
    ]);
    assert_eq!(
        c.send(
            "POST",
            "/sessions/mediasrv01",
            Some(&report.to_string()),
            None
        )
        .await
        .0,
        204
    );
    let (_, list) = c.admin("GET", "/admin/sessions?kind=stream", None).await;
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 2, "{list:?}");
    let own = list.iter().find(|r| r["device"].is_null()).unwrap();
    assert_eq!(own["streams"][0]["publish"], true);
    assert_eq!(own["streams"][0]["duration_secs"], 0);
    let tv = list.iter().find(|r| r["device"] == "tv").unwrap();
    assert_eq!(
        (tv["server_id"].as_str(), tv["connections"].as_u64()),
        (Some("mediasrv01"), Some(2))
    );
    assert_eq!(
        tv["streams"][0],
        json!({"id": "s1", "stream": "live/news", "proto": "hls", "address": "2001:db8::7",
            "publish": false, "started_at": "2023-11-14T22:13:20Z",
            "last_seen_at": "2023-11-14T22:14:50Z", "duration_secs": 90, "bytes": 4096})
    );
    // Only media nodes' sessions under another kind's filter: none.
    let (_, other) = c.admin("GET", "/admin/sessions?kind=hysteria", None).await;
    assert_eq!(other, json!([]));
    // A report replaces the last one.
    let report = json!([session("s2", "alice:tv")]);
    c.send(
        "POST",
        "/sessions/mediasrv01",
        Some(&report.to_string()),
        None,
    )
    .await;
    let (_, list) = c
        .admin("GET", "/admin/sessions?kind=stream&user=alice", None)
        .await;
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["streams"][0]["id"], "s2");
    assert_error(
        &c.admin("GET", "/admin/sessions?kind=teleport", None).await,
        400,
        "bad_request",
        "",
    );
    c.stop().await;
}
