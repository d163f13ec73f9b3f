//! `/admin/users/{id}/devices`: a user's devices (credentials beyond their own secret): add,
//! list, show, change (block, unblock, limits, secret) and remove. Every change to what a
//! device admits moves its user's node lists (database triggers), so nodes refuse and
//! disconnect a blocked device within about a second.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use hy_api::devices::{CreateDevice, Device, DeviceSettings, UpdateDevice};
use hy_api::{ErrorBody, validate};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::error::ApiError;
use super::extract::{AdminAuth, ApiJson};
use super::users::SECRET_LEN;
use crate::state::AppState;

pub(crate) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_devices, create_device))
        .routes(routes!(get_device, update_device, delete_device))
        .routes(routes!(rotate_device_secret))
}

fn check_path(user: &str, name: &str) -> Result<(), ApiError> {
    validate::user_id(user).map_err(ApiError::BadRequest)?;
    validate::device_name(name).map_err(ApiError::BadRequest)
}

/// Validates settings, normalising the allowlist.
pub(super) fn check_settings(s: &mut DeviceSettings) -> Result<(), ApiError> {
    if let Some(streams) = &s.allowed_streams {
        s.allowed_streams = Some(
            validate::allowed_streams(streams)
                .map_err(|e| ApiError::BadRequest(format!("`allowed_streams`: {e}")))?,
        );
    }
    if let Some(ips) = &s.allowed_ips {
        s.allowed_ips = Some(
            validate::allowed_ips(ips)
                .map_err(|e| ApiError::BadRequest(format!("`allowed_ips`: {e}")))?,
        );
    }
    if let Some(note) = &s.note {
        validate::note(note).map_err(ApiError::BadRequest)?;
    }
    if let (Some(from), Some(until)) = (s.valid_from, s.valid_until) {
        check_window(from, until)?;
    }
    Ok(())
}

/// A validity window that admits at some moment.
fn check_window(
    from: Option<jiff::Timestamp>,
    until: Option<jiff::Timestamp>,
) -> Result<(), ApiError> {
    match (from, until) {
        (Some(from), Some(until)) if until <= from => Err(ApiError::BadRequest(format!(
            "`valid_until` ({until}) must be after `valid_from` ({from})"
        ))),
        _ => Ok(()),
    }
}

/// List a user's devices
///
/// Every device besides the default (the user's own secret), by name.
#[utoipa::path(get, path = "/admin/users/{id}/devices", tag = "devices", security(("admin" = [])),
    params(("id" = String, Path, description = "user id")),
    responses((status = 200, body = Vec<Device>), (status = 404, body = ErrorBody)))]
async fn list_devices(
    _: AdminAuth,
    State(s): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Vec<Device>>, ApiError> {
    validate::user_id(&id).map_err(ApiError::BadRequest)?;
    Ok(Json(s.store.devices(id, s.now()).await?))
}

/// Add a device to a user
///
/// The secret is generated unless given; it must differ from every user's and device's.
/// Nodes admit the device as `user:name` while both it and its user may connect.
#[utoipa::path(post, path = "/admin/users/{id}/devices", tag = "devices", security(("admin" = [])),
    params(("id" = String, Path, description = "user id")),
    request_body = CreateDevice,
    responses((status = 201, body = Device), (status = 400, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "name or secret already in use, or too many devices", body = ErrorBody)))]
async fn create_device(
    _: AdminAuth,
    State(s): State<AppState>,
    Path(id): Path<String>,
    ApiJson(mut new): ApiJson<CreateDevice>,
) -> Result<(StatusCode, Json<Device>), ApiError> {
    check_path(&id, &new.name)?;
    let secret = match new.secret {
        Some(secret) => {
            validate::secret(secret.expose()).map_err(ApiError::BadRequest)?;
            secret.expose().to_owned()
        }
        None => hy_common::random::token(SECRET_LEN),
    };
    check_settings(&mut new.settings)?;
    let device = s
        .store
        .create_device(id, new.name, secret, new.settings, s.now())
        .await?;
    tracing::info!(device = %device.node_id, "device added");
    Ok((StatusCode::CREATED, Json(device)))
}

/// Show a device
#[utoipa::path(get, path = "/admin/users/{id}/devices/{name}", tag = "devices", security(("admin" = [])),
    params(("id" = String, Path, description = "user id"), ("name" = String, Path, description = "device name")),
    responses((status = 200, body = Device), (status = 404, body = ErrorBody)))]
async fn get_device(
    _: AdminAuth,
    State(s): State<AppState>,
    Path((id, name)): Path<(String, String)>,
) -> Result<Json<Device>, ApiError> {
    check_path(&id, &name)?;
    Ok(Json(s.store.device(id, name, s.now()).await?))
}

/// Change a device
///
/// `{"status":"blocked"}` refuses and disconnects it on every node within about a second and
/// leaves the user's other devices alone; `{"status":"active"}` lets it back.
#[utoipa::path(patch, path = "/admin/users/{id}/devices/{name}", tag = "devices", security(("admin" = [])),
    params(("id" = String, Path, description = "user id"), ("name" = String, Path, description = "device name")),
    request_body = UpdateDevice,
    responses((status = 200, body = Device), (status = 400, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
async fn update_device(
    _: AdminAuth,
    State(s): State<AppState>,
    Path((id, name)): Path<(String, String)>,
    ApiJson(mut change): ApiJson<UpdateDevice>,
) -> Result<Json<Device>, ApiError> {
    check_path(&id, &name)?;
    let secret = match &change.secret {
        Some(secret) => {
            validate::secret(secret.expose()).map_err(ApiError::BadRequest)?;
            Some(secret.expose().to_owned())
        }
        None => None,
    };
    check_settings(&mut change.settings)?;
    if secret.is_none() && change.settings == DeviceSettings::default() {
        return Err(ApiError::BadRequest(
            "nothing to change: give `status`, a limit, `note` or `secret`".into(),
        ));
    }
    // One end of the window changing: the other is the stored one.
    let (from, until) = (change.settings.valid_from, change.settings.valid_until);
    if from.is_some() != until.is_some() {
        let now = s.now();
        let current = s.store.device(id.clone(), name.clone(), now).await?;
        check_window(
            from.unwrap_or(current.valid_from),
            until.unwrap_or(current.valid_until),
        )?;
    }
    let device = s
        .store
        .update_device(id, name, secret, change.settings, s.now())
        .await?;
    tracing::info!(device = %device.node_id, state = device.state.as_str(), "device changed");
    Ok(Json(device))
}

/// Replace a device's secret with a generated one
#[utoipa::path(post, path = "/admin/users/{id}/devices/{name}/secret", tag = "devices", security(("admin" = [])),
    params(("id" = String, Path, description = "user id"), ("name" = String, Path, description = "device name")),
    responses((status = 200, body = Device), (status = 404, body = ErrorBody)))]
async fn rotate_device_secret(
    _: AdminAuth,
    State(s): State<AppState>,
    Path((id, name)): Path<(String, String)>,
) -> Result<Json<Device>, ApiError> {
    check_path(&id, &name)?;
    let secret = hy_common::random::token(SECRET_LEN);
    let device = s
        .store
        .update_device(id, name, Some(secret), DeviceSettings::default(), s.now())
        .await?;
    tracing::info!(device = %device.node_id, "device secret rotated");
    Ok(Json(device))
}

/// Remove a device
///
/// Its clients are refused and disconnected; its traffic stays counted in its user's.
#[utoipa::path(delete, path = "/admin/users/{id}/devices/{name}", tag = "devices", security(("admin" = [])),
    params(("id" = String, Path, description = "user id"), ("name" = String, Path, description = "device name")),
    responses((status = 204), (status = 404, body = ErrorBody)))]
async fn delete_device(
    _: AdminAuth,
    State(s): State<AppState>,
    Path((id, name)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    check_path(&id, &name)?;
    let node_id = hy_api::devices::node_id(&id, &name);
    s.store.delete_device(id, name).await?;
    tracing::info!(device = %node_id, "device removed");
    Ok(StatusCode::NO_CONTENT)
}
