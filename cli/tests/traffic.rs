//! `hyctl traffic` and `hyctl log` as the built binary: history, CSV and the auth log.

use super::admin::*;

#[tokio::test]
async fn history_and_csv_from_the_command_line() {
    let c = TestCentral::start().await;
    let env = Env::new(&c);
    env.run(&["user", "add", "alice"]).await.ok();
    let server = env.add_server("edge-1").await;
    env.run(&["server", "assign", "edge-1", "alice"]).await.ok();
    report(&c, &server, &[("alice", 1000, 2000)]).await;
    let days = env
        .run(&["traffic", "alice", "--since", "7d", "--json"])
        .await
        .ok()
        .json();
    assert_eq!(
        (days[0]["tx"].clone(), days[0]["rx"].clone()),
        (serde_json::json!(1000), serde_json::json!(2000))
    );
    assert!(
        days[0]["start"].as_str().unwrap().ends_with("T00:00:00Z"),
        "a UTC day: {days}"
    );
    let hours = env
        .run(&["traffic", "--since", "2h", "--by", "hour", "--csv"])
        .await
        .ok()
        .stdout;
    let lines: Vec<&str> = hours.lines().collect();
    assert_eq!(lines[0], "start,tx,rx");
    assert!(lines[1].ends_with(":00:00Z,1000,2000"), "{hours}");
    let per_server = env
        .run(&[
            "traffic", "alice", "--since", "1d", "--by", "server", "--csv",
        ])
        .await
        .ok()
        .stdout;
    assert_eq!(per_server, "server,tx,rx\nedge-1,1000,2000\n");
    let totals = env.run(&["traffic", "--csv"]).await.ok().stdout;
    assert_eq!(totals, "user,tx,rx\nalice,1000,2000\n");
    assert_eq!(
        env.run(&["traffic", "--since", "last tuesday"]).await.code,
        2
    );
    assert_eq!(env.run(&["traffic", "--csv", "--json"]).await.code, 2);
    c.stop().await;
}

#[tokio::test]
async fn the_auth_log_from_the_command_line() {
    use hy_api::node::AuthEvent;
    let c = TestCentral::start().await;
    let env = Env::new(&c);
    env.run(&["user", "add", "alice"]).await.ok();
    let server = env.add_server("edge-1").await;
    let now = jiff::Timestamp::now().as_second();
    let event = |id: &str, allowed: bool, reason: &str| AuthEvent {
        id: id.into(),
        at: now,
        user: Some("alice".into()),
        addr: "203.0.113.7:4000".into(),
        allowed,
        reason: reason.into(),
    };
    let batch = TrafficBatch {
        auth_log: vec![event("a-1", true, "ok"), event("a-2", false, "quota")],
        ..TrafficBatch::new("log-test", 1, Default::default())
    };
    c.node_client().report(&server, &batch).await.unwrap();
    let all = env.run(&["log", "--json"]).await.ok().json();
    assert_eq!(all.as_array().unwrap().len(), 2);
    let refused = env.run(&["log", "--refused"]).await.ok().stdout;
    assert!(
        refused.contains("edge-1") && refused.contains("quota") && !refused.contains(" ok"),
        "{refused}"
    );
    assert_eq!(
        env.run(&["log", "--user", "bob", "-q"]).await.ok().stdout,
        ""
    );
    assert_eq!(env.run(&["log", "--since", "soon"]).await.code, 2);
    c.stop().await;
}

#[tokio::test]
async fn an_export_streams_every_bucket_as_csv_or_json() {
    let c = TestCentral::start().await;
    let env = Env::new(&c);
    for u in ["alice", "bob"] {
        env.run(&["user", "add", u]).await.ok();
    }
    let a = env.add_server("edge-a").await;
    let b = env.add_server("edge-b").await;
    for s in ["edge-a", "edge-b"] {
        env.run(&["server", "assign", s, "alice", "bob"]).await.ok();
    }
    report(&c, &a, &[("alice", 10, 20), ("bob", 1, 2)]).await;
    report(&c, &b, &[("alice", 100, 200)]).await;
    let csv = env
        .run(&["traffic", "export", "--since", "2h"])
        .await
        .ok()
        .stdout;
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "hour,server_id,server_name,user,tx,rx");
    assert_eq!(lines.len(), 4, "{csv}");
    let rows: Vec<Vec<&str>> = lines[1..].iter().map(|l| l.split(',').collect()).collect();
    assert!(rows.iter().all(|r| r[0].ends_with(":00:00Z")), "{csv}");
    assert!(csv.contains(&format!("{a},edge-a,alice,10,20")), "{csv}");
    assert!(csv.contains(&format!("{b},edge-b,alice,100,200")), "{csv}");
    let json = env
        .run(&[
            "traffic", "export", "--since", "2h", "--user", "alice", "--json",
        ])
        .await
        .ok()
        .json();
    let total: u64 = json
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["tx"].as_u64().unwrap())
        .sum();
    assert_eq!((json.as_array().unwrap().len(), total), (2, 110));
    assert_eq!(json[0]["user"], "alice");
    // The API refuses what it cannot read.
    let (status, err) = c
        .admin("GET", "/admin/traffic/export?format=xml", None)
        .await;
    assert_eq!(status, 400, "{err}");
    let (status, _) = c
        .admin(
            "GET",
            "/admin/traffic/export?since=2030-01-02T00:00:00Z&until=2030-01-01T00:00:00Z",
            None,
        )
        .await;
    assert_eq!(status, 400);
    c.stop().await;
}
