//! Web panel sessions on SQLite (migration 0024); PostgreSQL runs the same statements. A
//! session is found by its cookie's digest and holds while it is neither idle too long nor
//! past its absolute end, its admin account still exists (or, for one opened with the admin
//! token, that token is still the current one).

use hy_api::admins::Role;
use rusqlite::{Connection, OptionalExtension, params};

use super::DbError;

/// A session unused this long ends.
pub const IDLE_SECS: i64 = 30 * 60;
/// A session ends this long after sign-in, used or not.
pub const ABSOLUTE_SECS: i64 = 12 * 3600;

/// Opens a session: digest `?1`, admin `?2` (NULL for the admin token, whose digest is `?3`),
/// at `?4`, ending by `?5`.
pub const OPEN: &str = "INSERT INTO panel_sessions
    (digest, admin_pk, token_sha256, created_at, seen_at, expires_at)
    VALUES (?1, ?2, ?3, ?4, ?4, ?5)";
/// A live session by digest `?1`: pk, admin username (NULL = the admin token), role, last
/// seen, absolute end. A token session whose token was rotated is not found.
pub const FIND: &str = "SELECT s.pk, a.username, a.role, s.seen_at, s.expires_at
    FROM panel_sessions s LEFT JOIN admins a ON a.pk = s.admin_pk
    WHERE s.digest = ?1
      AND (a.pk IS NOT NULL
           OR (s.admin_pk IS NULL AND s.token_sha256 =
               (SELECT value FROM meta WHERE key = 'admin_token_sha256')))";
/// Marks session `?1` used at `?2`.
pub const TOUCH: &str = "UPDATE panel_sessions SET seen_at = ?2 WHERE pk = ?1";
/// Ends session `?1`.
pub const END: &str = "DELETE FROM panel_sessions WHERE pk = ?1";
/// Ends every panel session of admin `?1` (by name), with the account's API sessions.
pub const END_OF_ADMIN: &str =
    "DELETE FROM panel_sessions WHERE admin_pk = (SELECT pk FROM admins WHERE username = ?1)";
/// Drops sessions past their end at `?1`, or idle since before `?2`.
pub const PRUNE: &str = "DELETE FROM panel_sessions WHERE expires_at <= ?1 OR seen_at < ?2";

/// A found session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PanelSession {
    pub pk: i64,
    /// The admin's name; `None` for the admin token.
    pub username: Option<String>,
    pub role: Role,
    pub seen_at: i64,
    pub expires_at: i64,
}

/// Builds a [`PanelSession`] from [`FIND`]'s columns, both backends.
pub fn session(
    pk: i64,
    username: Option<String>,
    role: Option<String>,
    seen_at: i64,
    expires_at: i64,
) -> PanelSession {
    // The admin token is the owner; an account's role is its own.
    let role = match (&username, role) {
        (None, _) => Role::Owner,
        (Some(_), Some(r)) => Role::parse(&r).unwrap_or(Role::Viewer),
        (Some(_), None) => Role::Viewer,
    };
    PanelSession {
        pk,
        username,
        role,
        seen_at,
        expires_at,
    }
}

pub fn open(
    conn: &Connection,
    digest: &str,
    admin_pk: Option<i64>,
    token_sha256: Option<&str>,
    now: i64,
    expires_at: i64,
) -> Result<(), DbError> {
    conn.prepare_cached(OPEN)?
        .execute(params![digest, admin_pk, token_sha256, now, expires_at])?;
    Ok(())
}

pub fn find(conn: &Connection, digest: &str) -> Result<Option<PanelSession>, DbError> {
    Ok(conn
        .prepare_cached(FIND)?
        .query_row([digest], |r| {
            Ok(session(
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
            ))
        })
        .optional()?)
}

/// Runs [`TOUCH`] or [`END`] (`at` unused by `END`).
pub fn mark(conn: &Connection, sql: &str, pk: i64, at: i64) -> Result<(), DbError> {
    if sql == END {
        conn.prepare_cached(sql)?.execute([pk])?;
    } else {
        conn.prepare_cached(sql)?.execute(params![pk, at])?;
    }
    Ok(())
}
