//! The `traffic` table (totals per user and server) and applying nodes' reports to it.

use std::collections::BTreeMap;

use hy_api::Traffic;
use hy_api::node::ReportAck;
use hy_api::traffic::{HistoryBy, HistoryPoint, ServerTraffic, TrafficByUser};
use rusqlite::{Connection, OptionalExtension, params};

use super::DbError;
use super::directory::UserDirectory;

/// Totals per user over all servers, every user included (zeros too).
pub fn by_user(conn: &Connection) -> Result<TrafficByUser, DbError> {
    let mut stmt = conn.prepare_cached(
        "SELECT u.id, COALESCE(SUM(t.tx), 0), COALESCE(SUM(t.rx), 0)
         FROM users u LEFT JOIN traffic t ON t.user_pk = u.pk GROUP BY u.pk",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                Traffic {
                    tx: r.get::<_, i64>(1)? as u64,
                    rx: r.get::<_, i64>(2)? as u64,
                },
            ))
        })?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// Totals per server, optionally for one user; traffic of deleted servers is summed into one
/// entry with a `null` id.
pub fn by_server(conn: &Connection, user_pk: Option<i64>) -> Result<Vec<ServerTraffic>, DbError> {
    let mut stmt = conn.prepare_cached(
        "SELECT s.id, s.name, SUM(t.tx), SUM(t.rx)
         FROM traffic t LEFT JOIN servers s ON s.pk = t.server_pk
         WHERE ?1 IS NULL OR t.user_pk = ?1
         GROUP BY s.pk
         ORDER BY s.pk IS NULL, s.name IS NULL, s.name, s.id",
    )?;
    let rows = stmt
        .query_map([user_pk], |r| {
            Ok(ServerTraffic {
                server_id: r.get(0)?,
                name: r.get(1)?,
                tx: r.get::<_, i64>(2)? as u64,
                rx: r.get::<_, i64>(3)? as u64,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// Totals of one user over all servers.
pub fn of_user(conn: &Connection, user_pk: i64) -> Result<Traffic, DbError> {
    Ok(conn
        .prepare_cached(
            "SELECT COALESCE(SUM(tx), 0), COALESCE(SUM(rx), 0) FROM traffic WHERE user_pk = ?1",
        )?
        .query_row([user_pk], |r| {
            Ok(Traffic {
                tx: r.get::<_, i64>(0)? as u64,
                rx: r.get::<_, i64>(1)? as u64,
            })
        })?)
}

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
    let rows = stmt
        .query_map(params![from, to, user_pk, step], |r| {
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
        })?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// The history query: `?1..?2` hours, `?3` the user (or NULL), `?4` hours per step.
///
/// Two forms for the user: `?3 IS NULL OR user_pk = ?3` would keep SQLite from using the
/// per-user index, and one user's history must not scan every user's buckets.
fn history_sql(by: HistoryBy, one_user: bool) -> String {
    let who = if one_user {
        "h.user_pk = ?3"
    } else {
        "?3 IS NULL"
    };
    match by {
        HistoryBy::Hour | HistoryBy::Day => format!(
            "SELECT (h.hour / ?4) * ?4 * 3600, SUM(h.tx), SUM(h.rx) FROM traffic_hourly h
             WHERE {who} AND h.hour >= ?1 AND h.hour <= ?2
             GROUP BY h.hour / ?4 ORDER BY 1"
        ),
        HistoryBy::Server => format!(
            "SELECT s.id, s.name, SUM(h.tx), SUM(h.rx) FROM traffic_hourly h
             LEFT JOIN servers s ON s.pk = h.server_pk
             WHERE {who} AND h.hour >= ?1 AND h.hour <= ?2 AND ?4 > 0
             GROUP BY s.pk ORDER BY s.pk IS NULL, s.name IS NULL, s.name, s.id"
        ),
    }
}

/// Deletes history older than `keep_days` before `now`. Returns the buckets removed.
pub fn prune_history(conn: &Connection, now: i64, keep_days: u32) -> Result<usize, DbError> {
    let oldest = now.div_euclid(3600) - i64::from(keep_days) * 24;
    Ok(conn
        .prepare_cached("DELETE FROM traffic_hourly WHERE hour < ?1")?
        .execute([oldest])?)
}

/// Where a report came from, for exactly-once application.
#[derive(Debug, Clone, Copy)]
pub struct Sequence<'a> {
    /// The agent instance (its state directory's random id).
    pub instance: &'a str,
    /// The batch number within that instance.
    pub seq: u64,
}

/// Adds a node's report to the counters, inside the caller's transaction, which must commit
/// it: the dedup cursor and the counters are only exact together. `known` is the cache kept by
/// `tx`'s connection.
///
/// A numbered batch at or below the instance's cursor was applied before and is acknowledged
/// without counting. Bytes for ids that name no user go to the server's `unattributed` counter.
pub fn apply_in(
    tx: &Connection,
    known: &UserDirectory,
    server_pk: i64,
    sequence: Option<Sequence<'_>>,
    users: &BTreeMap<String, Traffic>,
    now: i64,
) -> Result<ReportAck, DbError> {
    // The server may have been deleted while its report was on the way.
    let multiplier: f64 = tx
        .prepare_cached("SELECT traffic_multiplier FROM servers WHERE pk = ?1")?
        .query_row([server_pk], |r| r.get(0))
        .optional()?
        .ok_or_else(|| DbError::NotFound {
            kind: "server",
            id: "(deleted while reporting)".into(),
        })?;
    let mut ack = ReportAck {
        seq: sequence.map(|s| s.seq),
        applied: true,
        unknown_users: vec![],
    };
    if let Some(Sequence { instance, seq }) = sequence {
        let last: Option<i64> = tx
            .prepare_cached(
                "SELECT last_seq FROM report_cursors WHERE server_pk = ?1 AND instance = ?2",
            )?
            .query_row(params![server_pk, instance], |r| r.get(0))
            .optional()?;
        if last.is_some_and(|last| seq as i64 <= last) {
            ack.applied = false;
            return Ok(ack);
        }
        tx.prepare_cached(
            "INSERT INTO report_cursors (server_pk, instance, last_seq, updated_at)
             VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (server_pk, instance) DO UPDATE SET
                 last_seq = excluded.last_seq, updated_at = excluded.updated_at",
        )?
        .execute(params![server_pk, instance, seq as i64, now])?;
    }
    let mut crossed = Vec::new();
    {
        // Update first, insert only when there was nothing to update: after its first report
        // of an hour, a node's rows all exist, and an upsert costs two lookups where an
        // update costs one.
        let mut add = tx.prepare_cached(
            "UPDATE traffic SET tx = tx + ?3, rx = rx + ?4 WHERE server_pk = ?1 AND user_pk = ?2",
        )?;
        let mut first = tx.prepare_cached(
            "INSERT INTO traffic (server_pk, user_pk, tx, rx) VALUES (?1, ?2, ?3, ?4)",
        )?;
        let mut hourly = tx.prepare_cached(
            "UPDATE traffic_hourly SET tx = tx + ?4, rx = rx + ?5
             WHERE hour = ?1 AND server_pk = ?2 AND user_pk = ?3",
        )?;
        let mut first_of_hour = tx.prepare_cached(
            "INSERT INTO traffic_hourly (hour, server_pk, user_pk, tx, rx)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        let hour = now.div_euclid(3600);
        // Quota usage is weighted by the server's multiplier; lifetime traffic stays raw.
        let mut use_quota = tx.prepare_cached(
            "UPDATE quota_usage SET period_used = period_used + ?2 WHERE user_pk = ?1",
        )?;
        let mut used_so_far =
            tx.prepare_cached("SELECT period_used FROM quota_usage WHERE user_pk = ?1")?;
        let mut lost = Traffic::default();
        for (id, t) in users.iter().filter(|(_, t)| !t.is_zero()) {
            let Some(user) = known.lookup(tx, id)? else {
                lost.add(*t);
                ack.unknown_users.push(id.clone());
                continue;
            };
            let (bytes_tx, bytes_rx) = (t.tx as i64, t.rx as i64);
            let pair = params![server_pk, user.pk, bytes_tx, bytes_rx];
            if add.execute(pair)? == 0 {
                first.execute(pair)?;
            }
            let bucket = params![hour, server_pk, user.pk, bytes_tx, bytes_rx];
            if hourly.execute(bucket)? == 0 {
                first_of_hour.execute(bucket)?;
            }
            let weighted = (t.total() as f64 * multiplier).round().min(i64::MAX as f64) as i64;
            if weighted <= 0 {
                continue;
            }
            if user.data_limit > 0 {
                let used: i64 = used_so_far.query_row([user.pk], |r| r.get(0))?;
                if used < user.data_limit && used.saturating_add(weighted) >= user.data_limit {
                    crossed.push(user.pk);
                }
            }
            use_quota.execute(params![user.pk, weighted])?;
        }
        if !lost.is_zero() {
            tx.prepare_cached(
                "UPDATE servers SET unattributed_tx = unattributed_tx + ?2,
                     unattributed_rx = unattributed_rx + ?3 WHERE pk = ?1",
            )?
            .execute(params![server_pk, lost.tx as i64, lost.rx as i64])?;
        }
    }
    // A user who just ran out leaves the lists of all their servers, not only this one.
    for user_pk in crossed {
        super::users::bump_lists(tx, user_pk)?;
    }
    Ok(ack)
}

/// [`apply_in`] in a transaction of its own, for tests.
#[cfg(test)]
pub fn apply_report(
    conn: &mut Connection,
    server_pk: i64,
    sequence: Option<Sequence<'_>>,
    users: &BTreeMap<String, Traffic>,
    now: i64,
) -> Result<ReportAck, DbError> {
    let tx = conn.transaction()?;
    let ack = apply_in(
        &tx,
        &UserDirectory::default(),
        server_pk,
        sequence,
        users,
        now,
    )?;
    tx.commit()?;
    Ok(ack)
}

#[cfg(test)]
mod tests {
    use super::super::{Db, servers, users};
    use super::*;

    #[test]
    fn one_users_history_reads_its_index_and_everyones_reads_a_range_of_hours() {
        let db = Db::open_in_memory().unwrap();
        db.call_blocking(|c| {
            for by in [HistoryBy::Hour, HistoryBy::Day, HistoryBy::Server] {
                for one_user in [true, false] {
                    let plan: Vec<String> = c
                        .prepare(&format!("EXPLAIN QUERY PLAN {}", history_sql(by, one_user)))?
                        .query_map(params![1, 2, 3, 1], |r| r.get(3))?
                        .collect::<Result<_, _>>()?;
                    let plan = plan.join("; ");
                    let want = if one_user {
                        "INDEX traffic_hourly_by_user (user_pk=? AND hour>? AND hour<?)"
                    } else {
                        "PRIMARY KEY (hour>? AND hour<?)"
                    };
                    assert!(plan.contains(want), "{by:?} {one_user}: {plan}");
                }
            }
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn crossing_the_limit_either_way_changes_the_lists_of_all_the_users_servers() {
        let db = Db::open_in_memory().unwrap();
        db.call_blocking(|c| {
            let limited = hy_api::users::UserSettings {
                data_limit: Some(100),
                ..Default::default()
            };
            users::insert(c, "capped", "secret-capped", &limited, 1)?;
            users::insert(c, "free", "secret-free-1", &Default::default(), 1)?;
            let (a, _) = servers::ensure(c, "server-a", 1)?;
            let (b, _) = servers::ensure(c, "server-b", 1)?;
            let ids = ["capped".to_owned(), "free".to_owned()];
            servers::assign(c, a, "server-a", &ids, 1)?;
            servers::assign(c, b, "server-b", &ids, 1)?;
            let revs = |c: &Connection| -> Result<(i64, i64), DbError> {
                Ok((
                    servers::list_revision(c, a)?.unwrap(),
                    servers::list_revision(c, b)?.unwrap(),
                ))
            };
            let send = |c: &mut Connection, id: &str, bytes: u64| {
                let report = [(id.to_owned(), Traffic { tx: bytes, rx: 0 })].into();
                apply_report(c, a, None, &report, 1).map(|_| ())
            };
            let before = revs(c)?;
            send(c, "capped", 99)?;
            send(c, "free", 1_000_000)?;
            assert_eq!(revs(c)?, before, "nobody crossed a limit");
            send(c, "capped", 1)?;
            let over = revs(c)?;
            assert!(
                over.0 > before.0 && over.1 > before.1,
                "{before:?} -> {over:?}"
            );
            send(c, "capped", 50)?;
            assert_eq!(revs(c)?, over, "already over: no change");
            let capped = users::pk(c, "capped")?;
            users::reset_usage(c, capped, 2, "test")?;
            let reset = revs(c)?;
            assert!(
                reset.0 > over.0 && reset.1 > over.1,
                "{over:?} -> {reset:?}"
            );
            users::reset_usage(c, users::pk(c, "free")?, 2, "test")?;
            users::reset_usage(c, capped, 3, "test")?;
            assert_eq!(
                revs(c)?,
                reset,
                "resetting a user under the limit changes no list"
            );
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn a_batch_counts_once_and_unknown_users_are_kept_aside() {
        let db = Db::open_in_memory().unwrap();
        db.call_blocking(|c| {
            users::insert(c, "alice", "secret-alice", &Default::default(), 1)?;
            let (pk, _) = servers::ensure(c, "server-one", 1)?;
            let report: BTreeMap<String, Traffic> = [
                ("alice".to_owned(), Traffic { tx: 10, rx: 20 }),
                ("ghost".to_owned(), Traffic { tx: 1, rx: 2 }),
            ]
            .into();
            let seq = Some(Sequence {
                instance: "i1",
                seq: 1,
            });
            let first = apply_report(c, pk, seq, &report, 1)?;
            assert!(first.applied);
            assert_eq!(first.unknown_users, vec!["ghost".to_owned()]);
            let again = apply_report(c, pk, seq, &report, 1)?;
            assert!(!again.applied);
            // Another instance starts its own sequence.
            apply_report(
                c,
                pk,
                Some(Sequence {
                    instance: "i2",
                    seq: 1,
                }),
                &report,
                1,
            )?;
            let alice = of_user(c, users::pk(c, "alice")?)?;
            assert_eq!(alice, Traffic { tx: 20, rx: 40 });
            let server = servers::get(c, "server-one")?;
            assert_eq!(server.unattributed, Traffic { tx: 2, rx: 4 });
            // A costly server's traffic counts 1.5 times against the quota, not in the totals.
            servers::set_multiplier(c, "server-one", 1.5)?;
            apply_report(
                c,
                pk,
                Some(Sequence {
                    instance: "i1",
                    seq: 2,
                }),
                &report,
                1,
            )?;
            let u = users::get(c, "alice", 1)?;
            assert_eq!(u.period_used, 60 + 45);
            assert_eq!(u.traffic, Traffic { tx: 30, rx: 60 });
            Ok(())
        })
        .unwrap();
    }
}
