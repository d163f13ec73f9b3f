//! SRS's `http_hooks` (`stream-auth.md` §3): a POST of JSON per event. `on_play` and
//! `on_publish` are allowed only by `200` with the body `0`; anything else disconnects the
//! client. `on_stop` and `on_unpublish` end the session (answered `0`; SRS does not enforce
//! them). The stream is `app/stream` (`live/news`), so patterns are written as for nginx-rtmp;
//! the token travels in `param` (`?token=...`). Sessions are keyed by SRS's `client_id` and
//! take their slot when admitted, so a device's session limit holds on this server.

use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use hy_node::{Attempt, Decision, NodeState, Outcome, Resource};
use serde::Deserialize;

use crate::flussonic::reason;
use crate::kick::Api;
use crate::plane::StreamPlane;
use crate::sessions::Opening;

#[derive(Debug)]
struct Srs {
    node: NodeState,
    plane: StreamPlane,
}

/// SRS's event body (fields it sends that the node does not use are ignored).
#[derive(Debug, Deserialize)]
struct Event {
    action: String,
    #[serde(default)]
    client_id: String,
    #[serde(default)]
    ip: String,
    #[serde(default)]
    app: String,
    #[serde(default)]
    stream: String,
    #[serde(default)]
    param: String,
}

/// The route: `/srs`, also under `/<prefix>/` when one is set.
pub fn router(node: NodeState, plane: StreamPlane, prefix: Option<&str>) -> Router {
    let mut router = Router::new().route("/srs", post(hook));
    if let Some(p) = prefix {
        router = router.route(&format!("/{p}/srs"), post(hook));
    }
    router.with_state(Arc::new(Srs { node, plane }))
}

/// The one answer SRS takes as "allowed".
fn allow() -> Response {
    (StatusCode::OK, "0").into_response()
}

fn deny(why: &str) -> Response {
    let body = serde_json::json!({ "code": 403, "msg": why }).to_string();
    (
        StatusCode::FORBIDDEN,
        [("content-type", "application/json")],
        body,
    )
        .into_response()
}

async fn hook(State(s): State<Arc<Srs>>, body: Bytes) -> Response {
    let Ok(ev) = serde_json::from_slice::<Event>(&body) else {
        s.node.metrics.count_auth(Outcome::BadRequest);
        return (
            StatusCode::BAD_REQUEST,
            [("content-type", "application/json")],
            r#"{"code":400,"msg":"bad_request"}"#,
        )
            .into_response();
    };
    let now = jiff::Timestamp::now().as_second();
    let publish = match ev.action.as_str() {
        "on_play" => false,
        "on_publish" => true,
        "on_stop" | "on_unpublish" => {
            s.plane.sessions.end(&ev.client_id, None, now);
            s.plane.kicker.forget(Api::Srs, &ev.client_id);
            return allow();
        }
        // SRS's other hooks: nothing to decide (a client is decided when it plays or
        // publishes).
        "on_connect" | "on_close" | "on_dvr" | "on_hls" | "on_hls_notify" | "on_forward" => {
            return allow();
        }
        _ => {
            s.node.metrics.count_auth(Outcome::BadRequest);
            return (
                StatusCode::BAD_REQUEST,
                [("content-type", "application/json")],
                r#"{"code":400,"msg":"unknown action"}"#,
            )
                .into_response();
        }
    };
    let name = if ev.app.is_empty() {
        ev.stream.clone()
    } else {
        format!("{}/{}", ev.app, ev.stream)
    };
    let token = crate::token_in_query(&ev.param);
    let attempt = Attempt {
        credential: token.as_deref(),
        addr: &ev.ip,
        resource: Resource::Stream {
            name: &name,
            publish,
        },
    };
    let decision = s
        .node
        .authorize_reserving(&s.plane, &attempt, |admit| {
            let opening = Opening {
                user: Arc::clone(&admit.user),
                stream: name.clone(),
                proto: "rtmp".into(),
                addr: ev.ip.clone(),
                publish,
                // SRS calls at the start and the end only.
                renews: false,
            };
            s.plane
                .sessions
                .admit(&ev.client_id, opening, admit.max_sessions, now)?;
            s.plane
                .kicker
                .register(Api::Srs, &ev.client_id, "rtmp", &admit.user, now);
            Ok(())
        })
        .await;
    match decision {
        Decision::Admit(_) => allow(),
        Decision::Refuse { reason: r, .. } => deny(reason(r)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing;
    use hy_api::node::{NodeDevice, NodeUser};

    fn node() -> NodeState {
        testing::node(vec![NodeUser {
            device: Some(NodeDevice {
                max_sessions: Some(1),
                allowed_streams: vec!["live/*".into()],
                ..Default::default()
            }),
            ..testing::entry("alice:tv", "tv-token-1234")
        }])
    }

    async fn call(
        app: &Router,
        action: &str,
        client: &str,
        stream: &str,
        param: &str,
    ) -> (u16, String) {
        let body = serde_json::json!({"server_id": "vid-0xk9", "action": action,
            "client_id": client, "ip": "198.51.100.7", "vhost": "__defaultVhost__",
            "app": "live", "stream": stream, "param": param, "pageUrl": "",
            "stream_url": format!("/live/{stream}"), "stream_id": "vid-1"});
        testing::post_json(app, "/srs", body).await
    }

    #[tokio::test]
    async fn plays_are_allowed_as_200_0_and_on_stop_frees_the_slot() {
        let plane = StreamPlane::default();
        let app = router(node(), plane.clone(), None);
        let token = "?token=tv-token-1234";
        assert_eq!(
            call(&app, "on_play", "c1", "news", token).await,
            (200, "0".into())
        );
        // The tv's one slot is taken: a second client is refused (a body SRS rejects).
        let (status, body) = call(&app, "on_play", "c2", "news", token).await;
        assert_eq!(status, 403);
        assert!(body.contains("max_sessions_reached"), "{body}");
        assert_eq!(
            call(&app, "on_stop", "c1", "news", token).await,
            (200, "0".into())
        );
        assert_eq!(call(&app, "on_play", "c2", "news", token).await.0, 200);
        for (action, stream, param, why) in [
            ("on_play", "news", "?token=nope", "token_not_found"),
            ("on_play", "news", "", "token_not_found"),
            ("on_publish", "news", token, "publish_not_allowed"),
        ] {
            let (status, body) = call(&app, action, "c9", stream, param).await;
            assert_eq!(status, 403, "{action} {param}");
            assert!(body.contains(why), "{body}");
        }
        assert_eq!(
            call(&app, "on_dvr", "c2", "news", token).await,
            (200, "0".into())
        );
        // Unknown actions and bodies SRS would never send: a 400 (which SRS takes as deny).
        assert_eq!(call(&app, "on_teleport", "c2", "news", token).await.0, 400);
        for body in [
            serde_json::json!([1, 2]),
            serde_json::json!({"client_id": "c3"}),
            serde_json::json!({"action": 5}),
        ] {
            assert_eq!(testing::post_json(&app, "/srs", body).await.0, 400);
        }
    }
}
