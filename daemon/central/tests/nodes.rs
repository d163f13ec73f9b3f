//! The node side: the user list (private, cacheable, long-pollable) and exactly-once reports.

use std::time::{Duration, Instant};

use hy_api::node::TrafficBatch;
use hy_api::servers::CreateServer;
use hy_api::users::CreateUser;
use hy_api::{Traffic, auth_digest};
use serde_json::json;

use hy_testkit::{TestCentral, assert_error};

async fn setup(c: &TestCentral) -> (String, String) {
    let api = c.client();
    let alice = api
        .create_user(&CreateUser {
            id: "alice".into(),
            secret: None,
            ..Default::default()
        })
        .await
        .unwrap();
    let server = api
        .create_server(&CreateServer::default())
        .await
        .unwrap()
        .id;
    api.assign(&server, &["alice".into()]).await.unwrap();
    (server, alice.secret.expose().to_owned())
}

#[tokio::test]
async fn node_list_carries_digests_not_secrets_and_only_for_its_own_server() {
    let c = TestCentral::start().await;
    let (server, secret) = setup(&c).await;
    let other = c
        .client()
        .create_server(&CreateServer::default())
        .await
        .unwrap()
        .id;

    let body = c
        .raw()
        .get(c.url(&format!("/auth/{server}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        !body.contains(&secret),
        "the node list must not carry secrets"
    );
    let list = c
        .node_client()
        .node_list(&server, None, None)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(list.users.len(), 1);
    assert_eq!(list.users[0].id, "alice");
    assert_eq!(list.users[0].auth_sha256, auth_digest(&secret));
    assert!(
        c.node_client()
            .node_list(&other, None, None)
            .await
            .unwrap()
            .unwrap()
            .users
            .is_empty()
    );

    // An unknown id learns nothing but that it is unknown: one answer for every unknown id,
    // whatever it looks like, naming the usual fix.
    let unknown = c.send("GET", "/auth/not-a-server-id", None, None).await;
    assert_error(&unknown, 404, "not_found", "no server has this id");
    for other in ["x", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "a%20b"] {
        let path = format!("/auth/{other}");
        assert_eq!(c.send("GET", &path, None, None).await, unknown, "{other}");
    }
    let unknown_report = c
        .send("POST", "/traffic/not-a-server-id", Some("{}"), None)
        .await;
    assert_eq!(unknown_report, unknown);
    c.stop().await;
}

#[tokio::test]
async fn unchanged_polls_get_304_and_changes_a_new_revision() {
    let c = TestCentral::start().await;
    let (server, _) = setup(&c).await;
    let node = c.node_client();
    let first = node.node_list(&server, None, None).await.unwrap().unwrap();
    assert!(
        node.node_list(&server, Some(&first.revision), None)
            .await
            .unwrap()
            .is_none()
    );

    let resp = c
        .raw()
        .get(c.url(&format!("/auth/{server}?devices=1")))
        .header("if-none-match", format!("\"{}\"", first.revision))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 304);
    assert_eq!(
        resp.headers()["etag"],
        format!("\"{}\"", first.revision).as_str()
    );
    // The list without devices (the original system's nodes) is another list, with its own
    // tag: a node that starts asking for devices gets them at once.
    let plain = c
        .raw()
        .get(c.url(&format!("/auth/{server}")))
        .header("if-none-match", format!("\"{}\"", first.revision))
        .send()
        .await
        .unwrap();
    assert_eq!(plain.status(), 200);
    let plain_tag = plain.headers()["etag"]
        .to_str()
        .unwrap()
        .trim_matches('"')
        .to_owned();
    assert_eq!(format!("{plain_tag}.d"), first.revision);

    c.client().rotate_secret("alice").await.unwrap();
    let second = node
        .node_list(&server, Some(&first.revision), None)
        .await
        .unwrap()
        .unwrap();
    assert_ne!(second.revision, first.revision);
    assert_ne!(second.users[0].auth_sha256, first.users[0].auth_sha256);
    c.stop().await;
}

#[tokio::test]
async fn a_long_poll_answers_as_soon_as_the_list_changes() {
    let c = TestCentral::start().await;
    let (server, _) = setup(&c).await;
    let node = c.node_client();
    let first = node.node_list(&server, None, None).await.unwrap().unwrap();

    let started = Instant::now();
    let poll = {
        let (node, server, rev) = (node.clone(), server.clone(), first.revision.clone());
        tokio::spawn(async move {
            node.node_list(&server, Some(&rev), Some(Duration::from_secs(50)))
                .await
        })
    };
    c.wait_for_polls(1).await;
    // Unassigning alice must end the held poll long before its 50 s.
    c.client().unassign(&server, "alice").await.unwrap();
    let changed = tokio::time::timeout(Duration::from_secs(10), poll)
        .await
        .unwrap()
        .unwrap()
        .unwrap()
        .unwrap();
    println!(
        "long poll answered {:?} after the change was requested",
        started.elapsed()
    );
    assert!(changed.users.is_empty());

    // Deleting the server ends a waiting poll with 404.
    let poll = {
        let (node, server, rev) = (node.clone(), server.clone(), changed.revision.clone());
        tokio::spawn(async move {
            node.node_list(&server, Some(&rev), Some(Duration::from_secs(50)))
                .await
        })
    };
    c.wait_for_polls(1).await;
    c.client().delete_server(&server).await.unwrap();
    let gone = tokio::time::timeout(Duration::from_secs(10), poll)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(gone.unwrap_err().code(), Some(hy_api::ErrorCode::NotFound));
    c.stop().await;
}

#[tokio::test]
async fn a_long_poll_ends_at_its_wait_with_304() {
    let c = TestCentral::start().await;
    let (server, _) = setup(&c).await;
    let node = c.node_client();
    let first = node.node_list(&server, None, None).await.unwrap().unwrap();
    let got = node
        .node_list(&server, Some(&first.revision), Some(Duration::from_secs(1)))
        .await
        .unwrap();
    assert!(got.is_none());
    c.stop().await;
}

#[tokio::test]
async fn shutdown_ends_long_polls_and_central_exits_cleanly() {
    let c = TestCentral::start().await;
    let (server, _) = setup(&c).await;
    let node = c.node_client();
    let first = node.node_list(&server, None, None).await.unwrap().unwrap();
    let poll = {
        let (node, server, rev) = (node.clone(), server.clone(), first.revision.clone());
        tokio::spawn(async move {
            node.node_list(&server, Some(&rev), Some(Duration::from_secs(50)))
                .await
        })
    };
    c.wait_for_polls(1).await;
    let stopping = tokio::spawn(c.stop());
    let answer = tokio::time::timeout(Duration::from_secs(10), poll)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        answer.unwrap_err().code(),
        Some(hy_api::ErrorCode::Unavailable)
    );
    tokio::time::timeout(Duration::from_secs(10), stopping)
        .await
        .unwrap()
        .unwrap();
}

#[tokio::test]
async fn a_batch_sent_many_times_at_once_counts_once() {
    let c = TestCentral::start().await;
    let (server, _) = setup(&c).await;
    let node = c.node_client();
    let batch = TrafficBatch {
        agent_version: Some("0.1.0".into()),
        ..TrafficBatch::new(
            "agent-a",
            1,
            [
                ("alice".to_owned(), Traffic { tx: 7, rx: 11 }),
                ("ghost".to_owned(), Traffic { tx: 1, rx: 1 }),
            ]
            .into(),
        )
    };
    let sends: Vec<_> = (0..8)
        .map(|_| {
            let (node, server, batch) = (node.clone(), server.clone(), batch.clone());
            tokio::spawn(async move { node.report(&server, &batch).await.unwrap() })
        })
        .collect();
    let mut applied = 0;
    for send in sends {
        let ack = send.await.unwrap();
        assert_eq!(ack.seq, Some(1));
        assert_eq!(
            ack.unknown_users,
            if ack.applied {
                vec!["ghost".to_owned()]
            } else {
                vec![]
            }
        );
        applied += usize::from(ack.applied);
    }
    assert_eq!(applied, 1, "exactly one of the duplicates is applied");

    // Older sequence numbers are duplicates too; the next one counts.
    let old = node
        .report(
            &server,
            &TrafficBatch {
                seq: 1,
                ..batch.clone()
            },
        )
        .await
        .unwrap();
    assert!(!old.applied);
    let next = node
        .report(
            &server,
            &TrafficBatch {
                seq: 2,
                ..batch.clone()
            },
        )
        .await
        .unwrap();
    assert!(next.applied);

    let traffic = c.admin("GET", "/admin/traffic", None).await.1;
    assert_eq!(traffic, json!({"alice": {"tx": 14, "rx": 22}}));
    let srv = c.client().server(&server).await.unwrap();
    assert_eq!(srv.unattributed, Traffic { tx: 2, rx: 2 });
    c.stop().await;
}

#[tokio::test]
async fn totals_and_cursors_survive_a_restart() {
    let c = TestCentral::start().await;
    let (server, _) = setup(&c).await;
    let batch = TrafficBatch::new(
        "agent-a",
        5,
        [("alice".to_owned(), Traffic { tx: 3, rx: 4 })].into(),
    );
    assert!(
        c.node_client()
            .report(&server, &batch)
            .await
            .unwrap()
            .applied
    );
    let c = c.stop_for_restart().await.start().await;
    assert!(
        !c.node_client()
            .report(&server, &batch)
            .await
            .unwrap()
            .applied,
        "cursor persisted"
    );
    assert_eq!(
        c.admin("GET", "/admin/traffic/alice", None).await.1,
        json!({"alice": {"tx": 3, "rx": 4}})
    );
    c.stop().await;
}

#[tokio::test]
async fn history_is_kept_in_hourly_buckets_and_pruned() {
    use hy_central::clock::{Clock, ManualClock};
    let clock = ManualClock::new("2030-03-10T10:15:00Z".parse().unwrap());
    let c = TestCentral::start_with_clock(clock.clone()).await;
    let (server, _) = setup(&c).await;
    let node = c.node_client();
    let report = |seq: u64, tx: u64| {
        TrafficBatch::new(
            "h",
            seq,
            [("alice".to_owned(), Traffic { tx, rx: 1 })].into(),
        )
    };
    node.report(&server, &report(1, 100)).await.unwrap();
    clock.advance(jiff::SignedDuration::from_mins(30)); // 10:45, same hour
    node.report(&server, &report(2, 10)).await.unwrap();
    clock.advance(jiff::SignedDuration::from_hours(1)); // 11:45
    node.report(&server, &report(3, 1)).await.unwrap();
    clock.advance(jiff::SignedDuration::from_hours(24)); // next day
    node.report(&server, &report(4, 1000)).await.unwrap();
    // The scheduler has closed every past hour: alice's history below is read through the
    // per-user index for the first day and through the open hour's runs for the second.
    wait_until_closed(&c, 1).await;

    let get = |q: &'static str| {
        let c = &c;
        async move {
            c.admin(
                "GET",
                &format!("/admin/history?since=2030-03-10T00:00:00Z&{q}"),
                None,
            )
            .await
        }
    };
    let (_, hours) = get("by=hour&user=alice").await;
    assert_eq!(
        hours,
        json!([
            {"start": "2030-03-10T10:00:00Z", "server_id": null, "server_name": null, "tx": 110, "rx": 2},
            {"start": "2030-03-10T11:00:00Z", "server_id": null, "server_name": null, "tx": 1, "rx": 1},
            {"start": "2030-03-11T11:00:00Z", "server_id": null, "server_name": null, "tx": 1000, "rx": 1}
        ])
    );
    let (_, days) = get("by=day").await;
    assert_eq!(
        days.as_array()
            .unwrap()
            .iter()
            .map(|d| d["tx"].as_u64().unwrap())
            .collect::<Vec<_>>(),
        [111, 1000]
    );
    let (_, per_server) = get("by=server").await;
    assert_eq!(per_server[0]["server_id"], server.as_str());
    assert_eq!(per_server[0]["tx"], 1111);
    hy_testkit::assert_error(&get("by=week").await, 400, "bad_request", "by=");
    hy_testkit::assert_error(&get("user=ghost").await, 404, "not_found", "ghost");
    hy_testkit::assert_error(
        &c.admin("GET", "/admin/history?since=yesterday", None).await,
        400,
        "bad_request",
        "RFC 3339",
    );

    // 90 days later the first day is pruned; lifetime totals are not.
    clock.set(clock.now() + jiff::SignedDuration::from_hours(24 * 90));
    wait_until_pruned(&c).await;
    assert_eq!(
        c.admin("GET", "/admin/traffic/alice", None).await.1["alice"]["tx"],
        1111
    );
    c.stop().await;
}

/// Waits until the scheduler (on PostgreSQL the lease holder's) has closed every past hour,
/// leaving `open` buckets in the current one.
async fn wait_until_closed(c: &TestCentral, open: i64) {
    let store = c.store().await;
    hy_testkit::wait_until(
        "the scheduler closes every past hour of history",
        Duration::from_secs(5),
        || {
            let store = &store;
            async move { store.open_buckets().await.unwrap() == open }
        },
    )
    .await;
}

async fn wait_until_pruned(c: &TestCentral) {
    hy_testkit::wait_until(
        "the first day of history is pruned",
        Duration::from_secs(5),
        || async {
            let (_, days) = c
                .admin(
                    "GET",
                    "/admin/history?since=2030-03-10T00:00:00Z&until=2030-03-10T23:59:59Z",
                    None,
                )
                .await;
            days.as_array().is_some_and(|d| d.is_empty())
        },
    )
    .await;
}

/// Parses exposition text with a real Prometheus parser, failing on malformed lines.
pub fn parse_metrics(text: &str) -> prometheus_parse::Scrape {
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        assert!(
            line.split_whitespace().count() >= 2,
            "malformed sample line: {line:?}"
        );
    }
    let lines = text.lines().map(|l| Ok(l.to_owned()));
    prometheus_parse::Scrape::parse(lines).expect("valid exposition text")
}

fn sample(scrape: &prometheus_parse::Scrape, name: &str, label: Option<(&str, &str)>) -> f64 {
    let s = scrape
        .samples
        .iter()
        .find(|s| s.metric == name && label.is_none_or(|(k, v)| s.labels.get(k) == Some(v)))
        .unwrap_or_else(|| panic!("no sample {name} {label:?}"));
    match s.value {
        prometheus_parse::Value::Counter(v)
        | prometheus_parse::Value::Gauge(v)
        | prometheus_parse::Value::Untyped(v) => v,
        _ => panic!("{name} is not a plain value"),
    }
}

#[tokio::test]
async fn metrics_are_valid_exposition_text_and_count_what_happened() {
    let c = TestCentral::start().await;
    let (server, _) = setup(&c).await;
    c.admin(
        "POST",
        "/admin/users",
        Some(r#"{"id":"off","enabled":false}"#),
    )
    .await;
    let batch = TrafficBatch::new(
        "m",
        1,
        [("alice".to_owned(), Traffic { tx: 5, rx: 7 })].into(),
    );
    c.node_client().report(&server, &batch).await.unwrap();
    c.node_client().report(&server, &batch).await.unwrap();
    assert_eq!(
        c.send("GET", "/metrics", None, None).await.0,
        401,
        "behind the admin token"
    );
    let text = hy_testkit::scrape::scrape_both(&c.raw(), &c.url("/metrics"), Some(&c.token)).await;
    let scrape = parse_metrics(&text);
    assert_eq!(
        sample(
            &scrape,
            "hyctl_central_ingested_bytes_total",
            Some(("direction", "rx"))
        ),
        7.0
    );
    assert_eq!(
        sample(&scrape, "hyctl_central_duplicate_reports_total", None),
        1.0
    );
    assert_eq!(
        sample(&scrape, "hyctl_central_users", Some(("state", "active"))),
        1.0
    );
    assert_eq!(
        sample(&scrape, "hyctl_central_users", Some(("state", "disabled"))),
        1.0
    );
    assert_eq!(
        sample(&scrape, "hyctl_central_servers", Some(("state", "fresh"))),
        1.0
    );
    assert!(
        text.contains(r#"route="/traffic/{server_id}""#),
        "routes by pattern"
    );
    // Two reports one after the other: two transactions of one report each.
    for line in [
        "hyctl_central_report_group_reports_count 2",
        "hyctl_central_report_write_seconds_count 2",
    ] {
        assert!(text.lines().any(|l| l == line), "{line} in\n{text}");
    }
    // Database time by storage operation: at least this test's own (the histogram is one
    // per process, so other tests' operations may be in it too).
    for op in ["create_user", "node", "scrape_counts"] {
        let prefix = format!("hyctl_central_db_query_seconds_count{{op=\"{op}\"}} ");
        let count: f64 = text
            .lines()
            .find_map(|l| l.strip_prefix(&prefix))
            .unwrap_or_else(|| panic!("no {prefix} in\n{text}"))
            .parse()
            .unwrap();
        assert!(count >= 1.0, "{op}: {count}");
    }
    assert!(
        !text.contains(&server),
        "server ids are credentials and never appear in metrics"
    );
    c.stop().await;
}

/// A legacy node reporting with curl has no agent version; an agent's User-Agent gives one.
#[tokio::test]
async fn only_an_agent_user_agent_is_recorded_as_its_version() {
    let c = TestCentral::start().await;
    let (agent, _) = setup(&c).await;
    let legacy = c
        .client()
        .create_server(&CreateServer::default())
        .await
        .unwrap()
        .id;
    for (server, ua) in [(&legacy, "curl/7.88.1"), (&agent, "hyctl-agent/1.2.3")] {
        let resp = c
            .raw()
            .post(c.url(&format!("/traffic/{server}")))
            .header("User-Agent", ua)
            .body(r#"{"alice":{"tx":1,"rx":1}}"#)
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 200, "{ua}");
    }
    let api = c.client();
    assert_eq!(api.server(&legacy).await.unwrap().agent_version, None);
    assert_eq!(
        api.server(&agent).await.unwrap().agent_version.as_deref(),
        Some("1.2.3")
    );
    c.stop().await;
}

/// A node says its kind on every request; one of another kind than its server is refused with
/// the fix named, while nodes of the original system (no kind) keep working.
#[tokio::test]
async fn a_node_of_another_kind_than_its_server_is_refused() {
    let c = TestCentral::start().await;
    let (hysteria, _) = setup(&c).await;
    let (status, stream) = c
        .admin("POST", "/admin/servers", Some(r#"{"kind":"stream"}"#))
        .await;
    assert_eq!((status, stream["kind"].as_str()), (201, Some("stream")));
    let stream = stream["id"].as_str().unwrap().to_owned();
    assert_error(
        &c.admin("POST", "/admin/servers", Some(r#"{"kind":"ftp"}"#))
            .await,
        400,
        "bad_request",
        "kind",
    );
    let get = |server: String, kind: Option<&'static str>| {
        let mut req = c.raw().get(c.url(&format!("/auth/{server}")));
        if let Some(kind) = kind {
            req = req.header(hy_api::servers::NODE_KIND_HEADER, kind);
        }
        async move {
            let resp = req.send().await.unwrap();
            (
                resp.status().as_u16(),
                resp.json::<serde_json::Value>().await.unwrap(),
            )
        }
    };
    assert_eq!(get(hysteria.clone(), Some("hysteria")).await.0, 200);
    assert_eq!(get(hysteria.clone(), None).await.0, 200, "original nodes");
    assert_eq!(get(stream.clone(), Some("stream")).await.0, 200);
    let refused = get(stream.clone(), Some("hysteria")).await;
    assert_error(
        &refused,
        409,
        "conflict",
        "this server is a `stream` server, but a `hysteria` node",
    );
    assert_error(
        &refused,
        409,
        "conflict",
        "hyctl server add --kind hysteria",
    );
    assert_error(
        &get(hysteria.clone(), Some("ftp")).await,
        400,
        "bad_request",
        "unknown server kind",
    );
    // Reports are checked the same way.
    let resp = c
        .raw()
        .post(c.url(&format!("/traffic/{stream}")))
        .header(hy_api::servers::NODE_KIND_HEADER, "hysteria")
        .body(r#"{"alice":{"tx":1,"rx":1}}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 409);
    let kinds: Vec<String> = c
        .client()
        .servers()
        .await
        .unwrap()
        .iter()
        .map(|s| s.kind.to_string())
        .collect();
    assert_eq!(kinds.len(), 2);
    assert!(kinds.contains(&"stream".to_owned()) && kinds.contains(&"hysteria".to_owned()));
    c.stop().await;
}

/// The auth log pages newest first: the array as always, the next page's cursor in a header.
#[tokio::test]
async fn the_auth_log_pages_through_a_cursor_header() {
    let c = TestCentral::start().await;
    let (server, _) = setup(&c).await;
    let now = jiff::Timestamp::now().as_second();
    let events: Vec<_> = (0..5)
        .map(|i| hy_api::node::AuthEvent {
            id: format!("e{i}"),
            // Two share a second, so the cursor must order within one.
            at: now - 10 + i.min(3),
            user: Some("alice".into()),
            addr: format!("203.0.113.{i}:1"),
            allowed: i % 2 == 0,
            reason: if i % 2 == 0 { "ok" } else { "quota" }.into(),
        })
        .collect();
    let batch = TrafficBatch {
        auth_log: events,
        ..TrafficBatch::new("i", 1, Default::default())
    };
    c.node_client().report(&server, &batch).await.unwrap();
    let mut seen = Vec::new();
    let mut before: Option<String> = None;
    loop {
        let mut path = "/admin/log?limit=2".to_owned();
        if let Some(b) = &before {
            path.push_str(&format!("&before={b}"));
        }
        let resp = c
            .raw()
            .get(c.url(&path))
            .bearer_auth(&c.token)
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 200);
        let next = resp
            .headers()
            .get("x-next-cursor")
            .map(|v| v.to_str().unwrap().to_owned());
        let page: Vec<serde_json::Value> = resp.json().await.unwrap();
        assert!(page.len() <= 2);
        seen.extend(page.iter().map(|e| e["addr"].as_str().unwrap().to_owned()));
        match next {
            Some(n) => before = Some(n),
            None => break,
        }
    }
    // Newest first; the two entries of one second in key order, newest key first.
    assert_eq!(
        seen,
        [
            "203.0.113.4:1",
            "203.0.113.3:1",
            "203.0.113.2:1",
            "203.0.113.1:1",
            "203.0.113.0:1"
        ]
    );
    assert_error(
        &c.admin("GET", "/admin/log?before=nonsense", None).await,
        400,
        "bad_request",
        "`before`",
    );
    c.stop().await;
}

/// How far behind a node's list is: unknown before it polls with a tag, 0 while its tag is
/// current, the revisions it is missing after a change, 0 again once it holds the new list.
#[tokio::test]
async fn a_nodes_list_lag_follows_the_tag_it_polls_with() {
    let c = TestCentral::start().await;
    let (server, _) = setup(&c).await;
    let lag = || async {
        let (_, s) = c
            .admin("GET", &format!("/admin/servers/{server}"), None)
            .await;
        s["list_lag"].clone()
    };
    let poll = |tag: Option<String>| {
        let mut req = c.raw().get(c.url(&format!("/auth/{server}")));
        if let Some(tag) = tag {
            req = req.header("if-none-match", tag);
        }
        async move {
            let resp = req.send().await.unwrap();
            let tag = resp.headers()["etag"].to_str().unwrap().to_owned();
            (resp.status().as_u16(), tag)
        }
    };
    let (_, first) = poll(None).await;
    assert_eq!(lag().await, serde_json::Value::Null, "no tag said yet");
    assert_eq!(poll(Some(first.clone())).await.0, 304);
    assert_eq!(lag().await, 0);
    for id in ["lag1", "lag2"] {
        let body = format!(r#"{{"id":"{id}"}}"#);
        c.admin("POST", "/admin/users", Some(&body)).await;
        c.admin(
            "POST",
            &format!("/admin/servers/{server}/users"),
            Some(&body),
        )
        .await;
    }
    assert_eq!(lag().await, 2, "two assignments the node has not seen");
    let (status, current) = poll(Some(first)).await;
    assert_eq!(status, 200);
    assert_eq!(poll(Some(current)).await.0, 304);
    assert_eq!(
        lag().await,
        0,
        "said at once, not after the contact interval"
    );
    c.stop().await;
}
