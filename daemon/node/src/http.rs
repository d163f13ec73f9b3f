//! The runtime's own HTTP routes, merged by every node into its listener: `/healthz`
//! (liveness and a full status), `/readyz` (list fresh, plane reachable) and `/metrics`.
//! Unauthenticated: nodes listen on loopback, like Hysteria's own API.

use std::sync::Arc;

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::get;
use axum::{Json, Router};

use crate::state::NodeState;

/// Names the runtime's routes take, so an adapter's own paths cannot shadow them.
pub const ROUTES: [&str; 3] = ["healthz", "readyz", "metrics"];

#[derive(Debug)]
struct Health {
    state: NodeState,
    /// The plane's key in `/healthz`.
    plane: &'static str,
}

/// `/healthz`, `/readyz` and `/metrics` for `state`, whose plane is called `plane`.
pub fn router(state: NodeState, plane: &'static str) -> Router {
    Router::new()
        .route("/healthz", get(health))
        .route("/readyz", get(ready))
        .route("/metrics", get(metrics))
        .with_state(Arc::new(Health { state, plane }))
}

/// Why the node is not ready, if it is not: its list is missing or stale, or the plane does
/// not answer.
fn not_ready(s: &NodeState) -> Option<String> {
    let st = s.status.snapshot();
    let max = s.ready_max_list_age.as_secs_f64();
    match st.list.confirmed_at {
        None => return Some("no user list yet: central has never answered".into()),
        Some(t) => {
            let age = jiff::Timestamp::now().duration_since(t).as_secs_f64();
            if age > max {
                return Some(format!(
                    "the user list was last confirmed by central {age:.0}s ago (limit {max:.0}s)"
                ));
            }
        }
    }
    if !st.plane.reachable {
        let why = st
            .plane
            .last_error
            .unwrap_or_else(|| "not contacted yet".into());
        return Some(format!(
            "{} is unreachable: {why}",
            s.status.plane_display()
        ));
    }
    None
}

async fn metrics(State(h): State<Arc<Health>>, headers: HeaderMap) -> Response {
    h.state
        .metrics
        .respond(&h.state.status.snapshot(), &headers)
}

async fn ready(State(h): State<Arc<Health>>) -> (StatusCode, Json<serde_json::Value>) {
    match not_ready(&h.state) {
        None => (StatusCode::OK, Json(serde_json::json!({ "ready": true }))),
        Some(reason) => (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(serde_json::json!({ "ready": false, "reason": reason })),
        ),
    }
}

async fn health(State(h): State<Arc<Health>>) -> Json<serde_json::Value> {
    let s = &h.state;
    let st = s.status.snapshot();
    let now = jiff::Timestamp::now();
    let age = st.list.confirmed_at.map(|t| (now - t).get_seconds());
    let mut body = serde_json::json!({
        "status": "ok",
        "version": hy_api::VERSION,
        "server": &*s.label,
        "list": {
            "source": st.list.source,
            "users": st.list.users,
            "revision": st.list.revision,
            "confirmed_at": st.list.confirmed_at,
            "age_seconds": age,
        },
        "central": st.central,
        "spool": st.spool,
        "kicks": st.kicks,
        "auth_log": { "unsent": s.log.len(), "dropped": s.log.dropped() },
    });
    body[h.plane] = serde_json::to_value(&st.plane).unwrap_or_default();
    Json(body)
}
