//! Databases written by earlier schemas are upgraded in place, data intact.

use hy_api::Traffic;
use hy_api::node::TrafficBatch;
use serde_json::json;

use hy_testkit::{TestCentral, fixture};

#[tokio::test]
async fn a_schema_v1_database_is_upgraded_with_its_data() {
    let dir = tempfile::tempdir().unwrap();
    {
        let conn = rusqlite::Connection::open(dir.path().join("central.db")).unwrap();
        conn.execute_batch(&std::fs::read_to_string(fixture("schema-v1.sql")).unwrap())
            .unwrap();
    }
    let mut c = TestCentral::start_sqlite_in(dir).await;
    // The fixture's admin token still works: the upgrade kept the stored digest.
    c.token = "hyctl_fixture-admin-token".into();
    let (status, users) = c.admin("GET", "/admin/users", None).await;
    assert_eq!(status, 200, "{users}");
    assert_eq!(users.as_array().unwrap().len(), 2);
    assert_eq!(
        c.admin("GET", "/admin/traffic", None).await.1,
        json!({"alice": {"tx": 1000, "rx": 2000}, "bob": {"tx": 30, "rx": 40}})
    );
    let server = c.client().server("x7k9m2p4q8r1w5").await.unwrap();
    assert_eq!(server.name.as_deref(), Some("edge-1"));
    assert_eq!(server.users, 2);

    // What the new schema added works on the old data: node lists and numbered reports.
    let node = c.node_client();
    let list = node
        .node_list("x7k9m2p4q8r1w5", None, None)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(list.users.len(), 2);
    let batch = TrafficBatch::new(
        "a",
        1,
        [("bob".to_owned(), Traffic { tx: 1, rx: 1 })].into(),
    );
    assert!(node.report("x7k9m2p4q8r1w5", &batch).await.unwrap().applied);
    assert!(!node.report("x7k9m2p4q8r1w5", &batch).await.unwrap().applied);
    c.client().unassign("x7k9m2p4q8r1w5", "bob").await.unwrap();
    let after = node
        .node_list("x7k9m2p4q8r1w5", Some(&list.revision), None)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(after.users.len(), 1);
    c.stop().await;
}

#[tokio::test]
async fn the_openapi_document_covers_every_endpoint() {
    let c = TestCentral::start().await;
    let (status, doc) = c.send("GET", "/openapi.json", None, None).await;
    assert_eq!(status, 200);
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let expected = [
        ("/admin/users", &["get", "post"][..]),
        ("/admin/users/{id}", &["get", "patch", "delete"]),
        ("/admin/users/{id}/secret", &["post"]),
        ("/admin/users/{id}/reset", &["post"]),
        ("/admin/users/{id}/links", &["get"]),
        ("/admin/batch/users", &["post"]),
        ("/admin/users/{id}/devices", &["get", "post"]),
        (
            "/admin/users/{id}/devices/{name}",
            &["get", "patch", "delete"],
        ),
        ("/admin/users/{id}/devices/{name}/secret", &["post"]),
        ("/admin/users/{id}/subscription", &["get", "post", "delete"]),
        ("/sub/{token}", &["get"]),
        ("/admin/tokens", &["get", "post"]),
        ("/admin/tokens/{name}", &["delete"]),
        ("/admin/whoami", &["get"]),
        ("/admin/audit", &["get"]),
        ("/admin/events", &["get"]),
        ("/admin/sessions", &["get"]),
        ("/admin/sessions/kill", &["post"]),
        ("/admin/webhooks", &["get", "post"]),
        ("/admin/webhooks/{id}", &["delete"]),
        ("/admin/webhooks/{id}/deliveries", &["get"]),
        ("/admin/login", &["post"]),
        ("/admin/refresh", &["post"]),
        ("/admin/logout", &["post"]),
        ("/admin/me/password", &["post"]),
        ("/admin/admins", &["get", "post"]),
        ("/admin/admins/{username}", &["patch", "delete"]),
        ("/admin/admins/{username}/revoke", &["post"]),
        ("/admin/admins/{username}/totp", &["post", "delete"]),
        ("/admin/servers", &["get", "post"]),
        ("/admin/servers/{id}", &["get", "patch", "delete"]),
        ("/admin/servers/{id}/users", &["get", "post"]),
        ("/admin/servers/{id}/users/{user_id}", &["delete"]),
        ("/admin/traffic", &["get"]),
        ("/admin/traffic/{user_id}", &["get"]),
        ("/admin/traffic/export", &["get"]),
        ("/admin/history", &["get"]),
        ("/admin/log", &["get"]),
        ("/auth/{server_id}", &["get"]),
        ("/traffic/{server_id}", &["post"]),
        ("/devices/{server_id}", &["get", "post"]),
        ("/sessions/{server_id}", &["post"]),
        ("/api/tokens", &["get", "post"]),
        ("/api/tokens/{id}", &["patch", "delete"]),
        ("/api/sessions", &["get"]),
        ("/api/sessions/{id}", &["delete"]),
        ("/healthz", &["get"]),
        ("/readyz", &["get"]),
        ("/metrics", &["get"]),
        ("/openapi.json", &["get"]),
    ];
    let paths = doc["paths"].as_object().unwrap();
    assert_eq!(
        paths.len(),
        expected.len(),
        "documented: {:?}",
        paths.keys().collect::<Vec<_>>()
    );
    for (path, methods) in expected {
        for method in methods {
            assert!(
                paths[path].get(method).is_some(),
                "{method} {path} is not documented"
            );
        }
    }
    assert!(doc["components"]["securitySchemes"]["admin"].is_object());
    c.stop().await;
}

/// Every constraint central enforces on a body is in the document too: each of these is
/// refused by central with a 400 and by the document's schema.
#[tokio::test]
async fn what_central_refuses_the_document_refuses() {
    let c = TestCentral::start().await;
    c.admin("POST", "/admin/users", Some(r#"{"id":"alice"}"#))
        .await;
    c.admin("POST", "/admin/servers", Some(r#"{"name":"edge-1"}"#))
        .await;
    let ips: Vec<String> = (0..65).map(|i| format!("10.0.0.{i}")).collect();
    let cases = [
        ("POST", "/admin/users", json!({"id": "al ice"})),
        ("POST", "/admin/users", json!({"id": "-alice"})),
        ("POST", "/admin/users", json!({"id": "a".repeat(65)})),
        (
            "POST",
            "/admin/users",
            json!({"id": "bob", "secret": "short"}),
        ),
        (
            "POST",
            "/admin/users",
            json!({"id": "bob", "secret": "with+plus-sign"}),
        ),
        (
            "POST",
            "/admin/users",
            json!({"id": "bob", "secert": "typo-field"}),
        ),
        (
            "POST",
            "/admin/users",
            json!({"id": "bob", "reset_strategy": "hourly"}),
        ),
        (
            "POST",
            "/admin/users",
            json!({"id": "bob", "expires_at": "tomorrow"}),
        ),
        (
            "POST",
            "/admin/users",
            json!({"id": "bob", "note": "n".repeat(1001)}),
        ),
        (
            "POST",
            "/admin/users",
            json!({"id": "bob", "allowed_ips": ips}),
        ),
        ("PATCH", "/admin/users/alice", json!({})),
        ("POST", "/admin/servers", json!({"traffic_multiplier": 101})),
        ("POST", "/admin/servers", json!({"traffic_multiplier": -1})),
        ("POST", "/admin/servers", json!({"name": "-edge"})),
        ("POST", "/admin/servers", json!({"id": "short"})),
        ("POST", "/admin/servers", json!({"kind": "ftp"})),
        ("PATCH", "/admin/servers/edge-1", json!({})),
    ];
    for (method, path, body) in cases {
        let (status, answer) = c.admin(method, path, Some(&body.to_string())).await;
        assert_eq!(status, 400, "{method} {path} {body}: {answer}");
        assert!(
            !hy_testkit::openapi::request_is_valid(method, path, &body),
            "the document accepts what central refuses: {method} {path} {body}"
        );
    }
    // And what central accepts, the document accepts (also checked on every exchange).
    for (method, path, body) in [
        (
            "POST",
            "/admin/users",
            json!({"id": "bob", "secret": "s3cret~!@#"}),
        ),
        ("POST", "/admin/servers", json!({})),
        (
            "PATCH",
            "/admin/users/alice",
            json!({"note": null, "expires_at": "2030-01-01T00:00:00Z"}),
        ),
    ] {
        assert!(
            hy_testkit::openapi::request_is_valid(method, path, &body),
            "{body}"
        );
    }
    c.stop().await;
}

#[tokio::test]
async fn a_backup_taken_during_writes_is_consistent_and_holds_every_committed_write() {
    if hy_testkit::sqlite_only("backup", "hyctl central backup copies the SQLite file") {
        return;
    }
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    let c = TestCentral::start().await;
    let created = Arc::new(AtomicUsize::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let (api, created, stop) = (c.client(), Arc::clone(&created), Arc::clone(&stop));
        tokio::spawn(async move {
            let mut i = 0;
            while !stop.load(Ordering::Relaxed) {
                let new = hy_api::users::CreateUser {
                    id: format!("u{i:05}"),
                    ..Default::default()
                };
                api.create_user(&new).await.unwrap();
                i += 1;
                created.store(i, Ordering::Relaxed);
            }
        })
    };
    hy_testkit::wait_until(
        "writes are flowing",
        std::time::Duration::from_secs(10),
        || async { created.load(Ordering::Relaxed) >= 50 },
    )
    .await;
    let committed_before = created.load(Ordering::Relaxed);
    let dest = c.dir.path().join("backup.db");
    let (db, copy) = (c.db_path.clone(), dest.clone());
    let pages = tokio::task::spawn_blocking(move || hy_central::backup::backup(&db, &copy))
        .await
        .unwrap()
        .unwrap();
    assert!(pages > 0);
    let during = created.load(Ordering::Relaxed);
    stop.store(true, Ordering::Relaxed);
    writer.await.unwrap();
    println!(
        "backup of {pages} pages taken while users {committed_before}..{during} were being created"
    );

    let copy = rusqlite::Connection::open(&dest).unwrap();
    let check: String = copy
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let n: usize = copy
        .query_row("SELECT COUNT(*) FROM users", [], |r| r.get(0))
        .unwrap();
    assert!(
        n >= committed_before,
        "the copy has {n} users, {committed_before} were committed before it began"
    );
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&dest).unwrap().permissions().mode() & 0o777,
        0o600
    );
    // An existing destination is refused, not overwritten.
    assert!(
        hy_central::backup::backup(&c.db_path, &dest)
            .unwrap_err()
            .to_string()
            .contains("already exists")
    );
    c.stop().await;
}
