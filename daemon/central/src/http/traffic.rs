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
        .routes(routes!(export))
}

/// What an export covers.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct ExportQuery {
    /// Start (RFC 3339); default 7 days ago. Whole hours: the hour holding it on.
    since: Option<String>,
    /// End (RFC 3339); default now.
    until: Option<String>,
    /// `csv` (default) or `json` (one array of objects).
    format: Option<String>,
    /// Only this user.
    user: Option<String>,
}

/// Buckets read per page of an export: a short read each, so an export never holds the
/// database for long whatever its size.
const EXPORT_PAGE: i64 = 5_000;

/// Export traffic history
///
/// Every hourly bucket in the range, per server and user: `hour`, `server_id`, `server_name`,
/// `user`, `tx`, `rx` (raw bytes; `tx` is the user's upload), in hour order. Streamed as it is
/// read: any range, any size. A deleted server's buckets have empty server fields.
#[utoipa::path(get, path = "/admin/traffic/export", tag = "traffic", security(("admin" = [])),
    params(ExportQuery),
    responses((status = 200, description = "CSV (text/csv) or a JSON array", content_type = "text/csv"),
        (status = 400, body = ErrorBody)))]
async fn export(
    _: AdminAuth,
    State(s): State<AppState>,
    Query(q): Query<ExportQuery>,
) -> Result<Response, ApiError> {
    let now = s.now();
    let since = parse_time("since", q.since.as_deref(), now - 7 * 86_400)?;
    let until = parse_time("until", q.until.as_deref(), now)?;
    if until < since {
        return Err(ApiError::BadRequest("`until` is before `since`".into()));
    }
    let json = match q.format.as_deref() {
        None | Some("csv") => false,
        Some("json") => true,
        Some(other) => {
            return Err(ApiError::BadRequest(format!(
                "unknown format {other:?}; use csv or json"
            )));
        }
    };
    if let Some(u) = &q.user {
        hy_api::validate::user_id(u).map_err(ApiError::BadRequest)?;
    }
    let hours = (since.div_euclid(3600), until.div_euclid(3600));
    let (tx, rx) = tokio::sync::mpsc::channel::<std::io::Result<axum::body::Bytes>>(4);
    let (store, user) = (s.store, q.user);
    tokio::spawn(async move {
        let send = |text: String| {
            let tx = tx.clone();
            async move { tx.send(Ok(text.into())).await.is_ok() }
        };
        let head = if json {
            "[".to_owned()
        } else {
            "hour,server_id,server_name,user,tx,rx\n".to_owned()
        };
        if !send(head).await {
            return;
        }
        let (mut after, mut first) = ((i64::MIN, i64::MIN, i64::MIN), true);
        loop {
            let page = match store
                .export_page(hours, after, user.clone(), EXPORT_PAGE)
                .await
            {
                Ok(page) => page,
                Err(err) => {
                    tracing::error!(error = %err, "traffic export failed while being sent");
                    // A broken transfer, never an export that merely looks short.
                    let _ = tx.send(Err(std::io::Error::other("export failed"))).await;
                    return;
                }
            };
            let mut text = String::new();
            for row in &page {
                let hour = crate::db::ts(row.hour_start).to_string();
                if json {
                    if !std::mem::replace(&mut first, false) {
                        text.push(',');
                    }
                    text.push_str(
                        &serde_json::json!({
                            "hour": hour, "server_id": row.server_id,
                            "server_name": row.server_name, "user": row.user,
                            "tx": row.tx, "rx": row.rx,
                        })
                        .to_string(),
                    );
                } else {
                    let field = |v: &Option<String>| csv_field(v.as_deref().unwrap_or(""));
                    text.push_str(&format!(
                        "{hour},{},{},{},{},{}\n",
                        field(&row.server_id),
                        field(&row.server_name),
                        field(&row.user),
                        row.tx,
                        row.rx
                    ));
                }
            }
            let done = (page.len() as i64) < EXPORT_PAGE;
            if let Some(last) = page.last() {
                after = last.key;
            }
            if !text.is_empty() && !send(text).await {
                return;
            }
            if done {
                break;
            }
        }
        if json {
            let _ = send("]\n".to_owned()).await;
        }
    });
    let body = axum::body::Body::from_stream(tokio_stream_of(rx));
    let mut resp = Response::new(body);
    let content_type = if json {
        "application/json"
    } else {
        "text/csv; charset=utf-8"
    };
    resp.headers_mut().insert(
        axum::http::header::CONTENT_TYPE,
        axum::http::HeaderValue::from_static(content_type),
    );
    Ok(resp)
}

/// A CSV field, quoted when it must be (RFC 4180).
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// The receiving end of a channel as a stream of body pieces.
fn tokio_stream_of(
    rx: tokio::sync::mpsc::Receiver<std::io::Result<axum::body::Bytes>>,
) -> impl futures_util::Stream<Item = std::io::Result<axum::body::Bytes>> {
    futures_util::stream::unfold(rx, |mut rx| async move { rx.recv().await.map(|p| (p, rx)) })
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

#[cfg(test)]
mod tests {
    #[test]
    fn csv_fields_are_quoted_only_when_they_must_be() {
        assert_eq!(super::csv_field("edge-1"), "edge-1");
        assert_eq!(super::csv_field("a,b"), "\"a,b\"");
        assert_eq!(super::csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }
}
