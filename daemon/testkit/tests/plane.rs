//! The node runtime is a real boundary: a data plane that moves bytes itself, built only on
//! `hy-node` (the test plane of `hy_testkit::plane`), gets in-process session counting,
//! revocation that cuts a live connection within a second, and bytes that reach central exactly
//! once through SIGKILLs of the node.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use hy_api::Traffic;
use hy_testkit::fleet::{ALICE, CAROL_ON_HOLD, DAVE_10KB, MALLORY_UNASSIGNED, PROXY_1, World};
use hy_testkit::plane::{PlaneClient, TestPlane};
use hy_testkit::{Fault, FlakyProxy, TestCentral, wait_until};

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
    let world = World::start().await;
    let (c, server) = (&world.central, PROXY_1);
    let state = tempfile::tempdir().unwrap();
    let plane = TestPlane::start(c, server, state.path().into()).await;
    assert_eq!(
        PlaneClient::connect(plane.addr, world.secret(MALLORY_UNASSIGNED))
            .await
            .unwrap_err(),
        "unknown_secret",
        "not assigned to this server"
    );
    let mut alice = PlaneClient::connect(plane.addr, world.secret(ALICE))
        .await
        .unwrap();
    let mut carol = PlaneClient::connect(plane.addr, world.secret(CAROL_ON_HOLD))
        .await
        .unwrap();
    for n in [1, 1500, 70_000, 3] {
        assert!(alice.echo(n).await);
        assert!(carol.echo(n / 2 + 1).await);
    }
    // Counted while the sessions live, not only when they end.
    wait_until(
        "alice's bytes reach central",
        Duration::from_secs(10),
        || async { traffic_of(c, ALICE).await == alice.moved },
    )
    .await;
    let health = plane.health().await;
    assert_eq!(health["plane"]["reachable"], true, "{health}");
    drop(carol);
    plane.stop().await;
    assert_eq!(traffic_of(c, ALICE).await, alice.moved);
    assert_eq!(
        traffic_of(c, CAROL_ON_HOLD).await,
        Traffic {
            tx: 35_755,
            rx: 35_755
        }
    );
    world.stop().await;
}

#[tokio::test]
async fn a_user_who_loses_access_is_cut_off_within_a_second() {
    let world = World::start().await;
    let (c, server) = (&world.central, PROXY_1);
    let state = tempfile::tempdir().unwrap();
    let plane = TestPlane::start(c, server, state.path().into()).await;
    let mut alice = PlaneClient::connect(plane.addr, world.secret(ALICE))
        .await
        .unwrap();
    let mut carol = PlaneClient::connect(plane.addr, world.secret(CAROL_ON_HOLD))
        .await
        .unwrap();
    assert!(alice.echo(10).await && carol.echo(10).await);

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
    assert!(carol.echo(10).await, "carol's session is untouched");
    assert_eq!(
        PlaneClient::connect(plane.addr, world.secret(ALICE))
            .await
            .unwrap_err(),
        "unknown_secret"
    );

    // Quota: dave's own bytes use it up on this node, and he is cut off mid-session.
    let mut dave = PlaneClient::connect(plane.addr, world.secret(DAVE_10KB))
        .await
        .unwrap();
    assert!(
        dave.echo(6_000).await,
        "12,000 of 10,000 bytes, counted as they move"
    );
    tokio::time::timeout(Duration::from_secs(1), dave.closed())
        .await
        .expect("dave's session closed within a second of running out");
    // Refused here by the local count, or, once central applied the report, left off the list.
    let refused = PlaneClient::connect(plane.addr, world.secret(DAVE_10KB))
        .await
        .unwrap_err();
    assert!(
        ["quota", "unknown_secret"].contains(&refused.as_str()),
        "{refused}"
    );
    drop(carol);
    plane.stop().await;
    world.stop().await;
}

/// `hy-test-plane` as a process.
struct Process {
    child: Child,
    addr: std::net::SocketAddr,
    http: String,
}

impl Process {
    /// Waits until everything spooled is acknowledged and recorded as such.
    async fn settled(&self, what: &str) {
        wait_until(what, Duration::from_secs(10), || async {
            let spool = self.spool().await;
            spool["pending_users"] == 0 && spool["inflight_seq"].is_null()
        })
        .await;
    }

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
    let world = World::start().await;
    let (c, server) = (&world.central, PROXY_1);
    let state = tempfile::tempdir().unwrap();
    let mut truth = Traffic::default();

    // 1. Killed after the bytes were spooled and before any report: the next start sends them.
    let mut p = spawn_plane(&c.url, server, state.path(), "1h");
    let mut alice = connect_when_ready(p.addr, world.secret(ALICE)).await;
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
        traffic_of(c, ALICE).await,
        Traffic::default(),
        "not reported yet"
    );
    let mut p = spawn_plane(&c.url, server, state.path(), "20ms");
    wait_until(
        "the spooled bytes reach central",
        Duration::from_secs(10),
        || async { traffic_of(c, ALICE).await == truth },
    )
    .await;
    // Killed only once the acknowledgement is recorded too, so the next start sends a new
    // batch first (a resent one is phase 2's case).
    p.settled("the spool is empty").await;
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
    let mut p = spawn_plane(&proxy.url, server, state.path(), "20ms");
    let mut alice = connect_when_ready(p.addr, world.secret(ALICE)).await;
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
    let applied = traffic_of(c, ALICE).await;
    assert!(applied.tx <= truth.tx && applied.rx <= truth.rx && applied.total() > 2000);
    // The kill must not land while the rest of the echo sits collected but unspooled (the
    // documented loss bound, not this phase's case): once central has everything, or the
    // spool holds the rest, no byte of alice's lives in memory only.
    wait_until(
        "the rest of the echo is spooled or counted",
        Duration::from_secs(10),
        || async { traffic_of(c, ALICE).await == truth || p.spool().await["pending_users"] != 0 },
    )
    .await;
    sigkill(&mut p.child);
    let mut p = spawn_plane(&proxy.url, server, state.path(), "20ms");
    p.settled("the resent batch is acknowledged").await;
    assert_eq!(
        traffic_of(c, ALICE).await,
        truth,
        "the repeat was not counted"
    );

    // 3. Kills at arbitrary points under load: whatever is lost is in the documented window
    // (counted in memory, not yet taken), and nothing is ever counted twice.
    sigkill(&mut p.child);
    let mut moved = truth;
    for round in 0..8u64 {
        let mut p = spawn_plane(&c.url, server, state.path(), "20ms");
        let mut client = connect_when_ready(p.addr, world.secret(CAROL_ON_HOLD)).await;
        // The fault-injection point is a number of echoes, not a sleep.
        for i in 0..(20 + round * 7) {
            if !client.echo(100 + (i as usize * 37) % 4000).await {
                break;
            }
        }
        moved.add(client.moved);
        sigkill(&mut p.child);
        let counted = traffic_of(c, CAROL_ON_HOLD).await;
        assert!(
            counted.tx <= moved.tx - truth.tx && counted.rx <= moved.rx - truth.rx,
            "carol counted twice: {counted:?} of {moved:?}"
        );
    }
    let mut p = spawn_plane(&c.url, server, state.path(), "20ms");
    Command::new("kill")
        .args(["-TERM", &p.child.id().to_string()])
        .status()
        .unwrap();
    assert_eq!(p.child.wait().unwrap().code(), Some(0));
    let carol = traffic_of(c, CAROL_ON_HOLD).await;
    let carol_truth = Traffic {
        tx: moved.tx - truth.tx,
        rx: moved.rx - truth.rx,
    };
    assert!(
        carol.tx <= carol_truth.tx && carol.rx <= carol_truth.rx,
        "{carol:?} > {carol_truth:?}"
    );
    println!("8 SIGKILLs under load: {carol:?} counted of {carol_truth:?} moved");
    assert_eq!(traffic_of(c, ALICE).await, truth);
    world.stop().await;
}
