//! The original system's README, replayed: its curl sequence works verbatim apart from the
//! added admin token header (no Content-Type, as curl -d sends form encoding by default).

use serde_json::json;

use hy_testkit::TestCentral;

#[tokio::test]
async fn original_readme_curl_sequence_works_with_the_token_added() {
    let c = TestCentral::start().await;
    let server = "x7k9m2p4q8r1w5";

    // 2. Add users and assign them to a server.
    assert_eq!(
        c.admin("POST", "/admin/users", Some(r#"{"id":"alice"}"#))
            .await
            .0,
        201
    );
    assert_eq!(
        c.admin("POST", "/admin/users", Some(r#"{"id":"bob"}"#))
            .await
            .0,
        201
    );
    let path = format!("/admin/servers/{server}/users");
    assert_eq!(
        c.admin("POST", &path, Some(r#"{"id":"alice"}"#)).await.0,
        201
    );
    assert_eq!(c.admin("POST", &path, Some(r#"{"id":"bob"}"#)).await.0, 201);

    // Admin API reference.
    let (status, users) = c.admin("GET", "/admin/users", None).await;
    assert_eq!(status, 200);
    let ids: Vec<&str> = users
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["alice", "bob"]);
    let (status, assigned) = c.admin("GET", &path, None).await;
    assert_eq!(status, 200);
    assert_eq!(assigned.as_array().unwrap().len(), 2);

    // 3./How it works: the node fetches its list and reports traffic, as the original backend did.
    let (status, list) = c.send("GET", &format!("/auth/{server}"), None, None).await;
    assert_eq!(status, 200);
    assert_eq!(list["users"].as_array().unwrap().len(), 2);
    let report = r#"{"alice":{"tx":123456,"rx":789012},"bob":{"tx":456789,"rx":123456}}"#;
    assert_eq!(
        c.send("POST", &format!("/traffic/{server}"), Some(report), None)
            .await
            .0,
        200
    );

    // Traffic, in the documented response format.
    let (status, traffic) = c.admin("GET", "/admin/traffic", None).await;
    assert_eq!(status, 200);
    assert_eq!(
        traffic,
        json!({"alice": {"tx": 123456, "rx": 789012}, "bob": {"tx": 456789, "rx": 123456}})
    );
    let (status, alice) = c.admin("GET", "/admin/traffic/alice", None).await;
    assert_eq!(status, 200);
    assert_eq!(alice, json!({"alice": {"tx": 123456, "rx": 789012}}));

    // Unassign, then delete (cascading to assignments and traffic).
    assert_eq!(
        c.admin("DELETE", &format!("{path}/alice"), None).await.0,
        204
    );
    let (_, assigned) = c.admin("GET", &path, None).await;
    assert_eq!(assigned.as_array().unwrap().len(), 1);
    assert_eq!(c.admin("DELETE", "/admin/users/bob", None).await.0, 204);
    let (_, assigned) = c.admin("GET", &path, None).await;
    assert_eq!(assigned, json!([]));
    let (_, traffic) = c.admin("GET", "/admin/traffic", None).await;
    assert_eq!(traffic, json!({"alice": {"tx": 123456, "rx": 789012}}));
    assert_eq!(c.admin("GET", "/admin/traffic/bob", None).await.0, 404);
    c.stop().await;
}

#[tokio::test]
async fn admin_endpoints_refuse_a_missing_or_wrong_token() {
    let c = TestCentral::start().await;
    let admin_paths = [
        ("GET", "/admin/users"),
        ("POST", "/admin/users"),
        ("GET", "/admin/users/alice"),
        ("PATCH", "/admin/users/alice"),
        ("DELETE", "/admin/users/alice"),
        ("POST", "/admin/users/alice/secret"),
        ("GET", "/admin/servers"),
        ("POST", "/admin/servers"),
        ("GET", "/admin/servers/x7k9m2p4q8r1w5"),
        ("PATCH", "/admin/servers/x7k9m2p4q8r1w5"),
        ("DELETE", "/admin/servers/x7k9m2p4q8r1w5"),
        ("GET", "/admin/servers/x7k9m2p4q8r1w5/users"),
        ("POST", "/admin/servers/x7k9m2p4q8r1w5/users"),
        ("DELETE", "/admin/servers/x7k9m2p4q8r1w5/users/alice"),
        ("GET", "/admin/traffic"),
        ("GET", "/admin/traffic/alice"),
    ];
    let wrong = format!("{}x", c.token);
    for (method, path) in admin_paths {
        for token in [None, Some(wrong.as_str()), Some("")] {
            let got = c.send(method, path, Some(r#"{"id":"alice"}"#), token).await;
            hy_testkit::assert_error(&got, 401, "unauthorized", "Authorization: Bearer");
        }
    }
    // Nothing was written by the refused requests.
    assert_eq!(c.admin("GET", "/admin/users", None).await.1, json!([]));
    c.stop().await;
}
