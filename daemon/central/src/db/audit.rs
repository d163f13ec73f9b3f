//! The audit trail on SQLite (migration 0017); PostgreSQL runs the same statements.

use hy_api::admins::AuditEntry;
use rusqlite::{Connection, params};

use super::{DbError, ts};

/// One change, as the middleware records it (JSON already redacted).
#[derive(Debug, Clone, Default)]
pub struct NewEntry {
    pub at: i64,
    pub actor: String,
    pub addr: Option<String>,
    pub method: String,
    pub route: String,
    pub path: String,
    pub status: i64,
    pub request: Option<String>,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// Inserts an entry: `?1`..`?10` in [`NewEntry`]'s order.
pub const INSERT: &str = "INSERT INTO audit_log
    (at, actor, addr, method, route, path, status, request, before, after)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
/// Newest first: since `?1`, by actor `?2`, whose path contains `?3`, older than entry `?4`,
/// at most `?5`.
pub const LIST: &str =
    "SELECT pk, at, actor, addr, method, route, path, status, request, before, after
    FROM audit_log
    WHERE at >= ?1 AND (?2 IS NULL OR actor = ?2) AND (?3 IS NULL OR instr(path, ?3) > 0)
      AND (?4 IS NULL OR pk < ?4)
    ORDER BY pk DESC LIMIT ?5";
/// Drops entries older than `?1`.
pub const PRUNE: &str = "DELETE FROM audit_log WHERE at < ?1";

/// A query of the trail.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub since: i64,
    pub actor: Option<String>,
    pub path: Option<String>,
    pub before: Option<i64>,
    pub limit: i64,
}

/// A row of [`LIST`], both backends.
#[allow(clippy::too_many_arguments, reason = "a row's columns")]
pub fn entry(
    id: i64,
    at: i64,
    actor: String,
    addr: Option<String>,
    method: String,
    route: String,
    path: String,
    status: i64,
    request: Option<String>,
    before: Option<String>,
    after: Option<String>,
) -> AuditEntry {
    let json = |s: Option<String>| s.and_then(|s| serde_json::from_str(&s).ok());
    AuditEntry {
        id,
        at: ts(at),
        actor,
        addr,
        method,
        route,
        path,
        status: status.clamp(0, 999) as u16,
        request: json(request),
        before: json(before),
        after: json(after),
    }
}

/// Records an entry.
pub fn insert(conn: &Connection, e: &NewEntry) -> Result<(), DbError> {
    conn.prepare_cached(INSERT)?.execute(params![
        e.at, e.actor, e.addr, e.method, e.route, e.path, e.status, e.request, e.before, e.after
    ])?;
    Ok(())
}

/// Entries matching `f`, newest first.
pub fn list(conn: &Connection, f: &Filter) -> Result<Vec<AuditEntry>, DbError> {
    let mut stmt = conn.prepare_cached(LIST)?;
    let rows = stmt.query_map(params![f.since, f.actor, f.path, f.before, f.limit], |r| {
        Ok(entry(
            r.get(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get(4)?,
            r.get(5)?,
            r.get(6)?,
            r.get(7)?,
            r.get(8)?,
            r.get(9)?,
            r.get(10)?,
        ))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Drops entries older than `days` days before `now`; returns how many.
pub fn prune(conn: &Connection, now: i64, days: u32) -> Result<usize, DbError> {
    Ok(conn
        .prepare_cached(PRUNE)?
        .execute([now - i64::from(days) * 86_400])?)
}
