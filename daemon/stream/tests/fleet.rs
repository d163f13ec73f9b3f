//! A device's session limit across several media servers: two real nodes of one central,
//! each told by central what the device has on the other.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use hy_testkit::{TestCentral, wait_until};

mod common;

/// SRS's `on_play` or `on_stop` for client `client` of alice's tv: the status and body.
async fn srs(node: &common::StreamNode, action: &str, client: &str) -> (u16, String) {
    let body = serde_json::json!({"server_id": "vid-0xk9", "action": action,
        "client_id": client, "ip": "198.51.100.7", "vhost": "__defaultVhost__",
        "app": "live", "stream": "news", "param": "?token=tv-token-1234",
        "stream_url": "/live/news"});
    let resp = node
        .http
        .post(format!("{}/srs", node.url))
        .json(&body)
        .send()
        .await
        .unwrap();
    (resp.status().as_u16(), resp.text().await.unwrap())
}

#[tokio::test]
async fn a_devices_session_limit_holds_across_media_servers() {
    let c = TestCentral::start().await;
    let first = common::central_with_alice(&c).await;
    let (_, second) = c
        .admin(
            "POST",
            "/admin/servers",
            Some(r#"{"kind":"stream","name":"media-2"}"#),
        )
        .await;
    let second = second["id"].as_str().unwrap().to_owned();
    c.client().assign(&second, &["alice".into()]).await.unwrap();
    c.admin(
        "POST",
        "/admin/users/alice/devices",
        Some(r#"{"name":"tv","secret":"tv-token-1234","max_sessions":1}"#),
    )
    .await;
    let a = common::StreamNode::start(&c, &first, 2).await;
    let b = common::StreamNode::start(&c, &second, 2).await;

    assert_eq!(srs(&a, "on_play", "a1").await, (200, "0".into()));
    // Once central has told the second node, the tv's one slot is taken there too. (Until
    // then a player there is admitted: each such admission is ended again.)
    let mut n = 0;
    wait_until(
        "the second node refuses the tv's second session",
        Duration::from_secs(10),
        || {
            n += 1;
            let client = format!("b{n}");
            let b = &b;
            async move {
                let (status, body) = srs(b, "on_play", &client).await;
                if status == 200 {
                    srs(b, "on_stop", &client).await;
                    return false;
                }
                assert!(body.contains("max_sessions_reached"), "{body}");
                true
            }
        },
    )
    .await;
    // The first session ends: the slot is free on the second node once central says so.
    srs(&a, "on_stop", "a1").await;
    wait_until(
        "the second node admits the tv again",
        Duration::from_secs(10),
        || async { srs(&b, "on_play", "b-final").await.0 == 200 },
    )
    .await;
    a.stop().await;
    b.stop().await;
    c.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_players_racing_over_http_for_the_last_slot_get_one() {
    let c = TestCentral::start().await;
    let server = common::central_with_alice(&c).await;
    c.admin(
        "POST",
        "/admin/users/alice/devices",
        Some(r#"{"name":"tv","secret":"tv-token-1234","max_sessions":1}"#),
    )
    .await;
    let node = common::StreamNode::start(&c, &server, 2).await;
    for round in 0..50 {
        let (a, b) = (format!("a{round}"), format!("b{round}"));
        let (first, second) = tokio::join!(srs(&node, "on_play", &a), srs(&node, "on_play", &b));
        let won = [&first, &second]
            .iter()
            .filter(|(status, _)| *status == 200)
            .count();
        assert_eq!(won, 1, "round {round}: {first:?} {second:?}");
        let lost = if first.0 == 200 { &second } else { &first };
        assert!(lost.1.contains("max_sessions_reached"), "{lost:?}");
        srs(&node, "on_stop", &a).await;
        srs(&node, "on_stop", &b).await;
    }
    node.stop().await;
    c.stop().await;
}
