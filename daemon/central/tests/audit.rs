//! The audit trail: every change through the admin API is recorded with who, when, from where,
//! what was asked and the object before and after; refusals for a role too; credentials never.

use hy_testkit::{TestCentral, assert_error};
use serde_json::json;

#[tokio::test]
async fn changes_are_recorded_with_before_and_after_and_no_secret() {
    let c = TestCentral::start().await;
    let secret = "alice-very-secret-42";
    let body = json!({"id": "alice", "secret": secret, "data_limit": 1000}).to_string();
    assert_eq!(c.admin("POST", "/admin/users", Some(&body)).await.0, 201);
    let (status, _) = c
        .admin(
            "PATCH",
            "/admin/users/alice",
            Some(r#"{"data_limit":5000,"note":"upgraded"}"#),
        )
        .await;
    assert_eq!(status, 200);
    let (status, created) = c
        .admin(
            "POST",
            "/admin/tokens",
            Some(r#"{"name":"viewer-1","role":"viewer"}"#),
        )
        .await;
    assert_eq!(status, 201);
    let viewer = created["token"].as_str().unwrap().to_owned();
    // A refusal for the role is recorded too, with who tried.
    let refused = c
        .send("DELETE", "/admin/users/alice", None, Some(&viewer))
        .await;
    assert_eq!(refused.0, 403);
    assert_eq!(c.admin("DELETE", "/admin/users/alice", None).await.0, 204);
    // Reads are not changes.
    c.admin("GET", "/admin/users", None).await;

    let (status, trail) = c.admin("GET", "/admin/audit", None).await;
    assert_eq!(status, 200, "{trail}");
    let entries = trail.as_array().unwrap();
    let summary: Vec<(String, String, String, u64)> = entries
        .iter()
        .map(|e| {
            (
                e["actor"].as_str().unwrap().to_owned(),
                e["method"].as_str().unwrap().to_owned(),
                e["path"].as_str().unwrap().to_owned(),
                e["status"].as_u64().unwrap(),
            )
        })
        .collect();
    let row = |a: &str, m: &str, p: &str, s: u64| (a.to_owned(), m.to_owned(), p.to_owned(), s);
    assert_eq!(
        summary,
        [
            row("admin-token", "DELETE", "/admin/users/alice", 204),
            row("token:viewer-1", "DELETE", "/admin/users/alice", 403),
            row("admin-token", "POST", "/admin/tokens", 201),
            row("admin-token", "PATCH", "/admin/users/alice", 200),
            row("admin-token", "POST", "/admin/users", 201),
        ],
        "newest first"
    );
    let patch = &entries[3];
    assert_eq!(patch["route"], "/admin/users/{id}");
    assert_eq!(
        patch["request"],
        json!({"data_limit": 5000, "note": "upgraded"})
    );
    assert_eq!(patch["before"]["data_limit"], 1000);
    assert_eq!(patch["after"]["data_limit"], 5000);
    assert_eq!(patch["addr"], "127.0.0.1");
    assert_eq!(entries[0]["before"]["id"], "alice", "what was deleted");
    // No credential anywhere: not the user's secret, not the token handed out.
    let text = trail.to_string();
    assert!(!text.contains(secret), "{text}");
    assert!(!text.contains(&viewer[4..]), "{text}");
    assert_eq!(entries[4]["request"]["secret"], "[redacted]");
    assert_eq!(entries[2]["after"]["token"], "[redacted]");

    // Filters and paging; a viewer may not read the trail.
    let (_, mine) = c
        .admin("GET", "/admin/audit?actor=token:viewer-1", None)
        .await;
    assert_eq!(mine.as_array().unwrap().len(), 1);
    let (_, page) = c
        .admin(
            "GET",
            &format!("/admin/audit?limit=2&before={}", entries[1]["id"]),
            None,
        )
        .await;
    assert_eq!(page[0]["id"], entries[2]["id"]);
    assert_eq!(page.as_array().unwrap().len(), 2);
    assert_error(
        &c.admin("GET", "/admin/audit?limit=0", None).await,
        400,
        "bad_request",
        "limit",
    );
    assert_error(
        &c.send("GET", "/admin/audit", None, Some(&viewer)).await,
        403,
        "forbidden",
        "admin",
    );
    c.stop().await;
}
