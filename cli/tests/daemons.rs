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
    let central = hy_testkit::TestCentral::start().await;
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
