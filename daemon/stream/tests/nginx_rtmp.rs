//! The media node behind a real nginx-rtmp (Debian's `libnginx-mod-rtmp`): real RTMP players
//! and an encoder connect to nginx, nginx asks the node through its notifications, and the
//! node's answers admit, refuse and cut them; central's block and kill reach a playing
//! session through nginx's `on_update`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use hy_testkit::nginx::Nginx;
use hy_testkit::rtmp::RtmpClient;
use hy_testkit::{TestCentral, wait_until};

mod common;

#[tokio::test]
async fn nginx_rtmp_admits_refuses_and_cuts_real_rtmp_sessions() {
    let c = TestCentral::start().await;
    let server = common::central_with_alice(&c).await;
    c.admin(
        "POST",
        "/admin/users/alice/devices",
        Some(r#"{"name":"tv","secret":"tv-token-1234","allowed_streams":["live/*"],"max_sessions":1}"#),
    )
    .await;
    c.admin(
        "POST",
        "/admin/users/alice/devices",
        Some(r#"{"name":"cam","secret":"cam-token-5678","allowed_streams":["live/news"],"publisher":true}"#),
    )
    .await;
    let node = common::StreamNode::start(&c, &server, 3).await;
    let hook = format!("{}/nginx-rtmp", node.url);
    let directives = format!(
        "on_play {hook}; on_publish {hook}; on_play_done {hook}; on_publish_done {hook}; \
         on_update {hook}; notify_update_timeout 1s;"
    );
    let test = "nginx_rtmp_admits_refuses_and_cuts_real_rtmp_sessions";
    let Some(nginx) = Nginx::start_rtmp(test, "live", &directives).await else {
        return;
    };
    let connect = || RtmpClient::connect(nginx.rtmp, "live");

    // The encoder publishes with the cam's token; the tv plays.
    let mut cam = connect().await.unwrap();
    assert!(
        cam.publish("news?token=cam-token-5678").await.unwrap(),
        "{}",
        nginx.log()
    );
    let mut tv = connect().await.unwrap();
    assert!(
        tv.play("news?token=tv-token-1234").await.unwrap(),
        "{}",
        nginx.log()
    );
    // Refused, so nginx drops them: the tv's second session, a stranger, a player publishing,
    // the encoder on a stream it may not publish.
    for (publish, name) in [
        (false, "news?token=tv-token-1234"),
        (false, "news?token=nobody-0000"),
        (false, "news"),
        (true, "news2?token=tv-token-1234"),
        (true, "sport?token=cam-token-5678"),
    ] {
        let mut other = connect().await.unwrap();
        let admitted = if publish {
            other.publish(name).await.unwrap()
        } else {
            other.play(name).await.unwrap()
        };
        assert!(!admitted, "{name} was admitted");
    }
    // Central lists both sessions, the encoder's as publishing; nginx reports no bytes, so
    // they show their time.
    let streams = || async {
        let (_, list) = c.admin("GET", "/admin/sessions?kind=stream", None).await;
        let mut all: Vec<(String, bool)> = list
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|row| {
                // A row's counts may arrive before its sessions' detail (two reports).
                let streams = row["streams"].as_array().map_or(&[][..], Vec::as_slice);
                streams.iter().map(move |x| {
                    let who = format!("{}:{}", row["device"].as_str().unwrap(), x["stream"]);
                    (who, x["publish"].as_bool().unwrap())
                })
            })
            .collect();
        all.sort();
        all
    };
    wait_until(
        "central lists both sessions",
        Duration::from_secs(10),
        || async {
            streams().await
                == [
                    ("cam:\"live/news\"".to_owned(), true),
                    ("tv:\"live/news\"".to_owned(), false),
                ]
        },
    )
    .await;
    // Killed from central: nginx's next update of the tv's session is refused, and nginx
    // cuts it; the encoder goes on.
    c.admin(
        "POST",
        "/admin/sessions/kill",
        Some(r#"{"user":"alice","device":"tv"}"#),
    )
    .await;
    assert!(
        tv.closed_within(Duration::from_secs(10)).await.unwrap(),
        "nginx did not cut the killed session:\n{}",
        nginx.log()
    );
    // Killed is not blocked: the tv may play again, and its slot is free.
    let mut tv = connect().await.unwrap();
    assert!(tv.play("news?token=tv-token-1234").await.unwrap());
    // Blocked: cut at the next update, and refused from then on.
    c.admin(
        "PATCH",
        "/admin/users/alice/devices/tv",
        Some(r#"{"status":"blocked"}"#),
    )
    .await;
    assert!(tv.closed_within(Duration::from_secs(10)).await.unwrap());
    assert!(
        !connect()
            .await
            .unwrap()
            .play("news?token=tv-token-1234")
            .await
            .unwrap()
    );
    // The encoder was never cut; when it leaves, nginx's publish_done ends its session.
    drop(cam);
    wait_until(
        "the encoder's session ends",
        Duration::from_secs(10),
        || async { streams().await.is_empty() },
    )
    .await;
    nginx.stop().await;
    node.stop().await;
    c.stop().await;
}
