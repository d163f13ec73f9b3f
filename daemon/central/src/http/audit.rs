//! The audit trail: every change made through the admin API is recorded by one middleware
//! (who, when, from where, what was asked, the object before and after), and read back with
//! `GET /admin/audit` (`hyctl audit`).
//!
//! Recorded: authenticated `POST`, `PATCH`, `PUT` and `DELETE` on `/admin/...` (and the seed's
//! `/api/...`) that succeeded
//! (2xx) or were refused for their role (403: attempts are worth a trace). Secrets never get
//! in: every value under a key that names one (`secret`, `token`, `password`, ...) is replaced
//! by `"[redacted]"` in the request, the before and the after. Writing the entry is part of
//! answering: a change is acknowledged only once its entry is stored, or logged as lost.

use std::net::SocketAddr;

use axum::Json;
use axum::body::{Body, Bytes};
use axum::extract::connect_info::ConnectInfo;
use axum::extract::{MatchedPath, Query, Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::Response;
use hy_api::ErrorBody;
use hy_api::admins::AuditEntry;
use serde::Deserialize;
use serde_json::Value;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::error::ApiError;
use super::extract::AdminAuth;
use crate::state::AppState;

/// Most bytes of a request or answer kept in an entry; longer ones are summarised.
const KEEP_BYTES: usize = 64 * 1024;

/// Keys whose values are credentials, anywhere in a body.
const SECRET_KEYS: [&str; 13] = [
    "secret",
    "token",
    "access_token",
    "refresh_token",
    "password",
    "old_password",
    "new_password",
    "otpauth_url",
    "obfs_password",
    "totp",
    "url",
    "formats",
    "sub_token",
];

pub(crate) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(audit_log))
}

/// `value` with every credential replaced.
pub fn redact(value: &mut Value) {
    match value {
        Value::Object(map) => {
            for (k, v) in map.iter_mut() {
                if SECRET_KEYS.contains(&k.as_str()) && !v.is_null() {
                    *v = Value::String("[redacted]".into());
                } else {
                    redact(v);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(redact),
        _ => {}
    }
}

/// A body as stored: redacted JSON, or a note of what it was.
fn kept(bytes: &[u8]) -> Option<String> {
    if bytes.is_empty() {
        return None;
    }
    if bytes.len() > KEEP_BYTES {
        return Some(serde_json::json!({"omitted_bytes": bytes.len()}).to_string());
    }
    match serde_json::from_slice::<Value>(bytes) {
        Ok(mut v) => {
            redact(&mut v);
            Some(v.to_string())
        }
        Err(_) => Some(serde_json::json!({"unparsed_bytes": bytes.len()}).to_string()),
    }
}

/// The object a change is about, read before it runs: a user, a device or a server.
async fn before(s: &AppState, route: &str, path: &str) -> Option<String> {
    let parts: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    let now = s.now();
    let value = match (route, parts.as_slice()) {
        ("/admin/users/{id}", [_, _, id]) => {
            serde_json::to_value(s.store.user((*id).to_owned(), now).await.ok()?).ok()?
        }
        ("/admin/users/{id}/devices/{name}", [_, _, id, _, name]) => serde_json::to_value(
            s.store
                .device((*id).to_owned(), (*name).to_owned(), now)
                .await
                .ok()?,
        )
        .ok()?,
        ("/admin/servers/{id}", [_, _, id]) => {
            serde_json::to_value(s.store.server((*id).to_owned()).await.ok()?).ok()?
        }
        _ => return None,
    };
    let mut value = value;
    redact(&mut value);
    Some(value.to_string())
}

/// Records admin changes (see the module's doc); everything else passes untouched.
pub async fn record(State(s): State<AppState>, req: Request, next: Next) -> Response {
    let changes = matches!(
        *req.method(),
        Method::POST | Method::PATCH | Method::PUT | Method::DELETE
    ) && (req.uri().path().starts_with("/admin/")
        || req.uri().path().starts_with("/api/"));
    if !changes {
        return next.run(req).await;
    }
    let Ok(auth) = super::extract::identify(req.headers(), req.extensions(), &s).await else {
        // Unauthenticated: refused before anything could change; nothing to attribute.
        return next.run(req).await;
    };
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map_or("(unmatched)", MatchedPath::as_str)
        .to_owned();
    let addr = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip().to_string());
    let (method, path) = (req.method().to_string(), req.uri().path().to_owned());
    let before = before(&s, &route, &path).await;
    let (parts, body) = req.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, super::ADMIN_BODY_LIMIT).await else {
        use axum::response::IntoResponse;
        return (
            axum::http::StatusCode::PAYLOAD_TOO_LARGE,
            Json(ErrorBody {
                code: hy_api::ErrorCode::PayloadTooLarge,
                message: format!(
                    "request body too large: admin requests take at most {} bytes",
                    super::ADMIN_BODY_LIMIT
                ),
            }),
        )
            .into_response();
    };
    let request = kept(&bytes);
    let resp = next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await;
    let status = resp.status();
    if !(status.is_success() || status.as_u16() == 403) {
        return resp;
    }
    let (resp_parts, resp_body) = resp.into_parts();
    let answer: Bytes = axum::body::to_bytes(resp_body, usize::MAX)
        .await
        .unwrap_or_default();
    if status.is_success()
        && let Some((kind, subject, data)) = event_of(
            &method,
            &route,
            &path,
            request.as_deref(),
            &answer,
            before.as_deref(),
        )
        && let Err(err) = s.store.emit(s.now(), kind, subject, data).await
    {
        tracing::error!(error = %err, "could not record an event; the change itself was made");
    }
    let entry = crate::db::audit::NewEntry {
        at: s.now(),
        actor: auth.actor.to_string(),
        addr,
        method,
        route,
        path,
        status: i64::from(status.as_u16()),
        request,
        before,
        after: kept(&answer),
    };
    if let Err(err) = s.store.audit(entry).await {
        tracing::error!(error = %err, "could not write an audit entry; the change itself was made");
    }
    Response::from_parts(resp_parts, Body::from(answer))
}

/// The event an admin change makes, if any: its type, subject and data (redacted, with a
/// user's contact fields so a receiver can reach them).
fn event_of(
    method: &str,
    route: &str,
    path: &str,
    request: Option<&str>,
    answer: &[u8],
    before: Option<&str>,
) -> Option<(&'static str, String, String)> {
    let parts: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    let json = |s: Option<&str>| s.and_then(|s| serde_json::from_str::<Value>(s).ok());
    let mut after: Value = serde_json::from_slice(answer).unwrap_or(Value::Null);
    redact(&mut after);
    let request = json(request).unwrap_or(Value::Null);
    let contact = |v: &Value| {
        serde_json::json!({
            "email": v["email"], "display_name": v["display_name"], "telegram_id": v["telegram_id"],
        })
    };
    let user_data = |v: &Value, change: Option<&Value>| {
        let mut d = contact(v);
        if let Some(c) = change {
            d["change"] = c.clone();
        }
        d.to_string()
    };
    let (kind, subject, data) = match (method, route) {
        ("POST", "/admin/users") => (
            "user.created",
            after["id"].as_str()?.to_owned(),
            user_data(&after, None),
        ),
        ("PATCH", "/admin/users/{id}") => (
            "user.changed",
            parts.get(2)?.to_string(),
            user_data(&after, Some(&request)),
        ),
        ("POST", "/admin/users/{id}/secret") => (
            "user.changed",
            parts.get(2)?.to_string(),
            user_data(&after, Some(&serde_json::json!({"secret": "rotated"}))),
        ),
        ("POST", "/admin/users/{id}/reset") => (
            "user.reset",
            parts.get(2)?.to_string(),
            user_data(&after, None),
        ),
        ("DELETE", "/admin/users/{id}") => {
            let gone = json(before).unwrap_or(Value::Null);
            (
                "user.deleted",
                parts.get(2)?.to_string(),
                user_data(&gone, None),
            )
        }
        ("POST", "/admin/users/{id}/devices") => (
            "device.added",
            after["node_id"].as_str()?.to_owned(),
            "{}".to_owned(),
        ),
        ("PATCH", "/admin/users/{id}/devices/{name}") => {
            let kind = match request["status"].as_str() {
                Some("blocked") => "device.blocked",
                Some("active") => "device.unblocked",
                _ => "device.changed",
            };
            let subject = hy_api::devices::node_id(parts.get(2)?, parts.get(4)?);
            (
                kind,
                subject,
                serde_json::json!({"change": request}).to_string(),
            )
        }
        ("DELETE", "/admin/users/{id}/devices/{name}") => (
            "device.removed",
            hy_api::devices::node_id(parts.get(2)?, parts.get(4)?),
            "{}".to_owned(),
        ),
        // The seed's token API: the same device events as the admin API's.
        ("POST", "/api/tokens") => (
            "device.added",
            after["id"].as_str()?.to_owned(),
            "{}".to_owned(),
        ),
        ("PATCH", "/api/tokens/{id}") => {
            let kind = match request["status"].as_str() {
                Some("suspended") => "device.blocked",
                Some("active") => "device.unblocked",
                _ => "device.changed",
            };
            (
                kind,
                after["id"].as_str()?.to_owned(),
                serde_json::json!({"change": request}).to_string(),
            )
        }
        ("DELETE", "/api/tokens/{id}") => (
            "device.removed",
            percent_encoding::percent_decode_str(parts.get(2)?)
                .decode_utf8()
                .ok()?
                .into_owned(),
            "{}".to_owned(),
        ),
        ("POST", "/admin/servers") => (
            "server.created",
            after["id"].as_str()?.to_owned(),
            serde_json::json!({"name": after["name"]}).to_string(),
        ),
        ("PATCH", "/admin/servers/{id}") => (
            "server.changed",
            parts.get(2)?.to_string(),
            serde_json::json!({"change": request}).to_string(),
        ),
        ("DELETE", "/admin/servers/{id}") => {
            ("server.deleted", parts.get(2)?.to_string(), "{}".to_owned())
        }
        _ => return None,
    };
    Some((kind, subject, data))
}

/// Filters of the audit trail.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct AuditQuery {
    /// Only entries at or after this RFC 3339 time; default the last 30 days.
    since: Option<String>,
    /// Only this actor: `admin-token` or `token:<name>`.
    actor: Option<String>,
    /// Only entries whose path contains this (`/admin/users/alice`).
    path: Option<String>,
    /// Only entries older than this id (the last one of the previous page).
    before: Option<i64>,
    /// At most this many (1 to 1000; default 100).
    limit: Option<i64>,
}

/// The admin audit trail
///
/// Newest first: who changed what, when, from where, with the object before and after
/// (credentials redacted).
#[utoipa::path(get, path = "/admin/audit", tag = "admins", security(("admin" = [])),
    params(AuditQuery),
    responses((status = 200, body = Vec<AuditEntry>), (status = 400, body = ErrorBody)))]
async fn audit_log(
    _: AdminAuth,
    State(s): State<AppState>,
    Query(q): Query<AuditQuery>,
) -> Result<Json<Vec<AuditEntry>>, ApiError> {
    let now = s.now();
    let since = match q.since.as_deref() {
        None => now - 30 * 86_400,
        Some(text) => text
            .parse::<jiff::Timestamp>()
            .map(|t| t.as_second())
            .map_err(|_| {
                ApiError::BadRequest(
                    "`since` must be an RFC 3339 time like 2027-01-01T00:00:00Z".into(),
                )
            })?,
    };
    let limit = q.limit.unwrap_or(100);
    if !(1..=1000).contains(&limit) {
        return Err(ApiError::BadRequest(format!(
            "`limit` must be 1 to 1000, not {limit}"
        )));
    }
    let filter = crate::db::audit::Filter {
        since,
        actor: q.actor,
        path: q.path,
        before: q.before,
        limit,
    };
    Ok(Json(s.store.audit_log(filter).await?))
}
