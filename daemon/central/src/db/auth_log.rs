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
    /// Only entries older than this cursor (from a previous page).
    pub before: Option<Cursor>,
}

/// A position in the log's order (newest first): an entry's time and key. Written as
/// `<at>.<key>` on the wire; opaque to clients.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cursor {
    /// The entry's time.
    pub at: i64,
    /// The entry's key.
    pub pk: i64,
}

impl Cursor {
    /// Reads a cursor this API gave out.
    pub fn parse(s: &str) -> Option<Self> {
        let (at, pk) = s.split_once('.')?;
        Some(Self {
            at: at.parse().ok()?,
            pk: pk.parse().ok()?,
        })
    }
}

impl std::fmt::Display for Cursor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}", self.at, self.pk)
    }
}

/// The newest entries matching `f` (a user's include their devices', `user:device`), and the cursor of the next (older) page if there is one.
pub fn list(conn: &Connection, f: &Filter) -> Result<(Vec<AuthLogEntry>, Option<Cursor>), DbError> {
    let mut stmt = conn.prepare_cached(
        "SELECT l.at, s.id, s.name, l.user_id, l.addr, l.allowed, l.reason, l.pk
         FROM auth_log l LEFT JOIN servers s ON s.pk = l.server_pk
         WHERE l.at >= ?1
           AND (?2 IS NULL OR l.user_id = ?2
                OR (l.user_id >= ?2 || ':' AND l.user_id < ?2 || ';'))
           AND (?3 = 0 OR l.allowed = 0)
           AND (?5 IS NULL OR l.at < ?5 OR (l.at = ?5 AND l.pk < ?6))
         ORDER BY l.at DESC, l.pk DESC LIMIT ?4",
    )?;
    let (b_at, b_pk) = f.before.map_or((None, None), |c| (Some(c.at), Some(c.pk)));
    let mut rows: Vec<(AuthLogEntry, Cursor)> = stmt
        .query_map(
            params![
                f.since,
                f.user,
                f.refused,
                i64::from(f.limit) + 1,
                b_at,
                b_pk
            ],
            |r| {
                let at: i64 = r.get(0)?;
                Ok((
                    AuthLogEntry {
                        at: ts(at),
                        server_id: r.get(1)?,
                        server_name: r.get(2)?,
                        user: r.get(3)?,
                        addr: r.get(4)?,
                        allowed: r.get(5)?,
                        reason: r.get(6)?,
                    },
                    Cursor { at, pk: r.get(7)? },
                ))
            },
        )?
        .collect::<Result<_, _>>()?;
    let next = (rows.len() > f.limit as usize).then(|| {
        rows.truncate(f.limit as usize);
        rows.last().map(|(_, c)| *c)
    });
    Ok((rows.into_iter().map(|(e, _)| e).collect(), next.flatten()))
}

/// Deletes entries older than `keep_days` before `now`.
pub fn prune(conn: &Connection, now: i64, keep_days: u32) -> Result<usize, DbError> {
    let oldest = now - i64::from(keep_days) * 86_400;
    Ok(conn
        .prepare_cached("DELETE FROM auth_log WHERE at < ?1")?
        .execute([oldest])?)
}
