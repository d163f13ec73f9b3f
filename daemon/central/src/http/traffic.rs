//! `/admin/traffic`: totals per user (the original shape) and per server.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use hy_api::ErrorBody;
use hy_api::traffic::{ServerTraffic, TrafficByUser};
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::error::ApiError;
use super::extract::AdminAuth;
use crate::db::{traffic, users};
use crate::state::AppState;

pub(crate) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(all_traffic))
        .routes(routes!(user_traffic))
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
        By::User => Json(s.db.call(|c| traffic::by_user(c)).await?).into_response(),
        By::Server => Json(s.db.call(|c| traffic::by_server(c, None)).await?).into_response(),
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
    let by = grouping(&q)?;
    s.db.call(move |c| {
        let pk = users::pk(c, &id)?;
        Ok(match by {
            By::User => {
                let total = traffic::of_user(c, pk)?;
                Json(TrafficByUser::from([(id, total)])).into_response()
            }
            By::Server => Json(traffic::by_server(c, Some(pk))?).into_response(),
        })
    })
    .await
    .map_err(ApiError::from)
}
