//! `/admin/users`: create, list, show, change, rotate the secret of, and delete users.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use hy_api::users::{CreateUser, CreateUsers, CreatedUsers, MAX_BATCH, UpdateUser, User};
use hy_api::{ErrorBody, validate};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::error::ApiError;
use super::extract::{AdminAuth, ApiJson};
use crate::db::{self, users};
use crate::state::AppState;

/// Length of generated secrets: 32 characters of `[A-Za-z0-9_-]` = 192 bits.
pub const SECRET_LEN: usize = 32;

pub(crate) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_users, create_user))
        .routes(routes!(get_user, update_user, delete_user))
        .routes(routes!(rotate_secret))
        .routes(routes!(create_users))
}

fn check_id(id: &str) -> Result<(), ApiError> {
    validate::user_id(id).map_err(ApiError::BadRequest)
}

/// Validates a new user and settles its secret (the given one, or a generated one).
fn prepare(new: CreateUser) -> Result<(String, String), ApiError> {
    check_id(&new.id)?;
    let secret = match new.secret {
        Some(secret) => {
            validate::secret(&secret)
                .map_err(|e| ApiError::BadRequest(format!("user {:?}: {e}", new.id)))?;
            secret
        }
        None => hy_common::random::token(SECRET_LEN),
    };
    Ok((new.id, secret))
}

/// List all users
#[utoipa::path(get, path = "/admin/users", tag = "users", security(("admin" = [])),
    responses((status = 200, body = [User]), (status = 401, body = ErrorBody)))]
async fn list_users(_: AdminAuth, State(s): State<AppState>) -> Result<Json<Vec<User>>, ApiError> {
    Ok(Json(s.db.call(|c| users::list(c)).await?))
}

/// Create a user
///
/// The secret is generated unless given. The original system's `{"id":"alice"}` works as is.
#[utoipa::path(post, path = "/admin/users", tag = "users", security(("admin" = [])),
    request_body = CreateUser,
    responses((status = 201, body = User), (status = 400, body = ErrorBody),
        (status = 409, description = "id or secret already in use", body = ErrorBody)))]
async fn create_user(
    _: AdminAuth,
    State(s): State<AppState>,
    ApiJson(new): ApiJson<CreateUser>,
) -> Result<(StatusCode, Json<User>), ApiError> {
    check_id(&new.id)?;
    let secret = match new.secret {
        Some(secret) => {
            validate::secret(&secret).map_err(ApiError::BadRequest)?;
            secret
        }
        None => hy_common::random::token(SECRET_LEN),
    };
    let user =
        s.db.call(move |c| users::insert(c, &new.id, &secret, db::now()))
            .await?;
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
    let result =
        s.db.call(move |c| {
            let tx = c.transaction()?;
            let now = db::now();
            let mut out = CreatedUsers::default();
            for (id, secret) in &prepared {
                if skip_existing && users::exists(&tx, id)? {
                    out.skipped.push(id.clone());
                    continue;
                }
                out.created.push(users::insert(&tx, id, secret, now)?);
            }
            tx.commit()?;
            Ok(out)
        })
        .await?;
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
    Ok(Json(s.db.call(move |c| users::get(c, &id)).await?))
}

/// Change a user
///
/// Only the fields present change. Setting a new secret refuses the old one on every node at
/// once.
#[utoipa::path(patch, path = "/admin/users/{id}", tag = "users", security(("admin" = [])),
    params(("id" = String, Path, description = "user id")), request_body = UpdateUser,
    responses((status = 200, body = User), (status = 400, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
async fn update_user(
    _: AdminAuth,
    State(s): State<AppState>,
    Path(id): Path<String>,
    ApiJson(change): ApiJson<UpdateUser>,
) -> Result<Json<User>, ApiError> {
    let Some(secret) = change.secret else {
        return Err(ApiError::BadRequest(
            "nothing to change: give at least one of `secret`".into(),
        ));
    };
    validate::secret(&secret).map_err(ApiError::BadRequest)?;
    let user =
        s.db.call(move |c| users::set_secret(c, &id, &secret, db::now()))
            .await?;
    tracing::info!(user = %user.id, "user secret set");
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
    let user =
        s.db.call(move |c| users::set_secret(c, &id, &secret, db::now()))
            .await?;
    tracing::info!(user = %user.id, "user secret rotated");
    Ok(Json(user))
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
    s.db.call(move |c| users::delete(c, &id)).await?;
    tracing::info!(user = %logged, "user deleted");
    Ok(StatusCode::NO_CONTENT)
}
