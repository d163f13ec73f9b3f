//! Time-driven state changes, each at its moment rather than by scanning every second: a user's
//! expiry time passing (their servers' lists are bumped so agents drop them at once) and
//! scheduled usage resets (a `limited` user becomes `active` again). The loop sleeps on the
//! [`Clock`] until the next such moment, or until a change to users may have moved it.

use std::sync::Arc;

use hy_api::users::ResetStrategy;
use rusqlite::{Connection, params};
use tokio::sync::Notify;
use tokio_util::sync::CancellationToken;

use crate::clock::Clock;
use crate::db::{Db, DbError, ts, users};

/// Applies what became due in `(from, to]`. Returns how many users changed.
pub fn process(conn: &mut Connection, from: i64, to: i64) -> Result<usize, DbError> {
    let tx = conn.transaction()?;
    // Expiry is derived from time, so no row changes and no trigger fires: bump by hand.
    let expired = tx.execute(
        "UPDATE list_revisions SET rev = rev + 1 WHERE server_pk IN (
             SELECT a.server_pk FROM assignments a JOIN users u ON u.pk = a.user_pk
             WHERE u.expires_at > ?1 AND u.expires_at <= ?2)",
        params![from, to],
    )?;
    let due: Vec<(i64, String, i64)> = tx
        .prepare_cached(
            "SELECT pk, reset_strategy, created_at FROM users WHERE next_reset_at <= ?1",
        )?
        .query_map([to], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_, _>>()?;
    for (pk, strategy, created) in &due {
        let strategy = ResetStrategy::parse(strategy).unwrap_or_default();
        users::reset_usage(&tx, *pk, to, &format!("scheduled ({})", strategy.as_str()))?;
        let next = strategy
            .next_after(ts(*created), ts(to))
            .map(|t| t.as_second());
        tx.execute(
            "UPDATE users SET next_reset_at = ?2 WHERE pk = ?1",
            params![pk, next],
        )?;
    }
    tx.commit()?;
    Ok(expired + due.len())
}

/// The next moment something becomes due after `after`.
pub fn next_event(conn: &Connection, after: i64) -> Result<Option<i64>, DbError> {
    Ok(conn.query_row(
        "SELECT MIN(t) FROM (
             SELECT MIN(expires_at) AS t FROM users WHERE expires_at > ?1
             UNION ALL SELECT MIN(next_reset_at) FROM users WHERE next_reset_at IS NOT NULL)",
        [after],
        |r| r.get(0),
    )?)
}

/// Runs until shutdown. `wake` is notified whenever users' expiry or reset settings change.
/// Also prunes traffic history older than `history_days` and the auth log older than
/// `log_days`, at least hourly.
pub async fn run(
    db: Db,
    clock: Arc<dyn Clock>,
    wake: Arc<Notify>,
    history_days: u32,
    log_days: u32,
    shutdown: CancellationToken,
) {
    // From the epoch: expiries that passed while central was down bump their lists once, so
    // agents holding a list from before drop those users too.
    let mut processed = 0;
    loop {
        let now = clock.now().as_second();
        let from = processed;
        match db.call(move |c| process(c, from, now)).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(users = n, "applied scheduled expiries and usage resets"),
            Err(err) => {
                tracing::error!(error = %err, "scheduled expiries and resets failed; retrying")
            }
        }
        processed = now;
        let pruned = db
            .call(move |c| {
                let history = crate::db::traffic::prune_history(c, now, history_days)?;
                let log = crate::db::auth_log::prune(c, now, log_days)?;
                Ok((history, log))
            })
            .await;
        match pruned {
            Ok((0, 0)) => {}
            Ok((history, log)) => tracing::info!(history, log, "pruned old history and auth log"),
            Err(err) => tracing::error!(error = %err, "could not prune history and auth log"),
        }
        let next = db
            .call(move |c| next_event(c, now))
            .await
            .unwrap_or_else(|err| {
                tracing::error!(error = %err, "could not compute the next scheduled change");
                Some(now + 60)
            });
        // Wake at least hourly, for pruning, even with nothing scheduled.
        let next = next.map_or(now + 3600, |t| t.min(now + 3600));
        tokio::select! {
            () = shutdown.cancelled() => return,
            () = wake.notified() => {}
            () = clock.sleep_until(ts(next)) => {}
        }
    }
}

/// How long after an hour ends its buckets are closed: past the burst of every node's first
/// report of the new hour, so the two do not compete for the writer.
const CLOSE_DELAY: i64 = 120;

/// How often new lifetime pairs join the per-user index.
const INDEX_EVERY: i64 = 60;

/// Adds what reports wrote to the per-user indexes, later and in user order (see migrations
/// 0011 and 0012), until shutdown: new lifetime pairs every minute, and each hour's history
/// buckets `CLOSE_DELAY` after the hour ends.
pub async fn index_traffic(db: Db, clock: Arc<dyn Clock>, shutdown: CancellationToken) {
    loop {
        let now = clock.now().as_second();
        let work = async {
            let pairs = index_new_pairs(&db).await?;
            let hours = close_past_hours(&db, now.div_euclid(3600)).await?;
            Ok::<_, DbError>((pairs, hours))
        };
        tokio::select! {
            () = shutdown.cancelled() => return,
            done = work => match done {
                Ok((pairs, hours)) => {
                    for (what, done) in [("lifetime pairs", pairs), ("hourly buckets", hours)] {
                        if done.rows > 0 {
                            tracing::info!(
                                rows = done.rows,
                                transactions = done.transactions,
                                longest_ms = done.longest.as_millis() as u64,
                                "added {what} to the per-user index"
                            );
                        }
                    }
                }
                Err(err) => tracing::error!(error = %err, "could not index traffic by user"),
            },
        }
        let next_hour = (now.div_euclid(3600) + 1) * 3600 + CLOSE_DELAY;
        let next = next_hour.min(now + INDEX_EVERY);
        tokio::select! {
            () = shutdown.cancelled() => return,
            () = clock.sleep_until(ts(next)) => {}
        }
    }
}

/// What a pass over the traffic tables did.
#[derive(Debug, Default, Clone, Copy)]
pub struct Indexed {
    /// Rows added to a per-user index.
    pub rows: usize,
    /// Write transactions it took.
    pub transactions: usize,
    /// The longest of them: how long a report or an admin change may have waited for one.
    pub longest: std::time::Duration,
}

impl Indexed {
    /// Runs `f` on the writer, counting it as one transaction.
    async fn write<F>(&mut self, db: &Db, f: F) -> Result<usize, DbError>
    where
        F: FnOnce(&mut rusqlite::Connection) -> Result<usize, DbError> + Send + 'static,
    {
        let began = std::time::Instant::now();
        let rows = db.call(f).await?;
        let took = began.elapsed();
        self.rows += rows;
        self.transactions += 1;
        self.longest = self.longest.max(took);
        Ok(rows)
    }

    /// Runs `f` over every user key, a range per transaction.
    ///
    /// The ranges adapt to take ~100 ms each: short enough that a report or an admin change
    /// queued behind one waits no longer than that, long enough that an hour of a large fleet
    /// closes in a few dozen transactions. The first range is open below and the last above,
    /// so every row is in one.
    async fn by_user_ranges<F>(&mut self, db: &Db, f: F) -> Result<(), DbError>
    where
        F: Fn(&mut rusqlite::Connection, std::ops::Range<i64>) -> Result<usize, DbError>
            + Send
            + Sync
            + 'static,
    {
        let f = Arc::new(f);
        let last_user: i64 = db
            .call(|c| Ok(c.query_row("SELECT COALESCE(MAX(pk), 0) FROM users", [], |r| r.get(0))?))
            .await?;
        let mut span: i64 = 4096;
        let mut start = i64::MIN;
        while start <= last_user {
            let end = match start.max(0).saturating_add(span) {
                end if end > last_user => i64::MAX,
                end => end,
            };
            let f = Arc::clone(&f);
            let began = std::time::Instant::now();
            self.write(db, move |c| f(c, start..end)).await?;
            span = match began.elapsed().as_millis() {
                0..50 => span.saturating_mul(2),
                50..200 => span,
                _ => (span / 2).max(1),
            };
            start = end;
        }
        Ok(())
    }
}

/// Adds every new lifetime pair to the per-user index.
pub async fn index_new_pairs(db: &Db) -> Result<Indexed, DbError> {
    use crate::db::traffic;
    let mut done = Indexed::default();
    let servers: Vec<i64> = db
        .call(|c| {
            Ok(traffic::servers_with_new_pairs(c)?
                .iter()
                .filter_map(|v| match v {
                    rusqlite::types::Value::Integer(s) => Some(*s),
                    _ => None,
                })
                .collect())
        })
        .await?;
    if !servers.is_empty() {
        let servers = Arc::new(servers);
        done.by_user_ranges(db, move |c, users| {
            traffic::index_new_pairs(c, &servers, users)
        })
        .await?;
    }
    Ok(done)
}

/// Closes every hour before `current_hour`: adds its buckets to the per-user index.
pub async fn close_past_hours(db: &Db, current_hour: i64) -> Result<Indexed, DbError> {
    use crate::db::traffic;
    let mut done = Indexed::default();
    while let Some((hour, servers)) = db
        .call(move |c| traffic::next_to_close(c, current_hour))
        .await?
    {
        let servers = Arc::new(servers);
        done.by_user_ranges(db, move |c, users| {
            traffic::close_users(c, hour, &servers, users)
        })
        .await?;
        done.write(db, move |c| traffic::finish_closing(c, hour).map(|()| 0))
            .await?;
    }
    Ok(done)
}
