//! Devices end to end, from the CLI: a user's devices each connect with their own secret, are
//! counted as `user:device` on the node and once on central, and one blocked is refused and
//! disconnected everywhere within a second while the user's other devices keep working.

use std::time::{Duration, Instant};

use hy_api::Traffic;
use hy_testkit::hysteria::client_addr;
use hy_testkit::{Refused, TestNode, wait_until};

use super::admin::Env;
use crate::agent_auth::fleet;

#[tokio::test]
async fn a_blocked_device_is_cut_off_while_the_users_other_devices_keep_working() {
    let (central, server, alice, _) = fleet().await;
    let env = Env::new(&central);
    let phone = env
        .run(&["device", "add", "alice", "phone", "--json"])
        .await
        .ok()
        .json();
    assert_eq!(phone["node_id"], "alice:phone");
    let laptop = env
        .run(&[
            "device",
            "add",
            "alice",
            "laptop",
            "--max-sessions",
            "1",
            "--json",
        ])
        .await
        .ok()
        .json();
    let (phone_secret, laptop_secret) = (
        phone["secret"].as_str().unwrap().to_owned(),
        laptop["secret"].as_str().unwrap().to_owned(),
    );
    let bad = env.run(&["device", "add", "alice", "default"]).await;
    assert_eq!(bad.code, 1);
    assert!(bad.stderr.contains("another name"), "{}", bad.stderr);
    // Stream limits for media nodes, checked before the round trip.
    let bad = env
        .run(&["device", "add", "alice", "cam", "--allow-stream", "li*ve"])
        .await;
    assert_eq!(bad.code, 1);
    assert!(
        bad.stderr.contains("may only end a pattern"),
        "{}",
        bad.stderr
    );
    let cam = env
        .run(&[
            "device",
            "add",
            "alice",
            "cam",
            "--allow-stream",
            "live/*",
            "--publisher",
            "--json",
        ])
        .await
        .ok()
        .json();
    assert_eq!(
        (&cam["allowed_streams"][0], &cam["publisher"]),
        (&serde_json::json!("live/*"), &serde_json::json!(true))
    );
    let shown = env
        .run(&["device", "show", "alice", "cam"])
        .await
        .ok()
        .stdout;
    assert!(
        shown.contains("streams:         live/* (may publish)"),
        "{shown}"
    );
    env.run(&[
        "device",
        "update",
        "alice",
        "cam",
        "--no-publisher",
        "--allow-stream",
        "*",
    ])
    .await
    .ok();
    let shown = env
        .run(&["device", "show", "alice", "cam"])
        .await
        .ok()
        .stdout;
    assert!(
        shown.contains("streams:         any (play only)"),
        "{shown}"
    );
    env.run(&["device", "remove", "alice", "cam", "--yes"])
        .await
        .ok();

    let TestNode {
        fake,
        agent,
        state: _state,
        ..
    } = TestNode::start(&central, &server, |o| {
        // Sessions are reported on each kick sweep: a quick one for the test.
        o.interval_kick = Duration::from_millis(200);
    })
    .await;
    agent.wait_for_users(3).await;

    // Each credential is its own id on the node.
    let own = fake.connect(&alice, &client_addr(1)).await.unwrap();
    let on_phone = fake.connect(&phone_secret, &client_addr(2)).await.unwrap();
    let on_laptop = fake.connect(&laptop_secret, &client_addr(3)).await.unwrap();
    assert_eq!(
        (
            fake.online_count("alice"),
            fake.online_count("alice:phone"),
            fake.online_count("alice:laptop")
        ),
        (1, 1, 1)
    );
    // The laptop's own session limit: a second laptop session is refused, the phone's is not.
    assert_eq!(
        fake.connect(&laptop_secret, &client_addr(4)).await,
        Err(Refused::Status(403))
    );
    let second_phone = fake.connect(&phone_secret, &client_addr(5)).await.unwrap();
    fake.disconnect(second_phone);
    for conn in [own, on_phone, on_laptop] {
        assert!(fake.traffic(conn, 1000, 4000));
    }
    // Central lists each as a session on this node, within a kick sweep.
    wait_until(
        "the sessions are listed",
        Duration::from_secs(10),
        || async {
            let list = env.run(&["session", "list", "--user", "alice", "-q"]).await;
            list.stdout == "alice\nalice:laptop\nalice:phone\n"
        },
    )
    .await;
    let sessions = env
        .run(&["session", "list", "--user", "alice", "--json"])
        .await
        .ok()
        .json();
    assert_eq!(sessions[1]["device"], "laptop");
    assert_eq!(sessions[1]["connections"], 1);
    assert_eq!(sessions[0]["device"], serde_json::Value::Null);
    // The same reports give the fleet's connections gauge.
    wait_until(
        "the connections are counted",
        Duration::from_secs(10),
        || async {
            let text = hy_testkit::scrape::scrape_both(
                &central.raw(),
                &central.url("/metrics"),
                Some(&central.token),
            )
            .await;
            text.lines().any(|l| l == "hyctl_central_connections 3")
        },
    )
    .await;
    // The node coming up and each session starting are events.
    let events = env
        .run(&["events", "--types", "server.up,session.started", "--json"])
        .await
        .ok()
        .stdout;
    for subject in ["\"alice\"", "\"alice:phone\"", "\"alice:laptop\""] {
        assert!(
            events.contains(&format!(
                "\"type\":\"session.started\",\"subject\":{subject}"
            )),
            "{subject} in {events}"
        );
    }
    assert!(events.contains("\"server.up\""), "{events}");

    // Killed from central: the phone's connection closes, the phone may connect again, the
    // others stay.
    let extra_phone = fake.connect(&phone_secret, &client_addr(10)).await.unwrap();
    env.run(&["session", "kill", "alice", "--device", "phone"])
        .await
        .ok();
    wait_until(
        "the phone's connections close",
        Duration::from_secs(5),
        || async {
            fake.traffic_on_all(1, 1);
            !fake.is_open(on_phone) && !fake.is_open(extra_phone)
        },
    )
    .await;
    assert!(fake.is_open(own) && fake.is_open(on_laptop));
    let on_phone = fake.connect(&phone_secret, &client_addr(11)).await.unwrap();

    let started = Instant::now();
    let blocked = env.run(&["device", "block", "alice", "laptop"]).await.ok();
    assert_eq!(
        blocked.stdout,
        "blocked device alice:laptop (now blocked)\n"
    );
    wait_until(
        "the laptop is disconnected",
        Duration::from_secs(5),
        || async {
            // Hysteria's kick closes a connection on its next traffic.
            fake.traffic_on_all(1, 1);
            !fake.is_open(on_laptop)
        },
    )
    .await;
    let took = started.elapsed();
    assert!(took < Duration::from_secs(2), "blocking took {took:?}");
    assert!(
        fake.is_open(own) && fake.is_open(on_phone),
        "alice's others keep working"
    );
    assert_eq!(
        fake.connect(&laptop_secret, &client_addr(6)).await,
        Err(Refused::Status(403))
    );
    assert!(fake.connect(&phone_secret, &client_addr(7)).await.is_ok());

    // Counted once: per device, and all of it towards alice.
    let counted = |id: &str| fake.truth().counted.get(id).copied().unwrap_or_default();
    wait_until(
        "central has every byte of alice's",
        Duration::from_secs(10),
        || async {
            let mut sum = Traffic::default();
            for id in ["alice", "alice:phone", "alice:laptop"] {
                sum.add(counted(id));
            }
            central.client().user("alice").await.unwrap().traffic == sum
        },
    )
    .await;
    let phone = env
        .run(&["device", "show", "alice", "phone", "--json"])
        .await
        .ok()
        .json();
    let on_node = counted("alice:phone");
    assert_eq!(
        (
            phone["traffic"]["tx"].as_u64(),
            phone["traffic"]["rx"].as_u64()
        ),
        (Some(on_node.tx), Some(on_node.rx))
    );
    assert_eq!(
        phone["last_seen_server"].as_str().map(|s| !s.is_empty()),
        Some(true)
    );
    let list = env.run(&["device", "list", "alice", "-q"]).await.ok();
    assert_eq!(list.stdout, "alice:laptop\nalice:phone\n");
    // The log names the device; filtering by the user finds it.
    let log = env
        .run(&["log", "--user", "alice", "--json"])
        .await
        .ok()
        .json();
    assert!(
        log.as_array()
            .unwrap()
            .iter()
            .any(|e| e["user"] == "alice:laptop" && e["allowed"] == false),
        "{log}"
    );

    // Unblocked, it is admitted again; removed, it is refused.
    env.run(&["device", "unblock", "alice", "laptop"])
        .await
        .ok();
    wait_until(
        "the laptop is admitted again",
        Duration::from_secs(5),
        || async {
            fake.authenticate(&laptop_secret, &client_addr(8), 0)
                .await
                .is_ok()
        },
    )
    .await;
    env.run(&["device", "remove", "alice", "laptop", "--yes"])
        .await
        .ok();
    wait_until(
        "a removed device is refused",
        Duration::from_secs(5),
        || async {
            fake.authenticate(&laptop_secret, &client_addr(9), 0)
                .await
                .is_err()
        },
    )
    .await;
    assert!(fake.is_open(own));
}

/// `hyctl session list --kind stream`: a row per media session, from what a media node
/// reported (sent here as the node sends it).
#[tokio::test]
async fn media_sessions_are_listed_one_per_row() {
    let central = hy_testkit::TestCentral::start().await;
    let env = Env::new(&central);
    env.run(&["user", "add", "alice"]).await.ok();
    env.run(&["device", "add", "alice", "tv", "--secret", "tv-token-1234"])
        .await
        .ok();
    // The seed's own command line, with its comma-separated stream list.
    let tv = env
        .run(&[
            "device",
            "add",
            "alice",
            "box",
            "--secret",
            "secure-token-123",
            "--max-sessions",
            "2",
            "--streams",
            "news,sport*",
            "--json",
        ])
        .await
        .ok()
        .json();
    assert_eq!(tv["allowed_streams"], serde_json::json!(["news", "sport*"]));
    assert_eq!(tv["max_sessions"], 2);
    env.run(&[
        "server",
        "add",
        "--kind",
        "stream",
        "--name",
        "media-1",
        "--id",
        "mediasrv01",
    ])
    .await
    .ok();
    let report = serde_json::json!([
        {"id": "6217fd62", "user": "alice:tv", "stream": "live/news", "proto": "hls",
         "addr": "198.51.100.7", "started": 1_700_000_000, "seen": 1_700_003_700,
         "bytes": 1_610_612_736u64},
        {"id": "c9", "user": "alice:tv", "stream": "live/cam", "proto": "rtmp",
         "addr": "198.51.100.8", "publish": true, "started": 1_700_000_000,
         "seen": 1_700_000_030},
    ]);
    let (status, _) = central
        .send(
            "POST",
            "/sessions/mediasrv01",
            Some(&report.to_string()),
            None,
        )
        .await;
    assert_eq!(status, 204);
    let table = env
        .run(&["session", "list", "--kind", "stream"])
        .await
        .ok()
        .stdout;
    let news = table.lines().find(|l| l.contains("live/news")).unwrap();
    for cell in [
        "alice",
        "tv",
        "media-1",
        "hls",
        "198.51.100.7",
        "1h 1m",
        "1.5 GiB",
    ] {
        assert!(news.contains(cell), "{cell} in {news}");
    }
    assert!(table.contains("live/cam (publish)"), "{table}");
    let ids = env
        .run(&["session", "list", "--kind", "stream", "-q"])
        .await
        .ok()
        .stdout;
    assert_eq!(ids, "alice:tv\nalice:tv\n");
    let json = env
        .run(&["session", "list", "--kind", "stream", "--json"])
        .await
        .ok()
        .json();
    assert_eq!(json[0]["streams"][1]["duration_secs"], 30);
    // Another kind's servers have none of them.
    let none = env
        .run(&["session", "list", "--kind", "hysteria", "--json"])
        .await
        .ok()
        .json();
    assert_eq!(none, serde_json::json!([]));
    let bad = env.run(&["session", "list", "--kind", "teleport"]).await;
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("stream"), "{}", bad.stderr);
    central.stop().await;
}
