//! The `auth_log` table: agents' auth decisions, for `hyctl log`.

use hy_api::node::AuthEvent;
use hy_api::users::AuthLogEntry;
use rusqlite::{Connection, params};

use super::{DbError, ts};

/// Stores events from one node; an event already stored (a resent report) is skipped.
pub fn insert(conn: &Connection, server_pk: i64, events: &[AuthEvent]) -> Result<(), DbError> {
    let mut stmt = conn.prepare_cached(
        "INSERT OR IGNORE INTO auth_log (server_pk, event_id, at, user_id, addr, allowed, reason)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for e in events {
        stmt.execute(params![
            server_pk, e.id, e.at, e.user, e.addr, e.allowed, e.reason
        ])?;
    }
    Ok(())
}

/// Filters for [`list`].
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Only this user.
    pub user: Option<String>,
    /// Only refusals.
    pub refused: bool,
    /// Not before (Unix seconds).
    pub since: i64,
    /// At most this many entries, newest first.
    pub limit: u32,
}

/// The newest entries matching `f`.
pub fn list(conn: &Connection, f: &Filter) -> Result<Vec<AuthLogEntry>, DbError> {
    let mut stmt = conn.prepare_cached(
        "SELECT l.at, s.id, s.name, l.user_id, l.addr, l.allowed, l.reason
         FROM auth_log l LEFT JOIN servers s ON s.pk = l.server_pk
         WHERE l.at >= ?1 AND (?2 IS NULL OR l.user_id = ?2) AND (?3 = 0 OR l.allowed = 0)
         ORDER BY l.at DESC, l.pk DESC LIMIT ?4",
    )?;
    let rows = stmt
        .query_map(params![f.since, f.user, f.refused, f.limit], |r| {
            Ok(AuthLogEntry {
                at: ts(r.get(0)?),
                server_id: r.get(1)?,
                server_name: r.get(2)?,
                user: r.get(3)?,
                addr: r.get(4)?,
                allowed: r.get(5)?,
                reason: r.get(6)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// Deletes entries older than `keep_days` before `now`.
pub fn prune(conn: &Connection, now: i64, keep_days: u32) -> Result<usize, DbError> {
    let oldest = now - i64::from(keep_days) * 86_400;
    Ok(conn
        .prepare_cached("DELETE FROM auth_log WHERE at < ?1")?
        .execute([oldest])?)
}
