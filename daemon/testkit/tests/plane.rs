//! The node runtime is a real boundary: a data plane that moves bytes itself, built only on
//! `hy-node` (the test plane of `hy_testkit::plane`), gets in-process session counting,
//! revocation that cuts a live connection within a second, and bytes that reach central exactly
//! once through SIGKILLs of the node.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use hy_api::Traffic;
use hy_api::servers::{CreateServer, ServerKind};
use hy_api::users::{CreateUser, UserSettings};
use hy_testkit::plane::{PlaneClient, TestPlane};
use hy_testkit::{Fault, FlakyProxy, TestCentral, wait_until};

/// Central with alice and bob assigned to one `proxy` server, carol (10 kB quota) too, and
/// mallory not assigned. Returns the server id and the secrets by name.
async fn fleet(c: &TestCentral) -> (String, std::collections::HashMap<&'static str, String>) {
    let api = c.client();
    let server = api
        .create_server(&CreateServer {
            kind: Some(ServerKind::Proxy),
            ..Default::default()
        })
        .await
        .unwrap()
        .id;
    let mut secrets = std::collections::HashMap::new();
    for (id, limit) in [("alice", 0), ("bob", 0), ("carol", 10_000), ("mallory", 0)] {
        let user = api
            .create_user(&CreateUser {
                id: id.into(),
                secret: None,
                settings: UserSettings {
                    data_limit: (limit > 0).then_some(limit),
                    ..Default::default()
                },
            })
            .await
            .unwrap();
        secrets.insert(id, user.secret);
        if id != "mallory" {
            api.assign(&server, &[id.into()]).await.unwrap();
        }
    }
    (server, secrets)
}

async fn traffic_of(c: &TestCentral, user: &str) -> Traffic {
    c.client()
        .user_traffic(user)
        .await
        .unwrap()
        .get(user)
        .copied()
        .unwrap_or_default()
}

#[tokio::test]
async fn sessions_are_counted_in_process_and_reach_central_exactly() {
    let c = TestCentral::start().await;
    let (server, secrets) = fleet(&c).await;
    let state = tempfile::tempdir().unwrap();
    let plane = TestPlane::start(&c, &server, state.path().into()).await;
    assert_eq!(
        PlaneClient::connect(plane.addr, &secrets["mallory"])
            .await
            .unwrap_err(),
        "unknown_secret",
        "not assigned to this server"
    );
    let mut alice = PlaneClient::connect(plane.addr, &secrets["alice"])
        .await
        .unwrap();
    let mut bob = PlaneClient::connect(plane.addr, &secrets["bob"])
        .await
        .unwrap();
    for n in [1, 1500, 70_000, 3] {
        assert!(alice.echo(n).await);
        assert!(bob.echo(n / 2 + 1).await);
    }
    // Counted while the sessions live, not only when they end.
    wait_until(
        "alice's bytes reach central",
        Duration::from_secs(10),
        || async { traffic_of(&c, "alice").await == alice.moved },
    )
    .await;
    let health = plane.health().await;
    assert_eq!(health["plane"]["reachable"], true, "{health}");
    drop(bob);
    plane.stop().await;
    assert_eq!(traffic_of(&c, "alice").await, alice.moved);
    assert_eq!(
        traffic_of(&c, "bob").await,
        Traffic {
            tx: 35_755,
            rx: 35_755
        }
    );
    c.stop().await;
}

#[tokio::test]
async fn a_user_who_loses_access_is_cut_off_within_a_second() {
    let c = TestCentral::start().await;
    let (server, secrets) = fleet(&c).await;
    let state = tempfile::tempdir().unwrap();
    let plane = TestPlane::start(&c, &server, state.path().into()).await;
    let mut alice = PlaneClient::connect(plane.addr, &secrets["alice"])
        .await
        .unwrap();
    let mut bob = PlaneClient::connect(plane.addr, &secrets["bob"])
        .await
        .unwrap();
    assert!(alice.echo(10).await && bob.echo(10).await);

    // Revocation: the list changes, and the live session is closed at once.
    let disabled = Instant::now();
    let (status, _) = c
        .admin("PATCH", "/admin/users/alice", Some(r#"{"enabled":false}"#))
        .await;
    assert_eq!(status, 200);
    tokio::time::timeout(Duration::from_secs(1), alice.closed())
        .await
        .expect("alice's session closed within a second of being disabled");
    println!("closed {:?} after the change", disabled.elapsed());
    assert!(bob.echo(10).await, "bob's session is untouched");
    assert_eq!(
        PlaneClient::connect(plane.addr, &secrets["alice"])
            .await
            .unwrap_err(),
        "unknown_secret"
    );

    // Quota: carol's own bytes use it up on this node, and she is cut off mid-session.
    let mut carol = PlaneClient::connect(plane.addr, &secrets["carol"])
        .await
        .unwrap();
    assert!(
        carol.echo(6_000).await,
        "12,000 of 10,000 bytes, counted as they move"
    );
    tokio::time::timeout(Duration::from_secs(1), carol.closed())
        .await
        .expect("carol's session closed within a second of running out");
    // Refused here by the local count, or, once central applied the report, left off the list.
    let refused = PlaneClient::connect(plane.addr, &secrets["carol"])
        .await
        .unwrap_err();
    assert!(
        ["quota", "unknown_secret"].contains(&refused.as_str()),
        "{refused}"
    );
    drop(bob);
    plane.stop().await;
    c.stop().await;
}

/// `hy-test-plane` as a process.
struct Process {
    child: Child,
    addr: std::net::SocketAddr,
    http: String,
}

impl Process {
    /// The spool's part of `/healthz`.
    async fn spool(&self) -> serde_json::Value {
        let health: serde_json::Value = reqwest::get(format!("http://{}/healthz", self.http))
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        health["spool"].clone()
    }
}

fn spawn_plane(central: &str, server: &str, state: &std::path::Path, report: &str) -> Process {
    let mut child = Command::new(env!("CARGO_BIN_EXE_hy-test-plane"))
        .args(["--server-id", server, "--central", central, "--state-dir"])
        .arg(state)
        .args([
            "--interval-traffic-to-central",
            report,
            "--interval-collect",
            "20ms",
        ])
        .env_clear()
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let addrs: serde_json::Value = serde_json::from_str(&line).unwrap();
    Process {
        child,
        addr: addrs["plane"].as_str().unwrap().parse().unwrap(),
        http: addrs["http"].as_str().unwrap().to_owned(),
    }
}

fn sigkill(child: &mut Child) {
    Command::new("kill")
        .args(["-KILL", &child.id().to_string()])
        .status()
        .unwrap();
    child.wait().unwrap();
}

/// Connects once the (re)started plane has a list: from disk at once, or from central.
async fn connect_when_ready(addr: std::net::SocketAddr, secret: &str) -> PlaneClient {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        match PlaneClient::connect(addr, secret).await {
            Ok(client) => return client,
            Err(reason) => assert!(
                Instant::now() < deadline,
                "the plane still refuses after 10 s: {reason}"
            ),
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bytes_reach_central_exactly_once_through_sigkills() {
    let c = TestCentral::start().await;
    let (server, secrets) = fleet(&c).await;
    let state = tempfile::tempdir().unwrap();
    let mut truth = Traffic::default();

    // 1. Killed after the bytes were spooled and before any report: the next start sends them.
    let mut p = spawn_plane(&c.url, &server, state.path(), "1h");
    let mut alice = connect_when_ready(p.addr, &secrets["alice"]).await;
    assert!(alice.echo(1_000).await);
    truth.add(alice.moved);
    wait_until(
        "the spool holds alice's bytes",
        Duration::from_secs(10),
        || async { p.spool().await["pending_users"] == 1 },
    )
    .await;
    sigkill(&mut p.child);
    assert_eq!(
        traffic_of(&c, "alice").await,
        Traffic::default(),
        "not reported yet"
    );
    let mut p = spawn_plane(&c.url, &server, state.path(), "20ms");
    wait_until(
        "the spooled bytes reach central",
        Duration::from_secs(10),
        || async { traffic_of(&c, "alice").await == truth },
    )
    .await;
    // Killed only once the acknowledgement is recorded too, so the next start sends a new
    // batch first (a resent one is phase 2's case).
    wait_until("the spool is empty", Duration::from_secs(10), || async {
        let spool = p.spool().await;
        spool["pending_users"] == 0 && spool["inflight_seq"].is_null()
    })
    .await;
    sigkill(&mut p.child);

    // 2. Killed after central applied a batch whose answer was lost: the next start sends the
    // same batch again and central acknowledges it without counting it twice.
    let proxy = FlakyProxy::start(&c.url, |n| {
        if n == 1 {
            Fault::LoseResponse
        } else {
            Fault::None
        }
    })
    .await;
    let mut p = spawn_plane(&proxy.url, &server, state.path(), "20ms");
    let mut alice = connect_when_ready(p.addr, &secrets["alice"]).await;
    assert!(alice.echo(777).await);
    truth.add(alice.moved);
    wait_until(
        "central applied the batch, the answer was lost",
        Duration::from_secs(10),
        || async { proxy.faults().0 == 1 },
    )
    .await;
    // Applied (the echo's two directions may have been taken in two collections, so the lost
    // batch may hold only part of them), and not more than once.
    let applied = traffic_of(&c, "alice").await;
    assert!(applied.tx <= truth.tx && applied.rx <= truth.rx && applied.total() > 2000);
    sigkill(&mut p.child);
    let mut p = spawn_plane(&proxy.url, &server, state.path(), "20ms");
    wait_until(
        "the resent batch is acknowledged",
        Duration::from_secs(10),
        || async {
            let spool = p.spool().await;
            spool["pending_users"] == 0 && spool["inflight_seq"].is_null()
        },
    )
    .await;
    assert_eq!(
        traffic_of(&c, "alice").await,
        truth,
        "the repeat was not counted"
    );

    // 3. Kills at arbitrary points under load: whatever is lost is in the documented window
    // (counted in memory, not yet taken), and nothing is ever counted twice.
    sigkill(&mut p.child);
    let mut moved = truth;
    for round in 0..8u64 {
        let mut p = spawn_plane(&c.url, &server, state.path(), "20ms");
        let mut client = connect_when_ready(p.addr, &secrets["bob"]).await;
        // The fault-injection point is a number of echoes, not a sleep.
        for i in 0..(20 + round * 7) {
            if !client.echo(100 + (i as usize * 37) % 4000).await {
                break;
            }
        }
        moved.add(client.moved);
        sigkill(&mut p.child);
        let counted = traffic_of(&c, "bob").await;
        assert!(
            counted.tx <= moved.tx - truth.tx && counted.rx <= moved.rx - truth.rx,
            "bob counted twice: {counted:?} of {moved:?}"
        );
    }
    let mut p = spawn_plane(&c.url, &server, state.path(), "20ms");
    Command::new("kill")
        .args(["-TERM", &p.child.id().to_string()])
        .status()
        .unwrap();
    assert_eq!(p.child.wait().unwrap().code(), Some(0));
    let bob = traffic_of(&c, "bob").await;
    let bob_truth = Traffic {
        tx: moved.tx - truth.tx,
        rx: moved.rx - truth.rx,
    };
    assert!(
        bob.tx <= bob_truth.tx && bob.rx <= bob_truth.rx,
        "{bob:?} > {bob_truth:?}"
    );
    println!("8 SIGKILLs under load: {bob:?} counted of {bob_truth:?} moved");
    assert_eq!(traffic_of(&c, "alice").await, truth);
    c.stop().await;
}
