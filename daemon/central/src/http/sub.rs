//! Subscription links: `/admin/users/{id}/subscription` (show, issuing on first ask; rotate;
//! revoke) and the public `GET /sub/{token}`, which serves the user's client profile in the
//! format it asks for (see [`crate::subscription`]), rate limited per client address.
//!
//! The public endpoint takes no admin token: the token in the path is the credential, looked
//! up by its SHA-256. Any token that names no user gets the same 404, and every answer (a
//! refusal included) counts against the address's allowance.

use std::net::SocketAddr;

use axum::Json;
use axum::extract::connect_info::ConnectInfo;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use hy_api::users::Subscription;
use hy_api::{ErrorBody, validate};
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::error::ApiError;
use super::extract::AdminAuth;
use crate::state::AppState;
use crate::subscription::{Format, endpoints, render, userinfo};

/// Length of subscription tokens: 32 characters of `[A-Za-z0-9_-]` = 192 bits.
pub const TOKEN_LEN: usize = 32;

/// Hours between a client's refreshes of the profile (`profile-update-interval`).
pub const UPDATE_HOURS: u32 = 12;

pub(crate) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(
            get_subscription,
            rotate_subscription,
            revoke_subscription
        ))
        .routes(routes!(subscription_profile))
}

/// The link base: `--public-url`, else the scheme and Host this request came by.
pub(crate) fn base(s: &AppState, headers: &HeaderMap) -> String {
    if let Some(url) = &s.public_url {
        return url.to_string();
    }
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| !h.is_empty() && h.bytes().all(|b| b.is_ascii_graphic()))
        .unwrap_or("localhost");
    let scheme = if s.tls { "https" } else { "http" };
    format!("{scheme}://{host}")
}

fn answer(
    s: &AppState,
    headers: &HeaderMap,
    user: String,
    state: crate::db::subscriptions::SubState,
) -> Subscription {
    let url = state.token.map(|t| format!("{}/sub/{t}", base(s, headers)));
    let formats = url
        .iter()
        .flat_map(|u| {
            ["uri", "base64", "hysteria", "sing-box", "clash"]
                .map(|f| (f.to_owned(), format!("{u}?format={f}")))
        })
        .collect();
    Subscription {
        user,
        url,
        formats,
        revoked_at: state.revoked_at.map(crate::db::ts),
    }
}

/// A user's subscription link
///
/// Issued on the first ask; after a revocation there is none until it is rotated.
#[utoipa::path(get, path = "/admin/users/{id}/subscription", tag = "users", security(("admin" = [])),
    params(("id" = String, Path, description = "user id")),
    responses((status = 200, body = Subscription), (status = 404, body = ErrorBody)))]
async fn get_subscription(
    _: AdminAuth,
    State(s): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<Json<Subscription>, ApiError> {
    validate::user_id(&id).map_err(ApiError::BadRequest)?;
    let fresh = hy_common::random::token(TOKEN_LEN);
    let state = s.store.subscription(id.clone(), fresh).await?;
    Ok(Json(answer(&s, &headers, id, state)))
}

/// Give a user a new subscription link
///
/// The old link stops answering at once; the user's secret is untouched. Also lifts a
/// revocation.
#[utoipa::path(post, path = "/admin/users/{id}/subscription", tag = "users", security(("admin" = [])),
    params(("id" = String, Path, description = "user id")),
    responses((status = 200, body = Subscription), (status = 404, body = ErrorBody)))]
async fn rotate_subscription(
    _: AdminAuth,
    State(s): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<Json<Subscription>, ApiError> {
    validate::user_id(&id).map_err(ApiError::BadRequest)?;
    let fresh = hy_common::random::token(TOKEN_LEN);
    s.store
        .set_subscription(id.clone(), Some(fresh.clone()), s.now())
        .await?;
    tracing::info!(user = %id, "subscription link rotated");
    let state = crate::db::subscriptions::SubState {
        token: Some(fresh),
        revoked_at: None,
    };
    Ok(Json(answer(&s, &headers, id, state)))
}

/// Revoke a user's subscription link
///
/// The link stops answering at once and none is issued again until it is rotated.
#[utoipa::path(delete, path = "/admin/users/{id}/subscription", tag = "users", security(("admin" = [])),
    params(("id" = String, Path, description = "user id")),
    responses((status = 204), (status = 404, body = ErrorBody)))]
async fn revoke_subscription(
    _: AdminAuth,
    State(s): State<AppState>,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    validate::user_id(&id).map_err(ApiError::BadRequest)?;
    s.store.set_subscription(id.clone(), None, s.now()).await?;
    tracing::info!(user = %id, "subscription link revoked");
    Ok(StatusCode::NO_CONTENT)
}

/// What a subscription fetch may ask.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct ProfileQuery {
    /// `uri`, `base64`, `hysteria`, `sing-box` or `clash`; default: by User-Agent (Clash and
    /// mihomo clients get `clash`, sing-box clients `sing-box`, Hysteria `hysteria`, anything
    /// else `base64`).
    format: Option<String>,
    /// For `hysteria` (one server per config): the server's name as the profile shows it;
    /// default the first.
    server: Option<String>,
}

/// A user's client profile (public: the token is the credential)
///
/// Sends `subscription-userinfo` (lifetime upload and download, the period's allowance,
/// expiry), `profile-update-interval`, `profile-title` and `content-disposition`. A user who
/// may not connect now (disabled, expired, over quota) gets a valid profile with no server.
#[utoipa::path(get, path = "/sub/{token}", tag = "users",
    params(("token" = String, Path, description = "the subscription token"), ProfileQuery),
    responses((status = 200, description = "the profile", content_type = "text/plain"),
        (status = 400, body = ErrorBody),
        (status = 404, description = "no such subscription", body = ErrorBody),
        (status = 429, description = "too many fetches from this address", body = ErrorBody)))]
async fn subscription_profile(
    State(s): State<AppState>,
    Path(token): Path<String>,
    Query(q): Query<ProfileQuery>,
    headers: HeaderMap,
    parts: axum::http::request::Parts,
) -> Result<Response, ApiError> {
    let peer = parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    if let Some(ip) = peer
        && s.sub_limiter.check_key(&ip).is_err()
    {
        tracing::warn!(%ip, "subscription fetch refused: too many from this address");
        s.metrics
            .subscription_fetches
            .get_or_create(&crate::metrics::OutcomeLabels {
                outcome: "rate_limited",
            })
            .inc();
        return Err(ApiError::TooManyRequests(
            "too many subscription fetches from this address; try again in a minute".into(),
        ));
    }
    let format = match q.format.as_deref() {
        Some(f) => Format::parse(f).ok_or_else(|| {
            ApiError::BadRequest(format!("unknown format {f:?}; use {}", Format::NAMES))
        })?,
        None => Format::from_user_agent(
            headers
                .get(header::USER_AGENT)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default(),
        ),
    };
    let now = s.now();
    let found = if token.len() == TOKEN_LEN {
        s.store.subscriber(hy_api::auth_digest(&token), now).await?
    } else {
        None
    };
    let Some((user, links)) = found else {
        if let Some(ip) = peer {
            tracing::warn!(%ip, "subscription fetch refused: unknown token");
        }
        s.metrics
            .subscription_fetches
            .get_or_create(&crate::metrics::OutcomeLabels { outcome: "unknown" })
            .inc();
        return Err(ApiError::NotFound("no such subscription".into()));
    };
    let servers = if user.state.may_connect() {
        endpoints(links)
    } else {
        Vec::new()
    };
    let body = render(format, user.secret.expose(), &servers, q.server.as_deref());
    s.metrics
        .subscription_fetches
        .get_or_create(&crate::metrics::OutcomeLabels { outcome: "served" })
        .inc();
    tracing::debug!(user = %user.id, ?format, servers = servers.len(), "subscription served");
    let mut resp = body.into_response();
    let h = resp.headers_mut();
    let mut set = |name: &'static str, value: String| {
        if let Ok(v) = HeaderValue::from_str(&value) {
            h.insert(name, v);
        }
    };
    set("content-type", format.content_type().to_owned());
    set("subscription-userinfo", userinfo(&user));
    set("profile-update-interval", UPDATE_HOURS.to_string());
    {
        use base64::Engine as _;
        let title = user.display_name.clone().unwrap_or_else(|| user.id.clone());
        set(
            "profile-title",
            format!(
                "base64:{}",
                base64::engine::general_purpose::STANDARD.encode(format!("hyctl: {title}"))
            ),
        );
    }
    set(
        "content-disposition",
        format!(
            "attachment; filename=\"hyctl-{}.{}\"",
            user.id,
            format.extension()
        ),
    );
    set("cache-control", "no-store".to_owned());
    Ok(resp)
}
