//! Admin accounts: sign-in (`/admin/login`, `/admin/refresh`, `/admin/logout`), one's own
//! password (`/admin/me/password`), and the accounts themselves (`/admin/admins`, owner only):
//! add, list, change role or password, TOTP on and off, end sessions, remove. See
//! [`crate::accounts`] for the tokens and why they are opaque.

use std::net::SocketAddr;

use axum::Json;
use axum::extract::connect_info::ConnectInfo;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use hy_api::admins::{
    Admin, ChangePassword, CreateAdmin, Login, PASSWORD_MAX, PASSWORD_MIN, Refresh, Session,
    TotpSetup, UpdateAdmin,
};
use hy_api::{ErrorBody, validate};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::error::ApiError;
use super::extract::{AdminAuth, ApiJson};
use crate::accounts::{self, ACCESS_PREFIX, ACCESS_SECS, REFRESH_PREFIX, REFRESH_SECS};
use crate::db::admins as sql;
use crate::state::AppState;

pub(crate) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(login))
        .routes(routes!(refresh))
        .routes(routes!(logout))
        .routes(routes!(change_own_password))
        .routes(routes!(list_admins, create_admin))
        .routes(routes!(update_admin, delete_admin))
        .routes(routes!(revoke_admin))
        .routes(routes!(enable_totp, disable_totp))
}

fn check_password(p: &str) -> Result<(), ApiError> {
    let n = p.chars().count();
    if !(PASSWORD_MIN..=PASSWORD_MAX).contains(&n) {
        return Err(ApiError::BadRequest(format!(
            "a password must be {PASSWORD_MIN} to {PASSWORD_MAX} characters long, not {n}"
        )));
    }
    if p.chars().any(char::is_control) {
        return Err(ApiError::BadRequest(
            "a password may not contain control characters".into(),
        ));
    }
    Ok(())
}

/// Argon2id is deliberately slow: hashed and verified off the async workers.
async fn hash(password: String) -> Result<String, ApiError> {
    tokio::task::spawn_blocking(move || accounts::hash_password(&password))
        .await
        .map_err(|e| ApiError::Internal(e.into()))?
        .map_err(ApiError::Internal)
}

async fn verify(password: String, stored: String) -> bool {
    tokio::task::spawn_blocking(move || accounts::verify_password(&password, &stored))
        .await
        .unwrap_or(false)
}

fn refused() -> ApiError {
    ApiError::UnauthorizedBecause("wrong username, password or TOTP code".into())
}

/// Opens a session for the admin `pk` and answers with its tokens.
async fn open(
    s: &AppState,
    pk: i64,
    username: String,
    role: hy_api::admins::Role,
) -> Result<Session, ApiError> {
    let now = s.now();
    let (access, access_digest) = accounts::new_token(ACCESS_PREFIX);
    let (refresh, refresh_digest) = accounts::new_token(REFRESH_PREFIX);
    s.store
        .open_session(
            pk,
            access_digest,
            refresh_digest,
            now,
            now + ACCESS_SECS,
            now + REFRESH_SECS,
        )
        .await?;
    Ok(Session {
        access_token: access,
        refresh_token: refresh,
        expires_in: ACCESS_SECS as u64,
        username,
        role,
    })
}

/// Sign in
///
/// With a password, and the current TOTP code when the account has TOTP. Limited per client
/// address and per account: more attempts get 429.
#[utoipa::path(post, path = "/admin/login", tag = "admins", request_body = Login,
    responses((status = 200, body = Session), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 429, body = ErrorBody)))]
async fn login(
    State(s): State<AppState>,
    parts: axum::http::request::Parts,
    ApiJson(req): ApiJson<Login>,
) -> Result<Json<Session>, ApiError> {
    let ip = parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    let creds = check_sign_in(&s, ip, &req).await?;
    Ok(Json(open(&s, creds.pk, req.username, creds.role).await?))
}

/// Checks a sign-in (rate limits per address and account, password, TOTP), counting the
/// outcome: the API's login and the web panel's share it.
pub(crate) async fn check_sign_in(
    s: &AppState,
    ip: Option<std::net::IpAddr>,
    req: &Login,
) -> Result<crate::db::admins::Credentials, ApiError> {
    let limited = ip.is_some_and(|ip| s.login_by_addr.check_key(&ip).is_err())
        || s.login_by_name.check_key(&req.username).is_err();
    let count = |outcome| {
        s.metrics
            .admin_logins
            .get_or_create(&crate::metrics::OutcomeLabels { outcome })
            .inc();
    };
    if limited {
        count("rate_limited");
        tracing::warn!(?ip, username = %req.username, "sign-in refused: too many attempts");
        return Err(ApiError::TooManyRequests(
            "too many sign-in attempts; wait a minute".into(),
        ));
    }
    let creds = if validate::user_id(&req.username).is_ok() {
        s.store.admin_credentials(req.username.clone()).await?
    } else {
        None
    };
    // A missing account costs a hash check too, so timing names no accounts.
    let stored = creds.as_ref().map_or_else(
        || accounts::decoy_hash().to_owned(),
        |c| c.password_hash.clone(),
    );
    let password_ok = verify(req.password.expose().to_owned(), stored).await;
    let Some(creds) = creds.filter(|_| password_ok) else {
        count("failure");
        tracing::warn!(?ip, username = %req.username, "sign-in refused");
        return Err(refused());
    };
    if let Some(seed) = &creds.totp_secret {
        let Some(code) = &req.totp else {
            count("failure");
            return Err(ApiError::UnauthorizedBecause(
                "this account needs its TOTP code (`totp`) as well".into(),
            ));
        };
        if !accounts::check_totp(seed, code, s.now()) {
            count("failure");
            tracing::warn!(?ip, username = %req.username, "sign-in refused: wrong TOTP code");
            return Err(refused());
        }
    }
    count("success");
    tracing::info!(?ip, username = %req.username, "admin signed in");
    Ok(creds)
}

/// Trade a refresh token for a new access token
#[utoipa::path(post, path = "/admin/refresh", tag = "admins", request_body = Refresh,
    responses((status = 200, body = Session), (status = 401, body = ErrorBody)))]
async fn refresh(
    State(s): State<AppState>,
    ApiJson(req): ApiJson<Refresh>,
) -> Result<Json<Session>, ApiError> {
    let token = req.refresh_token.expose();
    let gone = || ApiError::UnauthorizedBecause("this session has ended; sign in again".into());
    if !token.starts_with(REFRESH_PREFIX) {
        return Err(gone());
    }
    let row = s
        .store
        .session(sql::BY_REFRESH, accounts::digest_hex(token))
        .await?
        .ok_or_else(gone)?;
    let now = s.now();
    if now >= row.expires_at {
        s.store.end_session(row.pk).await?;
        return Err(gone());
    }
    let (access, digest) = accounts::new_token(ACCESS_PREFIX);
    s.store
        .new_access(row.pk, digest, now + ACCESS_SECS)
        .await?;
    Ok(Json(Session {
        access_token: access,
        refresh_token: token.to_owned(),
        expires_in: ACCESS_SECS as u64,
        username: row.username,
        role: row.role,
    }))
}

/// Sign out: end this session
#[utoipa::path(post, path = "/admin/logout", tag = "admins", security(("admin" = [])),
    responses((status = 204), (status = 400, body = ErrorBody)))]
async fn logout(auth: AdminAuth, State(s): State<AppState>) -> Result<StatusCode, ApiError> {
    let Some(pk) = auth.session else {
        return Err(ApiError::BadRequest(
            "only a signed-in admin has a session to end; revoke tokens with DELETE /admin/tokens/{name}".into(),
        ));
    };
    s.store.end_session(pk).await?;
    s.sessions.forget_all();
    tracing::info!(actor = %auth.actor, "admin signed out");
    Ok(StatusCode::NO_CONTENT)
}

/// Change one's own password
///
/// Ends every session of the account, this one included.
#[utoipa::path(post, path = "/admin/me/password", tag = "admins", security(("admin" = [])),
    request_body = ChangePassword,
    responses((status = 204), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody)))]
async fn change_own_password(
    auth: AdminAuth,
    State(s): State<AppState>,
    ApiJson(req): ApiJson<ChangePassword>,
) -> Result<StatusCode, ApiError> {
    let Some(name) = auth.actor.strip_prefix("admin:").map(str::to_owned) else {
        return Err(ApiError::BadRequest(
            "only a signed-in admin has a password to change".into(),
        ));
    };
    check_password(req.new_password.expose())?;
    let creds = s
        .store
        .admin_credentials(name.clone())
        .await?
        .ok_or_else(refused)?;
    if !verify(req.old_password.expose().to_owned(), creds.password_hash).await {
        return Err(ApiError::UnauthorizedBecause(
            "the old password is wrong".into(),
        ));
    }
    let hashed = hash(req.new_password.expose().to_owned()).await?;
    s.store
        .admin_update(sql::SET_PASSWORD, name.clone(), Some(hashed))
        .await?;
    s.store
        .admin_update(sql::END_SESSIONS, name.clone(), None)
        .await?;
    s.sessions.forget_all();
    tracing::info!(admin = %name, "admin changed their password; their sessions ended");
    Ok(StatusCode::NO_CONTENT)
}

/// List admins
#[utoipa::path(get, path = "/admin/admins", tag = "admins", security(("admin" = [])),
    responses((status = 200, body = Vec<Admin>)))]
async fn list_admins(
    _: AdminAuth,
    State(s): State<AppState>,
) -> Result<Json<Vec<Admin>>, ApiError> {
    Ok(Json(s.store.admins(s.now()).await?))
}

/// Add an admin
#[utoipa::path(post, path = "/admin/admins", tag = "admins", security(("admin" = [])),
    request_body = CreateAdmin,
    responses((status = 201, body = Admin), (status = 400, body = ErrorBody), (status = 409, body = ErrorBody)))]
async fn create_admin(
    auth: AdminAuth,
    State(s): State<AppState>,
    ApiJson(req): ApiJson<CreateAdmin>,
) -> Result<(StatusCode, Json<Admin>), ApiError> {
    validate::user_id(&req.username)
        .map_err(|e| ApiError::BadRequest(e.replace("user id", "username")))?;
    check_password(req.password.expose())?;
    let hashed = hash(req.password.expose().to_owned()).await?;
    let now = s.now();
    s.store
        .create_admin(req.username.clone(), hashed, req.role, now)
        .await?;
    tracing::info!(by = %auth.actor, admin = %req.username, role = %req.role, "admin added");
    let admin = find(&s, &req.username).await?;
    Ok((StatusCode::CREATED, Json(admin)))
}

async fn find(s: &AppState, name: &str) -> Result<Admin, ApiError> {
    s.store
        .admins(s.now())
        .await?
        .into_iter()
        .find(|a| a.username == name)
        .ok_or_else(|| ApiError::NotFound(format!("no admin named {name:?}")))
}

/// Change an admin's role or password
///
/// A new password ends the account's sessions.
#[utoipa::path(patch, path = "/admin/admins/{username}", tag = "admins", security(("admin" = [])),
    params(("username" = String, Path, description = "admin name")),
    request_body = UpdateAdmin,
    responses((status = 200, body = Admin), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn update_admin(
    auth: AdminAuth,
    State(s): State<AppState>,
    Path(name): Path<String>,
    ApiJson(req): ApiJson<UpdateAdmin>,
) -> Result<Json<Admin>, ApiError> {
    if req == UpdateAdmin::default() {
        return Err(ApiError::BadRequest(
            "nothing to change: give `role` or `password`".into(),
        ));
    }
    if let Some(p) = &req.password {
        check_password(p.expose())?;
    }
    find(&s, &name).await?;
    if let Some(role) = req.role {
        s.store
            .admin_update(sql::SET_ROLE, name.clone(), Some(role.as_str().to_owned()))
            .await?;
    }
    if let Some(p) = req.password {
        let hashed = hash(p.expose().to_owned()).await?;
        s.store
            .admin_update(sql::SET_PASSWORD, name.clone(), Some(hashed))
            .await?;
        s.store
            .admin_update(sql::END_SESSIONS, name.clone(), None)
            .await?;
    }
    s.sessions.forget_all();
    tracing::info!(by = %auth.actor, admin = %name, "admin changed");
    Ok(Json(find(&s, &name).await?))
}

/// Remove an admin
#[utoipa::path(delete, path = "/admin/admins/{username}", tag = "admins", security(("admin" = [])),
    params(("username" = String, Path, description = "admin name")),
    responses((status = 204), (status = 404, body = ErrorBody)))]
async fn delete_admin(
    auth: AdminAuth,
    State(s): State<AppState>,
    Path(name): Path<String>,
) -> Result<StatusCode, ApiError> {
    s.store
        .admin_update(sql::DELETE, name.clone(), None)
        .await?;
    s.sessions.forget_all();
    tracing::info!(by = %auth.actor, admin = %name, "admin removed");
    Ok(StatusCode::NO_CONTENT)
}

/// End every session of an admin
///
/// Its access tokens stop working on every central within 2 seconds; it signs in again.
#[utoipa::path(post, path = "/admin/admins/{username}/revoke", tag = "admins", security(("admin" = [])),
    params(("username" = String, Path, description = "admin name")),
    responses((status = 200, body = Admin), (status = 404, body = ErrorBody)))]
async fn revoke_admin(
    auth: AdminAuth,
    State(s): State<AppState>,
    Path(name): Path<String>,
) -> Result<Json<Admin>, ApiError> {
    find(&s, &name).await?;
    let n = s
        .store
        .admin_update(sql::END_SESSIONS, name.clone(), None)
        .await?;
    s.sessions.forget_all();
    tracing::info!(by = %auth.actor, admin = %name, sessions = n, "admin's sessions ended");
    Ok(Json(find(&s, &name).await?))
}

/// Turn on TOTP for an admin
///
/// Returns the new seed, once; sign-in needs its codes from now on (a seed set before is
/// replaced).
#[utoipa::path(post, path = "/admin/admins/{username}/totp", tag = "admins", security(("admin" = [])),
    params(("username" = String, Path, description = "admin name")),
    responses((status = 200, body = TotpSetup), (status = 404, body = ErrorBody)))]
async fn enable_totp(
    auth: AdminAuth,
    State(s): State<AppState>,
    Path(name): Path<String>,
) -> Result<Json<TotpSetup>, ApiError> {
    find(&s, &name).await?;
    let (secret, otpauth_url) = accounts::new_totp(&name).map_err(ApiError::Internal)?;
    s.store
        .admin_update(sql::SET_TOTP, name.clone(), Some(secret.clone()))
        .await?;
    tracing::info!(by = %auth.actor, admin = %name, "TOTP turned on");
    Ok(Json(TotpSetup {
        secret,
        otpauth_url,
    }))
}

/// Turn off TOTP for an admin
#[utoipa::path(delete, path = "/admin/admins/{username}/totp", tag = "admins", security(("admin" = [])),
    params(("username" = String, Path, description = "admin name")),
    responses((status = 204), (status = 404, body = ErrorBody)))]
async fn disable_totp(
    auth: AdminAuth,
    State(s): State<AppState>,
    Path(name): Path<String>,
) -> Result<StatusCode, ApiError> {
    s.store
        .admin_update(sql::SET_TOTP, name.clone(), None)
        .await?;
    tracing::info!(by = %auth.actor, admin = %name, "TOTP turned off");
    Ok(StatusCode::NO_CONTENT)
}
