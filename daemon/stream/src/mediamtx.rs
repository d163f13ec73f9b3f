//! MediaMTX's external HTTP authentication (`authMethod: http`, `stream-auth.md` §2): a POST
//! of JSON per connection; any 2xx allows, anything else denies, and a first RTSP call without
//! credentials gets 401 so the client sends them.
//!
//! The credential is the device token, from the first of `token` (a bearer token or
//! `?token=`), `password` (`rtsp://any:TOKEN@host/path`) and the `token=` of `query`. MediaMTX
//! says nothing when a session ends, so these sessions take no slot in the session table; with
//! its API configured (`--mediamtx-api`) they are counted from its session lists and kicked
//! through it ([`crate::kick`]).

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
use crate::plane::StreamPlane;

#[derive(Debug)]
struct MediaMtx {
    node: NodeState,
    plane: StreamPlane,
}

/// MediaMTX's request body.
#[derive(Debug, Deserialize)]
struct Request {
    #[serde(default)]
    user: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    token: String,
    #[serde(default)]
    ip: String,
    action: String,
    #[serde(default)]
    path: String,
    #[serde(default)]
    protocol: String,
    #[serde(default)]
    query: String,
    /// The session's id (null for some protocols): what MediaMTX's kick API takes.
    #[serde(default)]
    id: Option<String>,
}

/// The route: `/mediamtx`, also under `/<prefix>/` when one is set.
pub fn router(node: NodeState, plane: StreamPlane, prefix: Option<&str>) -> Router {
    let mut router = Router::new().route("/mediamtx", post(auth));
    if let Some(p) = prefix {
        router = router.route(&format!("/{p}/mediamtx"), post(auth));
    }
    router.with_state(Arc::new(MediaMtx { node, plane }))
}

fn deny(status: StatusCode, why: &str) -> Response {
    let body = serde_json::json!({ "reason": why }).to_string();
    (status, [("content-type", "application/json")], body).into_response()
}

async fn auth(State(s): State<Arc<MediaMtx>>, body: Bytes) -> Response {
    let Ok(req) = serde_json::from_slice::<Request>(&body) else {
        s.node.metrics.count_auth(Outcome::BadRequest);
        return deny(StatusCode::BAD_REQUEST, "bad_request");
    };
    let publish = match req.action.as_str() {
        "read" | "playback" => false,
        "publish" => true,
        // The API, metrics and pprof are MediaMTX's own, not players'.
        _ => return deny(StatusCode::FORBIDDEN, "action_not_allowed"),
    };
    let token = Some(req.token.clone())
        .filter(|t| !t.is_empty())
        .or_else(|| Some(req.password.clone()).filter(|p| !p.is_empty()))
        .or_else(|| crate::token_in_query(&req.query));
    let Some(token) = token else {
        // RTSP asks without credentials first; 401 makes the client send them.
        if req.protocol == "rtsp" && req.user.is_empty() {
            return deny(StatusCode::UNAUTHORIZED, "credentials_required");
        }
        s.node
            .metrics
            .count_auth(Outcome::Refused(hy_node::Refusal::NoCredential));
        return deny(StatusCode::FORBIDDEN, "token_not_found");
    };
    let attempt = Attempt {
        credential: Some(&token),
        addr: &req.ip,
        resource: Resource::Stream {
            name: &req.path,
            publish,
        },
    };
    let now = jiff::Timestamp::now().as_second();
    let decision = s
        .node
        .authorize_reserving(&s.plane, &attempt, |admit| {
            // Only a device with a limit pays for counting the session table.
            let in_table = admit
                .max_sessions
                .map_or(0, |_| s.plane.sessions.online_of(&admit.user));
            let asking = crate::kick::Asking {
                id: req.id.as_deref().unwrap_or_default(),
                protocol: &req.protocol,
                addr: &req.ip,
                path: &req.path,
            };
            s.plane
                .kicker
                .reserve(asking, &admit.user, admit.max_sessions, in_table, now)
        })
        .await;
    match decision {
        Decision::Admit(_) => StatusCode::OK.into_response(),
        Decision::Refuse { reason: r, .. } => deny(StatusCode::FORBIDDEN, reason(r)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing;
    use hy_api::node::{NodeDevice, NodeUser};

    fn node() -> NodeState {
        testing::node(vec![
            testing::entry("alice", "alice-own-secret"),
            NodeUser {
                device: Some(NodeDevice {
                    publisher: true,
                    allowed_streams: vec!["live/*".into()],
                    ..Default::default()
                }),
                ..testing::entry("alice:cam", "cam-token-1234")
            },
        ])
    }

    async fn call(app: &Router, body: serde_json::Value) -> (u16, String) {
        testing::post_json(app, "/mediamtx", body).await
    }

    #[tokio::test]
    async fn mediamtx_calls_are_answered_by_the_contract() {
        let app = router(node(), StreamPlane::default(), None);
        let req =
            |user: &str, password: &str, token: &str, action: &str, path: &str, query: &str| {
                serde_json::json!({"user": user, "password": password, "token": token,
                "ip": "198.51.100.7", "action": action, "path": path, "protocol": "rtsp",
                "id": null, "query": query})
            };
        // A first RTSP call without credentials: 401, so the client sends them.
        assert_eq!(
            call(&app, req("", "", "", "read", "live/news", "")).await.0,
            401
        );
        // The token as the RTSP password, as a bearer token, or in the query.
        for body in [
            req("any", "cam-token-1234", "", "read", "live/news", ""),
            req("", "", "cam-token-1234", "publish", "live/news", ""),
            req("", "", "", "read", "live/news", "token=cam-token-1234"),
        ] {
            assert_eq!(call(&app, body.clone()).await.0, 200, "{body}");
        }
        for (body, why) in [
            (
                req("", "", "nope", "read", "live/news", ""),
                "token_not_found",
            ),
            (
                req("", "", "cam-token-1234", "read", "movies", ""),
                "stream_not_allowed",
            ),
            (
                req("", "", "alice-own-secret", "publish", "live/news", ""),
                "publish_not_allowed",
            ),
            (
                req("", "", "cam-token-1234", "api", "", ""),
                "action_not_allowed",
            ),
        ] {
            let (status, text) = call(&app, body.clone()).await;
            assert_eq!(status, 403, "{body}");
            assert!(text.contains(why), "{text}");
        }
        assert_eq!(
            call(&app, serde_json::json!({"nonsense": true})).await.0,
            400
        );
    }

    #[tokio::test]
    async fn a_session_limit_holds_over_mediamtx_and_an_rtsp_readers_two_calls_take_one_slot() {
        let node = testing::node(vec![NodeUser {
            device: Some(NodeDevice {
                max_sessions: Some(1),
                ..Default::default()
            }),
            ..testing::entry("alice:tv", "tv-token-1234")
        }]);
        // With its API configured (never called here: nothing is kicked).
        let plane = StreamPlane::new(crate::kick::Kicker::new(
            None,
            Some("http://127.0.0.1:9".into()),
        ));
        let app = router(node, plane.clone(), None);
        let read = |id: &str, ip: &str| {
            serde_json::json!({"user": "", "password": "", "token": "tv-token-1234",
                "ip": ip, "action": "read", "path": "news", "protocol": "rtsp",
                "id": id, "query": ""})
        };
        // An RTSP reader: DESCRIBE under the connection's id, SETUP under the session's.
        assert_eq!(call(&app, read("conn-1", "198.51.100.7")).await.0, 200);
        assert_eq!(call(&app, read("sess-1", "198.51.100.7")).await.0, 200);
        assert_eq!(
            call(&app, read("sess-1", "198.51.100.7")).await.0,
            200,
            "the same session again"
        );
        assert_eq!(plane.kicker.mediamtx_online()["alice:tv"], 1);
        // Another player of the device, elsewhere: over the limit.
        let (status, text) = call(&app, read("conn-2", "203.0.113.9")).await;
        assert_eq!(status, 403);
        assert!(text.contains("max_sessions_reached"), "{text}");
        // Over RTMP (one call a session) from the first address, too.
        let mut rtmp = read("rtmp-1", "198.51.100.7");
        rtmp["protocol"] = "rtmp".into();
        assert_eq!(call(&app, rtmp).await.0, 403);
        assert_eq!(plane.kicker.mediamtx_online()["alice:tv"], 1);
    }
}
