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
use axum::extract::{RawQuery, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use hy_node::{Attempt, Decision, NodeState, Outcome, Refusal, Resource};
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

/// Flussonic's parameters that the node reads.
#[derive(Debug, Default)]
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
        Refusal::Suspended => "token_suspended",
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

/// Flussonic's GET: the parameters in the query.
async fn auth(state: State<Arc<Flussonic>>, RawQuery(query): RawQuery) -> Response {
    let query = query.unwrap_or_default();
    match params(form_urlencoded::parse(query.as_bytes())) {
        Ok(q) => decide(state, q).await,
        Err(why) => bad(&state, why),
    }
}

/// The seed's `POST /auth`: the query's parameters, then a form body's.
async fn auth_post(
    state: State<Arc<Flussonic>>,
    RawQuery(query): RawQuery,
    body: Bytes,
) -> Response {
    let query = query.unwrap_or_default();
    let fields = form_urlencoded::parse(query.as_bytes()).chain(form_urlencoded::parse(&body));
    match params(fields) {
        Ok(q) => decide(state, q).await,
        Err(why) => bad(&state, why),
    }
}

/// The parameters the node reads, each the first of its name (values percent-decoded; bytes
/// that are not UTF-8 are replaced, so such a token matches none).
fn params<'a>(
    fields: impl Iterator<Item = (std::borrow::Cow<'a, str>, std::borrow::Cow<'a, str>)>,
) -> Result<Params, &'static str> {
    let mut q = Params::default();
    for (k, v) in fields {
        let slot = match k.as_ref() {
            "name" => &mut q.name,
            "proto" => &mut q.proto,
            "ip" => &mut q.ip,
            "request_type" => &mut q.request_type,
            "session_id" => &mut q.session_id,
            "token" => &mut q.token,
            "bytes" if q.bytes.is_none() => {
                q.bytes = Some(
                    v.parse()
                        .map_err(|_| "bytes must be a whole number below 2^64")?,
                );
                continue;
            }
            _ => continue,
        };
        if slot.is_none() {
            *slot = Some(v.into_owned());
        }
    }
    Ok(q)
}

/// A request the node cannot read: 400, which Flussonic takes as a failed backend (it keeps
/// its last decision) and the seed's clients as a refusal.
fn bad(s: &Flussonic, why: &str) -> Response {
    s.node.metrics.count_auth(Outcome::BadRequest);
    let body = serde_json::json!({ "reason": "bad_request", "errors": [why] }).to_string();
    (
        StatusCode::BAD_REQUEST,
        [(header::CONTENT_TYPE, "application/json")],
        body,
    )
        .into_response()
}

async fn decide(State(s): State<Arc<Flussonic>>, q: Params) -> Response {
    let (Some(name), Some(ip)) = (q.name.as_deref(), q.ip.as_deref()) else {
        return bad(&s, "name and ip are required");
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
    async fn bad_input_is_a_json_400_or_a_refusal_never_a_5xx() {
        let app = router(node(), StreamPlane::default(), 180, None);
        let ok = "name=stream1&ip=192.168.1.100&token=secure-token-123";
        let huge = "x".repeat(30_000);
        for (query, status, why) in [
            (format!("{ok}&bytes=lots"), 400, "bytes"),
            (format!("{ok}&bytes=18446744073709551616"), 400, "bytes"),
            (format!("{ok}&bytes=-5"), 400, "bytes"),
            ("name=stream1".to_owned(), 400, "ip"),
            (String::new(), 400, "name"),
            // Bad percent-encoding, invalid UTF-8 and huge values are read as they are: no
            // such token, stream or address.
            (
                "name=stream1&ip=192.168.1.100&token=%ZZ%ff%00".to_owned(),
                403,
                "token_not_found",
            ),
            (
                format!("name={huge}&ip=192.168.1.100&token=secure-token-123"),
                403,
                "stream_not_allowed",
            ),
            (
                "name=stream1&ip=not-an-ip&token=secure-token-123".to_owned(),
                403,
                "ip_not_allowed",
            ),
            // The first of a repeated parameter is the one read.
            (format!("{ok}&token=nope&ip=10.0.0.1"), 200, ""),
        ] {
            let (got, h, body) = get(&app, &query).await;
            assert_eq!(got.as_u16(), status, "{query:.80}: {body}");
            assert!(body.contains(why), "{query:.80}: {body}");
            if status != 200 {
                assert_eq!(h["content-type"], "application/json");
            }
        }
        // The seed's POST: the query's and a form body's parameters.
        let resp = app
            .oneshot(
                Request::post("/auth?name=stream1")
                    .header("content-type", "application/x-www-form-urlencoded")
                    .body(Body::from("ip=192.168.1.100&token=secure-token-123"))
                    .unwrap(),
            )
            .await
            .unwrap();
        assert_eq!(resp.status(), 200);
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
