//! `GET /admin/events`: the fleet's events as server-sent events, resumable with
//! `Last-Event-ID`. Every central serves every event (they are rows in the shared database,
//! read every [`POLL`]), so a client may reconnect through any central and miss nothing.

use std::convert::Infallible;
use std::time::Duration;

use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::sse::{Event as Sse, KeepAlive};
use axum::response::{IntoResponse, Response};
use hy_api::ErrorBody;
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::error::ApiError;
use super::extract::AdminAuth;
use crate::state::AppState;

/// How often a follower looks for new events.
pub const POLL: Duration = Duration::from_millis(500);

/// Events read per look.
const BATCH: i64 = 500;

pub(crate) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(events))
}

/// What to follow.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct EventsQuery {
    /// Only these types, comma-separated (`user.limited,user.expired`); default all.
    types: Option<String>,
    /// Also the events since this RFC 3339 time (ignored when `Last-Event-ID` is sent);
    /// default only new ones.
    since: Option<String>,
    /// `false`: send what there is and end (no following).
    follow: Option<bool>,
}

/// Follow the fleet's events
///
/// Server-sent events: `id` (resume with `Last-Event-ID`), `event` (the type) and `data` (the
/// event as JSON). Types: user.created, user.changed, user.reset, user.deleted, user.limited,
/// user.expired, device.added, device.changed, device.blocked, device.unblocked,
/// device.removed, server.created, server.changed, server.deleted, server.up, server.stale,
/// session.started, session.ended.
#[utoipa::path(get, path = "/admin/events", tag = "admins", security(("admin" = [])),
    params(EventsQuery, ("Last-Event-ID" = Option<i64>, Header, description = "resume after this event")),
    responses((status = 200, description = "text/event-stream", content_type = "text/event-stream"),
        (status = 400, body = ErrorBody)))]
async fn events(
    _: AdminAuth,
    State(s): State<AppState>,
    Query(q): Query<EventsQuery>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let types: Option<Vec<String>> = match q.types.as_deref() {
        None | Some("") => None,
        Some(list) => {
            let types: Vec<String> = list.split(',').map(|t| t.trim().to_owned()).collect();
            if let Some(bad) = types
                .iter()
                .find(|t| !hy_api::events::TYPES.contains(&t.as_str()))
            {
                return Err(ApiError::BadRequest(format!(
                    "unknown event type {bad:?}; types are {}",
                    hy_api::events::TYPES.join(", ")
                )));
            }
            Some(types)
        }
    };
    let resume = headers
        .get("last-event-id")
        .map(|v| {
            v.to_str()
                .ok()
                .and_then(|v| v.trim().parse::<i64>().ok())
                .ok_or_else(|| ApiError::BadRequest("`Last-Event-ID` must be an event id".into()))
        })
        .transpose()?;
    let after = match resume {
        Some(id) => id,
        None => {
            let since = match q.since.as_deref() {
                None => None,
                Some(t) => Some(
                    t.parse::<jiff::Timestamp>()
                        .map(|t| t.as_second())
                        .map_err(|_| {
                            ApiError::BadRequest("`since` must be an RFC 3339 time".into())
                        })?,
                ),
            };
            s.store.events_start(since).await?
        }
    };
    let follow = q.follow.unwrap_or(true);
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<Sse, Infallible>>(64);
    tokio::spawn(async move {
        let mut after = after;
        loop {
            let batch = match s.store.events_after(after, BATCH).await {
                Ok(batch) => batch,
                Err(err) => {
                    tracing::warn!(error = %err, "events could not be read; the stream ends");
                    return;
                }
            };
            let full = batch.len() as i64 == BATCH;
            for e in batch {
                after = e.id;
                if types.as_ref().is_some_and(|t| !t.contains(&e.kind)) {
                    continue;
                }
                let Ok(data) = serde_json::to_string(&e) else {
                    continue;
                };
                let sse = Sse::default()
                    .id(e.id.to_string())
                    .event(e.kind.clone())
                    .data(data);
                if tx.send(Ok(sse)).await.is_err() {
                    return;
                }
            }
            if full {
                continue;
            }
            if !follow {
                return;
            }
            tokio::select! {
                () = tokio::time::sleep(POLL) => {}
                () = s.shutdown.cancelled() => return,
                () = tx.closed() => return,
            }
        }
    });
    let stream =
        futures_util::stream::unfold(rx, |mut rx| async move { rx.recv().await.map(|e| (e, rx)) });
    Ok(axum::response::sse::Sse::new(stream)
        .keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
        .into_response())
}
