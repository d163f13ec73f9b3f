//! nginx-rtmp's notifications (`stream-auth.md` §4, `ngx_rtmp_notify_module`): a form POST
//! (a GET with `notify_method get`) per event, `call=play|publish` to ask, `update_play` and
//! `update_publish` every `notify_update_timeout` while the session lasts, `play_done`,
//! `publish_done` and `done` when it ends. A 2xx continues and anything else drops the client;
//! a non-2xx to an update cuts a running session, which is how a session whose right is gone
//! (blocked, expired, out of quota, killed from central) ends.
//!
//! nginx-rtmp writes its own fields first (`app`, `flashver`, ..., `addr`, `clientid`,
//! `call`, `name`) and the player's play arguments after them, raw: the first value of a field
//! is nginx's, so a player cannot pass `?addr=` or `?call=` of its own. The stream is
//! `app/name` (`live/news`), as for SRS. nginx-rtmp reports no bytes; its sessions show their
//! time (started, last seen) instead.

use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::any;
use hy_node::{Attempt, Decision, NodeState, Outcome, Resource};

use crate::flussonic::reason;
use crate::plane::StreamPlane;
use crate::sessions::{Opening, Updated};

#[derive(Debug)]
struct NginxRtmp {
    node: NodeState,
    plane: StreamPlane,
}

/// The route: `/nginx-rtmp`, also under `/<prefix>/` when one is set.
pub fn router(node: NodeState, plane: StreamPlane, prefix: Option<&str>) -> Router {
    let mut router = Router::new().route("/nginx-rtmp", any(notify));
    if let Some(p) = prefix {
        router = router.route(&format!("/{p}/nginx-rtmp"), any(notify));
    }
    router.with_state(Arc::new(NginxRtmp { node, plane }))
}

/// A notification's fields, each the first of its name.
struct Fields<'a>(Vec<(std::borrow::Cow<'a, str>, std::borrow::Cow<'a, str>)>);

impl Fields<'_> {
    fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_ref())
    }
}

fn answer(status: StatusCode, why: &str) -> Response {
    let body = serde_json::json!({ "reason": why }).to_string();
    (status, [("content-type", "application/json")], body).into_response()
}

async fn notify(
    State(s): State<Arc<NginxRtmp>>,
    method: Method,
    RawQuery(query): RawQuery,
    body: Bytes,
) -> Response {
    let raw: &[u8] = match method {
        Method::POST => &body,
        Method::GET => query.as_deref().unwrap_or_default().as_bytes(),
        _ => return answer(StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed"),
    };
    let f = Fields(form_urlencoded::parse(raw).collect());
    let bad = |what: &str| {
        s.node.metrics.count_auth(Outcome::BadRequest);
        answer(StatusCode::BAD_REQUEST, what)
    };
    let Some(call) = f.get("call") else {
        return bad("call is required");
    };
    let (publish, update) = match call {
        "play" => (false, false),
        "publish" => (true, false),
        "update_play" => (false, true),
        "update_publish" => (true, true),
        // `update` without a suffix: nginx-rtmp's update for a session neither playing nor
        // publishing yet; nothing to decide.
        "update" | "connect" | "disconnect" | "record_done" => {
            return StatusCode::OK.into_response();
        }
        "play_done" | "publish_done" | "done" => {
            let Some(key) = key(&f, call.starts_with("publish")) else {
                return StatusCode::OK.into_response();
            };
            s.plane
                .sessions
                .end(&key, None, jiff::Timestamp::now().as_second());
            return StatusCode::OK.into_response();
        }
        _ => return bad("unknown call"),
    };
    let (Some(key), Some(addr)) = (key(&f, publish), f.get("addr")) else {
        return bad("clientid, name and addr are required");
    };
    let name = stream(&f);
    let attempt = Attempt {
        credential: f.get("token").filter(|t| !t.is_empty()),
        addr,
        resource: Resource::Stream {
            name: &name,
            publish,
        },
    };
    let now = jiff::Timestamp::now().as_second();
    if update {
        match s.plane.sessions.update(&key, None, now) {
            Updated::Killed => {
                s.plane.sessions.end(&key, None, now);
                return answer(StatusCode::FORBIDDEN, "session_ended");
            }
            Updated::Counted => {
                return match s.node.recheck(&attempt) {
                    Decision::Admit(_) => StatusCode::OK.into_response(),
                    Decision::Refuse { reason: r, .. } => {
                        s.plane.sessions.end(&key, None, now);
                        answer(StatusCode::FORBIDDEN, reason(r))
                    }
                };
            }
            // This node restarted while the session played: decided as a new one.
            Updated::Unknown => {}
        }
    }
    let decision = s
        .node
        .authorize_reserving(&s.plane, &attempt, |admit| {
            let opening = Opening {
                user: Arc::clone(&admit.user),
                stream: name.clone(),
                proto: "rtmp".into(),
                addr: addr.to_owned(),
                publish,
                // Until its first update: nginx-rtmp sends them only when `on_update` is set.
                renews: update,
            };
            s.plane
                .sessions
                .admit(&key, opening, admit.max_sessions, now)
                .map(|_| ())
        })
        .await;
    match decision {
        Decision::Admit(_) => StatusCode::OK.into_response(),
        Decision::Refuse { reason: r, .. } => answer(StatusCode::FORBIDDEN, reason(r)),
    }
}

/// `app/name`, or the name alone in the default application.
fn stream(f: &Fields<'_>) -> String {
    let name = f.get("name").unwrap_or_default();
    match f.get("app").filter(|a| !a.is_empty()) {
        Some(app) => format!("{app}/{name}"),
        None => name.to_owned(),
    }
}

/// The session: one client's play or publish of one stream (an RTMP connection may do
/// several).
fn key(f: &Fields<'_>, publish: bool) -> Option<String> {
    let client = f.get("clientid").filter(|c| !c.is_empty())?;
    f.get("name").filter(|n| !n.is_empty())?;
    let what = if publish { "publish" } else { "play" };
    Some(format!("nginx-rtmp:{client}:{what}:{}", stream(f)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing;
    use axum::body::Body;
    use hy_api::node::{NodeDevice, NodeUser};
    use tower::ServiceExt;

    fn node() -> NodeState {
        testing::node(vec![
            NodeUser {
                device: Some(NodeDevice {
                    max_sessions: Some(1),
                    allowed_streams: vec!["live/*".into()],
                    allowed_ips: vec!["198.51.100.0/24".into(), "2001:db8::/32".into()],
                    ..Default::default()
                }),
                ..testing::entry("alice:tv", "tv-token-1234")
            },
            NodeUser {
                device: Some(NodeDevice {
                    publisher: true,
                    allowed_streams: vec!["live/cam*".into()],
                    ..Default::default()
                }),
                ..testing::entry("alice:cam", "cam-token-5678")
            },
        ])
    }

    /// What nginx-rtmp sends: its session fields, the call, and the player's arguments.
    fn form(call: &str, client: &str, addr: &str, name: &str, args: &str) -> String {
        let mut body = format!(
            "app=live&flashver=FMLE%2F3.0%20%28compatible%3B%20FMSc%2F1.0%29&swfurl=\
             &tcurl=rtmp%3A%2F%2F127.0.0.1%3A1935%2Flive&pageurl=&addr={addr}\
             &clientid={client}&call={call}&name={name}"
        );
        match call {
            "play" => body.push_str("&start=4294966296&duration=0&reset=0"),
            "publish" => body.push_str("&type=live"),
            c if c.starts_with("update") => body.push_str("&time=30&timestamp=30012"),
            _ => {}
        }
        if !args.is_empty() {
            body.push('&');
            body.push_str(args);
        }
        body
    }

    async fn post(app: &Router, body: String) -> (u16, String) {
        let resp = app
            .clone()
            .oneshot(
                axum::http::Request::post("/nginx-rtmp")
                    .header("content-type", "application/x-www-form-urlencoded")
                    .body(Body::from(body))
                    .unwrap(),
            )
            .await
            .unwrap();
        let status = resp.status().as_u16();
        let body = axum::body::to_bytes(resp.into_body(), 1 << 16)
            .await
            .unwrap();
        (status, String::from_utf8_lossy(&body).into_owned())
    }

    #[tokio::test]
    async fn plays_publishes_and_their_ends() {
        let plane = StreamPlane::default();
        let app = router(node(), plane.clone(), None);
        let tv = "token=tv-token-1234";
        let ip = "198.51.100.7";
        assert_eq!(post(&app, form("play", "1", ip, "news", tv)).await.0, 200);
        let live = plane.sessions.list();
        assert_eq!(live.len(), 1);
        assert_eq!(live[0].1.opening.stream, "live/news");
        assert!(!live[0].1.opening.renews, "no update seen yet");
        // The tv's one slot is taken.
        let (status, body) = post(&app, form("play", "2", ip, "news", tv)).await;
        assert_eq!((status, body.contains("max_sessions_reached")), (403, true));
        assert_eq!(
            post(&app, form("update_play", "1", ip, "news", tv)).await.0,
            200
        );
        assert!(plane.sessions.list()[0].1.opening.renews);
        assert_eq!(
            post(&app, form("play_done", "1", ip, "news", tv)).await.0,
            200
        );
        assert!(plane.sessions.list().is_empty());
        // IPv6 addresses, as nginx writes them.
        assert_eq!(
            post(&app, form("play", "3", "2001:db8::7", "news", tv))
                .await
                .0,
            200
        );
        let cam = "token=cam-token-5678";
        assert_eq!(
            post(&app, form("publish", "4", ip, "cam1", cam)).await.0,
            200
        );
        assert_eq!(
            post(&app, form("publish_done", "4", ip, "cam1", cam))
                .await
                .0,
            200
        );
        for (call, addr, name, args, why) in [
            ("publish", ip, "news", tv, "publish_not_allowed"),
            (
                "play",
                ip,
                "news",
                "token=cam-token-5678&x=1",
                "stream_not_allowed",
            ),
            ("play", ip, "news", "", "token_not_found"),
            ("play", ip, "news", "token=nope", "token_not_found"),
            ("play", "203.0.113.9", "news", tv, "ip_not_allowed"),
            // A player's own `addr=` comes after nginx's and is not the one read.
            (
                "play",
                "203.0.113.9",
                "news",
                "token=tv-token-1234&addr=198.51.100.7",
                "ip_not_allowed",
            ),
        ] {
            let (status, body) = post(&app, form(call, "9", addr, name, args)).await;
            assert_eq!(status, 403, "{call} {addr} {args}");
            assert!(body.contains(why), "{body}");
        }
    }

    #[tokio::test]
    async fn a_failed_update_cuts_the_session() {
        let plane = StreamPlane::default();
        let app = router(node(), plane.clone(), None);
        let tv = "token=tv-token-1234";
        let ip = "198.51.100.7";
        assert_eq!(post(&app, form("play", "1", ip, "news", tv)).await.0, 200);
        hy_node::Plane::close(&plane, &["alice:tv".into()])
            .await
            .unwrap();
        let (status, body) = post(&app, form("update_play", "1", ip, "news", tv)).await;
        assert_eq!((status, body.contains("session_ended")), (403, true));
        assert!(plane.sessions.list().is_empty());
        // An update this node never saw (it restarted) is decided as a new session.
        assert_eq!(
            post(&app, form("update_play", "5", ip, "news", tv)).await.0,
            200
        );
        assert_eq!(plane.sessions.list().len(), 1);
        // A right lost since: refused at the next update.
        let (status, body) = post(&app, form("update_play", "5", "203.0.113.1", "news", tv)).await;
        assert_eq!((status, body.contains("ip_not_allowed")), (403, true));
        assert!(plane.sessions.list().is_empty());
    }

    #[tokio::test]
    async fn get_notifications_and_bad_input() {
        let app = router(node(), StreamPlane::default(), Some("k3J9x"));
        let query = form("play", "1", "198.51.100.7", "news", "token=tv-token-1234");
        let resp = app
            .clone()
            .oneshot(
                axum::http::Request::get(format!("/k3J9x/nginx-rtmp?{query}"))
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap();
        assert_eq!(resp.status(), 200, "notify_method get, under the prefix");
        for (body, status) in [
            (String::new(), 400),
            (
                "call=teleport&clientid=1&name=x&addr=1.2.3.4".to_owned(),
                400,
            ),
            ("call=play&addr=1.2.3.4&token=tv-token-1234".to_owned(), 400),
            (
                "call=play&clientid=1&name=news&token=tv-token-1234".to_owned(),
                400,
            ),
            // Bad percent-encoding and invalid UTF-8 are read as they are: no such token.
            (
                "call=play&clientid=1&app=live&name=news&addr=198.51.100.7&token=%ZZ%ff".to_owned(),
                403,
            ),
            (
                format!(
                    "call=play&clientid=1&app=live&name={}&addr=198.51.100.7",
                    "n".repeat(100_000)
                ),
                403,
            ),
            ("call=connect&app=live&addr=1.2.3.4".to_owned(), 200),
            ("call=done&app=live&addr=1.2.3.4&clientid=1".to_owned(), 200),
        ] {
            assert_eq!(post(&app, body.clone()).await.0, status, "{body:.80}");
        }
        let resp = app
            .oneshot(
                axum::http::Request::delete("/nginx-rtmp")
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap();
        assert_eq!(resp.status(), 405);
    }
}
