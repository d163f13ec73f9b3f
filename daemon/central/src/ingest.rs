//! Group commit for traffic reports: reports that arrive while one transaction is being written
//! are applied together in the next, with one fsync for all of them.
//!
//! A report is acknowledged only after the transaction holding it has committed, so exactly-once
//! is unchanged: each report still checks and moves its `(server, instance)` cursor in the same
//! transaction as its counters. A report that fails fails alone: its group is then written
//! again, one report per transaction.

use std::collections::BTreeMap;
use std::time::Instant;

use hy_api::node::{AuthEvent, ReportAck};
use hy_api::traffic::TrafficByUser;
use tokio::sync::{mpsc, oneshot};

use crate::db::directory::UserDirectory;
use crate::db::traffic::Sequence;
use crate::db::{Db, DbError};

/// Most reports written in one transaction.
pub const MAX_GROUP_REPORTS: usize = 64;
/// Most user rows written in one transaction, so a group never holds the database for long.
pub const MAX_GROUP_ROWS: usize = 50_000;

/// One node report, validated, waiting to be written.
#[derive(Debug)]
pub struct Report {
    /// The reporting server.
    pub server_pk: i64,
    /// `(instance, seq)` for a numbered batch; None for the original unnumbered form.
    pub sequence: Option<(String, u64)>,
    /// Bytes per user id.
    pub users: TrafficByUser,
    /// Users admitted since the previous report, with the time (central's clock).
    pub seen: BTreeMap<String, i64>,
    /// Auth decisions to store.
    pub auth_log: Vec<AuthEvent>,
    /// What the report says of devices (`user:device` ids), already folded into `users` and
    /// `seen` under their users.
    pub devices: Vec<DeviceUse>,
    /// Central's clock when the report arrived.
    pub now: i64,
}

/// One device's part of a report: bytes (counted once, with the user's), whether it was
/// admitted, and the address of its latest admission.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeviceUse {
    pub user: String,
    pub name: String,
    pub traffic: hy_api::Traffic,
    pub seen: bool,
    pub addr: Option<String>,
}

/// Splits a node's `user:device` ids into their users (whose traffic, quota and history they
/// count towards, summed with the user's own) and the devices' own parts. Ids without a device
/// pass through. The sum saturates as every counter does.
pub fn fold_devices(
    users: TrafficByUser,
    seen: BTreeMap<String, i64>,
    auth_log: &[AuthEvent],
) -> (TrafficByUser, BTreeMap<String, i64>, Vec<DeviceUse>) {
    use hy_api::devices::{SEPARATOR, split_node_id};
    // Most reports name no device: hand them on as they came, without rebuilding the maps.
    let has_device = |id: &str| id.contains(SEPARATOR);
    if !users.keys().any(|id| has_device(id))
        && !seen.keys().any(|id| has_device(id))
        && !auth_log
            .iter()
            .any(|e| e.user.as_deref().is_some_and(has_device))
    {
        return (users, seen, Vec::new());
    }
    let mut devices: BTreeMap<(String, String), DeviceUse> = BTreeMap::new();
    fn device<'m>(
        devices: &'m mut BTreeMap<(String, String), DeviceUse>,
        user: &str,
        name: &str,
    ) -> &'m mut DeviceUse {
        devices
            .entry((user.to_owned(), name.to_owned()))
            .or_insert_with(|| DeviceUse {
                user: user.to_owned(),
                name: name.to_owned(),
                ..Default::default()
            })
    }
    let mut by_user = TrafficByUser::new();
    for (id, t) in users {
        let (user, name) = split_node_id(&id);
        if let Some(name) = name {
            device(&mut devices, user, name).traffic.add(t);
        }
        let sum = by_user.entry(user.to_owned()).or_default();
        sum.tx = sum.tx.saturating_add(t.tx);
        sum.rx = sum.rx.saturating_add(t.rx);
    }
    let mut seen_users = BTreeMap::new();
    for (id, at) in seen {
        let (user, name) = split_node_id(&id);
        if let Some(name) = name {
            device(&mut devices, user, name).seen = true;
        }
        let latest = seen_users.entry(user.to_owned()).or_insert(at);
        *latest = (*latest).max(at);
    }
    // The latest admission's address, by the node's clock (events are not in order).
    let mut latest: BTreeMap<(String, String), i64> = BTreeMap::new();
    for e in auth_log.iter().filter(|e| e.allowed) {
        let Some((user, Some(name))) = e.user.as_deref().map(split_node_id) else {
            continue;
        };
        let key = (user.to_owned(), name.to_owned());
        if latest.get(&key).is_none_or(|at| e.at >= *at) {
            latest.insert(key, e.at);
            device(&mut devices, user, name).addr = Some(e.addr.clone());
        }
    }
    (by_user, seen_users, devices.into_values().collect())
}

/// What writing a report did.
#[derive(Debug)]
pub struct Applied {
    /// The answer for the node.
    pub ack: ReportAck,
    /// True if an admission started an `on_hold` user's expiry clock.
    pub clocks_started: bool,
}

/// Why a report was not written.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The report itself failed; nothing of it was written.
    #[error(transparent)]
    Db(#[from] DbError),
    /// The transaction holding the report failed to begin or commit.
    #[error("the transaction holding this report failed: {0}")]
    Group(String),
    /// Central is stopping.
    #[error("central is shutting down")]
    Stopped,
}

type Job = (Report, oneshot::Sender<Result<Applied, IngestError>>);

/// Handle to the writer. Cheap to clone; the writer stops when the last handle is dropped.
#[derive(Debug, Clone)]
pub struct Ingest {
    jobs: mpsc::UnboundedSender<Job>,
}

impl Ingest {
    /// Starts the writer on the current runtime.
    pub fn start(db: Db, metrics: crate::metrics::Metrics) -> Self {
        let (jobs, rx) = mpsc::unbounded_channel();
        tokio::spawn(writer(db, metrics, rx));
        Self { jobs }
    }

    /// Writes `report` (with whatever else is waiting) and returns once it is durable.
    pub async fn apply(&self, report: Report) -> Result<Applied, IngestError> {
        let (done, answer) = oneshot::channel();
        self.jobs
            .send((report, done))
            .map_err(|_| IngestError::Stopped)?;
        answer.await.map_err(|_| IngestError::Stopped)?
    }
}

async fn writer(db: Db, metrics: crate::metrics::Metrics, mut rx: mpsc::UnboundedReceiver<Job>) {
    while let Some(first) = rx.recv().await {
        // Whatever queued up while the previous group was being written goes in this one.
        let mut rows = first.0.users.len();
        let mut group = vec![first];
        while group.len() < MAX_GROUP_REPORTS && rows < MAX_GROUP_ROWS {
            match rx.try_recv() {
                Ok(job) => {
                    rows += job.0.users.len();
                    group.push(job);
                }
                Err(_) => break,
            }
        }
        let (reports, replies): (Vec<Report>, Vec<_>) = group.into_iter().unzip();
        let size = reports.len();
        let started = Instant::now();
        let known = db.users().clone();
        let written = db.call(move |c| Ok(write_group(c, &known, &reports))).await;
        metrics
            .report_write_seconds
            .observe(started.elapsed().as_secs_f64());
        metrics.report_group_reports.observe(size as f64);
        match written {
            Ok(results) => {
                for (reply, result) in replies.into_iter().zip(results) {
                    let _ = reply.send(result);
                }
            }
            Err(err) => {
                let why = err.to_string();
                for reply in replies {
                    let _ = reply.send(Err(IngestError::Group(why.clone())));
                }
            }
        }
    }
}

/// One transaction for the whole group. If a report in it fails, the transaction is rolled back
/// and each report is written again in a transaction of its own, so the failure stays with its
/// report. Not one savepoint per report: every page a savepoint first touches is copied to a
/// statement journal, and that copying was a quarter of central's time under ingest load.
fn write_group(
    conn: &mut rusqlite::Connection,
    known: &UserDirectory,
    reports: &[Report],
) -> Vec<Result<Applied, IngestError>> {
    match write_together(conn, known, reports) {
        Ok(applied) => applied.into_iter().map(Ok).collect(),
        Err(Together::AReportFailed) => reports
            .iter()
            .map(|r| write_alone(conn, known, r))
            .collect(),
        Err(Together::Transaction(e)) => {
            let why = e.to_string();
            reports
                .iter()
                .map(|_| Err(IngestError::Group(why.clone())))
                .collect()
        }
    }
}

/// Why a group was not written in one transaction.
enum Together {
    /// One of its reports failed; nothing of the group was written.
    AReportFailed,
    /// The transaction could not begin or commit.
    Transaction(rusqlite::Error),
}

impl From<rusqlite::Error> for Together {
    fn from(e: rusqlite::Error) -> Self {
        Self::Transaction(e)
    }
}

fn write_together(
    conn: &mut rusqlite::Connection,
    known: &UserDirectory,
    reports: &[Report],
) -> Result<Vec<Applied>, Together> {
    let tx = conn.transaction()?;
    // On a failure, dropping `tx` rolls the group back.
    let applied = reports
        .iter()
        .map(|report| write_one(&tx, known, report))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|_| Together::AReportFailed)?;
    tx.commit()?;
    Ok(applied)
}

pub(crate) fn write_alone(
    conn: &mut rusqlite::Connection,
    known: &UserDirectory,
    report: &Report,
) -> Result<Applied, IngestError> {
    let group = |e: rusqlite::Error| IngestError::Group(e.to_string());
    let tx = conn.transaction().map_err(group)?;
    let applied = write_one(&tx, known, report)?;
    tx.commit().map_err(group)?;
    Ok(applied)
}

fn write_one(
    conn: &rusqlite::Connection,
    known: &UserDirectory,
    report: &Report,
) -> Result<Applied, DbError> {
    let seq = report.sequence.as_ref().map(|(instance, seq)| Sequence {
        instance,
        seq: *seq,
    });
    let ack = crate::db::traffic::apply_in(
        conn,
        known,
        report.server_pk,
        seq,
        &report.users,
        report.now,
    )?;
    // Admissions are recorded on central's clock, not the node's: node clocks may be skewed,
    // and the scheduler that expires users runs on this clock. The cost is up to one report
    // interval of imprecision. Not counters: a repeat changes nothing.
    let mut clocks_started = false;
    for id in report.seen.keys() {
        clocks_started |= crate::db::users::seen(conn, id, report.now)?;
    }
    // Stored even from a repeated batch (it may carry events the first lacked); the unique
    // event id keeps each event once.
    crate::db::auth_log::insert(conn, report.server_pk, &report.auth_log)?;
    crate::db::user_devices::record_use(
        conn,
        report.server_pk,
        &report.devices,
        ack.applied,
        report.now,
    )?;
    Ok(Applied {
        ack,
        clocks_started,
    })
}

#[cfg(test)]
mod tests {
    use hy_api::Traffic;

    use super::*;

    #[test]
    fn device_rows_fold_into_their_users_and_plain_reports_pass_through() {
        let t = |tx| Traffic { tx, rx: 1 };
        let plain: TrafficByUser = [("alice".to_owned(), t(5))].into();
        let (users, seen, devices) = fold_devices(plain.clone(), BTreeMap::new(), &[]);
        assert_eq!((users, seen.len(), devices.len()), (plain, 0, 0));
        let mixed: TrafficByUser = [
            ("alice".to_owned(), t(5)),
            ("alice:phone".to_owned(), t(7)),
            ("bob:tv".to_owned(), t(u64::MAX)),
            ("bob".to_owned(), t(1)),
        ]
        .into();
        let seen = [("alice:phone".to_owned(), 9), ("alice".to_owned(), 3)].into();
        let (users, seen, devices) = fold_devices(mixed, seen, &[]);
        assert_eq!(users["alice"], Traffic { tx: 12, rx: 2 });
        assert_eq!(users["bob"].tx, u64::MAX, "sums saturate");
        assert_eq!(seen, [("alice".to_owned(), 9)].into());
        let names: Vec<(&str, &str, bool)> = devices
            .iter()
            .map(|d| (d.user.as_str(), d.name.as_str(), d.seen))
            .collect();
        assert_eq!(names, [("alice", "phone", true), ("bob", "tv", false)]);
    }
    use crate::db::{servers, traffic, users};

    fn report(server_pk: i64, seq: u64, bytes: u64) -> Report {
        Report {
            server_pk,
            sequence: Some(("i1".into(), seq)),
            users: [("alice".to_owned(), Traffic { tx: bytes, rx: 0 })].into(),
            seen: BTreeMap::new(),
            auth_log: vec![],
            devices: vec![],
            now: 1,
        }
    }

    #[test]
    fn a_failing_report_rolls_back_alone_and_a_group_keeps_sequence_order() {
        let db = Db::open_in_memory().unwrap();
        let known = db.users().clone();
        db.call_blocking(|c| {
            users::insert(c, "alice", "secret-alice", &Default::default(), 1)?;
            let (pk, _) = servers::ensure(c, "server-one", 1)?;
            let results = write_group(
                c,
                &known,
                &[
                    report(pk, 1, 10),
                    report(pk + 99, 1, 1000), // no such server: fails alone
                    report(pk, 1, 10),        // the same batch again in the same group
                    report(pk, 2, 5),
                ],
            );
            let applied: Vec<Option<bool>> = results
                .iter()
                .map(|r| r.as_ref().ok().map(|a| a.ack.applied))
                .collect();
            assert_eq!(applied, [Some(true), None, Some(false), Some(true)]);
            assert!(matches!(
                results[1],
                Err(IngestError::Db(DbError::NotFound { .. }))
            ));
            let alice = traffic::of_user(c, users::pk(c, "alice")?)?;
            assert_eq!(
                alice.tx, 15,
                "counted once each, nothing from the failed report"
            );
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn a_report_failing_after_it_wrote_rows_leaves_nothing_and_moves_no_cursor() {
        let db = Db::open_in_memory().unwrap();
        let known = db.users().clone();
        db.call_blocking(|c| {
            users::insert(c, "alice", "secret-alice", &Default::default(), 1)?;
            users::insert(c, "bob", "secret-bob-1", &Default::default(), 1)?;
            let (pk, _) = servers::ensure(c, "server-one", 1)?;
            // Fails on bob's row, after alice's (the first in id order) was written.
            c.execute_batch(
                "CREATE TEMP TRIGGER fail_bob BEFORE INSERT ON traffic WHEN NEW.tx = 666
                 BEGIN SELECT RAISE(ABORT, 'injected'); END",
            )?;
            // Its own agent instance, so that only its own cursor can let it in again.
            let failing = || {
                let mut r = report(pk, 1, 10);
                r.sequence = Some(("i2".into(), 1));
                r.users.insert("bob".into(), Traffic { tx: 666, rx: 0 });
                r
            };
            let results = write_group(
                c,
                &known,
                &[report(pk, 1, 1), failing(), report(pk, 2, 100)],
            );
            assert!(results[0].as_ref().is_ok_and(|a| a.ack.applied));
            assert!(
                matches!(results[1], Err(IngestError::Db(_))),
                "{:?}",
                results[1]
            );
            assert!(results[2].as_ref().is_ok_and(|a| a.ack.applied));
            let alice = users::pk(c, "alice")?;
            assert_eq!(
                traffic::of_user(c, alice)?.tx,
                101,
                "nothing of the failed report"
            );
            // Its cursor did not move: once the fault is gone, the same batch is applied.
            c.execute_batch("DROP TRIGGER fail_bob")?;
            let redo = write_group(c, &known, &[failing()]).pop().unwrap();
            assert!(redo.is_ok_and(|a| a.ack.applied));
            assert_eq!(traffic::of_user(c, alice)?.tx, 111);
            assert_eq!(traffic::of_user(c, users::pk(c, "bob")?)?.tx, 666);
            Ok(())
        })
        .unwrap();
    }

    #[tokio::test]
    async fn concurrent_reports_are_all_written_exactly_once() {
        let db = Db::open_in_memory().unwrap();
        let pk = db
            .call(|c| {
                users::insert(c, "alice", "secret-alice", &Default::default(), 1)?;
                Ok(servers::ensure(c, "server-one", 1)?.0)
            })
            .await
            .unwrap();
        let ingest = Ingest::start(db.clone(), crate::metrics::Metrics::default());
        // 50 agent instances each send their batch three times, all at once: each batch must
        // count once, however the reports fall into groups.
        let sends = (1..=50u64).flat_map(|n| [n, n, n]).map(|n| {
            let ingest = ingest.clone();
            let mut r = report(pk, 1, n);
            r.sequence = Some((format!("i{n}"), 1));
            tokio::spawn(async move { ingest.apply(r).await })
        });
        let mut applied = 0;
        for sent in sends.collect::<Vec<_>>() {
            applied += usize::from(sent.await.unwrap().unwrap().ack.applied);
        }
        assert_eq!(applied, 50, "one of each three copies is applied");
        let total = db
            .call(|c| traffic::of_user(c, users::pk(c, "alice")?))
            .await
            .unwrap();
        assert_eq!(total.tx, (1..=50).sum::<u64>());
    }

    #[test]
    fn when_the_group_cannot_be_written_every_report_in_it_fails_and_nothing_counts() {
        let db = Db::open_in_memory().unwrap();
        let known = db.users().clone();
        db.call_blocking(|c| {
            users::insert(c, "alice", "secret-alice", &Default::default(), 1)?;
            let (pk, _) = servers::ensure(c, "server-one", 1)?;
            // A transaction already open: the group's own cannot begin.
            c.execute_batch("BEGIN")?;
            let results = write_group(c, &known, &[report(pk, 1, 10), report(pk, 2, 10)]);
            c.execute_batch("ROLLBACK")?;
            assert!(
                results
                    .iter()
                    .all(|r| matches!(r, Err(IngestError::Group(_)))),
                "{results:?}"
            );
            assert_eq!(traffic::of_user(c, users::pk(c, "alice")?)?.tx, 0);
            // The same reports are written once the database takes them again.
            let again = write_group(c, &known, &[report(pk, 1, 10), report(pk, 2, 10)]);
            assert!(
                again
                    .iter()
                    .all(|r| r.as_ref().is_ok_and(|a| a.ack.applied))
            );
            assert_eq!(traffic::of_user(c, users::pk(c, "alice")?)?.tx, 20);
            Ok(())
        })
        .unwrap();
    }
}
