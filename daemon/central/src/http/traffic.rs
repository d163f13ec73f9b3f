//! `/admin/traffic`: totals per user (the original shape) and per server.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use hy_api::ErrorBody;
use hy_api::traffic::{HistoryBy, HistoryPoint, ServerTraffic, TrafficByUser};
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::error::ApiError;
use super::extract::AdminAuth;
use crate::state::AppState;

pub(crate) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(all_traffic))
        .routes(routes!(user_traffic))
        .routes(routes!(history))
}

/// How traffic is grouped.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct Grouping {
    /// `user` (default): `{"alice":{"tx":1,"rx":2}}`; `server`: a list of per-server totals.
    by: Option<String>,
}

enum By {
    User,
    Server,
}

fn grouping(q: &Grouping) -> Result<By, ApiError> {
    match q.by.as_deref() {
        None | Some("user") => Ok(By::User),
        Some("server") => Ok(By::Server),
        Some(other) => Err(ApiError::BadRequest(format!(
            "unknown grouping by={other:?}; use `user` or `server`"
        ))),
    }
}

/// Traffic of every user, summed over servers (or per server with `?by=server`)
#[utoipa::path(get, path = "/admin/traffic", tag = "traffic", security(("admin" = [])),
    params(Grouping),
    responses((status = 200, description = "per user: `{\"alice\":{\"tx\":123,\"rx\":456}}`; \
        with by=server: a list of ServerTraffic", body = TrafficByUser),
        (status = 200, description = "with by=server", body = [ServerTraffic]),
        (status = 400, body = ErrorBody)))]
async fn all_traffic(
    _: AdminAuth,
    State(s): State<AppState>,
    Query(q): Query<Grouping>,
) -> Result<Response, ApiError> {
    Ok(match grouping(&q)? {
        By::User => Json(s.store.traffic_by_user().await?).into_response(),
        By::Server => Json(s.store.traffic_by_server(None).await?).into_response(),
    })
}

/// Traffic of one user, summed over servers (or per server with `?by=server`)
#[utoipa::path(get, path = "/admin/traffic/{user_id}", tag = "traffic", security(("admin" = [])),
    params(("user_id" = String, Path), Grouping),
    responses((status = 200, description = "`{\"alice\":{\"tx\":123,\"rx\":456}}`", body = TrafficByUser),
        (status = 200, description = "with by=server", body = [ServerTraffic]),
        (status = 404, body = ErrorBody)))]
async fn user_traffic(
    _: AdminAuth,
    State(s): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<Grouping>,
) -> Result<Response, ApiError> {
    Ok(match grouping(&q)? {
        By::User => {
            let total = s.store.traffic_of_user(id.clone()).await?;
            Json(TrafficByUser::from([(id, total)])).into_response()
        }
        By::Server => Json(s.store.traffic_by_server(Some(id)).await?).into_response(),
    })
}

/// History query.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct HistoryQuery {
    /// Only this user.
    user: Option<String>,
    /// Start (RFC 3339); default 7 days ago.
    since: Option<String>,
    /// End (RFC 3339); default now.
    until: Option<String>,
    /// `hour`, `day` (default) or `server`.
    by: Option<String>,
}

fn parse_time(name: &str, v: Option<&str>, default: i64) -> Result<i64, ApiError> {
    match v {
        None => Ok(default),
        Some(v) => v
            .parse::<jiff::Timestamp>()
            .map(|t| t.as_second())
            .map_err(|_| {
                ApiError::BadRequest(format!(
                    "`{name}` must be an RFC 3339 time like 2027-01-01T00:00:00Z"
                ))
            }),
    }
}

/// Traffic history in hourly or daily buckets, or per server over a range
///
/// Kept in hourly buckets per (user, server) for `--history-days` (default 90) days; a bucket
/// is the hour central applied the report in (UTC).
#[utoipa::path(get, path = "/admin/history", tag = "traffic", security(("admin" = [])),
    params(HistoryQuery),
    responses((status = 200, body = [HistoryPoint]), (status = 400, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
async fn history(
    _: AdminAuth,
    State(s): State<AppState>,
    Query(q): Query<HistoryQuery>,
) -> Result<Json<Vec<HistoryPoint>>, ApiError> {
    let now = s.now();
    let since = parse_time("since", q.since.as_deref(), now - 7 * 86_400)?;
    let until = parse_time("until", q.until.as_deref(), now)?;
    if since > until {
        return Err(ApiError::BadRequest("`since` is after `until`".into()));
    }
    let by = match q.by.as_deref() {
        None | Some("day") => HistoryBy::Day,
        Some("hour") => HistoryBy::Hour,
        Some("server") => HistoryBy::Server,
        Some(other) => {
            return Err(ApiError::BadRequest(format!(
                "unknown grouping by={other:?}; use hour, day or server"
            )));
        }
    };
    let points = s.store.history(q.user, since, until, by).await?;
    Ok(Json(points))
}
