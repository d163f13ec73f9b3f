//! Flussonic's `auth_backend` (`stream-auth.md` §1, and the seed's `GET /auth`): a GET with
//! the session in query parameters, answered 200 with `X-AuthDuration`, `X-UserId` and
//! `X-Max-Sessions`, or 403 with a JSON reason in the seed's words.
//!
//! A `new_session` is decided by the runtime and its slot reserved in the session table in
//! one step. An `update_session` counts the bytes the server reports (cumulative per session)
//! and decides again, so a user who lost access since (blocked, expired, out of quota, killed
//! from central) is refused at the next update, which makes Flussonic cut the session. An
//! update for a session this node does not know (it restarted) is decided as a new one.

use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Query, RawQuery, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use hy_node::{Attempt, Decision, NodeState, Outcome, Refusal, Resource};
use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::plane::StreamPlane;
use crate::sessions::{Opening, Updated};

/// What the handler needs.
#[derive(Debug)]
struct Flussonic {
    node: NodeState,
    plane: StreamPlane,
    /// `X-AuthDuration`: how long a decision holds before Flussonic asks again.
    duration: u32,
}

/// Flussonic's parameters (every value percent-decoded by the extractor).
#[derive(Debug, Default, Deserialize)]
pub struct Params {
    name: Option<String>,
    proto: Option<String>,
    ip: Option<String>,
    request_type: Option<String>,
    session_id: Option<String>,
    token: Option<String>,
    bytes: Option<u64>,
}

/// The routes: `/flussonic` and the seed's `/auth` (GET, and POST as the seed also takes it:
/// the parameters in the query or a form body), also under `/<prefix>/` when one is set.
pub fn router(node: NodeState, plane: StreamPlane, duration: u32, prefix: Option<&str>) -> Router {
    let mut router = Router::new()
        .route("/flussonic", get(auth))
        .route("/auth", get(auth).post(auth_post));
    if let Some(p) = prefix {
        router = router
            .route(&format!("/{p}/flussonic"), get(auth))
            .route(&format!("/{p}/auth"), get(auth).post(auth_post));
    }
    router.with_state(Arc::new(Flussonic {
        node,
        plane,
        duration,
    }))
}

/// The seed's name for a refusal (its clients read these), or hyctl's own where the seed has
/// none (quota, publishing).
pub fn reason(r: Refusal) -> &'static str {
    match r {
        Refusal::NoCredential | Refusal::UnknownCredential => "token_not_found",
        Refusal::Expired => "token_expired",
        Refusal::NotYetValid => "token_not_yet_valid",
        Refusal::TooManySessions | Refusal::TooManyDevices => "max_sessions_reached",
        Refusal::AddressNotAllowed => "ip_not_allowed",
        Refusal::StreamNotAllowed => "stream_not_allowed",
        Refusal::Quota => "quota_exceeded",
        Refusal::PublishNotAllowed => "publish_not_allowed",
    }
}

fn deny(reason: &str) -> Response {
    let body = serde_json::json!({ "reason": reason, "errors": [reason] }).to_string();
    let mut resp = (StatusCode::FORBIDDEN, body).into_response();
    resp.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    resp
}

fn allow(user: &str, duration: u32, max_sessions: Option<u32>) -> Response {
    let mut resp = StatusCode::OK.into_response();
    let h = resp.headers_mut();
    h.insert("x-authduration", HeaderValue::from(duration));
    // Ids are validated by central to header-safe characters; a bad one is left out rather
    // than failing the answer.
    if let Ok(v) = HeaderValue::from_str(user) {
        h.insert("x-userid", v);
    }
    // What is left of a limit shared across nodes can be 0 for a session already open here,
    // which is no limit Flussonic could apply: none is sent then.
    if let Some(max) = max_sessions.filter(|m| *m > 0) {
        h.insert("x-max-sessions", HeaderValue::from(max));
    }
    resp
}

/// The seed's `POST /auth`: the query's parameters, then a form body's over them.
async fn auth_post(
    state: State<Arc<Flussonic>>,
    RawQuery(query): RawQuery,
    body: Bytes,
) -> Response {
    let mut fields: Vec<(String, String)> =
        form_urlencoded::parse(query.as_deref().unwrap_or_default().as_bytes())
            .into_owned()
            .collect();
    fields.extend(form_urlencoded::parse(&body).into_owned());
    let mut q = Params::default();
    for (k, v) in fields {
        match k.as_str() {
            "name" => q.name = Some(v),
            "proto" => q.proto = Some(v),
            "ip" => q.ip = Some(v),
            "request_type" => q.request_type = Some(v),
            "session_id" => q.session_id = Some(v),
            "token" => q.token = Some(v),
            "bytes" => match v.parse() {
                Ok(b) => q.bytes = Some(b),
                Err(_) => {
                    state.node.metrics.count_auth(Outcome::BadRequest);
                    let body = r#"{"reason":"bad_request","errors":["bytes is not a count"]}"#;
                    return (StatusCode::BAD_REQUEST, body).into_response();
                }
            },
            _ => {}
        }
    }
    auth(state, Query(q)).await
}

async fn auth(State(s): State<Arc<Flussonic>>, Query(q): Query<Params>) -> Response {
    let (Some(name), Some(ip)) = (q.name.as_deref(), q.ip.as_deref()) else {
        s.node.metrics.count_auth(Outcome::BadRequest);
        let body = r#"{"reason":"bad_request","errors":["name and ip are required"]}"#;
        return (StatusCode::BAD_REQUEST, body).into_response();
    };
    // Flussonic's own id of the session; the seed's example has none, and then the session
    // is the stream, address and token together (as the seed keys it).
    let key = match q.session_id.as_deref() {
        Some(id) if !id.is_empty() => id.to_owned(),
        _ => {
            let token = q.token.as_deref().unwrap_or_default();
            hex::encode(Sha256::digest(format!("{name}\n{ip}\n{token}")))
        }
    };
    let attempt = Attempt {
        credential: q.token.as_deref().filter(|t| !t.is_empty()),
        addr: ip,
        resource: Resource::Stream {
            name,
            publish: false,
        },
    };
    let now = jiff::Timestamp::now().as_second();
    if q.request_type.as_deref() == Some("update_session") {
        match s.plane.sessions.update(&key, q.bytes, now) {
            Updated::Killed => {
                s.plane.sessions.end(&key, q.bytes, now);
                return deny("session_ended");
            }
            Updated::Counted => {
                // Still allowed? The same decision as at the start, without a new slot.
                return match s.node.recheck(&attempt) {
                    Decision::Admit(admit) => allow(&admit.user, s.duration, admit.max_sessions),
                    Decision::Refuse { reason: r, .. } => {
                        s.plane.sessions.end(&key, q.bytes, now);
                        deny(reason(r))
                    }
                };
            }
            Updated::Unknown => {}
        }
    }
    let opening = |user: &Arc<str>| Opening {
        user: Arc::clone(user),
        stream: name.to_owned(),
        proto: q.proto.clone().unwrap_or_default(),
        addr: ip.to_owned(),
        publish: false,
        renews: true,
    };
    let decision = s
        .node
        .authorize_reserving(&s.plane, &attempt, |admit| {
            s.plane
                .sessions
                .admit(&key, opening(&admit.user), admit.max_sessions, now)
                .map(|_| ())
        })
        .await;
    match decision {
        Decision::Admit(admit) => {
            // An update for a session this node did not know carries its bytes so far.
            if q.bytes.is_some() {
                s.plane.sessions.update(&key, q.bytes, now);
            }
            allow(&admit.user, s.duration, admit.max_sessions)
        }
        Decision::Refuse { reason: r, .. } => deny(reason(r)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing;
    use axum::body::Body;
    use axum::http::Request;
    use hy_api::node::{NodeDevice, NodeUser};
    use tower::ServiceExt;

    fn node() -> NodeState {
        testing::node(vec![
            NodeUser {
                remaining: Some(10_000),
                ..testing::entry("alice", "alice-own-secret")
            },
            NodeUser {
                remaining: Some(10_000),
                device: Some(NodeDevice {
                    max_sessions: Some(1),
                    allowed_streams: vec!["stream1".into(), "live/*".into()],
                    allowed_ips: vec!["192.168.1.0/24".into()],
                    ..Default::default()
                }),
                ..testing::entry("alice:tv", "secure-token-123")
            },
        ])
    }

    async fn get(app: &Router, query: &str) -> (StatusCode, axum::http::HeaderMap, String) {
        at(app, "/auth", query).await
    }

    async fn at(
        app: &Router,
        path: &str,
        query: &str,
    ) -> (StatusCode, axum::http::HeaderMap, String) {
        let resp = app
            .clone()
            .oneshot(
                Request::get(format!("{path}?{query}"))
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap();
        let (status, headers) = (resp.status(), resp.headers().clone());
        let body = axum::body::to_bytes(resp.into_body(), 1 << 16)
            .await
            .unwrap();
        (status, headers, String::from_utf8(body.to_vec()).unwrap())
    }

    #[tokio::test]
    async fn the_seeds_example_and_its_refusals() {
        let plane = StreamPlane::default();
        let app = router(node(), plane.clone(), 180, None);
        // The seed's own example.
        let (status, h, _) = get(
            &app,
            "name=stream1&ip=192.168.1.100&token=secure-token-123&proto=hls",
        )
        .await;
        assert_eq!(status, 200);
        assert_eq!(h["x-authduration"], "180");
        assert_eq!(h["x-userid"], "alice:tv");
        assert_eq!(h["x-max-sessions"], "1");
        for (query, why) in [
            (
                "name=stream1&ip=192.168.1.100&token=nope",
                "token_not_found",
            ),
            ("name=stream1&ip=192.168.1.100", "token_not_found"),
            (
                "name=stream1&ip=10.0.0.1&token=secure-token-123",
                "ip_not_allowed",
            ),
            (
                "name=movies&ip=192.168.1.100&token=secure-token-123",
                "stream_not_allowed",
            ),
            // A second player on the tv's one slot.
            (
                "name=live/news&ip=192.168.1.101&token=secure-token-123&session_id=other",
                "max_sessions_reached",
            ),
        ] {
            let (status, _, body) = get(&app, query).await;
            assert_eq!(status, 403, "{query}");
            let body: serde_json::Value = serde_json::from_str(&body).unwrap();
            assert_eq!(body["reason"], why, "{query}");
        }
        let (status, _, _) = get(&app, "ip=192.168.1.100&token=secure-token-123").await;
        assert_eq!(status, 400, "no stream name");
    }

    #[tokio::test]
    async fn updates_count_cumulative_bytes_and_a_kill_ends_the_session() {
        let plane = StreamPlane::default();
        let app = router(node(), plane.clone(), 180, Some("k3J9x"));
        let base =
            "name=live/news&ip=192.168.1.7&token=secure-token-123&proto=hls&session_id=6217fd62";
        // Under the secret prefix, as Flussonic's `backend` URL names it.
        let (status, _, _) = at(
            &app,
            "/k3J9x/flussonic",
            &format!("{base}&request_type=new_session"),
        )
        .await;
        assert_eq!(status, 200);
        for bytes in [1000, 2500, 2500] {
            let (status, _, _) = get(
                &app,
                &format!("{base}&request_type=update_session&bytes={bytes}"),
            )
            .await;
            assert_eq!(status, 200);
        }
        let (deltas, marks) = plane.sessions.take();
        assert_eq!(deltas["alice:tv"].rx, 2500, "cumulative, counted once");
        assert_eq!(marks["6217fd62"], Some(2500));
        // Killed from central: the next update is refused and the session ends.
        hy_node::Plane::close(&plane, &["alice:tv".into()])
            .await
            .unwrap();
        let (status, _, body) = get(
            &app,
            &format!("{base}&request_type=update_session&bytes=3000"),
        )
        .await;
        assert_eq!(
            (status.as_u16(), body.contains("session_ended")),
            (403, true)
        );
        assert!(plane.sessions.online().is_empty());
        assert_eq!(
            plane.sessions.take().0["alice:tv"].rx,
            500,
            "its last bytes count"
        );
        // The player may come back: a new session takes the freed slot.
        let (status, _, _) = get(&app, &format!("{base}&request_type=new_session")).await;
        assert_eq!(status, 200);
    }
}
