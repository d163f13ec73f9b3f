//! `/admin/tokens`: scoped API tokens for scripts and cron jobs (owner only), and
//! `/admin/whoami`, which says what the presented credential is. A token is shown once, at
//! creation; central keeps its SHA-256. Revoking takes effect on every central within
//! [`crate::token::TOKENS_MAX_AGE_MS`].

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use hy_api::admins::{ApiToken, CreateToken, CreatedToken, TOKEN_MAX_DAYS, WhoAmI};
use hy_api::{ErrorBody, validate};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::error::ApiError;
use super::extract::{AdminAuth, ApiJson};
use crate::state::AppState;

pub(crate) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_tokens, create_token))
        .routes(routes!(revoke_token))
        .routes(routes!(whoami))
}

/// List API tokens
///
/// Names, roles, expiry and last use; never the tokens.
#[utoipa::path(get, path = "/admin/tokens", tag = "admins", security(("admin" = [])),
    responses((status = 200, body = Vec<ApiToken>), (status = 403, body = ErrorBody)))]
async fn list_tokens(
    _: AdminAuth,
    State(s): State<AppState>,
) -> Result<Json<Vec<ApiToken>>, ApiError> {
    Ok(Json(s.store.tokens().await?))
}

/// Create an API token
///
/// The answer holds the token, the only time it is shown.
#[utoipa::path(post, path = "/admin/tokens", tag = "admins", security(("admin" = [])),
    request_body = CreateToken,
    responses((status = 201, body = CreatedToken), (status = 400, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 409, body = ErrorBody)))]
async fn create_token(
    auth: AdminAuth,
    State(s): State<AppState>,
    ApiJson(new): ApiJson<CreateToken>,
) -> Result<(StatusCode, Json<CreatedToken>), ApiError> {
    validate::token_name(&new.name).map_err(ApiError::BadRequest)?;
    if let Some(days) = new.expires_in_days
        && !(1..=TOKEN_MAX_DAYS).contains(&days)
    {
        return Err(ApiError::BadRequest(format!(
            "`expires_in_days` must be 1 to {TOKEN_MAX_DAYS}, not {days}"
        )));
    }
    let now = s.now();
    let expires_at = new.expires_in_days.map(|d| now + i64::from(d) * 86_400);
    let (token, digest) = crate::token::new_api_token();
    let info = s
        .store
        .create_token(new.name, new.role, digest, now, expires_at)
        .await?;
    s.api_tokens.invalidate();
    tracing::info!(by = %auth.actor, token = %info.name, role = %info.role, "API token created");
    Ok((StatusCode::CREATED, Json(CreatedToken { token, info })))
}

/// Revoke an API token
#[utoipa::path(delete, path = "/admin/tokens/{name}", tag = "admins", security(("admin" = [])),
    params(("name" = String, Path, description = "token name")),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn revoke_token(
    auth: AdminAuth,
    State(s): State<AppState>,
    Path(name): Path<String>,
) -> Result<StatusCode, ApiError> {
    validate::token_name(&name).map_err(ApiError::BadRequest)?;
    s.store.delete_token(name.clone()).await?;
    s.api_tokens.invalidate();
    tracing::info!(by = %auth.actor, token = %name, "API token revoked");
    Ok(StatusCode::NO_CONTENT)
}

/// Who am I
///
/// The credential this request carried and its role.
#[utoipa::path(get, path = "/admin/whoami", tag = "admins", security(("admin" = [])),
    responses((status = 200, body = WhoAmI), (status = 401, body = ErrorBody)))]
async fn whoami(auth: AdminAuth) -> Json<WhoAmI> {
    Json(WhoAmI {
        actor: auth.actor.to_string(),
        role: auth.role,
    })
}
