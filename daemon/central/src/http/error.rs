//! `ApiError`: what handlers return on failure, turned into the one JSON error shape.
//!
//! Errors produced outside handlers (axum's own rejections, unknown routes, wrong methods,
//! oversized bodies, timeouts) are rewritten into the same shape by [`json_errors`], so a client
//! never sees a plain-text error from central.

use axum::Json;
use axum::body::{Body, to_bytes};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use hy_api::{ErrorBody, ErrorCode};

use crate::db::DbError;

/// A failed request.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// Malformed or invalid input.
    #[error("{0}")]
    BadRequest(String),
    /// Missing or wrong admin token.
    #[error(
        "missing or invalid admin token: send `Authorization: Bearer <token>` with the token \
         central wrote next to its database"
    )]
    Unauthorized,
    /// A sign-in or session refused, saying why.
    #[error("{0}")]
    UnauthorizedBecause(String),
    /// The credential's role may not do this.
    #[error("{0}")]
    Forbidden(String),
    /// No such thing.
    #[error("{0}")]
    NotFound(String),
    /// Conflicts with existing data.
    #[error("{0}")]
    Conflict(String),
    /// Central is shutting down, or its database cannot be reached; retrying may succeed.
    #[error("{0}")]
    Unavailable(String),
    /// Over a rate limit.
    #[error("{0}")]
    TooManyRequests(String),
    /// A bug or an I/O failure; logged, not sent.
    #[error("internal error; see central's log")]
    Internal(#[source] anyhow::Error),
}

/// The 503 of a central that is stopping.
pub const SHUTTING_DOWN: &str = "central is shutting down; retry shortly";

impl From<DbError> for ApiError {
    fn from(err: DbError) -> Self {
        match err {
            DbError::NotFound { .. } => Self::NotFound(err.to_string()),
            DbError::Conflict(msg) => Self::Conflict(msg),
            DbError::Unavailable(why) => {
                tracing::warn!(error = %why, "request failed: the database is unreachable");
                Self::Unavailable("central cannot reach its database; retry shortly".into())
            }
            other => Self::Internal(other.into()),
        }
    }
}

impl From<crate::ingest::IngestError> for ApiError {
    fn from(err: crate::ingest::IngestError) -> Self {
        use crate::ingest::IngestError;
        match err {
            IngestError::Db(e) => e.into(),
            IngestError::Stopped => Self::Unavailable(SHUTTING_DOWN.into()),
            group @ IngestError::Group(_) => Self::Internal(group.into()),
        }
    }
}

impl ApiError {
    fn code(&self) -> ErrorCode {
        match self {
            Self::BadRequest(_) => ErrorCode::BadRequest,
            Self::Unauthorized | Self::UnauthorizedBecause(_) => ErrorCode::Unauthorized,
            Self::Forbidden(_) => ErrorCode::Forbidden,
            Self::NotFound(_) => ErrorCode::NotFound,
            Self::Conflict(_) => ErrorCode::Conflict,
            Self::Unavailable(_) => ErrorCode::Unavailable,
            Self::TooManyRequests(_) => ErrorCode::TooManyRequests,
            Self::Internal(_) => ErrorCode::Internal,
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if let Self::Internal(err) = &self {
            // The one place 5xx causes are logged; the client only sees "internal error".
            tracing::error!(error = format!("{err:#}"), "request failed");
        }
        let code = self.code();
        let status =
            StatusCode::from_u16(code.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut resp = (
            status,
            Json(ErrorBody {
                code,
                message: self.to_string(),
            }),
        )
            .into_response();
        if code == ErrorCode::TooManyRequests {
            resp.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("60"));
        }
        if code == ErrorCode::Unauthorized {
            resp.headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        resp
    }
}

fn code_for(status: StatusCode) -> ErrorCode {
    match status.as_u16() {
        401 => ErrorCode::Unauthorized,
        404 => ErrorCode::NotFound,
        405 => ErrorCode::MethodNotAllowed,
        409 => ErrorCode::Conflict,
        413 => ErrorCode::PayloadTooLarge,
        503 => ErrorCode::Unavailable,
        400..=499 => ErrorCode::BadRequest,
        _ => ErrorCode::Internal,
    }
}

/// Rewrites any error response that is not already JSON (axum rejections, 404/405 fallbacks,
/// body-limit 413s, timeouts) into an [`ErrorBody`], keeping axum's explanation as the message.
pub async fn json_errors(resp: Response) -> Response {
    let status = resp.status();
    let is_json = resp
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if !(status.is_client_error() || status.is_server_error()) || is_json {
        return resp;
    }
    let (mut parts, body) = resp.into_parts();
    let text = to_bytes(body, 64 * 1024).await.unwrap_or_default();
    let text = String::from_utf8_lossy(&text).trim().to_owned();
    let message = match status {
        StatusCode::NOT_FOUND if text.is_empty() => {
            "no such endpoint; see GET /openapi.json".into()
        }
        StatusCode::METHOD_NOT_ALLOWED => {
            match parts
                .headers
                .get(header::ALLOW)
                .and_then(|v| v.to_str().ok())
            {
                Some(allowed) if !allowed.is_empty() => {
                    format!("method not allowed on this path; allowed: {allowed}")
                }
                _ => "method not allowed on this path; see GET /openapi.json".into(),
            }
        }
        StatusCode::PAYLOAD_TOO_LARGE => "request body is too large for this endpoint".into(),
        StatusCode::REQUEST_TIMEOUT => "request took too long and was cancelled".into(),
        _ if text.is_empty() => status.canonical_reason().unwrap_or("error").to_lowercase(),
        _ => text,
    };
    let body = ErrorBody {
        code: code_for(status),
        message,
    };
    let bytes = serde_json::to_vec(&body).unwrap_or_default();
    parts.headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(bytes))
}
