//! Every limit crossing end to end: real central (on a manual clock where time matters), real
//! agents, the fake Hysteria. A user who may no longer connect is refused and disconnected.

use std::time::Duration;

use hy_api::servers::CreateServer;
use hy_api::users::{CreateUser, ResetStrategy, UpdateUser, UserSettings, UserState};
use hy_central::clock::{Clock, ManualClock};
use hy_testkit::hysteria::client_addr;
use hy_testkit::{
    API_SECRET, AgentOptions, FakeHysteria, Refused, TestAgent, TestCentral, TestNode, wait_until,
};
use jiff::{SignedDuration, Timestamp};

async fn server(central: &TestCentral) -> String {
    central
        .client()
        .create_server(&CreateServer::default())
        .await
        .unwrap()
        .id
}

async fn user(central: &TestCentral, id: &str, server: &str, settings: UserSettings) -> String {
    let api = central.client();
    let new = CreateUser {
        id: id.into(),
        secret: None,
        settings,
    };
    let secret = api
        .create_user(&new)
        .await
        .unwrap()
        .secret
        .expose()
        .to_owned();
    api.assign(server, &[id.into()]).await.unwrap();
    secret
}

async fn change(central: &TestCentral, id: &str, settings: UserSettings) {
    central
        .client()
        .update_user(
            id,
            &UpdateUser {
                secret: None,
                settings,
            },
        )
        .await
        .unwrap();
}

async fn refused_within(node: &TestNode, secret: &str, what: &str) {
    wait_until(what, Duration::from_secs(5), || async {
        !node.admits(secret).await
    })
    .await;
}

async fn admitted_within(node: &TestNode, secret: &str, what: &str) {
    wait_until(what, Duration::from_secs(5), || async {
        node.admits(secret).await
    })
    .await;
}

#[tokio::test]
async fn disabling_refuses_and_disconnects_and_enabling_readmits() {
    let central = TestCentral::start().await;
    let srv = server(&central).await;
    let alice = user(&central, "alice", &srv, UserSettings::default()).await;
    let node = TestNode::start(&central, &srv, |_| {}).await;
    node.agent.wait_for_users(1).await;
    let conn = node.fake.connect(&alice, &client_addr(1)).await.unwrap();

    change(
        &central,
        "alice",
        UserSettings {
            enabled: Some(false),
            ..Default::default()
        },
    )
    .await;
    refused_within(&node, &alice, "a disabled user is refused").await;
    wait_until(
        "the disabled user's connection is closed",
        Duration::from_secs(5),
        || async {
            node.fake.traffic(conn, 1, 1);
            !node.fake.is_open(conn)
        },
    )
    .await;
    assert_eq!(
        central.client().user("alice").await.unwrap().state,
        UserState::Disabled
    );

    change(
        &central,
        "alice",
        UserSettings {
            enabled: Some(true),
            ..Default::default()
        },
    )
    .await;
    admitted_within(&node, &alice, "an enabled user is admitted again").await;
    node.agent.stop().await;
    central.stop().await;
}

#[tokio::test]
async fn crossing_the_quota_on_one_node_cuts_the_user_off_on_every_node() {
    let central = TestCentral::start().await;
    let (a, b) = (server(&central).await, server(&central).await);
    let limit = UserSettings {
        data_limit: Some(10_000),
        ..Default::default()
    };
    let alice = user(&central, "alice", &a, limit).await;
    central
        .client()
        .assign(&b, &["alice".into()])
        .await
        .unwrap();
    let node_a = TestNode::start(&central, &a, |_| {}).await;
    let node_b = TestNode::start(&central, &b, |_| {}).await;
    node_a.agent.wait_for_users(1).await;
    node_b.agent.wait_for_users(1).await;
    let on_b = node_b.fake.connect(&alice, &client_addr(2)).await.unwrap();
    let on_a = node_a.fake.connect(&alice, &client_addr(1)).await.unwrap();

    // 12 kB through node A: central sees the report cross 10 kB.
    assert!(node_a.fake.traffic(on_a, 2_000, 10_000));
    wait_until(
        "central marks alice limited",
        Duration::from_secs(5),
        || async { central.client().user("alice").await.unwrap().state == UserState::Limited },
    )
    .await;
    refused_within(&node_b, &alice, "node B refuses alice").await;
    refused_within(&node_a, &alice, "node A refuses alice").await;
    wait_until(
        "alice's connection on node B is closed",
        Duration::from_secs(5),
        || async {
            node_b.fake.traffic(on_b, 1, 0);
            !node_b.fake.is_open(on_b)
        },
    )
    .await;

    // An admin reset starts a new period: admitted again everywhere, lifetime traffic kept.
    let reset = central.client().reset_usage("alice").await.unwrap();
    assert_eq!((reset.state, reset.period_used), (UserState::Active, 0));
    assert_eq!(reset.traffic.total(), 12_000);
    wait_until(
        "alice is admitted again after the reset",
        Duration::from_secs(5),
        || async { node_a.admits(&alice).await && node_b.admits(&alice).await },
    )
    .await;
    node_a.agent.stop().await;
    node_b.agent.stop().await;
    central.stop().await;
}

#[tokio::test]
async fn an_agent_enforces_the_quota_on_its_own_while_central_is_down() {
    let central = TestCentral::start().await;
    let srv = server(&central).await;
    let alice = user(
        &central,
        "alice",
        &srv,
        UserSettings {
            data_limit: Some(50_000),
            ..Default::default()
        },
    )
    .await;
    let node = TestNode::start(&central, &srv, |o| {
        o.interval_kick = Duration::from_secs(3600)
    })
    .await;
    node.agent.wait_for_users(1).await;
    let conn = node.fake.connect(&alice, &client_addr(1)).await.unwrap();
    let _stopped = central.stop_for_restart().await;

    assert!(node.fake.traffic(conn, 10_000, 10_000));
    assert!(node.admits(&alice).await, "40% of the quota used");
    assert!(node.fake.traffic(conn, 10_000, 20_000));
    // The agent's own poll sees 50 kB: it refuses, and kicks without waiting for its interval.
    refused_within(&node, &alice, "the agent refuses alice with central down").await;
    wait_until(
        "the agent kicks alice's connection",
        Duration::from_secs(5),
        || async {
            node.fake.traffic(conn, 1, 0);
            !node.fake.is_open(conn)
        },
    )
    .await;
    node.agent.stop().await;
}

#[tokio::test]
async fn expiry_is_applied_at_its_moment_on_a_manual_clock() {
    let clock = ManualClock::new(Timestamp::now());
    let central = TestCentral::start_with_clock(clock.clone()).await;
    let srv = server(&central).await;
    let expires = Timestamp::now() + SignedDuration::from_hours(24 * 30);
    let settings = UserSettings {
        expires_at: Some(Some(expires)),
        ..Default::default()
    };
    let alice = user(&central, "alice", &srv, settings).await;
    let node = TestNode::start(&central, &srv, |_| {}).await;
    node.agent.wait_for_users(1).await;
    assert!(node.admits(&alice).await);

    clock.set(expires + SignedDuration::from_secs(1));
    refused_within(
        &node,
        &alice,
        "the scheduler expires alice when her time comes",
    )
    .await;
    assert_eq!(
        central.client().user("alice").await.unwrap().state,
        UserState::Expired
    );
    node.agent.stop().await;
    central.stop().await;
}

#[tokio::test]
async fn expire_after_starts_at_the_first_connection() {
    let clock = ManualClock::new(Timestamp::now());
    let central = TestCentral::start_with_clock(clock.clone()).await;
    let srv = server(&central).await;
    let week = 7 * 86_400;
    let trial = user(
        &central,
        "trial",
        &srv,
        UserSettings {
            expire_after: Some(Some(week)),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(
        central.client().user("trial").await.unwrap().state,
        UserState::OnHold
    );
    let node = TestNode::start(&central, &srv, |_| {}).await;
    node.agent.wait_for_users(1).await;

    // Weeks pass before the first connection: an on-hold user does not expire.
    clock.advance(SignedDuration::from_hours(24 * 21));
    let connected_at = clock.now();
    let conn = node.fake.connect(&trial, &client_addr(1)).await.unwrap();
    assert!(node.fake.traffic(conn, 100, 100));
    let started = wait_for_state(&central, "trial", UserState::Active).await;
    let first = started.first_connected_at.unwrap();
    assert_eq!(
        first.as_second(),
        connected_at.as_second(),
        "recorded on central's clock"
    );
    assert_eq!(
        started.expires_at,
        Some(first + SignedDuration::from_secs(week as i64))
    );

    clock.set(first + SignedDuration::from_secs(week as i64 + 1));
    refused_within(
        &node,
        &trial,
        "the trial ends a week after the first connection",
    )
    .await;
    node.agent.stop().await;
    central.stop().await;
}

async fn wait_for_state(central: &TestCentral, id: &str, state: UserState) -> hy_api::users::User {
    let what = format!("{id} becomes {}", state.as_str());
    wait_until(&what, Duration::from_secs(5), || async {
        central.client().user(id).await.unwrap().state == state
    })
    .await;
    central.client().user(id).await.unwrap()
}

#[tokio::test]
async fn a_monthly_reset_brings_a_limited_user_back_at_the_month_boundary() {
    let start: Timestamp = "2030-01-31T23:00:00Z".parse().unwrap();
    let clock = ManualClock::new(start);
    let central = TestCentral::start_with_clock(clock.clone()).await;
    let srv = server(&central).await;
    let settings = UserSettings {
        data_limit: Some(1_000),
        reset_strategy: Some(ResetStrategy::Month),
        ..Default::default()
    };
    let alice = user(&central, "alice", &srv, settings).await;
    let created = central.client().user("alice").await.unwrap();
    assert_eq!(
        created.next_reset_at,
        Some("2030-02-01T00:00:00Z".parse().unwrap())
    );
    let node = TestNode::start(&central, &srv, |_| {}).await;
    node.agent.wait_for_users(1).await;
    let conn = node.fake.connect(&alice, &client_addr(1)).await.unwrap();
    assert!(node.fake.traffic(conn, 600, 600));
    wait_for_state(&central, "alice", UserState::Limited).await;
    refused_within(&node, &alice, "a limited user is refused").await;

    clock.set("2030-02-01T00:00:01Z".parse().unwrap());
    let reset = wait_for_state(&central, "alice", UserState::Active).await;
    assert_eq!(reset.period_used, 0);
    assert_eq!(
        reset.next_reset_at,
        Some("2030-03-01T00:00:00Z".parse().unwrap())
    );
    assert_eq!(
        reset.traffic.total(),
        1_200,
        "lifetime usage survives the reset"
    );
    admitted_within(&node, &alice, "alice is admitted in the new month").await;
    node.agent.stop().await;
    central.stop().await;
}

#[tokio::test]
async fn allowlists_and_device_limits_are_checked_at_auth() {
    let central = TestCentral::start().await;
    let srv = server(&central).await;
    let settings = UserSettings {
        allowed_ips: Some(vec!["203.0.113.0/24".into(), "2001:db8::/32".into()]),
        max_devices: Some(2),
        ..Default::default()
    };
    let alice = user(&central, "alice", &srv, settings).await;
    let node = TestNode::start(&central, &srv, |_| {}).await;
    node.agent.wait_for_users(1).await;
    let fake = &node.fake;
    assert_eq!(
        fake.authenticate(&alice, "198.51.100.7:4000", 0).await,
        Err(Refused::Status(403))
    );
    assert!(
        fake.authenticate(&alice, "[2001:db8::7]:4000", 0)
            .await
            .is_ok()
    );
    let first = fake.connect(&alice, &client_addr(1)).await.unwrap();
    let second = fake.connect(&alice, &client_addr(2)).await.unwrap();
    assert_eq!(
        fake.connect(&alice, &client_addr(3)).await,
        Err(Refused::Status(403)),
        "a third device"
    );
    fake.disconnect(first);
    let third = fake.connect(&alice, &client_addr(4)).await.unwrap();
    fake.disconnect(second);
    fake.disconnect(third);

    // Lifting the allowlist reaches the node like any change.
    change(
        &central,
        "alice",
        UserSettings {
            allowed_ips: Some(vec![]),
            ..Default::default()
        },
    )
    .await;
    wait_until("any address is allowed", Duration::from_secs(5), || async {
        fake.authenticate(&alice, "198.51.100.7:4000", 0)
            .await
            .is_ok()
    })
    .await;
    node.agent.stop().await;
    central.stop().await;
}

#[tokio::test]
async fn a_costly_server_spends_the_quota_faster() {
    let central = TestCentral::start().await;
    let api = central.client();
    let costly = CreateServer {
        traffic_multiplier: Some(2.5),
        ..Default::default()
    };
    let srv = api.create_server(&costly).await.unwrap().id;
    let alice = user(
        &central,
        "alice",
        &srv,
        UserSettings {
            data_limit: Some(1_000_000),
            ..Default::default()
        },
    )
    .await;
    let node = TestNode::start(&central, &srv, |_| {}).await;
    node.agent.wait_for_users(1).await;
    let conn = node.fake.connect(&alice, &client_addr(1)).await.unwrap();
    assert!(node.fake.traffic(conn, 1_000, 3_000));
    wait_until(
        "the weighted usage arrives",
        Duration::from_secs(5),
        || async { api.user("alice").await.unwrap().period_used == 10_000 },
    )
    .await;
    assert_eq!(
        api.user("alice").await.unwrap().traffic.total(),
        4_000,
        "lifetime traffic stays raw"
    );
    node.agent.stop().await;
    central.stop().await;
}

#[tokio::test]
async fn every_auth_decision_reaches_the_log_once_with_its_reason() {
    use hy_testkit::{Fault, FlakyProxy};
    let central = TestCentral::start().await;
    let srv = server(&central).await;
    let alice = user(
        &central,
        "alice",
        &srv,
        UserSettings {
            allowed_ips: Some(vec!["203.0.113.0/24".into()]),
            ..Default::default()
        },
    )
    .await;
    // Every other report's answer is lost: the agent resends, central stores each event once.
    let proxy = FlakyProxy::start(&central.url, |n| {
        if n % 2 == 1 {
            Fault::LoseResponse
        } else {
            Fault::None
        }
    })
    .await;
    let state = tempfile::tempdir().unwrap();
    let fake = FakeHysteria::start(API_SECRET, "http://127.0.0.1:9/").await;
    let options = AgentOptions::new(
        &proxy.url,
        &srv,
        &fake.api_url,
        API_SECRET,
        state.path().into(),
    );
    let agent = TestAgent::start(&options).await;
    agent.wait_for_users(1).await;
    fake.set_auth_url(&agent.auth_url());
    let conn = fake.connect(&alice, &client_addr(1)).await.unwrap();
    assert!(
        fake.authenticate(&alice, "198.51.100.9:1234", 0)
            .await
            .is_err()
    );
    assert!(
        fake.authenticate("not-a-secret-at-all", "198.51.100.10:99", 0)
            .await
            .is_err()
    );
    assert!(fake.traffic(conn, 10, 10), "traffic makes the agent report");
    let api = central.client();
    let since = Timestamp::now() - SignedDuration::from_hours(1);
    wait_until(
        "three decisions are in the log",
        Duration::from_secs(10),
        || async { api.auth_log(None, false, since, 100).await.unwrap().len() >= 3 },
    )
    .await;
    let mut log = api.auth_log(None, false, since, 100).await.unwrap();
    log.sort_by(|a, b| a.addr.cmp(&b.addr));
    let summary: Vec<(Option<&str>, &str, bool, &str)> = log
        .iter()
        .map(|e| {
            (
                e.user.as_deref(),
                e.addr.as_str(),
                e.allowed,
                e.reason.as_str(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (None, "198.51.100.10:99", false, "unknown_secret"),
            (
                Some("alice"),
                "198.51.100.9:1234",
                false,
                "address_not_allowed"
            ),
            (Some("alice"), "203.0.113.7:40001", true, "ok"),
        ]
    );
    assert!(
        log.iter()
            .all(|e| !serde_json::to_string(e).unwrap().contains("not-a-secret")),
        "auth strings are never logged"
    );
    assert_eq!(
        api.auth_log(Some("alice"), true, since, 100)
            .await
            .unwrap()
            .len(),
        1
    );
    assert!(proxy.faults().0 >= 1, "a report answer was lost on the way");
    wait_until(
        "the agent has nothing left to send",
        Duration::from_secs(10),
        || async {
            let h = agent.health().await;
            h["auth_log"]["unsent"] == 0 && h["auth_log"]["dropped"] == 0
        },
    )
    .await;
    agent.stop().await;
    central.stop().await;
}

#[tokio::test]
async fn device_limits_hold_across_nodes() {
    let central = TestCentral::start().await;
    let (a, b) = (server(&central).await, server(&central).await);
    let alice = user(
        &central,
        "alice",
        &a,
        UserSettings {
            max_devices: Some(2),
            ..Default::default()
        },
    )
    .await;
    central
        .client()
        .assign(&b, &["alice".into()])
        .await
        .unwrap();
    let fast = |o: &mut AgentOptions| o.interval_kick = Duration::from_millis(100);
    let node_a = TestNode::start(&central, &a, fast).await;
    let node_b = TestNode::start(&central, &b, fast).await;
    node_a.agent.wait_for_users(1).await;
    node_b.agent.wait_for_users(1).await;
    let on_a = node_a.fake.connect(&alice, &client_addr(1)).await.unwrap();
    let _on_b = node_b.fake.connect(&alice, &client_addr(2)).await.unwrap();
    // One device here, one on node A: node B refuses a third once the counts have travelled.
    refused_within(&node_b, &alice, "node B counts alice's device on node A").await;
    node_a.fake.disconnect(on_a);
    admitted_within(
        &node_b,
        &alice,
        "node B admits alice again once her device on A is gone",
    )
    .await;
    node_a.agent.stop().await;
    node_b.agent.stop().await;
    central.stop().await;
}
