//! `/admin/users`: create (one or many), list, show, change, enable/disable, reset usage,
//! rotate the secret of, and delete users.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use hy_api::page::Listed;
use hy_api::users::{
    CreateUser, CreateUsers, CreatedUsers, MAX_BATCH, UpdateUser, User, UserSettings, UserState,
};
use hy_api::{ErrorBody, validate};
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::error::ApiError;
use super::extract::{AdminAuth, ApiJson};
use super::page::{Paging, listed};
use crate::state::AppState;

/// Length of generated secrets: 32 characters of `[A-Za-z0-9_-]` = 192 bits.
pub const SECRET_LEN: usize = 32;

pub(crate) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_users, create_user))
        .routes(routes!(get_user, update_user, delete_user))
        .routes(routes!(rotate_secret))
        .routes(routes!(reset_usage))
        .routes(routes!(user_links))
        .routes(routes!(create_users))
}

fn check_id(id: &str) -> Result<(), ApiError> {
    validate::user_id(id).map_err(ApiError::BadRequest)
}

/// Validates settings, normalising the allowlist.
fn check_settings(s: &mut UserSettings) -> Result<(), ApiError> {
    if let Some(ips) = &s.allowed_ips {
        s.allowed_ips = Some(
            validate::allowed_ips(ips)
                .map_err(|e| ApiError::BadRequest(format!("`allowed_ips`: {e}")))?,
        );
    }
    if let Some(note) = &s.note {
        validate::note(note).map_err(ApiError::BadRequest)?;
    }
    // An empty string clears, as `null` does: what a form or a shell script sends for "none".
    for field in [&mut s.email, &mut s.display_name] {
        if matches!(field, Some(Some(v)) if v.is_empty()) {
            *field = Some(None);
        }
    }
    if let Some(Some(email)) = &s.email {
        validate::email(email).map_err(|e| ApiError::BadRequest(format!("`email`: {e}")))?;
    }
    if let Some(Some(name)) = &s.display_name {
        validate::display_name(name).map_err(ApiError::BadRequest)?;
    }
    if let Some(Some(id)) = s.telegram_id {
        validate::telegram_id(id).map_err(ApiError::BadRequest)?;
    }
    if s.expire_after == Some(Some(0)) {
        return Err(ApiError::BadRequest(
            "`expire_after` must be at least 1 second".into(),
        ));
    }
    if s.data_limit.is_some_and(|l| l > i64::MAX as u64) {
        return Err(ApiError::BadRequest("`data_limit` is out of range".into()));
    }
    Ok(())
}

/// Validates a new user and settles its secret (the given one, or a generated one).
fn prepare(mut new: CreateUser) -> Result<CreateUser, ApiError> {
    check_id(&new.id)?;
    let secret = match new.secret {
        Some(secret) => {
            validate::secret(secret.expose())
                .map_err(|e| ApiError::BadRequest(format!("user {:?}: {e}", new.id)))?;
            secret
        }
        None => hy_common::random::token(SECRET_LEN).into(),
    };
    new.secret = Some(secret);
    check_settings(&mut new.settings)?;
    Ok(new)
}

/// Filters for the user list.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct ListQuery {
    /// Only users in this state: active, disabled, expired, limited, on_hold.
    state: Option<String>,
}

/// List users
///
/// Every user as an array, or with `limit` one page in id order and the cursor of the next.
#[utoipa::path(get, path = "/admin/users", tag = "users", security(("admin" = [])),
    params(ListQuery, Paging),
    responses((status = 200, body = Listed<User>), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody)))]
async fn list_users(
    _: AdminAuth,
    State(s): State<AppState>,
    Query(q): Query<ListQuery>,
    Query(paging): Query<Paging>,
) -> Result<Json<Listed<User>>, ApiError> {
    let page = paging.query()?;
    let state = match q.state.as_deref() {
        None => None,
        Some(v) => Some(
            serde_json::from_value::<UserState>(serde_json::Value::String(v.to_owned())).map_err(
                |_| {
                    ApiError::BadRequest(format!(
                        "unknown state {v:?}; use active, disabled, expired, limited or on_hold"
                    ))
                },
            )?,
        ),
    };
    let now = s.now();
    let found = s.store.users(now, state, page.clone()).await?;
    Ok(Json(listed(&page, found)))
}

/// Create a user
///
/// The secret is generated unless given; limits are optional. The original system's
/// `{"id":"alice"}` works as is.
#[utoipa::path(post, path = "/admin/users", tag = "users", security(("admin" = [])),
    request_body = CreateUser,
    responses((status = 201, body = User), (status = 400, body = ErrorBody),
        (status = 409, description = "id or secret already in use", body = ErrorBody)))]
async fn create_user(
    _: AdminAuth,
    State(s): State<AppState>,
    ApiJson(new): ApiJson<CreateUser>,
) -> Result<(StatusCode, Json<User>), ApiError> {
    let new = prepare(new)?;
    let now = s.now();
    let secret = new
        .secret
        .map(|s| s.expose().to_owned())
        .unwrap_or_default();
    let user = s
        .store
        .create_user(new.id, secret, new.settings, now)
        .await?;
    s.reschedule.notify_one();
    tracing::info!(user = %user.id, "user created");
    Ok((StatusCode::CREATED, Json(user)))
}

/// Create many users at once
///
/// One transaction: either every user is created (less those skipped with `skip_existing`) or
/// none is. Used by `hyctl user import`.
#[utoipa::path(post, path = "/admin/batch/users", tag = "users", security(("admin" = [])),
    request_body = CreateUsers,
    responses((status = 200, body = CreatedUsers), (status = 400, body = ErrorBody),
        (status = 409, description = "an id (without skip_existing) or a secret is taken",
            body = ErrorBody)))]
async fn create_users(
    _: AdminAuth,
    State(s): State<AppState>,
    ApiJson(batch): ApiJson<CreateUsers>,
) -> Result<Json<CreatedUsers>, ApiError> {
    if batch.users.len() > MAX_BATCH {
        return Err(ApiError::BadRequest(format!(
            "{} users in one batch; the limit is {MAX_BATCH}",
            batch.users.len()
        )));
    }
    let mut seen = std::collections::HashSet::new();
    let mut prepared = Vec::with_capacity(batch.users.len());
    for new in batch.users {
        if !seen.insert(new.id.clone()) {
            return Err(ApiError::BadRequest(format!(
                "user {:?} appears twice in the batch",
                new.id
            )));
        }
        prepared.push(prepare(new)?);
    }
    let skip_existing = batch.skip_existing;
    let now = s.now();
    let prepared = prepared
        .into_iter()
        .map(|new| {
            let secret = new
                .secret
                .map(|s| s.expose().to_owned())
                .unwrap_or_default();
            (new.id, secret, new.settings)
        })
        .collect();
    let (created, skipped) = s.store.create_users(prepared, skip_existing, now).await?;
    let result = CreatedUsers { created, skipped };
    s.reschedule.notify_one();
    tracing::info!(
        created = result.created.len(),
        skipped = result.skipped.len(),
        "users created in a batch"
    );
    Ok(Json(result))
}

/// Show one user
#[utoipa::path(get, path = "/admin/users/{id}", tag = "users", security(("admin" = [])),
    params(("id" = String, Path, description = "user id")),
    responses((status = 200, body = User), (status = 404, body = ErrorBody)))]
async fn get_user(
    _: AdminAuth,
    State(s): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<User>, ApiError> {
    let now = s.now();
    Ok(Json(s.store.user(id, now).await?))
}

/// Change a user
///
/// Only the fields present change: the secret, `enabled` (the admin's switch), limits, expiry,
/// device limit, allowlist, note. Every agent applies a change that affects admission within
/// about a second, refusing and disconnecting users who lost access.
#[utoipa::path(patch, path = "/admin/users/{id}", tag = "users", security(("admin" = [])),
    params(("id" = String, Path, description = "user id")), request_body = UpdateUser,
    responses((status = 200, body = User), (status = 400, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
async fn update_user(
    _: AdminAuth,
    State(s): State<AppState>,
    Path(id): Path<String>,
    ApiJson(mut change): ApiJson<UpdateUser>,
) -> Result<Json<User>, ApiError> {
    if change.secret.is_none() && change.settings == UserSettings::default() {
        return Err(ApiError::BadRequest(
            "nothing to change: give at least one field".into(),
        ));
    }
    if let Some(secret) = &change.secret {
        validate::secret(secret.expose()).map_err(ApiError::BadRequest)?;
    }
    check_settings(&mut change.settings)?;
    let now = s.now();
    let secret = change.secret.map(|s| s.expose().to_owned());
    let user = s
        .store
        .update_user(id, secret, change.settings, now)
        .await?;
    s.reschedule.notify_one();
    tracing::info!(user = %user.id, state = user.state.as_str(), "user changed");
    Ok(Json(user))
}

/// Replace a user's secret with a generated one
#[utoipa::path(post, path = "/admin/users/{id}/secret", tag = "users", security(("admin" = [])),
    params(("id" = String, Path, description = "user id")),
    responses((status = 200, body = User), (status = 404, body = ErrorBody)))]
async fn rotate_secret(
    _: AdminAuth,
    State(s): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<User>, ApiError> {
    let secret = hy_common::random::token(SECRET_LEN);
    let now = s.now();
    let user = s
        .store
        .update_user(id, Some(secret), UserSettings::default(), now)
        .await?;
    tracing::info!(user = %user.id, "user secret rotated");
    Ok(Json(user))
}

/// Reset a user's usage for the current period
///
/// Starts a new period now (the old one is kept in the reset log); a `limited` user becomes
/// `active` again. Lifetime traffic is unchanged.
#[utoipa::path(post, path = "/admin/users/{id}/reset", tag = "users", security(("admin" = [])),
    params(("id" = String, Path, description = "user id")),
    responses((status = 200, body = User), (status = 404, body = ErrorBody)))]
async fn reset_usage(
    _: AdminAuth,
    State(s): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<User>, ApiError> {
    let now = s.now();
    let user = s.store.reset_usage(id, now, "admin").await?;
    tracing::info!(user = %user.id, "usage reset");
    Ok(Json(user))
}

/// A user's share links
///
/// One `hysteria2://` URI per server the user is assigned to that has a public host set
/// (`link.host`); the fragment names the server.
#[utoipa::path(get, path = "/admin/users/{id}/links", tag = "users", security(("admin" = [])),
    params(("id" = String, Path, description = "user id")),
    responses((status = 200, body = [hy_api::servers::UserLink]), (status = 404, body = ErrorBody)))]
async fn user_links(
    _: AdminAuth,
    State(s): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Vec<hy_api::servers::UserLink>>, ApiError> {
    let now = s.now();
    let (user, servers) = s.store.user_links(id, now).await?;
    let links = servers
        .into_iter()
        .filter_map(|(server_id, server_name, link)| {
            let label = server_name
                .clone()
                .or_else(|| link.host.clone())
                .unwrap_or_default();
            let uri = hy_api::uri::build(user.secret.expose(), &link, &label)?;
            Some(hy_api::servers::UserLink {
                server_id,
                server_name,
                uri,
            })
        })
        .collect();
    Ok(Json(links))
}

/// Delete a user
///
/// Cascades to the user's server assignments and traffic.
#[utoipa::path(delete, path = "/admin/users/{id}", tag = "users", security(("admin" = [])),
    params(("id" = String, Path, description = "user id")),
    responses((status = 204, description = "deleted"), (status = 404, body = ErrorBody)))]
async fn delete_user(
    _: AdminAuth,
    State(s): State<AppState>,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let logged = id.clone();
    s.store.delete_user(id).await?;
    tracing::info!(user = %logged, "user deleted");
    Ok(StatusCode::NO_CONTENT)
}
