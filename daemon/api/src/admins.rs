//! Who may do what through the admin API: roles, and the scoped API tokens scripts and cron
//! jobs use instead of the bootstrap admin token.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// What a credential may do, each role including the ones below it. The bootstrap admin token
/// is `owner`.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Reads everything (secrets included: they are what users connect with), changes nothing.
    #[default]
    Viewer,
    /// Also changes users and their devices and subscriptions.
    Operator,
    /// Also changes servers and assignments.
    Admin,
    /// Also manages API tokens and admins.
    Owner,
}

impl Role {
    /// Every role, lowest first.
    pub const ALL: [Self; 4] = [Self::Viewer, Self::Operator, Self::Admin, Self::Owner];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Viewer => "viewer",
            Self::Operator => "operator",
            Self::Admin => "admin",
            Self::Owner => "owner",
        }
    }

    /// `viewer` → the role.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Longest API token name.
pub const TOKEN_NAME_MAX: usize = 64;

/// Longest validity of an API token: ten years.
pub const TOKEN_MAX_DAYS: u32 = 3650;

/// An API token as listed; the token itself is shown once, at creation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiToken {
    /// Its name, unique (what it is for: `backup-job`).
    pub name: String,
    /// What it may do.
    pub role: Role,
    /// When it was created.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub created_at: Timestamp,
    /// When it stops working; `null`: never.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub expires_at: Option<Timestamp>,
    /// Its last use, to the minute.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub last_used_at: Option<Timestamp>,
}

/// Body of `POST /admin/tokens`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CreateToken {
    /// 1 to 64 characters from `A-Z a-z 0-9 . _ -`, starting with a letter or digit.
    pub name: String,
    /// What it may do.
    pub role: Role,
    /// Days it works for (1 to 3650); absent: until revoked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_in_days: Option<u32>,
}

/// Answer of `POST /admin/tokens`: the only time the token is shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreatedToken {
    /// Send as `Authorization: Bearer <token>`. Central keeps only its SHA-256.
    pub token: String,
    /// The token as listed.
    #[serde(flatten)]
    pub info: ApiToken,
}

/// Answer of `GET /admin/whoami`: the credential a request was made with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WhoAmI {
    /// `admin-token` (the bootstrap token) or `token:<name>`.
    pub actor: String,
    /// Its role.
    pub role: Role,
}

/// One change made through the admin API, as `GET /admin/audit` lists it. Secrets, tokens and
/// passwords never reach it (replaced by `"[redacted]"`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditEntry {
    /// Its position, newest highest; pass as `before` for older entries.
    pub id: i64,
    /// When.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub at: Timestamp,
    /// Who: `admin-token` or `token:<name>`.
    pub actor: String,
    /// From where (the client's address as central saw it).
    pub addr: Option<String>,
    /// `POST`, `PATCH`, `DELETE`.
    pub method: String,
    /// The route, e.g. `/admin/users/{id}`.
    pub route: String,
    /// The path asked for, e.g. `/admin/users/alice`.
    pub path: String,
    /// The answer's status.
    pub status: u16,
    /// The request body, as sent.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub request: Option<serde_json::Value>,
    /// The object before the change (users, devices, servers).
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub before: Option<serde_json::Value>,
    /// The answer: the object after the change.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub after: Option<serde_json::Value>,
}

/// Shortest admin password accepted.
pub const PASSWORD_MIN: usize = 12;
/// Longest admin password accepted.
pub const PASSWORD_MAX: usize = 256;

/// An admin account as listed (never its password hash or TOTP seed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Admin {
    /// Sign-in name (same rules as a user id).
    pub username: String,
    /// What it may do.
    pub role: Role,
    /// Whether sign-in also needs a TOTP code.
    pub totp: bool,
    /// When it was created.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub created_at: Timestamp,
    /// Its last sign-in.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub last_login_at: Option<Timestamp>,
    /// Sessions open now (signed in and not expired, logged out or revoked).
    pub sessions: u64,
}

/// Body of `POST /admin/admins`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CreateAdmin {
    /// Sign-in name.
    pub username: String,
    /// 12 to 256 characters.
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub password: crate::Secret,
    /// What it may do.
    pub role: Role,
}

/// Body of `PATCH /admin/admins/{username}`: a new role or password (ends its sessions).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct UpdateAdmin {
    /// A new role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// A new password.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub password: Option<crate::Secret>,
}

/// Body of `POST /admin/login`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Login {
    /// Sign-in name.
    pub username: String,
    /// Password.
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub password: crate::Secret,
    /// The current TOTP code, when the account has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub totp: Option<String>,
}

/// Answer of `POST /admin/login` and `POST /admin/refresh`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Session {
    /// Send as `Authorization: Bearer <token>`; works for `expires_in` seconds.
    pub access_token: String,
    /// Trade for a new access token at `POST /admin/refresh` until it expires or the session
    /// ends (logout, password change, revocation).
    pub refresh_token: String,
    /// Seconds the access token works for.
    pub expires_in: u64,
    /// Who signed in.
    pub username: String,
    /// Their role.
    pub role: Role,
}

/// Body of `POST /admin/refresh`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Refresh {
    /// The session's refresh token.
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub refresh_token: crate::Secret,
}

/// Answer of `POST /admin/admins/{username}/totp`: the new TOTP seed, shown once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TotpSetup {
    /// The seed, base32 (type it into an authenticator app).
    pub secret: String,
    /// `otpauth://totp/...`: the same as a link or QR code for authenticator apps.
    pub otpauth_url: String,
}

/// Body of `POST /admin/me/password`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ChangePassword {
    /// The password now.
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub old_password: crate::Secret,
    /// The new one (12 to 256 characters).
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub new_password: crate::Secret,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_are_ordered_and_named() {
        assert!(Role::Viewer < Role::Operator && Role::Admin < Role::Owner);
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(r));
            assert_eq!(serde_json::to_value(r).unwrap(), r.as_str());
        }
    }
}
