//! `GET /admin/log`: the auth decisions agents reported.

use axum::Json;
use axum::extract::{Query, State};
use hy_api::ErrorBody;
use hy_api::users::AuthLogEntry;
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::error::ApiError;
use super::extract::AdminAuth;
use crate::db::auth_log::{self, Filter};
use crate::state::AppState;

pub(crate) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(auth_log_entries))
}

/// Log filters.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct LogQuery {
    /// Only this user.
    user: Option<String>,
    /// `true`: only refusals.
    refused: Option<bool>,
    /// Not before this time (RFC 3339); default 24 hours ago.
    since: Option<String>,
    /// At most this many entries (1 to 10,000; default 1,000), newest first.
    limit: Option<u32>,
    /// Only entries older than this cursor: the `x-next-cursor` header of the previous page.
    before: Option<String>,
}

/// The response header carrying the cursor of the next (older) page, when there is one.
pub const NEXT_CURSOR_HEADER: &str = "x-next-cursor";

/// Auth decisions of the nodes, newest first
///
/// Each agent records who it admitted or refused, from which address and why, and ships the
/// entries with its traffic reports; kept for `--log-days` (default 30) days. An array, as
/// always; when more entries match than `limit`, the `x-next-cursor` header holds the cursor to
/// pass as `before` for the next (older) page.
#[utoipa::path(get, path = "/admin/log", tag = "users", security(("admin" = [])), params(LogQuery),
    responses((status = 200, body = [AuthLogEntry],
        headers(("x-next-cursor" = String, description = "the next page's `before`, if any"))),
        (status = 400, body = ErrorBody)))]
async fn auth_log_entries(
    _: AdminAuth,
    State(s): State<AppState>,
    Query(q): Query<LogQuery>,
) -> Result<axum::response::Response, ApiError> {
    use axum::response::IntoResponse;
    let since = match q.since.as_deref() {
        None => s.now() - 86_400,
        Some(v) => v
            .parse::<jiff::Timestamp>()
            .map(|t| t.as_second())
            .map_err(|_| {
                ApiError::BadRequest(
                    "`since` must be an RFC 3339 time like 2027-01-01T00:00:00Z".into(),
                )
            })?,
    };
    let limit = q.limit.unwrap_or(1000);
    if !(1..=10_000).contains(&limit) {
        return Err(ApiError::BadRequest(
            "`limit` must be between 1 and 10000".into(),
        ));
    }
    let before = match q.before.as_deref() {
        None | Some("") => None,
        Some(c) => Some(auth_log::Cursor::parse(c).ok_or_else(|| {
            ApiError::BadRequest("`before` is not a cursor this API gave out".into())
        })?),
    };
    let filter = Filter {
        user: q.user,
        refused: q.refused.unwrap_or(false),
        since,
        limit,
        before,
    };
    let (entries, next) = s.store.auth_log(filter).await?;
    let mut resp = Json(entries).into_response();
    if let Some(next) = next
        && let Ok(v) = axum::http::HeaderValue::from_str(&next.to_string())
    {
        resp.headers_mut().insert(NEXT_CURSOR_HEADER, v);
    }
    Ok(resp)
}
