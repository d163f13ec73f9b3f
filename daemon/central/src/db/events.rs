//! The `events` table on SQLite (migration 0019); PostgreSQL runs the same statements. The
//! statements that emit events inside a change's transaction live here too, so both backends
//! say the same thing.

use hy_api::events::Event;
use rusqlite::{Connection, params};

use super::{DbError, ts};

/// Records `?2` type about `?3` at `?1` with data `?4`.
pub const INSERT: &str = "INSERT INTO events (at, type, subject, data) VALUES (?1, ?2, ?3, ?4)";
/// `user.expired` for every user whose expiry falls in `(?1, ?2]`, at `?2`, once: the
/// scheduler starts from the epoch after a restart (to bump lists that missed an expiry), so
/// an expiry already told is not told again, and none older than a week is told late.
pub const EXPIRED: &str = "INSERT INTO events (at, type, subject, data)
    SELECT ?2, 'user.expired', u.id, '{}' FROM users u
    WHERE u.expires_at > ?1 AND u.expires_at > ?2 - 604800 AND u.expires_at <= ?2
      AND NOT EXISTS (SELECT 1 FROM events e WHERE e.type = 'user.expired'
                      AND e.subject = u.id AND e.at >= u.expires_at)";
/// `user.limited` for user `?2`, at `?1`.
pub const LIMITED: &str = "INSERT INTO events (at, type, subject, data)
    SELECT ?1, 'user.limited', id, '{}' FROM users WHERE pk = ?2";
/// `server.up` for server `?1` at `?2` if it was never seen or not for 10 minutes (run before
/// its contact is written).
pub const SERVER_UP: &str = "INSERT INTO events (at, type, subject, data)
    SELECT ?2, 'server.up', id, '{}' FROM servers
    WHERE pk = ?1 AND (last_seen_at IS NULL OR last_seen_at <= ?2 - 600)";
/// `server.stale` for every server whose last contact turned ten minutes old in `(?1, ?2]`,
/// at `?2`, once per silence (the scheduler restarts from the epoch, as for [`EXPIRED`]); the
/// same ten minutes as [`SERVER_UP`] and the `stale` class of the servers gauge.
pub const SERVER_STALE: &str = "INSERT INTO events (at, type, subject, data)
    SELECT ?2, 'server.stale', s.id, '{}' FROM servers s
    WHERE s.last_seen_at > ?1 - 600 AND s.last_seen_at <= ?2 - 600
      AND s.last_seen_at > ?2 - 604800
      AND NOT EXISTS (SELECT 1 FROM events e WHERE e.subject = s.id
                      AND e.type = 'server.stale' AND e.at >= s.last_seen_at + 600)";
/// Events after id `?1`, oldest first, at most `?2`.
pub const AFTER: &str =
    "SELECT pk, at, type, subject, data FROM events WHERE pk > ?1 ORDER BY pk LIMIT ?2";
/// The newest id (0 without events).
pub const LAST: &str = "SELECT COALESCE(MAX(pk), 0) FROM events";
/// The first id at or after `?1`.
pub const SINCE: &str =
    "SELECT COALESCE(MIN(pk), (SELECT COALESCE(MAX(pk), 0) + 1 FROM events)) - 1
    FROM events WHERE at >= ?1";
/// Drops events older than `?1`.
pub const PRUNE: &str = "DELETE FROM events WHERE at < ?1";

/// A row of [`AFTER`], both backends.
pub fn event(id: i64, at: i64, kind: String, subject: String, data: &str) -> Event {
    Event {
        id,
        at: ts(at),
        kind,
        subject,
        data: serde_json::from_str(data).unwrap_or_default(),
    }
}

pub fn insert(
    conn: &Connection,
    at: i64,
    kind: &str,
    subject: &str,
    data: &str,
) -> Result<(), DbError> {
    conn.prepare_cached(INSERT)?
        .execute(params![at, kind, subject, data])?;
    Ok(())
}

pub fn after(conn: &Connection, id: i64, limit: i64) -> Result<Vec<Event>, DbError> {
    let mut stmt = conn.prepare_cached(AFTER)?;
    let rows = stmt.query_map(params![id, limit], |r| {
        Ok(event(
            r.get(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            &r.get::<_, String>(4)?,
        ))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The id to start after for events at or after `at` (or the newest, for "from now").
pub fn start(conn: &Connection, at: Option<i64>) -> Result<i64, DbError> {
    Ok(match at {
        Some(at) => conn.prepare_cached(SINCE)?.query_row([at], |r| r.get(0))?,
        None => conn.prepare_cached(LAST)?.query_row([], |r| r.get(0))?,
    })
}

pub fn prune(conn: &Connection, before: i64) -> Result<usize, DbError> {
    Ok(conn.prepare_cached(PRUNE)?.execute([before])?)
}
