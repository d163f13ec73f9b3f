//! `hyctl central` as a process: it starts, serves, and stops cleanly on SIGTERM; bad flags
//! exit with the configuration code.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

fn hyctl() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_hyctl"));
    cmd.env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default());
    cmd
}

#[test]
fn central_serves_then_exits_zero_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = hyctl()
        .args([
            "central",
            "--listen",
            "127.0.0.1:0",
            "--log-format",
            "json",
            "--db",
        ])
        .arg(dir.path().join("c.db"))
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    // The daemon says where it listens once it is ready; no sleeping.
    let addr = loop {
        let line = lines
            .next()
            .expect("central exited before listening")
            .unwrap();
        let event: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert!(
            !line.contains("hyctl_"),
            "the admin token must never be logged: {line}"
        );
        if event["message"]
            .as_str()
            .unwrap_or_default()
            .starts_with("central listening")
        {
            break event["addr"].as_str().unwrap().to_owned();
        }
    };
    let token = std::fs::read_to_string(dir.path().join("c.db.admin-token")).unwrap();
    let mut stream = std::net::TcpStream::connect(&addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    use std::io::{Read, Write};
    write!(
        stream,
        "GET /admin/users HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {}\r\nConnection: close\r\n\r\n",
        token.trim()
    )
    .unwrap();
    let mut resp = String::new();
    stream.read_to_string(&mut resp).unwrap();
    assert!(resp.starts_with("HTTP/1.1 200"), "{resp}");

    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let rest: Vec<String> = lines.map_while(Result::ok).collect();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "{rest:?}");
    assert!(
        rest.iter().any(|l| l.contains("central stopped")),
        "{rest:?}"
    );
}

#[test]
fn central_with_a_bad_listen_address_exits_78_naming_the_fix() {
    let out = hyctl()
        .args(["central", "--listen", "nonsense"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(78));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("use IP:PORT"), "{err}");
}

#[test]
fn central_with_missing_tls_files_exits_78() {
    let out = hyctl()
        .args([
            "central",
            "--listen",
            "127.0.0.1:0",
            "--tls-cert",
            "/nonexistent.pem",
            "--tls-key",
            "/nonexistent.key",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(78));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent.pem"));
}

#[test]
fn tls_cert_without_key_is_a_usage_error() {
    let out = hyctl()
        .args(["central", "--tls-cert", "/x.pem"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn agent_credentials_may_start_with_a_hyphen() {
    // Ids generated before generation avoided a leading `-` must still be usable as flag values.
    let out = hyctl()
        .args([
            "agent",
            "--server-id",
            "-abcdefghijk",
            "--secret",
            "-s3cret",
            "--central",
            "http://127.0.0.1:9",
            "--listen",
            "nonsense",
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(78),
        "parsed, then refused for the listen address: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn rotate_token_and_backup_work_on_a_database_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    // A first rotation on a new database creates it and writes a token file.
    let rotated = hyctl()
        .args(["central", "rotate-token", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert_eq!(
        rotated.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&rotated.stderr)
    );
    let token_file = dir.path().join("c.db.admin-token");
    let first = std::fs::read_to_string(&token_file).unwrap();
    hyctl()
        .args(["central", "rotate-token", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    let second = std::fs::read_to_string(&token_file).unwrap();
    assert_ne!(first, second, "a new token each time");

    let backup = |to: &std::path::Path, from: &std::path::Path| {
        hyctl()
            .args(["central", "backup"])
            .arg(to)
            .arg("--db")
            .arg(from)
            .output()
            .unwrap()
    };
    let copy = dir.path().join("copy.db");
    let first_copy = backup(&copy, &db);
    assert_eq!(
        first_copy.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&first_copy.stderr)
    );
    assert!(String::from_utf8_lossy(&first_copy.stderr).contains("integrity ok"));
    // An existing destination is refused, not overwritten; a missing source is named.
    let again = backup(&copy, &db);
    assert_eq!(again.status.code(), Some(70));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
    let missing = backup(&dir.path().join("x.db"), &dir.path().join("nope.db"));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no database at"));
}

/// `hyctl central migrate`: a move into PostgreSQL (when a test server runs), a refusal of a
/// full target without --force, and clear failures for a missing file or a bad URL.
#[tokio::test]
async fn central_migrate_moves_sqlite_to_postgresql() {
    let dir = tempfile::tempdir().unwrap();
    let bad = hyctl()
        .args([
            "central",
            "migrate",
            "--from",
            "nope.db",
            "--to",
            "mysql://x/y",
        ])
        .output()
        .unwrap();
    assert_eq!(
        bad.status.code(),
        Some(78),
        "{}",
        String::from_utf8_lossy(&bad.stderr)
    );
    let missing = hyctl()
        .args(["central", "migrate", "--from"])
        .arg(dir.path().join("missing.db"))
        .args(["--to", "postgres://u@127.0.0.1:1/db"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(70));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no such file"));

    let Some(db) = hy_testkit::postgres::TestDatabase::create("central_migrate_cli").await else {
        return;
    };
    let central = hy_testkit::TestCentral::start_sqlite().await;
    central
        .client()
        .create_user(&hy_api::users::CreateUser {
            id: "alice".into(),
            ..Default::default()
        })
        .await
        .unwrap();
    let path = central.db_path.clone();
    let _kept = central.stop().await;
    let url = std::env::var(hy_testkit::postgres::ENV).unwrap();
    // The test database, on the test server: its name replaces the server's default one.
    let url = url.replacen("/postgres?", &format!("/{}?", db.target.dbname()), 1);
    let run = |force: bool| {
        let mut cmd = hyctl();
        cmd.args(["central", "migrate", "--from"])
            .arg(&path)
            .args(["--to", &url]);
        if force {
            cmd.arg("--force");
        }
        cmd.output().unwrap()
    };
    let moved = run(false);
    let said = String::from_utf8_lossy(&moved.stderr);
    assert_eq!(moved.status.code(), Some(0), "{said}");
    assert!(said.contains("match on both sides"), "{said}");
    assert!(!said.contains("password"), "{said}");
    let full = run(false);
    assert_eq!(full.status.code(), Some(78));
    assert!(String::from_utf8_lossy(&full.stderr).contains("--force"));
    assert_eq!(run(true).status.code(), Some(0));
    db.drop_db().await;
}

#[test]
fn backup_refuses_a_postgresql_url_and_rotate_token_works_on_one() {
    let dir = tempfile::tempdir().unwrap();
    let refused = hyctl()
        .current_dir(dir.path())
        .args([
            "central",
            "backup",
            "copy.db",
            "--db",
            "postgres://db.example/x",
        ])
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("pg_dump"));
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "no file made"
    );

    let runtime = tokio::runtime::Runtime::new().unwrap();
    let Some(db) = runtime.block_on(hy_testkit::postgres::TestDatabase::create("cli_rotate"))
    else {
        return;
    };
    let url = db.url.clone();
    let token_file = dir.path().join("token");
    let rotated = hyctl()
        .args([
            "central",
            "rotate-token",
            "--db",
            &url,
            "--admin-token-file",
        ])
        .arg(&token_file)
        .output()
        .unwrap();
    assert_eq!(
        rotated.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&rotated.stderr)
    );
    let token = std::fs::read_to_string(&token_file).unwrap();
    assert!(token.starts_with("hyctl_"));
    runtime.block_on(db.drop_db());
}

/// A `hyctl central` on PostgreSQL, started as a process with JSON logs; returns its address
/// and the rest of its log, read on a thread into `leading` (one message per "leading").
fn central_on(
    url: &str,
    token_file: &std::path::Path,
) -> (
    std::process::Child,
    String,
    std::sync::mpsc::Receiver<String>,
) {
    let mut child = hyctl()
        .args(["central", "--listen", "127.0.0.1:0", "--log-format", "json"])
        .args(["--lease-ttl", "600ms", "--db", url, "--admin-token-file"])
        .arg(token_file)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let (addr_tx, addr_rx) = std::sync::mpsc::channel();
    let (lead_tx, lead_rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in lines.map_while(Result::ok) {
            let event: serde_json::Value = serde_json::from_str(&line).unwrap_or_default();
            let message = event["message"].as_str().unwrap_or_default();
            if message.starts_with("central listening") {
                let _ = addr_tx.send(event["addr"].as_str().unwrap_or_default().to_owned());
            }
            if message.starts_with("leading") {
                let _ = lead_tx.send(line.clone());
            }
        }
    });
    let addr = addr_rx
        .recv_timeout(Duration::from_secs(30))
        .expect("central listens");
    (child, format!("http://{addr}"), lead_rx)
}

/// The leader of two centrals on one database is SIGKILLed (no lease released): the other
/// takes the lease within about two lease lengths and applies the expiry that came due,
/// which wakes a node's long poll on it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn when_the_leader_is_killed_the_other_central_takes_over_the_schedule() {
    use hy_api::client::{Client, ClientConfig};
    let Some(db) = hy_testkit::postgres::TestDatabase::create("leader_killed").await else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let token_file = dir.path().join("token");
    let (mut first, first_url, first_leads) = central_on(&db.url, &token_file);
    first_leads
        .recv_timeout(Duration::from_secs(10))
        .expect("the only central leads");
    let (mut second, second_url, second_leads) =
        central_on(&db.url, &dir.path().join("unused-token"));
    let token = std::fs::read_to_string(&token_file).unwrap();
    let client = |url: &str| {
        let mut config = ClientConfig::new(url);
        config.token = Some(token.trim().into());
        config.timeout = Duration::from_secs(20);
        Client::new(&config).unwrap()
    };
    let api = client(&first_url);
    let expires = jiff::Timestamp::now() + jiff::SignedDuration::from_secs(4);
    for (id, expires_at) in [("stays", None), ("leaving", Some(expires))] {
        api.create_user(&hy_api::users::CreateUser {
            id: id.into(),
            settings: hy_api::users::UserSettings {
                expires_at: Some(expires_at),
                ..Default::default()
            },
            ..Default::default()
        })
        .await
        .unwrap();
    }
    let server = api.create_server(&Default::default()).await.unwrap().id;
    api.assign(&server, &["stays".into(), "leaving".into()])
        .await
        .unwrap();

    let killed = Command::new("kill")
        .args(["-KILL", &first.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    first.wait().unwrap();

    let node = client(&second_url);
    let list = node.node_list(&server, None, None).await.unwrap().unwrap();
    let mut etag = list.revision.clone();
    let mut ids: Vec<String> = list.users.iter().map(|u| u.id.clone()).collect();
    assert!(
        jiff::Timestamp::now() < expires && ids.len() == 2,
        "the setup took longer than the 4 s before the expiry"
    );
    // Long polls on the survivor until the expiry's bump arrives.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    while ids.iter().any(|id| id == "leaving") || etag == list.revision {
        assert!(
            tokio::time::Instant::now() < deadline,
            "the survivor never applied the expiry"
        );
        if let Some(next) = node
            .node_list(&server, Some(&etag), Some(Duration::from_secs(10)))
            .await
            .unwrap()
        {
            etag = next.revision.clone();
            ids = next.users.iter().map(|u| u.id.clone()).collect();
        }
    }
    assert_eq!(ids, ["stays"]);
    second_leads
        .recv_timeout(Duration::from_secs(1))
        .expect("the survivor says it leads");
    let _ = Command::new("kill")
        .args(["-TERM", &second.id().to_string()])
        .status();
    assert_eq!(second.wait().unwrap().code(), Some(0));
    db.drop_db().await;
}
