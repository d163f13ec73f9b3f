//! Extractors: the admin credential check and JSON bodies that are accepted with or without a
//! `Content-Type` (the original README's curl examples send none) and fail as [`ApiError`]s.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::header;
use axum::http::request::Parts;
use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};

use super::error::ApiError;
use crate::state::AppState;

/// Proof that the request carried a credential whose role may call this route (see
/// [`super::roles`]): the admin token (`owner`) or an API token. List it as a handler
/// parameter; the role check needs nothing more.
#[derive(Debug, Clone)]
pub struct AdminAuth {
    /// Who: `admin-token` or `token:<name>`, for logs and the audit trail.
    pub actor: std::sync::Arc<str>,
    /// What it may do.
    pub role: hy_api::admins::Role,
    /// The admin session it came by (signed-in admins; not tokens).
    pub session: Option<i64>,
}

impl FromRequestParts<AppState> for AdminAuth {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let auth = identify(&parts.headers, &parts.extensions, state).await?;
        let route = parts
            .extensions
            .get::<axum::extract::MatchedPath>()
            .map_or(parts.uri.path(), |m| m.as_str());
        let needed = super::roles::required(&parts.method, route);
        if auth.role < needed {
            tracing::warn!(actor = %auth.actor, method = %parts.method, route, "refused: role too low");
            return Err(ApiError::Forbidden(format!(
                "this credential's role ({}) may not {} {route}; that needs {needed} or above",
                auth.role, parts.method
            )));
        }
        Ok(auth)
    }
}

/// The web panel's own call into the admin API, for an admin it has already signed in (see
/// `crate::panel`). Only code in this process can attach an extension to a request, so no
/// client can present one.
#[derive(Debug, Clone)]
pub struct PanelCaller(pub AdminAuth);

/// The credential a request carries, and its role; `Unauthorized` without a valid one. The
/// role check is the extractor's; the audit trail asks only who.
pub async fn identify(
    headers: &axum::http::HeaderMap,
    extensions: &axum::http::Extensions,
    state: &AppState,
) -> Result<AdminAuth, ApiError> {
    if let Some(PanelCaller(auth)) = extensions.get::<PanelCaller>() {
        return Ok(auth.clone());
    }
    let presented = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            v.strip_prefix("Bearer ")
                .or_else(|| v.strip_prefix("bearer "))
        })
        // The seed's management API sends its key as `X-API-Key` (see `http::seed`): the
        // same credentials, in its header.
        .or_else(|| headers.get("x-api-key").and_then(|v| v.to_str().ok()))
        .map(str::trim)
        .ok_or(ApiError::Unauthorized)?;
    let digest: [u8; 32] = Sha256::digest(presented.as_bytes()).into();
    // The prefix says where to look, so an API token never makes central re-read the admin
    // token's digest, nor the other way round.
    if presented.starts_with(crate::token::API_PREFIX) {
        let known = state
            .api_tokens
            .find(&digest)
            .await
            .ok_or(ApiError::Unauthorized)?;
        Ok(AdminAuth {
            actor: format!("token:{}", known.name).into(),
            role: known.role,
            session: None,
        })
    } else if presented.starts_with(crate::accounts::ACCESS_PREFIX) {
        let who = state
            .sessions
            .check(presented)
            .await
            .ok_or(ApiError::Unauthorized)?;
        Ok(AdminAuth {
            actor: format!("admin:{}", who.username).into(),
            role: who.role,
            session: Some(who.session_pk),
        })
    } else if state.admin_digest.accepts(&digest).await {
        Ok(AdminAuth {
            actor: "admin-token".into(),
            role: hy_api::admins::Role::Owner,
            session: None,
        })
    } else {
        Err(ApiError::Unauthorized)
    }
}

/// Parses a JSON body, naming the offending field in the error.
pub fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::BadRequest(
            "request body is empty; expected a JSON object".into(),
        ));
    }
    let de = &mut serde_json::Deserializer::from_slice(bytes);
    serde_path_to_error::deserialize(de).map_err(bad_body)
}

fn bad_body<E: std::fmt::Display>(err: serde_path_to_error::Error<E>) -> ApiError {
    let path = err.path().to_string();
    let inner = err.into_inner();
    if path.is_empty() || path == "." {
        ApiError::BadRequest(format!("invalid JSON body: {inner}"))
    } else {
        ApiError::BadRequest(format!("invalid JSON body at `{path}`: {inner}"))
    }
}

/// A JSON body that must be present.
#[derive(Debug)]
pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = axum::response::Response;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        use axum::response::IntoResponse;
        let bytes = Bytes::from_request(req, state)
            .await
            .map_err(IntoResponse::into_response)?;
        parse(&bytes)
            .map(ApiJson)
            .map_err(IntoResponse::into_response)
    }
}

/// A JSON body that may be absent, in which case it is `T::default()`.
#[derive(Debug)]
pub struct OptionalJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Default> FromRequest<S> for OptionalJson<T> {
    type Rejection = axum::response::Response;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        use axum::response::IntoResponse;
        let bytes = Bytes::from_request(req, state)
            .await
            .map_err(IntoResponse::into_response)?;
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Ok(OptionalJson(T::default()));
        }
        parse(&bytes)
            .map(OptionalJson)
            .map_err(IntoResponse::into_response)
    }
}
