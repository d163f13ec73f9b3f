//! Events: admin changes, a report running a user out of quota and an expiry each make one,
//! streamed as server-sent events, filtered by type and resumable with `Last-Event-ID`.

use hy_api::node::TrafficBatch;
use hy_api::{Traffic, users::CreateUser};
use hy_central::clock::ManualClock;
use hy_testkit::{TestCentral, assert_error, wait_until};
use serde_json::Value;

/// The events a non-following read returns: (id, type, subject, data).
async fn read(
    c: &TestCentral,
    query: &str,
    last: Option<&str>,
) -> Vec<(i64, String, String, Value)> {
    let mut req = c
        .raw()
        .get(c.url(&format!("/admin/events?follow=false&{query}")))
        .bearer_auth(&c.token);
    if let Some(id) = last {
        req = req.header("last-event-id", id);
    }
    let resp = req.send().await.unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["content-type"], "text/event-stream");
    let text = resp.text().await.unwrap();
    text.split("\n\n")
        .filter_map(|block| {
            let field = |name: &str| {
                block
                    .lines()
                    .find_map(|l| l.strip_prefix(&format!("{name}:")))
                    .map(|v| v.trim().to_owned())
            };
            let data: Value = serde_json::from_str(&field("data")?).ok()?;
            Some((
                field("id")?.parse().ok()?,
                field("event")?,
                data["subject"].as_str()?.to_owned(),
                data["data"].clone(),
            ))
        })
        .collect()
}

#[tokio::test]
async fn changes_limits_and_expiries_become_events() {
    let clock = ManualClock::new("2030-01-01T00:00:00Z".parse().unwrap());
    let c = TestCentral::start_with_clock(clock.clone()).await;
    let since = "since=2029-12-31T00:00:00Z";
    let api = c.client();
    api.create_user(&CreateUser {
        id: "alice".into(),
        settings: hy_api::users::UserSettings {
            data_limit: Some(1000),
            email: Some(Some("alice@example.com".into())),
            ..Default::default()
        },
        ..Default::default()
    })
    .await
    .unwrap();
    let body = r#"{"id":"bob","expires_at":"2030-01-01T00:10:00Z"}"#;
    assert_eq!(c.admin("POST", "/admin/users", Some(body)).await.0, 201);
    c.admin(
        "POST",
        "/admin/users/alice/devices",
        Some(r#"{"name":"phone"}"#),
    )
    .await;
    c.admin(
        "PATCH",
        "/admin/users/alice/devices/phone",
        Some(r#"{"status":"blocked"}"#),
    )
    .await;
    let server = api.create_server(&Default::default()).await.unwrap().id;
    api.assign(&server, &["alice".into(), "bob".into()])
        .await
        .unwrap();
    // A report that runs alice out of quota.
    let batch = TrafficBatch::new(
        "ev",
        1,
        [("alice".to_owned(), Traffic { tx: 900, rx: 200 })].into(),
    );
    assert!(
        c.node_client()
            .report(&server, &batch)
            .await
            .unwrap()
            .applied
    );
    // Bob's expiry passes.
    clock.advance(jiff::SignedDuration::from_mins(11));
    wait_until(
        "bob's expiry is told",
        std::time::Duration::from_secs(10),
        || async {
            read(&c, &format!("{since}&types=user.expired"), None)
                .await
                .len()
                == 1
        },
    )
    .await;

    let all = read(&c, since, None).await;
    let kinds: Vec<(&str, &str)> = all
        .iter()
        .map(|(_, k, s, _)| (k.as_str(), s.as_str()))
        .collect();
    assert_eq!(kinds.len(), 9, "{kinds:?}");
    assert_eq!(kinds[7], ("user.expired", "bob"));
    // The same ten minutes of silence made the server stale, once.
    assert_eq!(kinds[8], ("server.stale", server.as_str()));
    assert_eq!(
        kinds[..7],
        [
            ("user.created", "alice"),
            ("user.created", "bob"),
            ("device.added", "alice:phone"),
            ("device.blocked", "alice:phone"),
            ("server.created", server.as_str()),
            ("server.up", server.as_str()),
            ("user.limited", "alice"),
        ]
    );
    assert_eq!(
        all[0].3["email"], "alice@example.com",
        "contact fields travel"
    );
    // The next contact is `up` again.
    let batch = TrafficBatch::new("ev", 2, Default::default());
    c.node_client().report(&server, &batch).await.unwrap();
    let back = read(&c, &format!("{since}&types=server.stale,server.up"), None).await;
    let back: Vec<&str> = back.iter().map(|e| e.1.as_str()).collect();
    assert_eq!(back, ["server.up", "server.stale", "server.up"]);
    // Resumed after an id: only what follows; filtered by type.
    let after = read(&c, since, Some(&all[5].0.to_string())).await;
    assert_eq!(after.len(), 4, "limited, expired, stale, up");
    let limited = read(
        &c,
        &format!("{since}&types=user.limited,user.expired"),
        None,
    )
    .await;
    assert_eq!(limited.len(), 2);
    // Without `since`: from now on, nothing yet.
    assert!(read(&c, "", None).await.is_empty());
    assert_error(
        &c.admin("GET", "/admin/events?types=user.exploded", None)
            .await,
        400,
        "bad_request",
        "user.exploded",
    );
    c.stop().await;
}
