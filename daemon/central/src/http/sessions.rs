//! `GET /admin/sessions`: who is connected now, per node, user and device, from what the
//! agents report of their data plane (Hysteria's `/online`).
//!
//! How fresh: an agent reads its plane on every kick sweep (`--interval-kick`, 10 s by
//! default) and sends the counts when they changed, and at least every minute; counts a node
//! has not refreshed for 3 minutes are not shown. So a connection shows up, and a gone one
//! disappears, within about one sweep of the node that holds it.

use axum::Json;
use axum::extract::{Query, State};
use hy_api::ErrorBody;
use hy_api::users::OnlineSession;
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::error::ApiError;
use super::extract::AdminAuth;
use crate::state::AppState;

pub(crate) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(sessions))
}

/// Filters of the session list.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct SessionsQuery {
    /// Only this user (and their devices).
    user: Option<String>,
    /// Only this server (id or name).
    server: Option<String>,
}

/// Who is connected now
///
/// Per node, user and device (`null` for the user's own secret): connections and when the
/// node last said so (at most 3 minutes ago).
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
    Ok(Json(s.store.sessions(s.now(), q.user, q.server).await?))
}
