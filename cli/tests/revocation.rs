//! Revocation: a user with several devices online loses access (deleted or unassigned); every
//! agent refuses it at once and closes all its connections, without leaving kick marks behind.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use hy_api::users::CreateUser;
use hy_testkit::hysteria::client_addr;
use hy_testkit::{FakeHysteria, Refused, TestNode, wait_until};

use crate::agent_auth::fleet;

/// Active devices: every connection moves a few bytes every 5 ms until stopped.
fn keep_busy(fake: &FakeHysteria) -> Arc<AtomicBool> {
    let stop = Arc::new(AtomicBool::new(false));
    let (fake, flag) = (fake.clone(), Arc::clone(&stop));
    tokio::spawn(async move {
        while !flag.load(Ordering::Relaxed) {
            fake.traffic_on_all(100, 300);
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    });
    stop
}

async fn revoke_and_measure(unassign: bool) {
    let (central, server, alice, _) = fleet().await;
    let api = central.client();
    let bob = api
        .create_user(&CreateUser {
            id: "bob".into(),
            secret: None,
            ..Default::default()
        })
        .await
        .unwrap();
    api.assign(&server, &["bob".into()]).await.unwrap();
    let TestNode {
        fake,
        agent,
        state: _state,
        ..
    } = TestNode::start(&central, &server, |_| {}).await;
    agent.wait_for_users(2).await;

    let mut devices = Vec::new();
    for n in 0..3 {
        devices.push(fake.connect(&alice, &client_addr(n)).await.unwrap());
    }
    let bobs = fake
        .connect(bob.secret.expose(), &client_addr(9))
        .await
        .unwrap();
    assert_eq!(fake.online_count("alice"), 3);
    let busy = keep_busy(&fake);

    let started = Instant::now();
    if unassign {
        api.unassign(&server, "alice").await.unwrap();
    } else {
        api.delete_user("alice").await.unwrap();
    }
    wait_until("auth refuses alice", Duration::from_secs(5), || async {
        fake.authenticate(&alice, &client_addr(20), 0)
            .await
            .is_err()
    })
    .await;
    let refused_after = started.elapsed();
    wait_until(
        "all of alice's connections are closed",
        Duration::from_secs(5),
        || async { fake.online_count("alice") == 0 },
    )
    .await;
    let closed_after = started.elapsed();
    println!(
        "{}: refused after {refused_after:?}, all 3 devices disconnected after {closed_after:?}",
        if unassign { "unassign" } else { "delete" }
    );
    assert!(
        closed_after < Duration::from_secs(2),
        "revocation took {closed_after:?}"
    );

    // Reconnects are refused; bob was never touched; no mark lingers to ambush alice later.
    assert_eq!(
        fake.connect(&alice, &client_addr(30)).await,
        Err(Refused::Status(403))
    );
    assert!(devices.iter().all(|d| !fake.is_open(*d)));
    assert!(fake.is_open(bobs));
    busy.store(true, Ordering::Relaxed);
    assert!(
        !fake.kick_marks().contains("alice"),
        "kick marks left: {:?}",
        fake.kick_marks()
    );
    assert!(!fake.kick_marks().contains("bob"));

    // Allowed again, alice connects and stays connected.
    if unassign {
        api.assign(&server, &["alice".into()]).await.unwrap();
    } else {
        let again = CreateUser {
            id: "alice".into(),
            secret: Some(alice.as_str().into()),
            ..Default::default()
        };
        api.create_user(&again).await.unwrap();
        api.assign(&server, &["alice".into()]).await.unwrap();
    }
    wait_until(
        "alice is admitted again",
        Duration::from_secs(5),
        || async { fake.authenticate(&alice, &client_addr(40), 0).await.is_ok() },
    )
    .await;
    let back = fake.connect(&alice, &client_addr(41)).await.unwrap();
    assert!(
        fake.traffic(back, 1, 1),
        "a re-admitted user's connection must not be killed by an old mark"
    );

    agent.stop().await;
    central.stop().await;
}

#[tokio::test]
async fn deleting_a_user_refuses_and_disconnects_every_device_within_a_second() {
    revoke_and_measure(false).await;
}

#[tokio::test]
async fn unassigning_a_user_refuses_and_disconnects_every_device_within_a_second() {
    revoke_and_measure(true).await;
}

#[tokio::test]
async fn an_offline_user_who_lost_access_is_never_kicked() {
    let (central, server, alice, _) = fleet().await;
    let TestNode {
        fake,
        agent,
        state: _state,
        ..
    } = TestNode::start(&central, &server, |o| {
        o.interval_kick = Duration::from_millis(50);
    })
    .await;
    agent.wait_for_users(1).await;
    central.client().unassign(&server, "alice").await.unwrap();
    agent.wait_for_users(0).await;
    // Several kick sweeps read /online after the change, and none of them kicks.
    let seen = fake.requests("/online");
    wait_until(
        "three more kick sweeps ran",
        Duration::from_secs(5),
        || async { fake.requests("/online") >= seen + 3 },
    )
    .await;
    assert_eq!(fake.kick_requests(), 0);
    assert!(fake.kick_marks().is_empty());
    drop(alice);
    agent.stop().await;
    central.stop().await;
}
