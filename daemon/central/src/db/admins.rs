//! Admin accounts and their sessions on SQLite (migration 0018); PostgreSQL runs the same
//! statements. Password hashes, TOTP seeds and token digests stay in here: the listed
//! [`Admin`] carries none of them.

use hy_api::admins::{Admin, Role};
use rusqlite::{Connection, OptionalExtension, params};

use super::{DbError, ts};

pub const INSERT: &str = "INSERT INTO admins (username, password_hash, role, created_at)
    VALUES (?1, ?2, ?3, ?4)";
/// Every admin, with its open sessions at `?1`.
pub const LIST: &str = "SELECT a.username, a.role, a.totp_secret IS NOT NULL, a.created_at,
        a.last_login_at,
        (SELECT COUNT(*) FROM admin_sessions s WHERE s.admin_pk = a.pk AND s.refresh_expires_at > ?1)
    FROM admins a ORDER BY a.username";
/// What sign-in checks: pk, hash, TOTP seed, role.
pub const CREDENTIALS: &str =
    "SELECT pk, password_hash, totp_secret, role FROM admins WHERE username = ?1";
pub const SET_ROLE: &str = "UPDATE admins SET role = ?2 WHERE username = ?1";
pub const SET_PASSWORD: &str = "UPDATE admins SET password_hash = ?2 WHERE username = ?1";
pub const SET_TOTP: &str = "UPDATE admins SET totp_secret = ?2 WHERE username = ?1";
pub const DELETE: &str = "DELETE FROM admins WHERE username = ?1";
pub const COUNT_OWNERS: &str = "SELECT COUNT(*) FROM admins WHERE role = 'owner'";
pub const END_SESSIONS: &str =
    "DELETE FROM admin_sessions WHERE admin_pk = (SELECT pk FROM admins WHERE username = ?1)";
pub const OPEN_SESSION: &str = "INSERT INTO admin_sessions
    (admin_pk, access_digest, refresh_digest, created_at, access_expires_at, refresh_expires_at)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
pub const LOGGED_IN: &str = "UPDATE admins SET last_login_at = ?2 WHERE pk = ?1";
/// A session by its access token's digest: session pk, username, role, access expiry.
pub const BY_ACCESS: &str = "SELECT s.pk, a.username, a.role, s.access_expires_at
    FROM admin_sessions s JOIN admins a ON a.pk = s.admin_pk WHERE s.access_digest = ?1";
/// A session by its refresh token's digest: session pk, username, role, refresh expiry.
pub const BY_REFRESH: &str = "SELECT s.pk, a.username, a.role, s.refresh_expires_at
    FROM admin_sessions s JOIN admins a ON a.pk = s.admin_pk WHERE s.refresh_digest = ?1";
/// Gives session `?1` a new access token `?2` until `?3`.
pub const NEW_ACCESS: &str =
    "UPDATE admin_sessions SET access_digest = ?2, access_expires_at = ?3 WHERE pk = ?1";
pub const END_SESSION: &str = "DELETE FROM admin_sessions WHERE pk = ?1";
pub const PRUNE_SESSIONS: &str = "DELETE FROM admin_sessions WHERE refresh_expires_at <= ?1";

/// A session as the auth path holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRow {
    pub pk: i64,
    pub username: String,
    pub role: Role,
    pub expires_at: i64,
}

/// What sign-in checks.
#[derive(Debug, Clone)]
pub struct Credentials {
    pub pk: i64,
    pub password_hash: String,
    pub totp_secret: Option<String>,
    pub role: Role,
}

/// A row of [`LIST`], both backends.
pub fn listed(
    username: String,
    role: &str,
    totp: bool,
    created_at: i64,
    last_login_at: Option<i64>,
    sessions: i64,
) -> Admin {
    Admin {
        username,
        role: Role::parse(role).unwrap_or_default(),
        totp,
        created_at: ts(created_at),
        last_login_at: last_login_at.map(ts),
        sessions: sessions.max(0) as u64,
    }
}

pub fn name_taken(name: &str) -> DbError {
    DbError::Conflict(format!("an admin named {name:?} exists"))
}

pub fn not_found(name: &str) -> DbError {
    DbError::NotFound {
        kind: "admin",
        id: name.to_owned(),
    }
}

pub fn insert(
    conn: &Connection,
    name: &str,
    hash: &str,
    role: Role,
    now: i64,
) -> Result<(), DbError> {
    conn.prepare_cached(INSERT)?
        .execute(params![name, hash, role.as_str(), now])
        .map_err(|e| match super::unique_violation(&e) {
            Some("admins.username") => name_taken(name),
            _ => DbError::Sqlite(e),
        })?;
    Ok(())
}

pub fn list(conn: &Connection, now: i64) -> Result<Vec<Admin>, DbError> {
    let mut stmt = conn.prepare_cached(LIST)?;
    let rows = stmt.query_map([now], |r| {
        Ok(listed(
            r.get(0)?,
            &r.get::<_, String>(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get(4)?,
            r.get(5)?,
        ))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn credentials(conn: &Connection, name: &str) -> Result<Option<Credentials>, DbError> {
    Ok(conn
        .prepare_cached(CREDENTIALS)?
        .query_row([name], |r| {
            Ok(Credentials {
                pk: r.get(0)?,
                password_hash: r.get(1)?,
                totp_secret: r.get(2)?,
                role: Role::parse(&r.get::<_, String>(3)?).unwrap_or_default(),
            })
        })
        .optional()?)
}

/// Runs one of the single-admin updates (`SET_*`, `DELETE`, `END_SESSIONS`) on `name`;
/// `NotFound` when it touched nothing (except `END_SESSIONS`, which may end none).
pub fn update(
    conn: &Connection,
    sql: &str,
    name: &str,
    value: Option<&str>,
) -> Result<usize, DbError> {
    let n = match value {
        Some(v) => conn.prepare_cached(sql)?.execute(params![name, v])?,
        None if sql == SET_TOTP => conn
            .prepare_cached(sql)?
            .execute(params![name, Option::<String>::None])?,
        None => conn.prepare_cached(sql)?.execute([name])?,
    };
    if sql == END_SESSIONS {
        // The account's panel sign-ins end with its API sessions.
        conn.prepare_cached(super::panel::END_OF_ADMIN)?
            .execute([name])?;
    }
    if n == 0 && sql != END_SESSIONS {
        return Err(not_found(name));
    }
    Ok(n)
}

pub fn count_owners(conn: &Connection) -> Result<i64, DbError> {
    Ok(conn
        .prepare_cached(COUNT_OWNERS)?
        .query_row([], |r| r.get(0))?)
}

/// Opens a session: the digests of its two tokens and their expiries.
pub fn open_session(
    conn: &Connection,
    admin_pk: i64,
    access: &str,
    refresh: &str,
    now: i64,
    access_until: i64,
    refresh_until: i64,
) -> Result<(), DbError> {
    conn.prepare_cached(OPEN_SESSION)?.execute(params![
        admin_pk,
        access,
        refresh,
        now,
        access_until,
        refresh_until
    ])?;
    conn.prepare_cached(LOGGED_IN)?
        .execute(params![admin_pk, now])?;
    Ok(())
}

pub fn session(conn: &Connection, sql: &str, digest: &str) -> Result<Option<SessionRow>, DbError> {
    Ok(conn
        .prepare_cached(sql)?
        .query_row([digest], |r| {
            Ok(SessionRow {
                pk: r.get(0)?,
                username: r.get(1)?,
                role: Role::parse(&r.get::<_, String>(2)?).unwrap_or_default(),
                expires_at: r.get(3)?,
            })
        })
        .optional()?)
}

pub fn new_access(conn: &Connection, pk: i64, digest: &str, until: i64) -> Result<(), DbError> {
    conn.prepare_cached(NEW_ACCESS)?
        .execute(params![pk, digest, until])?;
    Ok(())
}

pub fn end_session(conn: &Connection, pk: i64) -> Result<(), DbError> {
    conn.prepare_cached(END_SESSION)?.execute([pk])?;
    Ok(())
}

/// Drops ended API sessions and panel sessions.
pub fn prune_sessions(conn: &Connection, now: i64) -> Result<usize, DbError> {
    let panel = conn
        .prepare_cached(super::panel::PRUNE)?
        .execute(params![now, now - super::panel::IDLE_SECS])?;
    Ok(conn.prepare_cached(PRUNE_SESSIONS)?.execute([now])? + panel)
}

/// Devices by state at `?1`, and the admin sessions open then: what a scrape shows.
pub const DEVICE_STATES: &str = "SELECT CASE
        WHEN blocked = TRUE THEN 'blocked'
        WHEN valid_until IS NOT NULL AND valid_until <= ?1 THEN 'expired'
        WHEN valid_from IS NOT NULL AND valid_from > ?1 THEN 'not_yet_valid'
        ELSE 'active' END AS state, COUNT(*)
    FROM devices GROUP BY state";
pub const OPEN_SESSIONS: &str = "SELECT COUNT(*) FROM admin_sessions WHERE refresh_expires_at > ?1";
/// Connections the nodes' fresh reports of who is online hold (those fresher than `?1`).
pub const CONNECTIONS: &str = "SELECT COALESCE(SUM(count), 0) FROM online_sessions WHERE at > ?1";

/// What `/metrics` counts in the database at scrape time, besides users and servers.
#[derive(Debug, Default)]
pub struct ScrapeCounts {
    /// Devices per state (states without devices absent).
    pub devices: Vec<(String, i64)>,
    /// Admin sessions whose refresh token is still good.
    pub admin_sessions: i64,
    /// Users' and devices' connections on every node, as fresh as `hyctl session list`.
    pub connections: i64,
}

/// The [`ScrapeCounts`] at `now`.
pub fn scrape_counts(conn: &Connection, now: i64) -> Result<ScrapeCounts, DbError> {
    let mut stmt = conn.prepare_cached(DEVICE_STATES)?;
    let devices = stmt
        .query_map([now], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let admin_sessions = conn
        .prepare_cached(OPEN_SESSIONS)?
        .query_row([now], |r| r.get(0))?;
    let connections = conn
        .prepare_cached(CONNECTIONS)?
        .query_row([now - super::devices::FRESH_FOR], |r| r.get(0))?;
    Ok(ScrapeCounts {
        devices,
        admin_sessions,
        connections,
    })
}
