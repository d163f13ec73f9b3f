//! Hysteria's HTTP auth callback (the hot path), translated to and from the runtime's decision.
//!
//! Auth answers from memory: one JSON parse, one SHA-256, one hash lookup; never a call to
//! central. Only `200 {"ok":true,"id":"..."}` admits a client; refusals are `403 {"ok":false}`,
//! which Hysteria treats as a reject like any non-200; a body that is not Hysteria's is a `400`.

use std::borrow::Cow;
use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use hy_node::{Attempt, Decision, NodeState, Outcome, Resource};
use serde::Deserialize;

use crate::api::Hysteria;

/// What the auth handler needs: the node and Hysteria's API (for device counts).
#[derive(Debug)]
struct Auth {
    node: NodeState,
    hysteria: Arc<Hysteria>,
}

/// The admitting answer, fields in the documented order: `{"ok":true,"id":"alice"}`.
#[derive(serde::Serialize)]
struct AdmitBody<'a> {
    ok: bool,
    id: &'a str,
}

/// Hysteria's request: `{"addr":"203.0.113.7:51234","auth":"<string>","tx":12500000}`.
#[derive(Debug, Deserialize)]
struct AuthRequest<'a> {
    #[serde(borrow, default)]
    addr: Cow<'a, str>,
    #[serde(borrow)]
    auth: Cow<'a, str>,
}

/// The auth route at `/`, and also at `/<auth_path>` when configured.
pub fn router(node: NodeState, hysteria: Arc<Hysteria>, auth_path: Option<&str>) -> Router {
    let mut router = Router::new().route("/", post(auth));
    if let Some(path) = auth_path {
        router = router.route(&format!("/{path}"), post(auth));
    }
    // One Arc, not the struct: axum clones the state for every request.
    router.with_state(Arc::new(Auth { node, hysteria }))
}

fn json(status: StatusCode, body: Vec<u8>) -> Response {
    let mut resp = (status, body).into_response();
    resp.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    resp
}

async fn auth(State(s): State<Arc<Auth>>, body: Bytes) -> Response {
    let started = std::time::Instant::now();
    let resp = match serde_json::from_slice::<AuthRequest<'_>>(&body) {
        Ok(req) => answer(&s, &req).await,
        Err(_) => {
            s.node.metrics.count_auth(Outcome::BadRequest);
            let body = br#"{"ok":false,"error":"expected {\"addr\",\"auth\",\"tx\"}"}"#;
            json(StatusCode::BAD_REQUEST, body.to_vec())
        }
    };
    s.node
        .metrics
        .auth_seconds
        .observe(started.elapsed().as_secs_f64());
    resp
}

async fn answer(s: &Auth, req: &AuthRequest<'_>) -> Response {
    // Hysteria always sends `auth`; an empty one names nobody, as before the runtime.
    let attempt = Attempt {
        credential: Some(&req.auth),
        addr: &req.addr,
        resource: Resource::Node,
    };
    match s.node.authorize(&*s.hysteria, &attempt).await {
        Decision::Admit(admit) => {
            // Ids are validated by central to `[A-Za-z0-9._@-]`, but encode anyway: a reply
            // that is not valid JSON would silently reject the user.
            match serde_json::to_vec(&AdmitBody {
                ok: true,
                id: &admit.user,
            }) {
                Ok(body) => json(StatusCode::OK, body),
                Err(_) => {
                    s.node.metrics.count_auth(Outcome::Error);
                    json(
                        StatusCode::INTERNAL_SERVER_ERROR,
                        br#"{"ok":false}"#.to_vec(),
                    )
                }
            }
        }
        Decision::Refuse { .. } => json(StatusCode::FORBIDDEN, br#"{"ok":false}"#.to_vec()),
    }
}
