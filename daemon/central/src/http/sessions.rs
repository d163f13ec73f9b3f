//! `GET /admin/sessions`: who is connected now, per node, user and device, from what the
//! nodes report of their data plane (Hysteria's `/online`, a media node's session table).
//!
//! How fresh: an agent reads its plane on every kick sweep (`--interval-kick`, 10 s by
//! default) and sends the counts when they changed, and at least every minute; counts a node
//! has not refreshed for 3 minutes are not shown. So a connection shows up, and a gone one
//! disappears, within about one sweep of the node that holds it. A media node sends its
//! sessions' detail in the same sweep (`POST /sessions/{server_id}`) when it changed, and at
//! least every minute.

use axum::Json;
use axum::extract::{Query, State};
use hy_api::ErrorBody;
use hy_api::users::OnlineSession;
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::error::ApiError;
use super::extract::{AdminAuth, ApiJson};
use crate::state::AppState;

pub(crate) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(sessions))
        .routes(routes!(kill))
}

/// Filters of the session list.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct SessionsQuery {
    /// Only this user (and their devices).
    user: Option<String>,
    /// Only this server (id or name).
    server: Option<String>,
    /// Only servers of this kind (`stream`: media nodes, with each live session).
    kind: Option<hy_api::servers::ServerKind>,
}

/// Who is connected now
///
/// Per node, user and device (`null` for the user's own secret): connections and when the
/// node last said so (at most 3 minutes ago). On media nodes, `streams` lists each live
/// session: stream, protocol, address, start, last call, session time and bytes.
#[utoipa::path(get, path = "/admin/sessions", tag = "users", security(("admin" = [])),
    params(SessionsQuery),
    responses((status = 200, body = Vec<OnlineSession>), (status = 400, body = ErrorBody)))]
async fn sessions(
    _: AdminAuth,
    State(s): State<AppState>,
    Query(q): Query<SessionsQuery>,
) -> Result<Json<Vec<OnlineSession>>, ApiError> {
    if let Some(u) = &q.user {
        hy_api::validate::user_id(u).map_err(ApiError::BadRequest)?;
    }
    Ok(Json(
        s.store.sessions(s.now(), q.user, q.server, q.kind).await?,
    ))
}

/// End sessions
///
/// Every node closes the connections of the user (or of one device) once, within about a
/// second; the client may connect again (block the device or disable the user to keep it
/// out). With `session`, only that live media session ends: its node refuses its next update
/// (Flussonic, nginx-rtmp) or kicks it through the media server's API (SRS, with `--srs-api`).
#[utoipa::path(post, path = "/admin/sessions/kill", tag = "users", security(("admin" = [])),
    request_body = hy_api::users::KillSessions,
    responses((status = 204), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn kill(
    auth: AdminAuth,
    State(s): State<AppState>,
    ApiJson(req): ApiJson<hy_api::users::KillSessions>,
) -> Result<axum::http::StatusCode, ApiError> {
    hy_api::validate::user_id(&req.user).map_err(ApiError::BadRequest)?;
    if let Some(d) = &req.device {
        hy_api::validate::device_name(d).map_err(ApiError::BadRequest)?;
    }
    if let Some(id) = &req.session {
        if req.device.is_some() {
            return Err(ApiError::BadRequest(
                "give device or session, not both: a session is one device's already".into(),
            ));
        }
        let server = end_one(&s, Some(req.user.clone()), id).await?;
        tracing::info!(by = %auth.actor, user = %req.user, session = %id, server = %server, "session ended");
        return Ok(axum::http::StatusCode::NO_CONTENT);
    }
    s.store.kick(req.user.clone(), req.device.clone()).await?;
    tracing::info!(by = %auth.actor, user = %req.user, device = ?req.device, "sessions ended");
    Ok(axum::http::StatusCode::NO_CONTENT)
}

/// Ends the live media session `id` (of `user`, when given) on the server that holds it, as
/// the nodes last reported their sessions; returns that server's id. 404 when no live session
/// has this id.
pub(crate) async fn end_one(
    s: &AppState,
    user: Option<String>,
    id: &str,
) -> Result<String, ApiError> {
    let server = media_sessions(s, user)
        .await?
        .into_iter()
        .find(|row| row.streams.iter().any(|x| x.id == id))
        .map(|row| row.server_id)
        .ok_or_else(|| ApiError::NotFound(format!("no live session {id:?}")))?;
    s.store
        .end_media_session(server.clone(), id.to_owned(), s.now())
        .await?;
    Ok(server)
}

/// Who is connected to media servers now (of `user`, when given), each with their sessions.
pub(crate) async fn media_sessions(
    s: &AppState,
    user: Option<String>,
) -> Result<Vec<OnlineSession>, ApiError> {
    Ok(s.store
        .sessions(
            s.now(),
            user,
            None,
            Some(hy_api::servers::ServerKind::Stream),
        )
        .await?)
}
