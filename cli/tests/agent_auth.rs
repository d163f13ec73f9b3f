//! The agent as Hysteria's auth backend: the exact contract, refusals, the secret path, and
//! answering from the last good list while central is down (fail-static).

use std::time::Duration;

use hy_api::servers::CreateServer;
use hy_testkit::{
    API_SECRET, AgentOptions, FakeHysteria, Refused, TestAgent, TestCentral, TestNode,
    hysteria::client_addr,
};

/// The fixture world, seen from one Hysteria node: alice is the only user of `edge-2`, and
/// mallory is on no server. Returns central, the server id and both secrets.
pub async fn fleet() -> (TestCentral, String, String, String) {
    use hy_testkit::fleet::{ALICE, EDGE_2, MALLORY_UNASSIGNED, World};
    let world = World::start().await;
    let (alice, mallory) = (
        world.secret(ALICE).to_owned(),
        world.secret(MALLORY_UNASSIGNED).to_owned(),
    );
    (world.central, EDGE_2.to_owned(), alice, mallory)
}

#[tokio::test]
async fn hysteria_admits_assigned_users_under_their_id_and_refuses_everyone_else() {
    let (central, server, alice, mallory) = fleet().await;
    let TestNode {
        fake,
        agent,
        state: _state,
        ..
    } = TestNode::start(&central, &server, |o| {
        o.auth_path = Some("k3J9xQ2mP7".into());
    })
    .await;
    agent.wait_for_users(1).await;

    for url in [agent.auth_url(), format!("{}/k3J9xQ2mP7", agent.url)] {
        fake.set_auth_url(&url);
        assert_eq!(
            fake.authenticate(&alice, &client_addr(1), 12_500_000).await,
            Ok("alice".into())
        );
        assert_eq!(
            fake.authenticate(&alice, "[2001:db8::1]:51234", 0).await,
            Ok("alice".into())
        );
        assert_eq!(
            fake.authenticate(&mallory, &client_addr(2), 0).await,
            Err(Refused::Status(403))
        );
        assert_eq!(
            fake.authenticate("", &client_addr(3), 0).await,
            Err(Refused::Status(403))
        );
        assert_eq!(
            fake.authenticate(&format!("{alice} "), &client_addr(4), 0)
                .await,
            Err(Refused::Status(403))
        );
    }
    // Other paths do not authenticate anyone.
    fake.set_auth_url(&format!("{}/wrong-path", agent.url));
    assert!(matches!(
        fake.authenticate(&alice, &client_addr(1), 0).await,
        Err(Refused::Status(404))
    ));

    // The exact wire answer, for the record.
    let resp = reqwest::Client::new()
        .post(agent.auth_url())
        .header("content-type", "application/json")
        .body(format!(
            r#"{{"addr":"203.0.113.7:51234","auth":"{alice}","tx":0}}"#
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["content-type"], "application/json");
    assert_eq!(resp.text().await.unwrap(), r#"{"ok":true,"id":"alice"}"#);
    let bad = reqwest::Client::new()
        .post(agent.auth_url())
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 400);

    agent.stop().await;
    central.stop().await;
}

#[tokio::test]
async fn a_restarted_agent_answers_from_its_saved_list_while_central_is_down() {
    let (central, server, alice, mallory) = fleet().await;
    let TestNode {
        fake,
        agent,
        options,
        state: _state,
    } = TestNode::start(&central, &server, |_| {}).await;
    agent.wait_for_users(1).await;
    agent.stop().await;
    let central_dir = central.stop().await;

    // Central is gone; the agent starts from disk.
    let agent = TestAgent::start(&options).await;
    fake.set_auth_url(&agent.auth_url());
    let health = agent.health().await;
    assert_eq!(health["list"]["source"], "disk", "{health}");
    assert_eq!(health["list"]["users"], 1);
    assert!(
        health["list"]["age_seconds"].as_i64().is_some(),
        "staleness is reported: {health}"
    );
    assert_eq!(
        fake.authenticate(&alice, &client_addr(1), 0).await,
        Ok("alice".into())
    );
    assert_eq!(
        fake.authenticate(&mallory, &client_addr(2), 0).await,
        Err(Refused::Status(403))
    );
    hy_testkit::wait_until(
        "the agent notices central is down",
        Duration::from_secs(10),
        || async {
            let h = agent.health().await;
            h["central"]["reachable"] == false && h["central"]["last_error"].is_string()
        },
    )
    .await;
    agent.stop().await;
    drop(central_dir);
}

#[tokio::test]
async fn an_agent_with_no_list_and_no_central_refuses_everyone() {
    let state = tempfile::tempdir().unwrap();
    let fake = FakeHysteria::start(API_SECRET, "http://unused.invalid/").await;
    let options = AgentOptions::new(
        "http://127.0.0.1:9",
        "x7k9m2p4q8r1w5",
        &fake.api_url,
        API_SECRET,
        state.path().into(),
    );
    let agent = TestAgent::start(&options).await;
    fake.set_auth_url(&agent.auth_url());
    assert_eq!(agent.health().await["list"]["source"], "none");
    assert_eq!(
        fake.authenticate("anything-at-all", &client_addr(1), 0)
            .await,
        Err(Refused::Status(403))
    );
    agent.stop().await;
}

#[tokio::test]
async fn readiness_follows_the_lists_age_and_hysterias_reachability() {
    let (central, server, _, _) = fleet().await;
    let TestNode {
        fake,
        agent,
        state: _state,
        ..
    } = TestNode::start(&central, &server, |o| {
        o.interval_auth = Duration::from_millis(100);
        o.ready_max_list_age = Duration::from_secs(1);
    })
    .await;
    let ready = || async { reqwest::get(format!("{}/readyz", agent.url)).await.unwrap() };
    hy_testkit::wait_until("the agent is ready", Duration::from_secs(10), || async {
        ready().await.status() == 200
    })
    .await;

    let _stopped = central.stop_for_restart().await;
    hy_testkit::wait_until(
        "a stale list makes the agent unready",
        Duration::from_secs(10),
        || async {
            let resp = ready().await;
            resp.status() == 503
                && resp
                    .text()
                    .await
                    .unwrap()
                    .contains("last confirmed by central")
        },
    )
    .await;
    agent.stop().await;

    // Hysteria's API gone: unready, saying so (with a fresh list from a running central).
    let (central, server, _, _) = fleet().await;
    let state = tempfile::tempdir().unwrap();
    let options = AgentOptions::new(
        &central.url,
        &server,
        &fake.api_url,
        API_SECRET,
        state.path().into(),
    );
    fake.stop();
    let agent = TestAgent::start(&options).await;
    hy_testkit::wait_until(
        "an unreachable Hysteria makes the agent unready",
        Duration::from_secs(10),
        || async {
            let resp = reqwest::get(format!("{}/readyz", agent.url)).await.unwrap();
            resp.status() == 503
                && resp
                    .text()
                    .await
                    .unwrap()
                    .contains("Hysteria's API is unreachable")
        },
    )
    .await;
    agent.stop().await;
    central.stop().await;
}

#[tokio::test]
async fn agent_metrics_are_valid_exposition_text() {
    let (central, server, alice, mallory) = fleet().await;
    let TestNode {
        fake,
        agent,
        state: _state,
        ..
    } = TestNode::start(&central, &server, |_| {}).await;
    agent.wait_for_users(1).await;
    fake.connect(&alice, &client_addr(1)).await.unwrap();
    fake.authenticate(&mallory, &client_addr(2), 0)
        .await
        .unwrap_err();
    fake.authenticate("nobody-at-all", &client_addr(3), 0)
        .await
        .unwrap_err();
    let text = hy_testkit::scrape::scrape_both(
        &reqwest::Client::new(),
        &format!("{}/metrics", agent.url),
        None,
    )
    .await;
    let scrape = prometheus_parse::Scrape::parse(text.lines().map(|l| Ok(l.to_owned()))).unwrap();
    let value = |name: &str, label: Option<(&str, &str)>| {
        let s = scrape
            .samples
            .iter()
            .find(|s| s.metric == name && label.is_none_or(|(k, v)| s.labels.get(k) == Some(v)))
            .unwrap_or_else(|| panic!("no {name} {label:?} in\n{text}"));
        match s.value {
            prometheus_parse::Value::Counter(v)
            | prometheus_parse::Value::Gauge(v)
            | prometheus_parse::Value::Untyped(v) => v,
            _ => panic!("{name} is not a plain value"),
        }
    };
    assert_eq!(
        value("hyctl_agent_auth_requests_total", Some(("outcome", "ok"))),
        1.0
    );
    assert_eq!(
        value(
            "hyctl_agent_auth_requests_total",
            Some(("outcome", "unknown_secret"))
        ),
        2.0
    );
    assert_eq!(value("hyctl_agent_list_users", None), 1.0);
    assert_eq!(value("hyctl_agent_central_reachable", None), 1.0);
    assert!(text.contains("hyctl_agent_auth_duration_seconds_bucket"));
    for secret in [&alice, &mallory, &server] {
        assert!(!text.contains(secret.as_str()), "no credentials in metrics");
    }
    agent.stop().await;
    central.stop().await;
}

/// `hyctl agent` started with the id of a server of another kind is refused by central, and
/// says why where an operator looks: its health shows central's explanation, and it is not
/// ready.
#[tokio::test]
async fn an_agent_with_the_id_of_another_kind_of_server_is_refused_and_says_why() {
    let central = TestCentral::start().await;
    let stream = central
        .client()
        .create_server(&CreateServer {
            kind: Some(hy_api::servers::ServerKind::Stream),
            ..Default::default()
        })
        .await
        .unwrap()
        .id;
    let node = TestNode::start(&central, &stream, |_| {}).await;
    hy_testkit::wait_until(
        "the agent records central's refusal",
        Duration::from_secs(10),
        || async {
            let health = node.agent.health().await;
            health["central"]["last_error"]
                .as_str()
                .is_some_and(|e| e.contains("this server is a `stream` server"))
        },
    )
    .await;
    let ready = reqwest::get(format!("{}/readyz", node.agent.url))
        .await
        .unwrap();
    assert_eq!(ready.status(), 503);
    assert!(!node.admits("anything").await);
    node.agent.stop().await;
    central.stop().await;
}
