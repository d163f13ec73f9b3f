//! Webhooks: a signed POST for each event asked for, in order, retried after a failure, with
//! a delivery log; bad input refused.

use std::sync::Arc;
use std::time::Duration;

use axum::http::{HeaderMap, StatusCode};
use hy_api::Traffic;
use hy_api::node::TrafficBatch;
use hy_testkit::{TestCentral, assert_error, wait_until};
use parking_lot::Mutex;
use serde_json::{Value, json};

type Seen = Arc<Mutex<Vec<(HeaderMap, String)>>>;

/// A receiver on a free loopback port that fails its first request and records every one.
async fn receiver() -> (String, Seen) {
    let seen: Seen = Arc::default();
    let app = axum::Router::new().route(
        "/hook",
        axum::routing::post({
            let seen = Arc::clone(&seen);
            move |headers: HeaderMap, body: String| {
                let seen = Arc::clone(&seen);
                async move {
                    let mut seen = seen.lock();
                    seen.push((headers, body));
                    if seen.len() == 1 {
                        StatusCode::INTERNAL_SERVER_ERROR
                    } else {
                        StatusCode::NO_CONTENT
                    }
                }
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });
    (url, seen)
}

#[tokio::test]
async fn a_signed_webhook_arrives_when_a_user_runs_out_of_quota() {
    let c = TestCentral::start().await;
    let (url, seen) = receiver().await;
    let body = json!({"url": url, "types": ["user.limited"]}).to_string();
    let (status, created) = c.admin("POST", "/admin/webhooks", Some(&body)).await;
    assert_eq!(status, 201, "{created}");
    let secret = created["secret"].as_str().unwrap().to_owned();
    let id = created["id"].as_i64().unwrap();

    // Events it does not ask for pass it by; alice running out is delivered.
    let user = r#"{"id":"alice","data_limit":1000}"#;
    assert_eq!(c.admin("POST", "/admin/users", Some(user)).await.0, 201);
    let api = c.client();
    let server = api.create_server(&Default::default()).await.unwrap().id;
    api.assign(&server, &["alice".into()]).await.unwrap();
    let batch = TrafficBatch::new(
        "wh",
        1,
        [("alice".to_owned(), Traffic { tx: 800, rx: 400 })].into(),
    );
    assert!(
        c.node_client()
            .report(&server, &batch)
            .await
            .unwrap()
            .applied
    );
    wait_until(
        "the webhook is delivered after one failure",
        Duration::from_secs(15),
        || async { seen.lock().len() >= 2 },
    )
    .await;
    let got = seen.lock().clone();
    for (headers, body) in &got {
        let header = |n: &str| headers[n].to_str().unwrap().to_owned();
        assert_eq!(header("x-hyctl-event"), "user.limited");
        let ts: i64 = header("x-hyctl-timestamp").parse().unwrap();
        assert_eq!(
            header("x-hyctl-signature"),
            hy_central::webhooks::signature(&secret, ts, body),
            "signed"
        );
        let event: Value = serde_json::from_str(body).unwrap();
        assert_eq!(
            (&event["type"], &event["subject"]),
            (&json!("user.limited"), &json!("alice"))
        );
    }
    assert_eq!(
        got[0].0["x-hyctl-delivery"], got[1].0["x-hyctl-delivery"],
        "a retry is the same delivery"
    );
    // The attempt is logged once the receiver has answered: wait for that write too.
    let log_path = format!("/admin/webhooks/{id}/deliveries");
    wait_until(
        "both attempts are logged",
        Duration::from_secs(5),
        || async {
            c.admin("GET", &log_path, None)
                .await
                .1
                .as_array()
                .map(Vec::len)
                == Some(2)
        },
    )
    .await;
    let (_, log) = c.admin("GET", &log_path, None).await;
    let statuses: Vec<u64> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["status"].as_u64().unwrap())
        .collect();
    assert_eq!(statuses, [204, 500], "newest first");
    let (_, hooks) = c.admin("GET", "/admin/webhooks", None).await;
    assert_eq!(hooks[0]["failures"], 0);
    assert!(
        !hooks.to_string().contains(&secret),
        "the secret is shown once"
    );

    // Bad input; removal.
    for (bad, says) in [
        (json!({"url": "ftp://x"}), "https://"),
        (json!({"url": "http://user:pw@x/"}), "no user:password"),
        (
            json!({"url": url, "types": ["user.sneezed"]}),
            "user.sneezed",
        ),
    ] {
        assert_error(
            &c.admin("POST", "/admin/webhooks", Some(&bad.to_string()))
                .await,
            400,
            "bad_request",
            says,
        );
    }
    assert_eq!(
        c.admin("DELETE", &format!("/admin/webhooks/{id}"), None)
            .await
            .0,
        204
    );
    assert_eq!(
        c.admin("GET", &format!("/admin/webhooks/{id}/deliveries"), None)
            .await
            .0,
        404
    );
    c.stop().await;
}
