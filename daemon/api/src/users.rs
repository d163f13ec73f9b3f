//! Users: who may connect, and with which auth secret.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::Traffic;

/// A user as admins see it. `secret` is what the user's Hysteria clients send as `auth`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct User {
    /// The user id; also the id Hysteria reports traffic under.
    pub id: String,
    /// The auth secret (admin-only; never sent to nodes, which get its SHA-256).
    pub secret: String,
    /// Number of servers the user is assigned to.
    pub servers: u64,
    /// Total traffic over all servers.
    pub traffic: Traffic,
    /// When the user was created (RFC 3339, UTC).
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub created_at: Timestamp,
    /// When the user was last changed (RFC 3339, UTC).
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub updated_at: Timestamp,
}

/// Body of `POST /admin/users`. The original system's `{"id":"alice"}` is the minimal form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CreateUser {
    /// The new user's id (see `validate::user_id`).
    pub id: String,
    /// The auth secret; generated (192 bits, `[A-Za-z0-9_-]`) when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret: Option<String>,
}

/// Body of `PATCH /admin/users/{id}`: only the fields present change.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct UpdateUser {
    /// A new auth secret chosen by the admin; `POST /admin/users/{id}/secret` generates one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret: Option<String>,
}

/// Most users one `POST /admin/batch/users` may create.
pub const MAX_BATCH: usize = 5_000;

/// Body of `POST /admin/batch/users`: creates many users in one transaction.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CreateUsers {
    /// The users to create (at most 5,000).
    pub users: Vec<CreateUser>,
    /// Skip ids that already exist instead of failing the whole batch.
    #[serde(default)]
    pub skip_existing: bool,
}

/// Answer to `POST /admin/batch/users`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreatedUsers {
    /// The users created, with their secrets.
    pub created: Vec<User>,
    /// Ids skipped because they existed (with `skip_existing`).
    pub skipped: Vec<String>,
}
