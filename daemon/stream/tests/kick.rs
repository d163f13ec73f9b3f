//! Kills from central reach SRS and MediaMTX players through the servers' own APIs, which
//! cannot be installed here: fakes that answer as their documentation says (SRS's
//! `DELETE /api/v1/clients/{id}`; MediaMTX's `GET /v3/<kind>/list` and
//! `POST /v3/<kind>/kick/{id}`, 404 for an id it does not have).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;
use std::time::Duration;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{delete, get, post};
use hy_testkit::{TestCentral, wait_until};
use parking_lot::Mutex;
use serde_json::json;

mod common;

/// What the fake servers were asked, and MediaMTX's live RTSP sessions.
#[derive(Default)]
struct Fake {
    kicks: Mutex<Vec<String>>,
    rtsp: Mutex<Vec<String>>,
}

async fn serve(fake: Arc<Fake>) -> String {
    let app = axum::Router::new()
        .route(
            "/api/v1/clients/{id}",
            delete(
                |State(f): State<Arc<Fake>>, Path(id): Path<String>| async move {
                    f.kicks.lock().push(format!("srs:{id}"));
                    axum::Json(json!({"code": 0}))
                },
            ),
        )
        .route(
            "/v3/{kind}/list",
            get(
                |State(f): State<Arc<Fake>>, Path(kind): Path<String>| async move {
                    let ids = if kind == "rtspsessions" {
                        f.rtsp.lock().clone()
                    } else {
                        vec![]
                    };
                    let items: Vec<_> = ids.iter().map(|id| json!({"id": id})).collect();
                    axum::Json(json!({"itemCount": items.len(), "pageCount": 1, "items": items}))
                },
            ),
        )
        .route(
            "/v3/{kind}/kick/{id}",
            post(
                |State(f): State<Arc<Fake>>, Path((kind, id)): Path<(String, String)>| async move {
                    let mut rtsp = f.rtsp.lock();
                    if kind != "rtspsessions" || !rtsp.contains(&id) {
                        return (
                            StatusCode::NOT_FOUND,
                            axum::Json(json!({"error": "not found"})),
                        );
                    }
                    rtsp.retain(|x| *x != id);
                    f.kicks.lock().push(format!("mediamtx:{kind}/{id}"));
                    (StatusCode::OK, axum::Json(json!({})))
                },
            ),
        )
        .with_state(fake);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    url
}

#[tokio::test]
async fn kills_reach_srs_and_mediamtx_players_through_their_apis() {
    let c = TestCentral::start().await;
    let server = common::central_with_alice(&c).await;
    c.admin(
        "POST",
        "/admin/users/alice/devices",
        Some(r#"{"name":"tv","secret":"tv-token-1234"}"#),
    )
    .await;
    let fake = Arc::new(Fake::default());
    let api = serve(Arc::clone(&fake)).await;
    let node =
        common::StreamNode::start_with(&c, &server, 2, Some(api.clone()), Some(api.clone())).await;

    // An SRS player and a MediaMTX RTSP reader, both the tv.
    let srs = node
        .http
        .post(format!("{}/srs", node.url))
        .json(
            &json!({"action": "on_play", "client_id": "341w361a", "ip": "198.51.100.7",
            "vhost": "__defaultVhost__", "app": "live", "stream": "news",
            "param": "?token=tv-token-1234"}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(srs.text().await.unwrap(), "0");

    // A second SRS player of the same tv, ended alone by its session id.
    let play = |action: &str, client: &str| {
        node.http
            .post(format!("{}/srs", node.url))
            .json(
                &json!({"action": action, "client_id": client, "ip": "198.51.100.8",
                "vhost": "__defaultVhost__", "app": "live", "stream": "sport",
                "param": "?token=tv-token-1234"}),
            )
            .send()
    };
    assert_eq!(
        play("on_play", "5c2k9z10")
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
        "0"
    );
    wait_until(
        "central lists the session",
        Duration::from_secs(10),
        || async {
            let (_, list) = c
                .admin("GET", "/admin/sessions?user=alice&kind=stream", None)
                .await;
            list.to_string().contains("5c2k9z10")
        },
    )
    .await;
    for (body, want) in [
        (r#"{"user":"alice","session":"no-such-session"}"#, 404),
        (
            r#"{"user":"alice","device":"tv","session":"5c2k9z10"}"#,
            400,
        ),
        (r#"{"user":"bob","session":"5c2k9z10"}"#, 404),
    ] {
        let (status, err) = c.admin("POST", "/admin/sessions/kill", Some(body)).await;
        assert_eq!(status, want, "{body}: {err}");
    }
    let (status, _) = c
        .admin(
            "POST",
            "/admin/sessions/kill",
            Some(r#"{"user":"alice","session":"5c2k9z10"}"#),
        )
        .await;
    assert_eq!(status, 204);
    wait_until(
        "SRS was asked to kick that one",
        Duration::from_secs(10),
        || async { fake.kicks.lock().clone() == ["srs:5c2k9z10"] },
    )
    .await;
    play("on_stop", "5c2k9z10").await.unwrap();
    fake.kicks.lock().clear();

    let id = "d4e5f6a7-0000-4000-8000-000000000001";
    fake.rtsp.lock().push(id.into());
    let mtx = node
        .http
        .post(format!("{}/mediamtx", node.url))
        .json(
            &json!({"user": "", "password": "", "token": "tv-token-1234",
            "ip": "198.51.100.7", "action": "read", "path": "news", "protocol": "rtsp",
            "id": id, "query": ""}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(mtx.status(), 200);
    // Both count as the tv's connections on central.
    wait_until("central counts both", Duration::from_secs(10), || async {
        let (_, list) = c.admin("GET", "/admin/sessions?user=alice", None).await;
        list[0]["connections"] == 2
    })
    .await;

    c.admin(
        "POST",
        "/admin/sessions/kill",
        Some(r#"{"user":"alice","device":"tv"}"#),
    )
    .await;
    wait_until(
        "both servers were asked to kick",
        Duration::from_secs(10),
        || async {
            let mut kicks = fake.kicks.lock().clone();
            kicks.sort();
            kicks
                == [
                    format!("mediamtx:rtspsessions/{id}"),
                    "srs:341w361a".to_owned(),
                ]
        },
    )
    .await;
    // SRS answers a kick with on_stop; MediaMTX's list no longer has the session: gone.
    node.http
        .post(format!("{}/srs", node.url))
        .json(
            &json!({"action": "on_stop", "client_id": "341w361a", "ip": "198.51.100.7",
            "app": "live", "stream": "news", "param": "?token=tv-token-1234"}),
        )
        .send()
        .await
        .unwrap();
    wait_until("central counts none", Duration::from_secs(30), || async {
        let (_, list) = c.admin("GET", "/admin/sessions?user=alice", None).await;
        list == json!([])
    })
    .await;
    node.stop().await;
    c.stop().await;
}
