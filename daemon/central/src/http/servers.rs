//! `/admin/servers`: the server registry and which users are assigned where.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use hy_api::page::Listed;
use hy_api::servers::{
    AssignResult, AssignUsers, AssignedUser, CreateServer, Server, UpdateServer,
};
use hy_api::{ErrorBody, validate};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::error::ApiError;
use super::extract::{AdminAuth, ApiJson, OptionalJson};
use super::page::{Paging, listed};
use crate::state::AppState;

/// Length of generated server ids: 32 characters of `[A-Za-z0-9_-]` = 192 bits.
pub const SERVER_ID_LEN: usize = 32;
/// Most user ids one assignment request may carry.
pub const MAX_ASSIGN: usize = 10_000;

pub(crate) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_servers, create_server))
        .routes(routes!(get_server, update_server, delete_server))
        .routes(routes!(list_assigned, assign_users))
        .routes(routes!(unassign_user))
}

/// How a server appears in logs: its name, or a short prefix of its id (the id is a credential).
pub fn label(id: &str, name: Option<&str>) -> String {
    match name {
        Some(name) => name.to_owned(),
        None => format!("{}…", id.chars().take(4).collect::<String>()),
    }
}

fn check_id(id: &str) -> Result<(), ApiError> {
    validate::server_id(id).map_err(ApiError::BadRequest)
}

fn check_name(name: Option<&str>) -> Result<(), ApiError> {
    name.map_or(Ok(()), |n| {
        validate::server_name(n).map_err(ApiError::BadRequest)
    })
}

/// List servers
///
/// Every server as an array (by name), or with `limit` one page in id order and the cursor of
/// the next; `q` searches ids and names.
#[utoipa::path(get, path = "/admin/servers", tag = "servers", security(("admin" = [])),
    params(Paging),
    responses((status = 200, body = Listed<Server>), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody)))]
async fn list_servers(
    _: AdminAuth,
    State(s): State<AppState>,
    Query(paging): Query<Paging>,
) -> Result<Json<Listed<Server>>, ApiError> {
    let page = paging.query()?;
    let found = s.store.servers(page.clone()).await?;
    Ok(Json(listed(&page, found)))
}

/// Create a server
///
/// The body may be empty. The id (the node's credential) is generated unless given; give one
/// only to register a node of the original system.
#[utoipa::path(post, path = "/admin/servers", tag = "servers", security(("admin" = [])),
    request_body(content = CreateServer, description = "optional"),
    responses((status = 201, body = Server), (status = 400, body = ErrorBody),
        (status = 409, body = ErrorBody)))]
async fn create_server(
    _: AdminAuth,
    State(s): State<AppState>,
    OptionalJson(new): OptionalJson<CreateServer>,
) -> Result<(StatusCode, Json<Server>), ApiError> {
    let id = match new.id {
        Some(id) => {
            check_id(&id)?;
            id
        }
        None => hy_common::random::token(SERVER_ID_LEN),
    };
    check_name(new.name.as_deref())?;
    let multiplier = new.traffic_multiplier.unwrap_or(1.0);
    validate::traffic_multiplier(multiplier).map_err(ApiError::BadRequest)?;
    let mut link = new.link.unwrap_or_default();
    hy_api::uri::validate(&mut link).map_err(|e| ApiError::BadRequest(format!("`link`: {e}")))?;
    let now = s.now();
    let kind = new.kind.unwrap_or_default();
    let server = s
        .store
        .create_server(id, new.name, kind, multiplier, link, now)
        .await?;
    tracing::info!(server = %label(&server.id, server.name.as_deref()), kind = %server.kind, "server created");
    Ok((StatusCode::CREATED, Json(server)))
}

/// Show one server
#[utoipa::path(get, path = "/admin/servers/{id}", tag = "servers", security(("admin" = [])),
    params(("id" = String, Path, description = "server id")),
    responses((status = 200, body = Server), (status = 404, body = ErrorBody)))]
async fn get_server(
    _: AdminAuth,
    State(s): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Server>, ApiError> {
    Ok(Json(s.store.server(id).await?))
}

/// Rename a server or change its traffic multiplier
///
/// `{"name":"edge-2"}` renames, `{"name":null}` removes the name; `{"traffic_multiplier":1.5}`
/// makes traffic through it count 1.5 times against quotas (from now on).
#[utoipa::path(patch, path = "/admin/servers/{id}", tag = "servers", security(("admin" = [])),
    params(("id" = String, Path, description = "server id")), request_body = UpdateServer,
    responses((status = 200, body = Server), (status = 400, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
async fn update_server(
    _: AdminAuth,
    State(s): State<AppState>,
    Path(id): Path<String>,
    ApiJson(change): ApiJson<UpdateServer>,
) -> Result<Json<Server>, ApiError> {
    let mut change = change;
    if let Some(link) = &mut change.link {
        hy_api::uri::validate(link).map_err(|e| ApiError::BadRequest(format!("`link`: {e}")))?;
    }
    if change.name.is_none() && change.traffic_multiplier.is_none() && change.link.is_none() {
        return Err(ApiError::BadRequest(
            "nothing to change: give `name` (a string or null), `traffic_multiplier` or `link`"
                .into(),
        ));
    }
    if let Some(name) = &change.name {
        check_name(name.as_deref())?;
    }
    if let Some(m) = change.traffic_multiplier {
        validate::traffic_multiplier(m).map_err(ApiError::BadRequest)?;
    }
    let server = s
        .store
        .update_server(id, change.name, change.traffic_multiplier, change.link)
        .await?;
    tracing::info!(server = %label(&server.id, server.name.as_deref()), "server changed");
    Ok(Json(server))
}

/// Delete a server
///
/// Removes its assignments; its agent is refused from then on. Traffic already counted stays in
/// the users' totals and appears under a deleted server in per-server views.
#[utoipa::path(delete, path = "/admin/servers/{id}", tag = "servers", security(("admin" = [])),
    params(("id" = String, Path, description = "server id")),
    responses((status = 204, description = "deleted"), (status = 404, body = ErrorBody)))]
async fn delete_server(
    _: AdminAuth,
    State(s): State<AppState>,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let logged = label(&id, None);
    s.store.delete_server(id).await?;
    tracing::info!(server = %logged, "server deleted");
    Ok(StatusCode::NO_CONTENT)
}

/// List the users assigned to a server
#[utoipa::path(get, path = "/admin/servers/{id}/users", tag = "servers", security(("admin" = [])),
    params(("id" = String, Path, description = "server id"), Paging),
    responses((status = 200, body = Listed<AssignedUser>), (status = 400, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
async fn list_assigned(
    _: AdminAuth,
    State(s): State<AppState>,
    Path(id): Path<String>,
    Query(paging): Query<Paging>,
) -> Result<Json<Listed<AssignedUser>>, ApiError> {
    let page = paging.query()?;
    let found = s.store.assigned_users(id, page.clone()).await?;
    Ok(Json(listed(&page, found)))
}

/// Assign users to a server
///
/// Takes `{"id":"alice"}` (the original form) or `{"ids":["alice","bob"]}`. Assigning an
/// already assigned user is not an error. As in the original system, a server id that central
/// does not know yet is registered by its first assignment. Every user must exist; if one does
/// not, nothing is assigned.
#[utoipa::path(post, path = "/admin/servers/{id}/users", tag = "servers", security(("admin" = [])),
    params(("id" = String, Path, description = "server id")), request_body = AssignUsers,
    responses((status = 201, description = "at least one user newly assigned", body = AssignResult),
        (status = 200, description = "every user was already assigned", body = AssignResult),
        (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn assign_users(
    _: AdminAuth,
    State(s): State<AppState>,
    Path(server_id): Path<String>,
    ApiJson(body): ApiJson<AssignUsers>,
) -> Result<(StatusCode, Json<AssignResult>), ApiError> {
    check_id(&server_id)?;
    let mut ids: Vec<String> = body
        .id
        .into_iter()
        .chain(body.ids.unwrap_or_default())
        .collect();
    if ids.is_empty() {
        return Err(ApiError::BadRequest(
            "give the user to assign as `id` or `ids`".into(),
        ));
    }
    if ids.len() > MAX_ASSIGN {
        return Err(ApiError::BadRequest(format!(
            "{} ids in one request; the limit is {MAX_ASSIGN}",
            ids.len()
        )));
    }
    for id in &ids {
        validate::user_id(id).map_err(ApiError::BadRequest)?;
    }
    ids.dedup();
    let logged = label(&server_id, None);
    let now = s.now();
    let (result, created) = s.store.assign(server_id, ids, now).await?;
    if created {
        tracing::info!(server = %logged, "server registered by its first assignment");
    }
    if !result.assigned.is_empty() {
        tracing::info!(server = %logged, users = result.assigned.len(), "users assigned");
    }
    let status = if result.assigned.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    Ok((status, Json(result)))
}

/// Unassign a user from a server
///
/// The server's agent refuses the user from the next sync (within about a second) and kicks its
/// connections.
#[utoipa::path(delete, path = "/admin/servers/{id}/users/{user_id}", tag = "servers",
    security(("admin" = [])),
    params(("id" = String, Path, description = "server id"), ("user_id" = String, Path)),
    responses((status = 204, description = "unassigned"), (status = 404, body = ErrorBody)))]
async fn unassign_user(
    _: AdminAuth,
    State(s): State<AppState>,
    Path((server_id, user_id)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    let logged = (label(&server_id, None), user_id.clone());
    s.store.unassign(server_id, user_id).await?;
    tracing::info!(server = %logged.0, user = %logged.1, "user unassigned");
    Ok(StatusCode::NO_CONTENT)
}
