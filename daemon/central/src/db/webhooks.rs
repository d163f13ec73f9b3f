//! Webhooks and their delivery log on SQLite (migration 0020); PostgreSQL runs the same
//! statements.

use hy_api::events::{Delivery, Webhook};
use rusqlite::{Connection, params};

use super::{DbError, ts};

/// `?1` url, `?2` types, `?3` secret, `?4` created, `?5` the event to start after.
pub const INSERT: &str = "INSERT INTO webhooks (url, types, secret, created_at, after)
    VALUES (?1, ?2, ?3, ?4, ?5)";
pub const LIST: &str =
    "SELECT pk, url, types, created_at, after, failures FROM webhooks ORDER BY pk";
pub const DELETE: &str = "DELETE FROM webhooks WHERE pk = ?1";
/// The last 100 deliveries of `?1`, newest first.
pub const DELIVERIES: &str = "SELECT event_id, at, status, error FROM webhook_deliveries
    WHERE webhook_pk = ?1 ORDER BY pk DESC LIMIT 100";
/// Webhooks to deliver to at `?1`: pk, url, types, secret, after, failures.
pub const DUE: &str = "SELECT pk, url, types, secret, after, failures FROM webhooks
    WHERE retry_at <= ?1 ORDER BY pk";
/// Logs an attempt: `?1` hook, `?2` event, `?3` at, `?4` status, `?5` error.
pub const LOG: &str = "INSERT INTO webhook_deliveries (webhook_pk, event_id, at, status, error)
    VALUES (?1, ?2, ?3, ?4, ?5)";
/// Moves `?1`'s cursor to `?2`, healthy again.
pub const ADVANCE: &str =
    "UPDATE webhooks SET after = ?2, failures = 0, retry_at = 0 WHERE pk = ?1";
/// A failure of `?1`: `?2` failures in a row, next try at `?3`.
pub const FAILED: &str = "UPDATE webhooks SET failures = ?2, retry_at = ?3 WHERE pk = ?1";
/// Drops log entries older than `?1`.
pub const PRUNE: &str = "DELETE FROM webhook_deliveries WHERE at < ?1";

/// A webhook as the worker reads it.
#[derive(Debug, Clone)]
pub struct Due {
    pub pk: i64,
    pub url: String,
    pub types: Vec<String>,
    pub secret: String,
    pub after: i64,
    pub failures: i64,
}

pub fn types_of(s: &str) -> Vec<String> {
    s.split(',')
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

pub fn listed(
    pk: i64,
    url: String,
    types: &str,
    created: i64,
    after: i64,
    failures: i64,
) -> Webhook {
    Webhook {
        id: pk,
        url,
        types: types_of(types),
        created_at: ts(created),
        delivered_through: after,
        failures: failures.max(0) as u64,
    }
}

pub fn delivery(event_id: i64, at: i64, status: i64, error: Option<String>) -> Delivery {
    Delivery {
        event_id,
        at: ts(at),
        status: status.clamp(0, 999) as u16,
        error,
    }
}

fn not_found(pk: i64) -> DbError {
    DbError::NotFound {
        kind: "webhook",
        id: pk.to_string(),
    }
}

pub fn insert(
    conn: &Connection,
    url: &str,
    types: &str,
    secret: &str,
    now: i64,
) -> Result<Webhook, DbError> {
    let after = super::events::start(conn, None)?;
    conn.prepare_cached(INSERT)?
        .execute(params![url, types, secret, now, after])?;
    Ok(listed(
        conn.last_insert_rowid(),
        url.to_owned(),
        types,
        now,
        after,
        0,
    ))
}

pub fn list(conn: &Connection) -> Result<Vec<Webhook>, DbError> {
    let mut stmt = conn.prepare_cached(LIST)?;
    let rows = stmt.query_map([], |r| {
        Ok(listed(
            r.get(0)?,
            r.get(1)?,
            &r.get::<_, String>(2)?,
            r.get(3)?,
            r.get(4)?,
            r.get(5)?,
        ))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn delete(conn: &Connection, pk: i64) -> Result<(), DbError> {
    if conn.prepare_cached(DELETE)?.execute([pk])? == 0 {
        return Err(not_found(pk));
    }
    Ok(())
}

pub fn deliveries(conn: &Connection, pk: i64) -> Result<Vec<Delivery>, DbError> {
    if !list(conn)?.iter().any(|w| w.id == pk) {
        return Err(not_found(pk));
    }
    let mut stmt = conn.prepare_cached(DELIVERIES)?;
    let rows = stmt.query_map([pk], |r| {
        Ok(delivery(r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn due(conn: &Connection, now: i64) -> Result<Vec<Due>, DbError> {
    let mut stmt = conn.prepare_cached(DUE)?;
    let rows = stmt.query_map([now], |r| {
        Ok(Due {
            pk: r.get(0)?,
            url: r.get(1)?,
            types: types_of(&r.get::<_, String>(2)?),
            secret: r.get(3)?,
            after: r.get(4)?,
            failures: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Records an attempt; on success (or a skipped event, `status` None) moves the cursor.
#[allow(clippy::too_many_arguments, reason = "an attempt's fields")]
pub fn record(
    conn: &Connection,
    pk: i64,
    event_id: i64,
    at: i64,
    status: Option<i64>,
    error: Option<&str>,
    ok: bool,
    retry: (i64, i64),
) -> Result<(), DbError> {
    if let Some(status) = status {
        conn.prepare_cached(LOG)?
            .execute(params![pk, event_id, at, status, error])?;
    }
    if ok {
        conn.prepare_cached(ADVANCE)?
            .execute(params![pk, event_id])?;
    } else {
        conn.prepare_cached(FAILED)?
            .execute(params![pk, retry.0, retry.1])?;
    }
    Ok(())
}

pub fn prune(conn: &Connection, before: i64) -> Result<usize, DbError> {
    Ok(conn.prepare_cached(PRUNE)?.execute([before])?)
}

#[cfg(test)]
mod tests {
    use super::super::Db;

    #[test]
    fn a_webhook_is_stored_and_listed() {
        let db = Db::open_in_memory().unwrap();
        db.call_blocking(|c| {
            let w = super::insert(c, "http://x/", "user.limited", "s", 5)?;
            assert_eq!(super::list(c)?, [w]);
            Ok(())
        })
        .unwrap();
    }
}
