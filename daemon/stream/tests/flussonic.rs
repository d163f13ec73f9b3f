//! The media node end to end: real central, the real node in-process on `127.0.0.1:0`,
//! called as Flussonic calls its `auth_backend`; a token is a device secret, its rights come
//! from central's list, and the bytes Flussonic reports reach central once.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use hy_testkit::{TestCentral, wait_until};

mod common;

#[tokio::test]
async fn flussonic_sessions_are_admitted_by_device_tokens_and_their_bytes_reach_central() {
    let c = TestCentral::start().await;
    let server = common::central_with_alice(&c).await;
    let (_, tv) = c
        .admin(
            "POST",
            "/admin/users/alice/devices",
            Some(r#"{"name":"tv","secret":"secure-token-123","allowed_streams":["news","live/*"],"max_sessions":1}"#),
        )
        .await;
    assert_eq!(tv["node_id"], "alice:tv");
    let node = common::StreamNode::start(&c, &server, 2).await;
    let (http, url) = (node.http.clone(), node.url.clone());

    let call = |query: String| {
        let (http, url) = (http.clone(), url.clone());
        async move {
            let resp = http
                .get(format!("{url}/flussonic?{query}"))
                .send()
                .await
                .unwrap();
            let status = resp.status().as_u16();
            let user = resp
                .headers()
                .get("x-userid")
                .map(|v| v.to_str().unwrap().to_owned());
            (status, user, resp.text().await.unwrap())
        }
    };
    let session = "name=live/news&proto=hls&ip=198.51.100.7&token=secure-token-123&session_id=6217fd62-16da-4206-9da9-0173d7552a14";
    let (status, user, _) = call(format!(
        "{session}&request_type=new_session&request_number=0"
    ))
    .await;
    assert_eq!((status, user.as_deref()), (200, Some("alice:tv")));
    let (status, _, body) = call(
        "name=movies&proto=hls&ip=198.51.100.7&token=secure-token-123&request_type=new_session"
            .into(),
    )
    .await;
    assert_eq!(status, 403);
    assert!(body.contains("stream_not_allowed"), "{body}");
    for (n, bytes) in [(1, 100_000u64), (2, 250_000), (3, 250_000)] {
        let (status, _, _) = call(format!(
            "{session}&request_type=update_session&request_number={n}&bytes={bytes}&duration={}",
            n * 180
        ))
        .await;
        assert_eq!(status, 200);
    }
    wait_until(
        "the tv's bytes reach central, once",
        Duration::from_secs(10),
        || async {
            let d = c.client().device("alice", "tv").await.unwrap();
            d.traffic.rx == 250_000
        },
    )
    .await;
    let (_, alice) = c.admin("GET", "/admin/users/alice", None).await;
    assert_eq!(alice["traffic"]["rx"], 250_000);
    // Central lists the session itself, as the node last reported it.
    wait_until(
        "the session is listed on central",
        Duration::from_secs(10),
        || async {
            let (_, list) = c.admin("GET", "/admin/sessions?kind=stream", None).await;
            list[0]["streams"][0]["bytes"] == 250_000
        },
    )
    .await;
    let (_, list) = c.admin("GET", "/admin/sessions?kind=stream", None).await;
    let x = &list[0]["streams"][0];
    assert_eq!(list[0]["device"], "tv");
    assert_eq!(
        (&x["id"], &x["stream"], &x["proto"], &x["address"]),
        (
            &serde_json::json!("6217fd62-16da-4206-9da9-0173d7552a14"),
            &serde_json::json!("live/news"),
            &serde_json::json!("hls"),
            &serde_json::json!("198.51.100.7")
        )
    );

    // Blocked on central: the next update is refused, so Flussonic ends the session.
    c.admin(
        "PATCH",
        "/admin/users/alice/devices/tv",
        Some(r#"{"status":"blocked"}"#),
    )
    .await;
    wait_until(
        "the block reaches the node",
        Duration::from_secs(5),
        || async {
            let (status, _, _) = call(format!(
                "{session}&request_type=update_session&bytes=260000"
            ))
            .await;
            status == 403
        },
    )
    .await;
    node.stop().await;
    c.stop().await;
}

/// Central goes away mid-session: the node keeps deciding from its last list, counts the
/// bytes meanwhile and delivers them once central is back; then the user's quota runs out and
/// the session's next update is refused.
#[tokio::test]
async fn through_a_central_outage_bytes_arrive_once_and_quota_ends_the_session() {
    let c = TestCentral::start().await;
    let server = common::central_with_alice(&c).await;
    c.admin(
        "PATCH",
        "/admin/users/alice",
        Some(r#"{"data_limit":1000000}"#),
    )
    .await;
    c.admin(
        "POST",
        "/admin/users/alice/devices",
        Some(r#"{"name":"tv","secret":"secure-token-123"}"#),
    )
    .await;
    let node = common::StreamNode::start(&c, &server, 2).await;
    let call = |session: &str, kind: &str, bytes: u64| {
        let url = format!(
            "{}/flussonic?name=live%2Fnews&proto=hls&ip=2001%3Adb8%3A%3A7&request_type={kind}\
             &session_id={session}&token=secure-token-123&bytes={bytes}",
            node.url
        );
        let http = node.http.clone();
        async move {
            let resp = http.get(url).send().await.unwrap();
            (resp.status().as_u16(), resp.text().await.unwrap())
        }
    };
    assert_eq!(call("s1", "new_session", 0).await.0, 200);
    assert_eq!(call("s1", "update_session", 100_000).await.0, 200);
    let rx = |c: &TestCentral| {
        let client = c.client();
        async move { client.device("alice", "tv").await.unwrap().traffic.rx }
    };
    wait_until(
        "the first bytes arrive",
        Duration::from_secs(10),
        || async { rx(&c).await == 100_000 },
    )
    .await;

    let stopped = c.stop_for_restart().await;
    // Fail-static: the node decides from its last list and keeps counting.
    assert_eq!(call("s1", "update_session", 300_000).await.0, 200);
    assert_eq!(
        call("s1", "update_session", 300_000).await.0,
        200,
        "a repeat"
    );
    assert_eq!(call("s2", "new_session", 0).await.0, 200);
    assert_eq!(call("s2", "update_session", 200_000).await.0, 200);
    let c = stopped.start().await;
    wait_until(
        "the outage's bytes arrive, once",
        Duration::from_secs(20),
        || async { rx(&c).await == 500_000 },
    )
    .await;

    // Past the quota: counted, then the next update is refused.
    assert_eq!(call("s1", "update_session", 1_200_000).await.0, 200);
    wait_until(
        "the session is cut at its next update",
        Duration::from_secs(10),
        || async { call("s1", "update_session", 1_200_000).await.0 == 403 },
    )
    .await;
    wait_until(
        "every byte counted, none twice",
        Duration::from_secs(10),
        || async { rx(&c).await == 1_400_000 },
    )
    .await;
    let (_, alice) = c.admin("GET", "/admin/users/alice", None).await;
    assert_eq!(alice["state"], "limited");
    node.stop().await;
    c.stop().await;
}
