//! The one error shape every non-2xx response of central and the agent carries.

use serde::{Deserialize, Serialize};

/// The body of every error response: `{"code":"not_found","message":"no user named \"bob\""}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorBody {
    /// Stable and machine-readable: clients branch on this, never on `message`.
    pub code: ErrorCode,
    /// For humans: names what is wrong and, where there is one, the fix. Never holds internals.
    pub message: String,
}

/// Stable error classes. New codes may be added; clients treat unknown codes by HTTP status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The request body or a parameter is malformed or fails validation (400).
    BadRequest,
    /// The admin token is missing or wrong (401).
    Unauthorized,
    /// The credential is valid but its role may not do this (403).
    Forbidden,
    /// No such user, server, assignment or route (404).
    NotFound,
    /// The method is not allowed on this path (405).
    MethodNotAllowed,
    /// The change conflicts with existing data, e.g. a duplicate id (409).
    Conflict,
    /// The request body is larger than this endpoint accepts (413).
    PayloadTooLarge,
    /// Too many requests from this address (or for this account) for now (429).
    TooManyRequests,
    /// The server is shutting down or its database is unavailable (503).
    Unavailable,
    /// A bug or an I/O failure on the server; details are in its log (500).
    Internal,
    /// A code this client does not know (sent by a newer server).
    #[serde(other)]
    Unknown,
}

impl ErrorCode {
    /// The HTTP status that goes with the code.
    pub fn status(self) -> u16 {
        match self {
            Self::BadRequest => 400,
            Self::Unauthorized => 401,
            Self::Forbidden => 403,
            Self::NotFound => 404,
            Self::MethodNotAllowed => 405,
            Self::Conflict => 409,
            Self::PayloadTooLarge => 413,
            Self::TooManyRequests => 429,
            Self::Unavailable => 503,
            Self::Internal | Self::Unknown => 500,
        }
    }
}
