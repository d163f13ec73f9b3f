//! Users' subscription tokens on SQLite (migration 0015); PostgreSQL runs the same statements.
//! A token is looked up by its SHA-256 (`hy_api::auth_digest`), never compared as text.

use rusqlite::{Connection, OptionalExtension, params};

use super::DbError;

/// A user's subscription: the token, or when it was revoked (neither: never issued).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SubState {
    pub token: Option<String>,
    pub revoked_at: Option<i64>,
}

/// Reads a user's subscription; `NotFound` for no such user.
pub const GET: &str = "SELECT sub_token, sub_revoked_at FROM users WHERE id = ?1";
/// Sets a token (issuing, rotating, lifting a revocation): `?2` token, `?3` its digest.
pub const SET: &str =
    "UPDATE users SET sub_token = ?2, sub_sha256 = ?3, sub_revoked_at = NULL WHERE id = ?1";
/// Issues `?2` only if the user has no token and none was revoked.
pub const ISSUE: &str = "UPDATE users SET sub_token = ?2, sub_sha256 = ?3
    WHERE id = ?1 AND sub_token IS NULL AND sub_revoked_at IS NULL";
/// Revokes at `?2`.
pub const REVOKE: &str =
    "UPDATE users SET sub_token = NULL, sub_sha256 = NULL, sub_revoked_at = ?2 WHERE id = ?1";
/// The user whose token has digest `?1`.
pub const FIND: &str = "SELECT id FROM users WHERE sub_sha256 = ?1";

fn not_found(user: &str) -> DbError {
    DbError::NotFound {
        kind: "user",
        id: user.to_owned(),
    }
}

/// A user's subscription, issuing `fresh` first when there is none and none was revoked.
pub fn get_or_issue(conn: &Connection, user: &str, fresh: &str) -> Result<SubState, DbError> {
    conn.prepare_cached(ISSUE)?
        .execute(params![user, fresh, hy_api::auth_digest(fresh)])?;
    conn.prepare_cached(GET)?
        .query_row([user], |r| {
            Ok(SubState {
                token: r.get(0)?,
                revoked_at: r.get(1)?,
            })
        })
        .optional()?
        .ok_or_else(|| not_found(user))
}

/// Sets a new token (`Some`), or revokes at `now` (`None`).
pub fn set(conn: &Connection, user: &str, token: Option<&str>, now: i64) -> Result<(), DbError> {
    let n = match token {
        Some(t) => conn
            .prepare_cached(SET)?
            .execute(params![user, t, hy_api::auth_digest(t)])?,
        None => conn.prepare_cached(REVOKE)?.execute(params![user, now])?,
    };
    if n == 0 {
        return Err(not_found(user));
    }
    Ok(())
}

/// The id of the user whose token has `digest`.
pub fn find(conn: &Connection, digest: &str) -> Result<Option<String>, DbError> {
    Ok(conn
        .prepare_cached(FIND)?
        .query_row([digest], |r| r.get(0))
        .optional()?)
}
