//! Central's HTTP surface: composes the resource routers, the OpenAPI document built from the
//! same handlers, and the layers every request goes through.

pub mod admins;
pub mod audit;
pub mod devices;
pub mod error;
pub mod events;
pub mod extract;
pub mod log;
pub mod node;
pub mod openapi;
pub mod page;
pub mod roles;
pub mod seed;
pub mod servers;
pub mod sessions;
pub mod sub;
pub mod tokens;
pub mod traffic;
pub mod users;
pub mod webhooks;

use std::time::Duration;

use axum::extract::{DefaultBodyLimit, MatchedPath, Request, State};
use axum::http::{HeaderValue, StatusCode};
use axum::response::Response;
use axum::{Json, Router, middleware};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::state::AppState;

/// Largest admin request body.
pub const ADMIN_BODY_LIMIT: usize = 1024 * 1024;
/// Longest a request may run; long polls wait at most 60 s, so this leaves them room.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(90);

#[derive(OpenApi)]
#[openapi(
    info(title = "hyctl central", description = "Users, servers, assignments and traffic of a \
        Hysteria 2 fleet. Admin endpoints need `Authorization: Bearer <admin token>`; node \
        endpoints authenticate by the server id in the path."),
    modifiers(&AdminToken),
    tags((name = "users"), (name = "devices"), (name = "admins"), (name = "servers"), (name = "traffic"), (name = "node"), (name = "seed", description = "the Flussonic token backend's management API (seed 002), over devices"), (name = "meta"))
)]
struct ApiDoc;

struct AdminToken;

impl Modify for AdminToken {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "admin",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
        // The seed's scripts send the same credential in their own header.
        components.add_security_scheme(
            "api_key",
            SecurityScheme::ApiKey(utoipa::openapi::security::ApiKey::Header(
                utoipa::openapi::security::ApiKeyValue::new("X-API-Key"),
            )),
        );
    }
}

/// Every endpoint, each registered once with its documentation.
fn api() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .merge(users::routes())
        .merge(devices::routes())
        .merge(sub::routes())
        .merge(tokens::routes())
        .merge(audit::routes())
        .merge(admins::routes())
        .merge(events::routes())
        .merge(webhooks::routes())
        .merge(sessions::routes())
        .merge(seed::routes())
        .merge(servers::routes())
        .merge(traffic::routes())
        .merge(log::routes())
        .merge(node::routes().layer(DefaultBodyLimit::max(node::REPORT_BODY_LIMIT)))
        .routes(routes!(health))
        .routes(routes!(ready))
        .routes(routes!(metrics))
        .routes(routes!(openapi_json))
}

/// The router and the OpenAPI document, built from one list of handlers.
pub fn router_and_doc(state: AppState) -> (Router, utoipa::openapi::OpenApi) {
    let (router, doc) = api().split_for_parts();
    let router = router
        .layer(middleware::from_fn_with_state(state.clone(), audit::record))
        .layer(middleware::from_fn_with_state(state.clone(), record))
        .layer(DefaultBodyLimit::max(ADMIN_BODY_LIMIT))
        .layer(middleware::map_response(error::json_errors))
        .layer(middleware::map_response(version_header))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        .layer(TraceLayer::new_for_http().make_span_with(request_span))
        .with_state(state.clone());
    // The panel calls into the API above, and is served beside it.
    let panel = crate::panel::routes(state, router.clone())
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        .layer(TraceLayer::new_for_http().make_span_with(request_span));
    // Everything the panel does not serve goes to the API router, whose own layers answer an
    // unknown path with its JSON 404.
    (panel.fallback_service(router), doc)
}

/// The router alone.
pub fn router(state: AppState) -> Router {
    router_and_doc(state).0
}

/// Counts each request and its latency by route pattern (never the raw path).
async fn record(State(s): State<AppState>, req: Request, next: middleware::Next) -> Response {
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map_or("(unmatched)", MatchedPath::as_str)
        .to_owned();
    let started = std::time::Instant::now();
    let resp = next.run(req).await;
    let labels = crate::metrics::RequestLabels {
        route: route.clone(),
        status: resp.status().as_u16(),
    };
    s.metrics.requests.get_or_create(&labels).inc();
    s.metrics
        .latency
        .get_or_create(&crate::metrics::RouteLabels { route })
        .observe(started.elapsed().as_secs_f64());
    resp
}

/// Prometheus metrics
///
/// Prometheus text 0.0.4, or OpenMetrics 1.0 when `Accept` prefers it (as Prometheus does);
/// needs the admin token (scrape with `authorization: credentials_file`).
#[utoipa::path(get, path = "/metrics", tag = "meta", security(("admin" = [])),
    responses((status = 200, description = "Prometheus text 0.0.4 or OpenMetrics 1.0 text",
        content_type = "text/plain"),
        (status = 401, body = hy_api::ErrorBody)))]
async fn metrics(
    _: extract::AdminAuth,
    State(s): State<AppState>,
    headers: axum::http::HeaderMap,
) -> Result<Response, error::ApiError> {
    let now = s.now();
    let (users, servers) = s.store.fleet_counts(now).await?;
    for (state, n) in users {
        s.metrics
            .users
            .get_or_create(&crate::metrics::StateLabels {
                state: state.as_str().into(),
            })
            .set(n);
    }
    for (class, n) in servers {
        s.metrics
            .servers
            .get_or_create(&crate::metrics::StateLabels {
                state: class.into(),
            })
            .set(n);
    }
    let counts = s.store.scrape_counts(now).await?;
    // Every state, so one that empties reads 0 rather than keeping its last value.
    for state in ["active", "blocked", "expired", "not_yet_valid"] {
        let n = counts
            .devices
            .iter()
            .find(|(st, _)| st == state)
            .map_or(0, |(_, n)| *n);
        s.metrics
            .devices
            .get_or_create(&crate::metrics::StateLabels {
                state: state.into(),
            })
            .set(n);
    }
    s.metrics.admin_sessions.set(counts.admin_sessions);
    s.metrics.connections.set(counts.connections);
    s.metrics
        .node_polls_waiting
        .set(s.waiting_polls.load(std::sync::atomic::Ordering::Relaxed) as i64);
    Ok(hy_common::exposition::Exposition::respond(
        &headers,
        s.metrics.registry(),
    ))
}

/// Spans name the route pattern, never the raw path: node paths carry server ids, which are
/// credentials.
fn request_span(req: &Request) -> tracing::Span {
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map_or("(unmatched)", MatchedPath::as_str);
    tracing::debug_span!("request", method = %req.method(), route)
}

async fn version_header(mut resp: Response) -> Response {
    resp.headers_mut().insert(
        hy_api::VERSION_HEADER,
        HeaderValue::from_static(hy_api::VERSION),
    );
    resp
}

/// Liveness
///
/// `{"status":"ok","version":"0.1.0","node_polls_waiting":3}`: the last figure is how many
/// agents are long-polling for changes right now.
#[utoipa::path(get, path = "/healthz", tag = "meta",
    responses((status = 200, description = "central is up", body = serde_json::Value)))]
async fn health(State(s): State<AppState>) -> Json<serde_json::Value> {
    let polls = s.waiting_polls.load(std::sync::atomic::Ordering::Relaxed);
    Json(
        serde_json::json!({ "status": "ok", "version": hy_api::VERSION, "node_polls_waiting": polls }),
    )
}

/// Readiness
///
/// `200 {"ready":true}` when central can write its database; `503 {"ready":false,"reason":...}`
/// otherwise (disk full, read-only, locked by another process).
#[utoipa::path(get, path = "/readyz", tag = "meta",
    responses((status = 200, description = "ready", body = serde_json::Value),
        (status = 503, description = "not ready, with the reason", body = serde_json::Value)))]
async fn ready(State(s): State<AppState>) -> (axum::http::StatusCode, Json<serde_json::Value>) {
    let now = s.now();
    match s.store.probe_write(now).await {
        Ok(()) => (
            axum::http::StatusCode::OK,
            Json(serde_json::json!({ "ready": true })),
        ),
        Err(err) => {
            tracing::warn!(error = %err, "readiness probe: the database does not take writes");
            let reason = format!("the database does not take writes: {err}");
            (
                axum::http::StatusCode::SERVICE_UNAVAILABLE,
                Json(serde_json::json!({ "ready": false, "reason": reason })),
            )
        }
    }
}

/// This document
#[utoipa::path(get, path = "/openapi.json", tag = "meta",
    responses((status = 200, description = "the OpenAPI 3.1 document of this API")))]
async fn openapi_json(State(_): State<AppState>) -> Json<serde_json::Value> {
    Json(openapi())
}

/// The OpenAPI document of every endpoint, as served.
pub fn openapi() -> serde_json::Value {
    openapi::finish(api().into_openapi())
}
