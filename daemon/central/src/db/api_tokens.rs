//! The `api_tokens` table on SQLite (migration 0016); PostgreSQL runs the same statements.
//! Rows hold a token's SHA-256, never the token.

use hy_api::admins::{ApiToken, Role};
use rusqlite::{Connection, params};

use super::{DbError, ts};

/// Inserts `?1` name, `?2` role, `?3` digest, `?4` created, `?5` expiry.
pub const INSERT: &str = "INSERT INTO api_tokens (name, role, digest, created_at, expires_at)
    VALUES (?1, ?2, ?3, ?4, ?5)";
/// Every token by name, as listed.
pub const LIST: &str =
    "SELECT name, role, created_at, expires_at, last_used_at FROM api_tokens ORDER BY name";
/// What the auth path checks: digest, name, role, expiry.
pub const ALL: &str = "SELECT digest, name, role, expires_at FROM api_tokens";
/// Revokes `?1`.
pub const DELETE: &str = "DELETE FROM api_tokens WHERE name = ?1";
/// Records a use of `?1` at `?2`.
pub const TOUCH: &str = "UPDATE api_tokens SET last_used_at = ?2 WHERE name = ?1";

/// A token as the auth path holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Known {
    pub name: String,
    pub role: Role,
    pub expires_at: Option<i64>,
}

/// A row of [`LIST`], both backends.
pub fn listed(
    name: String,
    role: &str,
    created_at: i64,
    expires_at: Option<i64>,
    last_used_at: Option<i64>,
) -> ApiToken {
    ApiToken {
        name,
        role: Role::parse(role).unwrap_or_default(),
        created_at: ts(created_at),
        expires_at: expires_at.map(ts),
        last_used_at: last_used_at.map(ts),
    }
}

/// The conflict of a second token with one name.
pub fn name_taken(name: &str) -> DbError {
    DbError::Conflict(format!(
        "a token named {name:?} exists; revoke it first or choose another name"
    ))
}

/// No token of that name.
pub fn not_found(name: &str) -> DbError {
    DbError::NotFound {
        kind: "token",
        id: name.to_owned(),
    }
}

/// Stores a new token's digest.
pub fn insert(
    conn: &Connection,
    name: &str,
    role: Role,
    digest: &str,
    now: i64,
    expires_at: Option<i64>,
) -> Result<ApiToken, DbError> {
    conn.prepare_cached(INSERT)?
        .execute(params![name, role.as_str(), digest, now, expires_at])
        .map_err(|e| match super::unique_violation(&e) {
            Some("api_tokens.name") => name_taken(name),
            _ => DbError::Sqlite(e),
        })?;
    Ok(listed(
        name.to_owned(),
        role.as_str(),
        now,
        expires_at,
        None,
    ))
}

/// Every token.
pub fn list(conn: &Connection) -> Result<Vec<ApiToken>, DbError> {
    let mut stmt = conn.prepare_cached(LIST)?;
    let rows = stmt.query_map([], |r| {
        Ok(listed(
            r.get(0)?,
            &r.get::<_, String>(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get(4)?,
        ))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Every token's digest (hex) with what it grants.
pub fn all(conn: &Connection) -> Result<Vec<(String, Known)>, DbError> {
    let mut stmt = conn.prepare_cached(ALL)?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            Known {
                name: r.get(1)?,
                role: Role::parse(&r.get::<_, String>(2)?).unwrap_or_default(),
                expires_at: r.get(3)?,
            },
        ))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Revokes a token.
pub fn delete(conn: &Connection, name: &str) -> Result<(), DbError> {
    if conn.prepare_cached(DELETE)?.execute([name])? == 0 {
        return Err(not_found(name));
    }
    Ok(())
}

/// Records a use.
pub fn touch(conn: &Connection, name: &str, now: i64) -> Result<(), DbError> {
    conn.prepare_cached(TOUCH)?.execute(params![name, now])?;
    Ok(())
}
