//! `/admin/webhooks`: where events are POSTed (see [`crate::webhooks`]). Admins only: a
//! webhook sends the fleet's events to an outside address.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use hy_api::ErrorBody;
use hy_api::events::{CreateWebhook, CreatedWebhook, Delivery, TYPES, Webhook};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::error::ApiError;
use super::extract::{AdminAuth, ApiJson};
use crate::state::AppState;

pub(crate) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_webhooks, create_webhook))
        .routes(routes!(delete_webhook))
        .routes(routes!(deliveries))
}

/// `https://host[:port]/path` or `http://...`, without credentials in it.
fn check_url(url: &str) -> Result<(), ApiError> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| {
            ApiError::BadRequest(format!("`url` {url:?} must start with https:// or http://"))
        })?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if host.is_empty()
        || host.contains('@')
        || url.len() > 2048
        || url.chars().any(char::is_whitespace)
    {
        return Err(ApiError::BadRequest(format!(
            "`url` {url:?} is not a URL to POST to (a host is needed, no user:password@ and no spaces)"
        )));
    }
    Ok(())
}

/// List webhooks
#[utoipa::path(get, path = "/admin/webhooks", tag = "admins", security(("admin" = [])),
    responses((status = 200, body = Vec<Webhook>)))]
async fn list_webhooks(
    _: AdminAuth,
    State(s): State<AppState>,
) -> Result<Json<Vec<Webhook>>, ApiError> {
    Ok(Json(s.store.webhooks().await?))
}

/// Add a webhook
///
/// Events from now on are POSTed to `url`, signed with the secret in the answer (shown once).
#[utoipa::path(post, path = "/admin/webhooks", tag = "admins", security(("admin" = [])),
    request_body = CreateWebhook,
    responses((status = 201, body = CreatedWebhook), (status = 400, body = ErrorBody)))]
async fn create_webhook(
    auth: AdminAuth,
    State(s): State<AppState>,
    ApiJson(req): ApiJson<CreateWebhook>,
) -> Result<(StatusCode, Json<CreatedWebhook>), ApiError> {
    check_url(&req.url)?;
    if let Some(bad) = req.types.iter().find(|t| !TYPES.contains(&t.as_str())) {
        return Err(ApiError::BadRequest(format!(
            "unknown event type {bad:?}; types are {}",
            TYPES.join(", ")
        )));
    }
    let secret = hy_common::random::token(40);
    let webhook = s
        .store
        .create_webhook(req.url, req.types.join(","), secret.clone(), s.now())
        .await?;
    tracing::info!(by = %auth.actor, webhook = webhook.id, "webhook added");
    Ok((
        StatusCode::CREATED,
        Json(CreatedWebhook { secret, webhook }),
    ))
}

/// Remove a webhook
#[utoipa::path(delete, path = "/admin/webhooks/{id}", tag = "admins", security(("admin" = [])),
    params(("id" = i64, Path, description = "webhook id")),
    responses((status = 204), (status = 404, body = ErrorBody)))]
async fn delete_webhook(
    auth: AdminAuth,
    State(s): State<AppState>,
    Path(id): Path<i64>,
) -> Result<StatusCode, ApiError> {
    s.store.delete_webhook(id).await?;
    tracing::info!(by = %auth.actor, webhook = id, "webhook removed");
    Ok(StatusCode::NO_CONTENT)
}

/// A webhook's deliveries
///
/// The last 100 attempts, newest first (kept a week).
#[utoipa::path(get, path = "/admin/webhooks/{id}/deliveries", tag = "admins", security(("admin" = [])),
    params(("id" = i64, Path, description = "webhook id")),
    responses((status = 200, body = Vec<Delivery>), (status = 404, body = ErrorBody)))]
async fn deliveries(
    _: AdminAuth,
    State(s): State<AppState>,
    Path(id): Path<i64>,
) -> Result<Json<Vec<Delivery>>, ApiError> {
    Ok(Json(s.store.webhook_deliveries(id).await?))
}
