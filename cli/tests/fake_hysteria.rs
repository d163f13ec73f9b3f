//! The fake Hysteria is only as good as its fidelity to the reference page; these tests pin
//! the sharp edges the agent relies on, and check the agent copes with them.

use std::time::Duration;

use hy_testkit::hysteria::client_addr;
use hy_testkit::{AgentOptions, FakeHysteria, TestAgent, TestCentral, fixture, wait_until};

const SECRET: &str = "the-api-secret";

async fn get(url: &str, auth: Option<&str>) -> (u16, String, String) {
    let mut req = reqwest::Client::new().get(url);
    if let Some(a) = auth {
        req = req.header("Authorization", a);
    }
    let resp = req.send().await.unwrap();
    let status = resp.status().as_u16();
    let ct = resp
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (status, ct, resp.text().await.unwrap())
}

#[tokio::test]
async fn the_traffic_stats_api_behaves_as_the_reference_says() {
    let fake = FakeHysteria::start(SECRET, "http://127.0.0.1:9/").await;
    let api = &fake.api_url;
    // The raw secret, exactly; `Bearer` is wrong; the check comes before routing.
    assert_eq!(
        get(&format!("{api}/traffic"), None).await,
        (
            401,
            "text/plain; charset=utf-8".into(),
            "unauthorized\n".into()
        )
    );
    assert_eq!(
        get(&format!("{api}/traffic"), Some(&format!("Bearer {SECRET}")))
            .await
            .0,
        401
    );
    assert_eq!(get(&format!("{api}/nope"), None).await.0, 401);
    assert_eq!(
        get(&format!("{api}/nope"), Some(SECRET)).await,
        (
            404,
            "text/plain; charset=utf-8".into(),
            "404 page not found\n".into()
        )
    );
    let post = reqwest::Client::new()
        .post(format!("{api}/traffic"))
        .header("Authorization", SECRET)
        .send()
        .await
        .unwrap();
    assert_eq!(post.status(), 404, "method must match exactly");
    assert_eq!(get(&format!("{api}/traffic"), Some(SECRET)).await.2, "{}");
    assert_eq!(get(&format!("{api}/online"), Some(SECRET)).await.2, "{}");

    let kick = |body: &'static str| {
        reqwest::Client::new()
            .post(format!("{api}/kick"))
            .header("Authorization", SECRET)
            .body(body)
            .send()
    };
    assert_eq!(kick(r#"["wang","joe"]"#).await.unwrap().status(), 200);
    assert_eq!(
        kick(r#"["wang","joe"]"#)
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
        ""
    );
    assert_eq!(kick(r#"{"wang":1}"#).await.unwrap().status(), 400);
    assert_eq!(kick(r#"[1]"#).await.unwrap().status(), 400);
    // Marks on offline ids stick.
    assert!(fake.kick_marks().contains("wang"));
    let streams = get(&format!("{api}/dump/streams"), Some(SECRET)).await;
    assert_eq!(streams.0, 200);
    assert!(streams.2.contains("\"streams\""));
}

#[tokio::test]
async fn clear_resets_counters_atomically_and_kicks_close_one_connection_each() {
    let central = TestCentral::start().await;
    let api = central.client();
    let new = hy_api::users::CreateUser {
        id: "alice".into(),
        secret: None,
        ..Default::default()
    };
    let alice = api
        .create_user(&new)
        .await
        .unwrap()
        .secret
        .expose()
        .to_owned();
    let server = api.create_server(&Default::default()).await.unwrap().id;
    api.assign(&server, &["alice".into()]).await.unwrap();
    let state = tempfile::tempdir().unwrap();
    let fake = FakeHysteria::start(SECRET, "http://127.0.0.1:9/").await;
    let mut options = AgentOptions::new(
        &central.url,
        &server,
        &fake.api_url,
        SECRET,
        state.path().into(),
    );
    options.interval_poll = Duration::from_secs(3600);
    let agent = TestAgent::start(&options).await;
    agent.wait_for_users(1).await;
    fake.set_auth_url(&agent.auth_url());
    let a = fake.connect(&alice, &client_addr(1)).await.unwrap();
    let b = fake.connect(&alice, &client_addr(2)).await.unwrap();
    assert!(fake.traffic(a, 10, 20));
    let api = &fake.api_url;
    assert_eq!(
        get(&format!("{api}/traffic"), Some(SECRET)).await.2,
        r#"{"alice":{"tx":10,"rx":20}}"#
    );
    assert_eq!(
        get(&format!("{api}/traffic?clear=1"), Some(SECRET)).await.2,
        r#"{"alice":{"tx":10,"rx":20}}"#
    );
    assert_eq!(get(&format!("{api}/traffic"), Some(SECRET)).await.2, "{}");
    assert_eq!(
        get(&format!("{api}/online"), Some(SECRET)).await.2,
        r#"{"alice":2}"#
    );
    reqwest::Client::new()
        .post(format!("{api}/kick"))
        .header("Authorization", SECRET)
        .body(r#"["alice"]"#)
        .send()
        .await
        .unwrap();
    // Lazy: nothing closes until traffic moves, then one connection, uncounted.
    assert_eq!(fake.online_count("alice"), 2);
    assert!(!fake.traffic(b, 5, 5));
    assert_eq!(fake.online_count("alice"), 1);
    assert!(fake.traffic(a, 1, 1), "the mark is used up");
    assert_eq!(
        fake.truth().counted["alice"],
        hy_api::Traffic { tx: 11, rx: 21 }
    );
    agent.stop().await;
    central.stop().await;
}

#[tokio::test]
async fn an_agent_with_the_wrong_api_secret_says_so() {
    let central = TestCentral::start().await;
    let server = central
        .client()
        .create_server(&Default::default())
        .await
        .unwrap()
        .id;
    let state = tempfile::tempdir().unwrap();
    let fake = FakeHysteria::start(SECRET, "http://127.0.0.1:9/").await;
    let options = AgentOptions::new(
        &central.url,
        &server,
        &fake.api_url,
        "not-the-secret",
        state.path().into(),
    );
    let agent = TestAgent::start(&options).await;
    wait_until(
        "the agent reports the refused secret",
        Duration::from_secs(10),
        || async {
            let h = agent.health().await;
            h["hysteria"]["last_error"]
                .as_str()
                .unwrap_or_default()
                .contains("--secret must equal trafficStats.secret")
        },
    )
    .await;
    agent.stop().await;
    central.stop().await;
}

#[tokio::test]
async fn an_agent_reaches_an_https_central_through_its_ca_file() {
    let central = TestCentral::start_tls().await;
    let api = central.client();
    let alice = api
        .create_user(&hy_api::users::CreateUser {
            id: "alice".into(),
            secret: None,
            ..Default::default()
        })
        .await
        .unwrap();
    let server = api.create_server(&Default::default()).await.unwrap().id;
    api.assign(&server, &["alice".into()]).await.unwrap();
    let state = tempfile::tempdir().unwrap();
    let fake = FakeHysteria::start(SECRET, "http://127.0.0.1:9/").await;
    let mut options = AgentOptions::new(
        &central.url,
        &server,
        &fake.api_url,
        SECRET,
        state.path().into(),
    );
    options.central_ca = Some(fixture("ca.pem"));
    let agent = TestAgent::start(&options).await;
    agent.wait_for_users(1).await;
    fake.set_auth_url(&agent.auth_url());
    assert_eq!(
        fake.authenticate(alice.secret.expose(), &client_addr(1), 0)
            .await,
        Ok("alice".into())
    );
    agent.stop().await;

    // Without the CA, the certificate is refused and health says why.
    let state = tempfile::tempdir().unwrap();
    let options = AgentOptions::new(
        &central.url,
        &server,
        &fake.api_url,
        SECRET,
        state.path().into(),
    );
    let agent = TestAgent::start(&options).await;
    wait_until(
        "the agent reports the untrusted certificate",
        Duration::from_secs(10),
        || async {
            let h = agent.health().await;
            h["central"]["last_error"]
                .as_str()
                .unwrap_or_default()
                .to_lowercase()
                .contains("certificate")
        },
    )
    .await;
    agent.stop().await;
    central.stop().await;
}
