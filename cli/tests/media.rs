//! The media node as the built binary: SIGKILLed at random points while Flussonic keeps
//! reporting its sessions' cumulative bytes, restarted on the same state directory each time,
//! and every byte reaches central exactly once, not one lost and not one twice (a cumulative
//! count re-sent after a crash is counted from the last spooled baseline).

use std::process::{Child, Command};
use std::time::Duration;

use hy_testkit::{TestCentral, wait_until};

/// Starts `hyctl stream` as a process; returns it and its URL once it listens.
fn spawn_node(server: &str, central: &str, state: &std::path::Path) -> (Child, String) {
    let args = [
        "stream",
        "--server-id",
        server,
        "--central",
        central,
        "--listen",
        "127.0.0.1:0",
        "--state-dir",
        &state.display().to_string(),
        "--interval-traffic-to-central",
        "50ms",
        "--log-format",
        "json",
    ]
    .map(String::from);
    let (child, addr) = super::admin::spawn_daemon(&args, "media node listening");
    (child, format!("http://{addr}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigkill_mid_session_never_loses_or_doubles_a_byte() {
    let central = TestCentral::start().await;
    let (_, server) = central
        .admin(
            "POST",
            "/admin/servers",
            Some(r#"{"kind":"stream","name":"media-1"}"#),
        )
        .await;
    let server = server["id"].as_str().unwrap().to_owned();
    central
        .admin("POST", "/admin/users", Some(r#"{"id":"alice"}"#))
        .await;
    central
        .admin(
            "POST",
            "/admin/users/alice/devices",
            Some(r#"{"name":"tv","secret":"tv-token-1234"}"#),
        )
        .await;
    central
        .client()
        .assign(&server, &["alice".into()])
        .await
        .unwrap();
    let state = tempfile::tempdir().unwrap();
    let http = reqwest::Client::new();
    let update = |url: &str, session: usize, bytes: u64, kind: &str| {
        format!(
            "{url}/flussonic?name=live%2Fnews&proto=hls&ip=198.51.100.7&request_type={kind}\
             &session_id=s{session}&token=tv-token-1234&bytes={bytes}"
        )
    };
    let (mut child, mut url) = spawn_node(&server, &central.url(""), state.path());
    wait_until(
        "the node admits the tv",
        Duration::from_secs(10),
        || async {
            http.get(update(&url, 0, 0, "new_session"))
                .send()
                .await
                .is_ok_and(|r| r.status() == 200)
        },
    )
    .await;

    const SESSIONS: usize = 4;
    const KILLS: usize = 8;
    // Each session's cumulative count, as the media server would send it.
    let mut bytes = [0u64; SESSIONS];
    let mut step = 0u64;
    for _ in 0..KILLS {
        // Updates until a random moment, then the kill, wherever the node was: answering,
        // collecting, spooling or reporting.
        let until = std::time::Instant::now()
            + Duration::from_millis(50 + (hy_common::random::fraction() * 1500.0) as u64);
        while std::time::Instant::now() < until {
            step += 1;
            let s = (step % SESSIONS as u64) as usize;
            bytes[s] += 1000 + step;
            let kind = if step <= SESSIONS as u64 {
                "new_session"
            } else {
                "update_session"
            };
            // A refused connection is a call Flussonic makes again later with a larger count.
            let _ = http.get(update(&url, s, bytes[s], kind)).send().await;
        }
        Command::new("kill")
            .args(["-KILL", &child.id().to_string()])
            .status()
            .unwrap();
        child.wait().unwrap();
        (child, url) = spawn_node(&server, &central.url(""), state.path());
    }
    // Every session reports its final count once more, to a node that lives.
    for (s, b) in bytes.iter().enumerate() {
        wait_until(
            "the last update is answered",
            Duration::from_secs(10),
            || async {
                http.get(update(&url, s, *b, "update_session"))
                    .send()
                    .await
                    .is_ok_and(|r| r.status() == 200)
            },
        )
        .await;
    }
    let total: u64 = bytes.iter().sum();
    let rx = || async {
        let (_, tv) = central
            .admin("GET", "/admin/users/alice/devices/tv", None)
            .await;
        tv["traffic"]["rx"].as_u64().unwrap()
    };
    wait_until(
        "the bytes reach central",
        Duration::from_secs(10),
        || async { rx().await >= total },
    )
    .await;
    Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert_eq!(child.wait().unwrap().code(), Some(0));
    assert_eq!(
        rx().await,
        total,
        "{KILLS} SIGKILLs: exactly the media server's final counts, summed"
    );
    let (_, alice) = central.admin("GET", "/admin/users/alice", None).await;
    assert_eq!(alice["traffic"]["rx"], total);
    central.stop().await;
}
