//! The agent's HTTP surface: Hysteria's auth callback (the hot path) and `/healthz`.
//!
//! Auth answers from memory: one JSON parse, one SHA-256, one hash lookup; never a call to
//! central. Only `200 {"ok":true,"id":"..."}` admits a client; refusals are `403 {"ok":false}`,
//! which Hysteria treats as a reject like any non-200.

use std::borrow::Cow;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;

use crate::hysteria::Hysteria;
use crate::report::Seen;
use crate::status::SharedStatus;
use crate::table::{Refusal, SharedTable};

/// What the auth handler needs.
#[derive(Debug, Clone)]
pub struct AgentHttp {
    /// The user table.
    pub table: SharedTable,
    /// Health.
    pub status: SharedStatus,
    /// Server label for health output.
    pub server: String,
    /// Hysteria's API, for device limits (`/online`).
    pub hysteria: Hysteria,
    /// Admissions to report to central.
    pub seen: Seen,
    /// Every decision, for central's auth log.
    pub log: Arc<crate::authlog::AuthLog>,
    /// Oldest list confirmation `/readyz` accepts.
    pub ready_max_list_age: std::time::Duration,
    /// Metrics.
    pub metrics: crate::metrics::Metrics,
    /// Device-limited users' devices on other nodes.
    pub elsewhere: crate::kick::Elsewhere,
}

/// The admitting answer, fields in the documented order: `{"ok":true,"id":"alice"}`.
#[derive(serde::Serialize)]
struct Admit<'a> {
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

/// The auth and health routes; auth also at `/<auth_path>` when configured.
pub fn router(state: AgentHttp, auth_path: Option<&str>) -> Router {
    let mut router = Router::new()
        .route("/", post(auth))
        .route("/healthz", get(health))
        .route("/readyz", get(ready))
        .route("/metrics", get(metrics));
    if let Some(path) = auth_path {
        router = router.route(&format!("/{path}"), post(auth));
    }
    // One Arc, not the struct: axum clones the state for every request, and this one holds
    // a dozen reference-counted handles and a String.
    router.with_state(Arc::new(state))
}

fn json(status: StatusCode, body: Vec<u8>) -> Response {
    let mut resp = (status, body).into_response();
    resp.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    resp
}

async fn auth(State(s): State<Arc<AgentHttp>>, body: Bytes) -> Response {
    let started = std::time::Instant::now();
    let (resp, outcome) = decide(&s, &body).await;
    s.metrics.count_auth(outcome);
    s.metrics
        .auth_seconds
        .observe(started.elapsed().as_secs_f64());
    resp
}

async fn decide(s: &AgentHttp, body: &[u8]) -> (Response, &'static str) {
    let Ok(req) = serde_json::from_slice::<AuthRequest<'_>>(body) else {
        let body = br#"{"ok":false,"error":"expected {\"addr\",\"auth\",\"tx\"}"}"#;
        return (json(StatusCode::BAD_REQUEST, body.to_vec()), "bad_request");
    };
    // One clock read per decision, shared by the checks and the log.
    let now = jiff::Timestamp::now().as_second();
    let refuse = |user: Option<&Arc<str>>, reason: &'static str| {
        s.log.record(now, user, &req.addr, false, reason);
        (
            json(StatusCode::FORBIDDEN, br#"{"ok":false}"#.to_vec()),
            reason,
        )
    };
    let table = s.table.load();
    let Some(entry) = table.lookup(&req.auth) else {
        return refuse(None, "unknown_secret");
    };
    match entry.check(now) {
        Err(Refusal::Expired) => return refuse(Some(&entry.id), "expired"),
        Err(_) => return refuse(Some(&entry.id), "quota"),
        Ok(()) => {}
    }
    if !entry.address_allowed(&req.addr) {
        return refuse(Some(&entry.id), "address_not_allowed");
    }
    if let Some(max) = entry.max_devices {
        // Only users with a device limit pay for this local call. If Hysteria's API cannot
        // answer, admit: an outage of the stats API must not lock everyone out.
        match s.hysteria.online().await {
            Ok(online)
                if online
                    .get(&*entry.id)
                    .copied()
                    .unwrap_or(0)
                    .saturating_add(elsewhere(s, &entry.id))
                    >= u64::from(max) =>
            {
                return refuse(Some(&entry.id), "too_many_devices");
            }
            Ok(_) => {}
            Err(err) => tracing::warn!(error = %err, "could not check the device limit; admitting"),
        }
    }
    s.seen
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .insert(Arc::clone(&entry.id), now);
    s.log.record(now, Some(&entry.id), &req.addr, true, "ok");
    // Ids are validated by central to `[A-Za-z0-9._@-]`, but encode anyway: a reply that is
    // not valid JSON would silently reject the user.
    match serde_json::to_vec(&Admit {
        ok: true,
        id: &entry.id,
    }) {
        Ok(body) => (json(StatusCode::OK, body), "ok"),
        Err(_) => (
            json(
                StatusCode::INTERNAL_SERVER_ERROR,
                br#"{"ok":false}"#.to_vec(),
            ),
            "error",
        ),
    }
}

/// Why the agent is not ready, if it is not: its list is missing or stale, or Hysteria's API
/// does not answer.
fn not_ready(s: &AgentHttp) -> Option<String> {
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
    if !st.hysteria.reachable {
        let why = st
            .hysteria
            .last_error
            .unwrap_or_else(|| "not contacted yet".into());
        return Some(format!("Hysteria's API is unreachable: {why}"));
    }
    None
}

/// Devices `id` has on other nodes, as central last said.
fn elsewhere(s: &AgentHttp, id: &str) -> u64 {
    s.elsewhere
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .get(id)
        .copied()
        .unwrap_or(0)
}

/// Prometheus metrics. Unauthenticated: the agent listens on loopback, like Hysteria's own API.
async fn metrics(State(s): State<Arc<AgentHttp>>, headers: axum::http::HeaderMap) -> Response {
    s.metrics.respond(&s.status.snapshot(), &headers)
}

async fn ready(State(s): State<Arc<AgentHttp>>) -> (StatusCode, Json<serde_json::Value>) {
    match not_ready(&s) {
        None => (StatusCode::OK, Json(serde_json::json!({ "ready": true }))),
        Some(reason) => (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(serde_json::json!({ "ready": false, "reason": reason })),
        ),
    }
}

async fn health(State(s): State<Arc<AgentHttp>>) -> Json<serde_json::Value> {
    let st = s.status.snapshot();
    let now = jiff::Timestamp::now();
    let age = st.list.confirmed_at.map(|t| (now - t).get_seconds());
    Json(serde_json::json!({
        "status": "ok",
        "version": hy_api::VERSION,
        "server": s.server,
        "list": {
            "source": st.list.source,
            "users": st.list.users,
            "revision": st.list.revision,
            "confirmed_at": st.list.confirmed_at,
            "age_seconds": age,
        },
        "central": st.central,
        "hysteria": st.hysteria,
        "spool": st.spool,
        "kicks": st.kicks,
        "auth_log": { "unsent": s.log.len(), "dropped": s.log.dropped() },
    }))
}
