//! Hourly traffic history: buckets per (hour, server, user) written by report ingestion, read
//! as history by hour, day or server, closed into the per-user index once their hour is past,
//! forgotten with their user, and pruned after `--history-days`.

use std::rc::Rc;

use hy_api::traffic::{HistoryBy, HistoryPoint};
use rusqlite::types::Value;
use rusqlite::{Connection, params};

use super::DbError;

/// Traffic history between `since` and `until` (Unix seconds), optionally for one user.
pub fn history(
    conn: &Connection,
    user_pk: Option<i64>,
    since: i64,
    until: i64,
    by: HistoryBy,
) -> Result<Vec<HistoryPoint>, DbError> {
    let (from, to) = (since.div_euclid(3600), until.div_euclid(3600));
    let step: i64 = if by == HistoryBy::Day { 24 } else { 1 };
    let mut stmt = conn.prepare_cached(&history_sql(by, user_pk.is_some()))?;
    let point = |r: &rusqlite::Row<'_>| {
        Ok(match by {
            HistoryBy::Server => HistoryPoint {
                start: None,
                server_id: r.get(0)?,
                server_name: r.get(1)?,
                tx: r.get::<_, i64>(2)? as u64,
                rx: r.get::<_, i64>(3)? as u64,
            },
            _ => HistoryPoint {
                start: Some(super::ts(r.get(0)?)),
                server_id: None,
                server_name: None,
                tx: r.get::<_, i64>(1)? as u64,
                rx: r.get::<_, i64>(2)? as u64,
            },
        })
    };
    let runs = user_pk.map(|_| open_runs(conn, from, to)).transpose()?;
    query_history(&mut stmt, [from, to, step], user_pk, runs, point)
}

/// Runs a [`history_sql`] statement: hours `from..=to` in points of `step`, for `user` (with
/// the open `runs`) or everyone.
pub(super) fn query_history<T>(
    stmt: &mut rusqlite::Statement<'_>,
    [from, to, step]: [i64; 3],
    user: Option<i64>,
    runs: Option<Rc<Vec<Value>>>,
    row: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
) -> Result<Vec<T>, DbError> {
    let given: [(&str, &dyn rusqlite::ToSql); 5] = [
        (":from", &from),
        (":to", &to),
        (":step", &step),
        (":user", &user),
        (":runs", &runs),
    ];
    // Only the names this form of the query uses: binding any other is an error.
    let used: Vec<_> = given
        .into_iter()
        .filter(|(name, _)| matches!(stmt.parameter_index(name), Ok(Some(_))))
        .collect();
    Ok(stmt
        .query_map(used.as_slice(), row)?
        .collect::<Result<_, _>>()?)
}

/// The history query: hours `:from..=:to`, `:step` hours per point.
///
/// Everyone's history is a range of hours, the start of the key. One user's is their closed
/// hours through the per-user index plus, in `:runs` (see [`open_runs`]), one lookup per
/// (hour, server) run of the hours not yet closed: one user's history must not scan every
/// user's buckets.
pub(super) fn history_sql(by: HistoryBy, one_user: bool) -> String {
    let buckets = if one_user {
        "SELECT hour, server_pk, tx, rx FROM traffic_hourly
             WHERE closed = 1 AND user_pk = :user AND hour >= :from AND hour <= :to
         UNION ALL
         SELECT t.hour, t.server_pk, t.tx, t.rx FROM rarray(:runs) r JOIN traffic_hourly t
             ON t.hour = r.value >> 32 AND t.server_pk = r.value & 4294967295
             AND t.user_pk = :user
             WHERE t.closed = 0"
    } else {
        "SELECT hour, server_pk, tx, rx FROM traffic_hourly WHERE hour >= :from AND hour <= :to"
    };
    match by {
        HistoryBy::Hour | HistoryBy::Day => format!(
            "WITH h AS ({buckets})
             SELECT (h.hour / :step) * :step * 3600,
                 CAST(MIN(TOTAL(h.tx), 9.2e18) AS INTEGER), CAST(MIN(TOTAL(h.rx), 9.2e18) AS INTEGER)
             FROM h
             GROUP BY h.hour / :step ORDER BY 1"
        ),
        HistoryBy::Server => format!(
            "WITH h AS ({buckets})
             SELECT s.id, s.name,
                 CAST(MIN(TOTAL(h.tx), 9.2e18) AS INTEGER), CAST(MIN(TOTAL(h.rx), 9.2e18) AS INTEGER)
             FROM h
             LEFT JOIN servers s ON s.pk = h.server_pk
             GROUP BY s.pk ORDER BY s.pk IS NULL, s.name IS NULL, s.name, s.id"
        ),
    }
}

/// Hourly buckets not yet closed into the per-user index.
pub fn open_buckets(conn: &Connection) -> Result<i64, DbError> {
    Ok(conn
        .prepare_cached("SELECT COUNT(*) FROM traffic_hourly WHERE closed = 0")?
        .query_row([], |r| r.get(0))?)
}

/// The first hour whose buckets may still be open (not yet in the per-user index).
pub fn closed_before(conn: &Connection) -> Result<i64, DbError> {
    Ok(conn
        .prepare_cached("SELECT closed_before FROM history_rollup")?
        .query_row([], |r| r.get(0))?)
}

/// Every (hour, server) run of buckets in the open hours within `from..=to`, each as
/// `hour << 32 | server_pk`, for `rarray()`.
///
/// Found by seeking from one run to the next: a few thousand seeks for a fleet of a thousand
/// nodes, where scanning the open hours would read every bucket in them.
pub(super) fn open_runs(conn: &Connection, from: i64, to: i64) -> Result<Rc<Vec<Value>>, DbError> {
    let mut next_hour =
        conn.prepare_cached("SELECT MIN(hour) FROM traffic_hourly WHERE hour >= ?1")?;
    let mut next_server = conn.prepare_cached(
        "SELECT MIN(server_pk) FROM traffic_hourly WHERE hour = ?1 AND server_pk > ?2",
    )?;
    let mut runs = Vec::new();
    let mut at = from.max(closed_before(conn)?);
    while let Some(hour) = next_hour.query_row([at], |r| r.get::<_, Option<i64>>(0))? {
        if hour > to {
            break;
        }
        let mut after = i64::MIN;
        while let Some(server) =
            next_server.query_row([hour, after], |r| r.get::<_, Option<i64>>(0))?
        {
            runs.push(Value::Integer(run_key(hour, server)?));
            after = server;
        }
        at = hour + 1;
    }
    Ok(Rc::new(runs))
}

/// `hour << 32 | server_pk`: both are small non-negative integers (hours since 1970 need 20
/// bits, server keys count servers ever created).
pub(super) fn run_key(hour: i64, server_pk: i64) -> Result<i64, DbError> {
    if !(0..1 << 31).contains(&hour) || !(0..1 << 32).contains(&server_pk) {
        return Err(DbError::Schema(format!(
            "history bucket out of range: hour {hour}, server {server_pk}"
        )));
    }
    Ok(hour << 32 | server_pk)
}

/// Deletes every history bucket of one user, closed and open, inside the caller's
/// transaction.
pub fn forget_user(conn: &Connection, user_pk: i64) -> Result<(), DbError> {
    conn.prepare_cached("DELETE FROM traffic_hourly WHERE closed = 1 AND user_pk = ?1")?
        .execute([user_pk])?;
    conn.prepare_cached(FORGET_OPEN)?
        .execute(params![open_runs(conn, 0, i64::MAX)?, user_pk])?;
    Ok(())
}

/// A user's buckets in open hours: `?1` the runs, `?2` the user.
pub(super) const FORGET_OPEN: &str = "DELETE FROM traffic_hourly WHERE (hour, server_pk) IN (
        SELECT value >> 32, value & 4294967295 FROM rarray(?1)) AND user_pk = ?2";

/// The next hour to close before `current_hour`, with the servers that have buckets in it.
/// `None` once every hour before `current_hour` is closed (then recorded as such).
pub fn next_to_close(
    conn: &Connection,
    current_hour: i64,
) -> Result<Option<(i64, Vec<i64>)>, DbError> {
    let runs = open_runs(conn, 0, current_hour - 1)?;
    let Some(Value::Integer(first)) = runs.first() else {
        conn.prepare_cached(
            "UPDATE history_rollup SET closed_before = ?1 WHERE closed_before < ?1",
        )?
        .execute([current_hour])?;
        return Ok(None);
    };
    let hour = first >> 32;
    let servers = runs
        .iter()
        .filter_map(|v| match v {
            Value::Integer(k) if k >> 32 == hour => Some(k & 0xffff_ffff),
            _ => None,
        })
        .collect();
    Ok(Some((hour, servers)))
}

/// Closes the buckets of `hour` for users `users` on `servers` in one transaction: adds them
/// to the per-user index. Returns how many were closed.
///
/// A range of users rather than of servers: the index is in user order, so each range writes
/// a run of neighbouring index pages once, where a range of servers would touch them all.
pub fn close_users(
    conn: &mut Connection,
    hour: i64,
    servers: &[i64],
    users: std::ops::Range<i64>,
) -> Result<usize, DbError> {
    let tx = conn.transaction()?;
    let mut closed = 0;
    {
        let mut close = tx.prepare_cached(
            "UPDATE traffic_hourly SET closed = 1
             WHERE hour = ?1 AND server_pk = ?2 AND user_pk >= ?3 AND user_pk < ?4
             AND closed = 0",
        )?;
        for server in servers {
            closed += close.execute(params![hour, server, users.start, users.end])?;
        }
    }
    tx.commit()?;
    Ok(closed)
}

/// Records that every bucket of `hour` is closed, once [`close_users`] covered all users.
///
/// Sweeps the hour first: a report written into it while it was being closed (only a clock
/// stepped back by over an hour does that) would otherwise stay open behind `closed_before`,
/// out of sight of both halves of a user's history.
pub fn finish_closing(conn: &mut Connection, hour: i64) -> Result<(), DbError> {
    let tx = conn.transaction()?;
    tx.prepare_cached("UPDATE traffic_hourly SET closed = 1 WHERE hour = ?1 AND closed = 0")?
        .execute([hour])?;
    tx.prepare_cached("UPDATE history_rollup SET closed_before = ?1 WHERE closed_before <= ?1")?
        .execute([hour + 1])?;
    tx.commit()?;
    Ok(())
}

/// Deletes history older than `keep_days` before `now`. Returns the buckets removed.
pub fn prune_history(conn: &Connection, now: i64, keep_days: u32) -> Result<usize, DbError> {
    let oldest = now.div_euclid(3600) - i64::from(keep_days) * 24;
    Ok(conn
        .prepare_cached("DELETE FROM traffic_hourly WHERE hour < ?1")?
        .execute([oldest])?)
}

/// One bucket of an export: hour (Unix seconds of its start), server id and name (none once
/// deleted), user id, bytes. Keyed by the history's own order, `key`, to page on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRow {
    pub key: (i64, i64, i64),
    pub hour_start: i64,
    pub server_id: Option<String>,
    pub server_name: Option<String>,
    pub user: Option<String>,
    pub tx: i64,
    pub rx: i64,
}

/// Buckets of hours `?1..=?2` after key `(?3, ?4, ?5)` in key order, at most `?6`; only user
/// `?7` when given. Row values page through the primary key on both backends.
pub const EXPORT_PAGE: &str =
    "SELECT t.hour, t.server_pk, t.user_pk, s.id, s.name, u.id, t.tx, t.rx
    FROM traffic_hourly t
        LEFT JOIN servers s ON s.pk = t.server_pk
        LEFT JOIN users u ON u.pk = t.user_pk
    WHERE t.hour >= ?1 AND t.hour <= ?2 AND (t.hour, t.server_pk, t.user_pk) > (?3, ?4, ?5)
      AND (?7 IS NULL OR t.user_pk = (SELECT pk FROM users WHERE id = ?7))
    ORDER BY t.hour, t.server_pk, t.user_pk LIMIT ?6";

/// A page of an export (see [`EXPORT_PAGE`]).
pub fn export_page(
    conn: &Connection,
    (from, to): (i64, i64),
    after: (i64, i64, i64),
    user: Option<&str>,
    limit: i64,
) -> Result<Vec<ExportRow>, DbError> {
    let mut stmt = conn.prepare_cached(EXPORT_PAGE)?;
    let rows = stmt.query_map(
        params![from, to, after.0, after.1, after.2, limit, user],
        |r| {
            let hour: i64 = r.get(0)?;
            Ok(ExportRow {
                key: (hour, r.get(1)?, r.get(2)?),
                hour_start: hour * 3600,
                server_id: r.get(3)?,
                server_name: r.get(4)?,
                user: r.get(5)?,
                tx: r.get(6)?,
                rx: r.get(7)?,
            })
        },
    )?;
    Ok(rows.collect::<Result<_, _>>()?)
}
