//! The `traffic` table (totals per user and server) and applying nodes' reports to it.
//!
//! No number a node sends can make a read fail. Each reported counter is at most
//! `MAX_REPORTED_BYTES` (2^53 - 1, checked at the edge), every stored counter saturates at 2^62
//! (`MIN(x + ?, 4611686018427387904)`: the addition itself cannot overflow, where SQLite would
//! turn the integer into a REAL), and every sum is `CAST(MIN(TOTAL(x), 9.2e18) AS INTEGER)`:
//! `SUM` raises "integer overflow" on a large enough set of rows, `TOTAL` never does, and it is
//! exact while the sum is below 2^53 bytes (8 PiB), beyond which totals are approximate.

use std::collections::BTreeMap;

use hy_api::Traffic;
use hy_api::node::ReportAck;
use hy_api::traffic::{ServerTraffic, TrafficByUser};
use rusqlite::{Connection, OptionalExtension, params};

use super::DbError;
use super::directory::UserDirectory;

/// Totals per user over all servers, every user included (zeros too).
pub fn by_user(conn: &Connection) -> Result<TrafficByUser, DbError> {
    let mut stmt = conn.prepare_cached(
        "SELECT u.id,
             CAST(MIN(TOTAL(t.tx), 9.2e18) AS INTEGER), CAST(MIN(TOTAL(t.rx), 9.2e18) AS INTEGER)
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
        "SELECT s.id, s.name,
             CAST(MIN(TOTAL(t.tx), 9.2e18) AS INTEGER), CAST(MIN(TOTAL(t.rx), 9.2e18) AS INTEGER)
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
            "SELECT CAST(MIN(TOTAL(tx), 9.2e18) AS INTEGER), CAST(MIN(TOTAL(rx), 9.2e18) AS INTEGER)
             FROM traffic WHERE user_pk = ?1",
        )?
        .query_row([user_pk], |r| {
            Ok(Traffic {
                tx: r.get::<_, i64>(0)? as u64,
                rx: r.get::<_, i64>(1)? as u64,
            })
        })?)
}

/// Where a report came from, for exactly-once application.
#[derive(Debug, Clone, Copy)]
pub struct Sequence<'a> {
    /// The agent instance (its state directory's random id).
    pub instance: &'a str,
    /// The batch number within that instance.
    pub seq: u64,
}

/// Highest value any counter holds: far beyond any real total, and adding one report's bytes
/// (at most 2^53) to it cannot overflow 64 bits.
pub const COUNTER_CAP: i64 = 1 << 62;

/// The bytes a report charges against a quota: usage is weighted by the server's multiplier,
/// lifetime traffic stays raw.
pub fn weighted(t: Traffic, multiplier: f64) -> i64 {
    (t.total() as f64 * multiplier).round().min(i64::MAX as f64) as i64
}

/// True if adding `weighted` bytes to `used` runs the user out of `limit`: the moment their
/// servers' lists must drop them. Crossing back (a reset, a raised limit) is the admin path's.
pub fn crosses(used: i64, weighted: i64, limit: i64) -> bool {
    limit > 0 && used < limit && used.saturating_add(weighted) >= limit
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
            "UPDATE traffic SET tx = MIN(tx + ?3, 4611686018427387904), rx = MIN(rx + ?4, 4611686018427387904)
             WHERE server_pk = ?1 AND user_pk = ?2",
        )?;
        let mut first = tx.prepare_cached(
            "INSERT INTO traffic (server_pk, user_pk, tx, rx) VALUES (?1, ?2, ?3, ?4)",
        )?;
        let mut hourly = tx.prepare_cached(
            "UPDATE traffic_hourly SET tx = MIN(tx + ?4, 4611686018427387904), rx = MIN(rx + ?5, 4611686018427387904)
             WHERE hour = ?1 AND server_pk = ?2 AND user_pk = ?3",
        )?;
        // A bucket goes into the per-user index when its hour is closed, not now (see
        // `close_users`); only a clock stepped back writes into a closed hour.
        let mut first_of_hour = tx.prepare_cached(
            "INSERT INTO traffic_hourly (hour, server_pk, user_pk, tx, rx, closed)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        let hour = now.div_euclid(3600);
        let closed = hour < super::history::closed_before(tx)?;
        // Quota usage is weighted by the server's multiplier; lifetime traffic stays raw.
        let mut use_quota = tx.prepare_cached(
            "UPDATE quota_usage SET period_used = MIN(period_used + ?2, 4611686018427387904) WHERE user_pk = ?1",
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
            if hourly.execute(params![hour, server_pk, user.pk, bytes_tx, bytes_rx])? == 0 {
                first_of_hour.execute(params![
                    hour, server_pk, user.pk, bytes_tx, bytes_rx, closed
                ])?;
            }
            let weighted = weighted(*t, multiplier);
            if weighted <= 0 {
                continue;
            }
            if user.data_limit > 0 {
                let used: i64 = used_so_far.query_row([user.pk], |r| r.get(0))?;
                if crosses(used, weighted, user.data_limit) {
                    crossed.push(user.pk);
                }
            }
            use_quota.execute(params![user.pk, weighted])?;
        }
        if !lost.is_zero() {
            tx.prepare_cached(
                "UPDATE servers SET unattributed_tx = MIN(unattributed_tx + ?2, 4611686018427387904),
                     unattributed_rx = MIN(unattributed_rx + ?3, 4611686018427387904) WHERE pk = ?1",
            )?
            .execute(params![server_pk, lost.tx as i64, lost.rx as i64])?;
        }
    }
    // A user who just ran out leaves the lists of all their servers, not only this one.
    for user_pk in crossed {
        super::lists::bump_for_user(tx, user_pk)?;
        tx.prepare_cached(super::events::LIMITED)?
            .execute(params![now, user_pk])?;
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
    use std::rc::Rc;

    use hy_api::traffic::{HistoryBy, HistoryPoint};
    use rusqlite::types::Value;

    use super::super::history::*;
    use super::super::{Db, servers, users};
    use super::*;

    #[test]
    fn one_users_history_reads_its_index_and_runs_and_everyones_reads_a_range_of_hours() {
        let db = Db::open_in_memory().unwrap();
        db.call_blocking(|c| {
            for by in [HistoryBy::Hour, HistoryBy::Day, HistoryBy::Server] {
                for one_user in [true, false] {
                    let sql = format!("EXPLAIN QUERY PLAN {}", history_sql(by, one_user));
                    let mut stmt = c.prepare(&sql)?;
                    let runs = one_user.then(|| Rc::new(vec![Value::Integer(1 << 32 | 1)]));
                    let user = one_user.then_some(3);
                    let plan =
                        query_history(&mut stmt, [1, 2, 1], user, runs, |r| r.get::<_, String>(3))?;
                    let plan = plan.join("; ");
                    let want: &[&str] = if one_user {
                        &[
                            "INDEX traffic_hourly_by_user (user_pk=? AND hour>? AND hour<?)",
                            "PRIMARY KEY (hour=? AND server_pk=? AND user_pk=?)",
                        ]
                    } else {
                        &["PRIMARY KEY (hour>? AND hour<?)"]
                    };
                    for want in want {
                        assert!(plan.contains(want), "{by:?} {one_user}: {plan}");
                    }
                    assert!(!plan.contains("SCAN t"), "{by:?} {one_user}: {plan}");
                }
            }
            let runs = Rc::new(vec![Value::Integer(run_key(1, 1)?)]);
            let plan: Vec<String> = c
                .prepare(&format!("EXPLAIN QUERY PLAN {FORGET_OPEN}"))?
                .query_map(params![runs, 3], |r| r.get(3))?
                .collect::<Result<_, _>>()?;
            let plan = plan.join("; ");
            assert!(
                plan.contains("PRIMARY KEY (hour=? AND server_pk=? AND user_pk=?)"),
                "{plan}"
            );
            Ok(())
        })
        .unwrap();
    }

    /// A fleet of three servers and three users with buckets in hours 10, 11 and 12, as
    /// reports at those hours write them.
    fn three_hours_of_history(c: &mut Connection) -> Result<Vec<i64>, DbError> {
        let mut servers = vec![];
        for name in ["server-a", "server-b", "server-c"] {
            servers.push(servers::ensure(c, name, 1)?.0);
        }
        for id in ["alice", "bob", "carol"] {
            users::insert(c, id, &format!("secret-{id}"), &Default::default(), 1)?;
        }
        for hour in 10..13 {
            for (n, server) in servers.iter().enumerate() {
                let report = ["alice", "bob", "carol"]
                    .iter()
                    .enumerate()
                    .map(|(u, id)| {
                        let bytes = (hour * 100 + n as i64 * 10 + u as i64) as u64;
                        ((*id).to_owned(), Traffic { tx: bytes, rx: 1 })
                    })
                    .collect();
                apply_report(c, *server, None, &report, hour * 3600 + 60)?;
            }
        }
        Ok(servers)
    }

    fn whole_history(c: &Connection, user: Option<i64>) -> Vec<Vec<HistoryPoint>> {
        [HistoryBy::Hour, HistoryBy::Day, HistoryBy::Server]
            .into_iter()
            .map(|by| history(c, user, 0, 20 * 3600, by).unwrap())
            .collect()
    }

    #[test]
    fn closing_hours_range_by_range_changes_no_ones_history() {
        let db = Db::open_in_memory().unwrap();
        db.call_blocking(|c| {
            let servers = three_hours_of_history(c)?;
            let people = [
                None,
                Some(users::pk(c, "alice")?),
                Some(users::pk(c, "bob")?),
            ];
            let before: Vec<_> = people.iter().map(|u| whole_history(c, *u)).collect();
            assert_eq!(before[1][0].len(), 3, "{:?}", before[1][0]);
            assert_eq!(before[1][0][2].tx, 1200 + 1210 + 1220);
            let closed = |c: &Connection| -> Result<i64, DbError> {
                Ok(c.query_row(
                    "SELECT COUNT(*) FROM traffic_hourly WHERE closed = 1",
                    [],
                    |r| r.get(0),
                )?)
            };
            assert_eq!(closed(c)?, 0, "reports write open buckets");
            // Hour 10 half closed (alice only), as when central stops between two ranges.
            let (hour, on) = next_to_close(c, 12)?.unwrap();
            assert_eq!((hour, on.clone()), (10, servers.clone()));
            let alice = people[1].unwrap();
            assert_eq!(close_users(c, hour, &on, alice..alice + 1)?, 3);
            let during: Vec<_> = people.iter().map(|u| whole_history(c, *u)).collect();
            assert_eq!(during, before);
            close_users(c, hour, &on, i64::MIN..alice)?;
            close_users(c, hour, &on, alice + 1..i64::MAX)?;
            // A new bucket in the hour being closed (a clock stepped back past it), after every
            // range was done: written open, and swept closed by the finish.
            users::insert(c, "dave", "secret-dave", &Default::default(), 1)?;
            let dave = users::pk(c, "dave")?;
            let late = [("dave".to_owned(), Traffic { tx: 5, rx: 0 })].into();
            apply_report(c, servers[1], None, &late, 10 * 3600 + 1)?;
            assert_eq!(closed(c)?, 9, "the late bucket is open");
            finish_closing(c, hour)?;
            assert_eq!((closed(c)?, closed_before(c)?), (10, 11));
            let daves = history(c, Some(dave), 0, 20 * 3600, HistoryBy::Hour)?;
            assert_eq!(daves.iter().map(|p| p.tx).collect::<Vec<_>>(), [5]);
            let (hour, on) = next_to_close(c, 12)?.unwrap();
            assert_eq!(hour, 11);
            close_users(c, hour, &on, i64::MIN..i64::MAX)?;
            finish_closing(c, hour)?;
            assert_eq!(next_to_close(c, 12)?, None, "hour 12 is the current one");
            assert_eq!((closed(c)?, closed_before(c)?), (19, 12));
            // Everyone's history holds dave's late bytes (hour 10, server-b); alice's and bob's
            // are as before.
            let mut after: Vec<_> = people.iter().map(|u| whole_history(c, *u)).collect();
            after[0][0][0].tx -= 5;
            after[0][1][0].tx -= 5;
            after[0][2][1].tx -= 5;
            assert_eq!(after, before);
            // A clock stepped back writes into a closed hour: closed at once, so counted.
            let report = [("alice".to_owned(), Traffic { tx: 7, rx: 0 })].into();
            apply_report(c, servers[0], None, &report, 10 * 3600)?;
            let hours = history(c, Some(alice), 0, 20 * 3600, HistoryBy::Hour)?;
            assert_eq!(hours[0].tx, before[1][0][0].tx + 7);
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn a_deleted_user_takes_its_closed_and_open_buckets_and_nobody_elses() {
        let db = Db::open_in_memory().unwrap();
        db.call_blocking(|c| {
            three_hours_of_history(c)?;
            while let Some((hour, on)) = next_to_close(c, 11)? {
                close_users(c, hour, &on, i64::MIN..i64::MAX)?;
                finish_closing(c, hour)?;
            }
            let bob = users::pk(c, "bob")?;
            let bobs = whole_history(c, Some(bob));
            let tx = c.transaction()?;
            users::delete(&tx, "alice")?;
            tx.commit()?;
            let left: Vec<(i64, i64)> = c
                .prepare("SELECT user_pk, closed FROM traffic_hourly ORDER BY 1, 2")?
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<Result<_, _>>()?;
            let carol = users::pk(c, "carol")?;
            let per_user =
                |pk: i64, closed: i64| left.iter().filter(|r| **r == (pk, closed)).count();
            assert_eq!(left.len(), 18, "{left:?}");
            assert_eq!((per_user(bob, 1), per_user(bob, 0)), (3, 6));
            assert_eq!((per_user(carol, 1), per_user(carol, 0)), (3, 6));
            assert_eq!(whole_history(c, Some(bob)), bobs);
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
                    crate::db::lists::revision(c, a)?.unwrap(),
                    crate::db::lists::revision(c, b)?.unwrap(),
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
