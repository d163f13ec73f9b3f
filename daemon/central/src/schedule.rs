//! Time-driven state changes, each at its moment rather than by scanning every second: a user's
//! expiry time passing (their servers' lists are bumped so agents drop them at once) and
//! scheduled usage resets (a `limited` user becomes `active` again). The loop sleeps on the
//! [`Clock`] until the next such moment, or until a change to users may have moved it.
//!
//! Also closes each past hour of traffic history ([`close_history`]), in a future of its own so
//! a long close never delays an expiry.

use std::sync::Arc;

use rusqlite::Connection;
use tokio::sync::Notify;
use tokio_util::sync::CancellationToken;

use crate::clock::Clock;
use crate::db::{DbError, lists, ts, users};
use crate::store::Store;

/// Applies what became due in `(from, to]`. Returns how many users changed.
pub fn process(conn: &mut Connection, from: i64, to: i64) -> Result<usize, DbError> {
    let tx = conn.transaction()?;
    let expired = lists::bump_for_expiring(&tx, from, to)?;
    tx.prepare_cached(crate::db::events::EXPIRED)?
        .execute(rusqlite::params![from, to])?;
    tx.prepare_cached(crate::db::events::SERVER_STALE)?
        .execute(rusqlite::params![from, to])?;
    let due = users::resets_due(&tx, to)?;
    for (pk, strategy, created) in &due {
        users::reset_usage(&tx, *pk, to, &format!("scheduled ({})", strategy.as_str()))?;
        let next = strategy
            .next_after(ts(*created), ts(to))
            .map(|t| t.as_second());
        users::set_next_reset(&tx, *pk, next)?;
    }
    tx.commit()?;
    Ok(expired + due.len())
}

/// How long records are kept, in days.
#[derive(Debug, Clone, Copy)]
pub struct Keep {
    /// Hourly traffic history.
    pub history_days: u32,
    /// The agents' auth log.
    pub log_days: u32,
    /// The admin audit trail.
    pub audit_days: u32,
}

/// Runs until shutdown. `wake` is notified whenever users' expiry or reset settings change.
/// Also tells servers gone stale (at least every minute) and prunes history, the auth log,
/// the audit trail, events and the delivery log past [`Keep`] (hourly).
pub async fn run(
    store: Store,
    clock: Arc<dyn Clock>,
    wake: Arc<Notify>,
    keep: Keep,
    shutdown: CancellationToken,
) {
    // From the epoch: expiries that passed while central was down bump their lists once, so
    // agents holding a list from before drop those users too.
    let mut processed = 0;
    let mut pruned_at = i64::MIN;
    loop {
        let now = clock.now().as_second();
        let from = processed;
        match store.process_due(from, now).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(users = n, "applied scheduled expiries and usage resets"),
            Err(err) => {
                tracing::error!(error = %err, "scheduled expiries and resets failed; retrying")
            }
        }
        processed = now;
        if now >= pruned_at.saturating_add(3600) {
            pruned_at = now;
            prune(&store, now, keep).await;
        }
        let next = store.next_due(now).await.unwrap_or_else(|err| {
            tracing::error!(error = %err, "could not compute the next scheduled change");
            Some(now + 60)
        });
        // Wake at least every minute: a server's contact turning stale is a moment too, but
        // one that moves with every poll, so it is looked for rather than scheduled.
        let next = next.map_or(now + 60, |t| t.min(now + 60));
        tokio::select! {
            () = shutdown.cancelled() => return,
            () = wake.notified() => {}
            () = clock.sleep_until(ts(next)) => {}
        }
    }
}

/// Drops what is kept no longer (see [`Keep`]).
async fn prune(store: &Store, now: i64, keep: Keep) {
    let Keep {
        history_days,
        log_days,
        audit_days,
    } = keep;
    let pruned = store.prune(now, history_days, log_days).await;
    match pruned {
        Ok((0, 0)) => {}
        Ok((history, log)) => tracing::info!(history, log, "pruned old history and auth log"),
        Err(err) => tracing::error!(error = %err, "could not prune history and auth log"),
    }
    // Events are for following and catching up, not an archive: a month; the webhook
    // delivery log is for looking back a little: a week.
    if let Err(err) = store.prune_events(now - 30 * 86_400).await {
        tracing::error!(error = %err, "could not prune old events");
    }
    if let Err(err) = store.prune_deliveries(now - 7 * 86_400).await {
        tracing::error!(error = %err, "could not prune the webhook delivery log");
    }
    if let Err(err) = store.prune_session_ends(now).await {
        tracing::error!(error = %err, "could not prune asks to end sessions");
    }
    match store.prune_audit(now, audit_days).await {
        Ok(0) => {}
        Ok(n) => tracing::info!(entries = n, "pruned old audit entries"),
        Err(err) => tracing::error!(error = %err, "could not prune the audit trail"),
    }
}

/// How long after an hour ends its buckets are closed: past the burst of every node's first
/// report of the new hour, so the two do not compete for the writer.
const CLOSE_DELAY: i64 = 120;

/// Closes each past hour's history buckets (adds them to the per-user index; see
/// `db::history::close_users`), `CLOSE_DELAY` after the hour ends, until shutdown. On
/// PostgreSQL only the lease holder runs it.
pub async fn close_history(store: Store, clock: Arc<dyn Clock>, shutdown: CancellationToken) {
    loop {
        let now = clock.now().as_second();
        let mut next = (now.div_euclid(3600) + 1) * 3600 + CLOSE_DELAY;
        tokio::select! {
            () = shutdown.cancelled() => return,
            closed = close_past_hours(&store, now.div_euclid(3600)) => match closed {
                Ok(Closed { buckets: 0, .. }) => {}
                Ok(Closed { buckets, transactions, longest }) => tracing::info!(
                    buckets,
                    transactions,
                    longest_ms = longest.as_millis() as u64,
                    "closed past hours of traffic history"
                ),
                Err(err) => {
                    // Nothing is lost while an hour stays open, only history lookups are
                    // slower: retry soon rather than in an hour.
                    tracing::error!(error = %err, "could not close past hours of history");
                    next = next.min(now + 60);
                }
            },
        }
        tokio::select! {
            () = shutdown.cancelled() => return,
            () = clock.sleep_until(ts(next)) => {}
        }
    }
}

/// What [`close_past_hours`] did.
#[derive(Debug, Default, Clone, Copy)]
pub struct Closed {
    /// Buckets closed.
    pub buckets: usize,
    /// Write transactions it took.
    pub transactions: usize,
    /// The longest of them: how long a report or an admin change may have waited for one.
    pub longest: std::time::Duration,
}

/// Closes every hour before `current_hour`, a range of users per transaction.
///
/// The ranges adapt to take ~100 ms each: short enough that a report or an admin change queued
/// behind one waits no longer than that, long enough that an hour of a large fleet closes in a
/// few dozen transactions.
pub async fn close_past_hours(store: &Store, current_hour: i64) -> Result<Closed, DbError> {
    close_hours(store, current_hour, 4096).await
}

/// [`close_past_hours`], starting with ranges of `span` user keys (tests close in ranges of
/// one to see several transactions).
pub async fn close_hours(
    store: &Store,
    current_hour: i64,
    mut span: i64,
) -> Result<Closed, DbError> {
    let mut done = Closed::default();
    while let Some((hour, servers)) = store.next_to_close(current_hour).await? {
        let servers = Arc::new(servers);
        let last_user = store.last_user_pk().await?;
        // The first range is open below and the last above, so every bucket is in one.
        let mut start = i64::MIN;
        while start <= last_user {
            let end = match start.max(0).saturating_add(span) {
                end if end > last_user => i64::MAX,
                end => end,
            };
            let servers = Arc::clone(&servers);
            let began = std::time::Instant::now();
            done.buckets += store.close_users(hour, servers, start..end).await?;
            let took = began.elapsed();
            done.transactions += 1;
            done.longest = done.longest.max(took);
            span = match took.as_millis() {
                0..50 => span.saturating_mul(2),
                50..200 => span,
                _ => (span / 2).max(1),
            };
            start = end;
        }
        let began = std::time::Instant::now();
        store.finish_closing(hour).await?;
        done.transactions += 1;
        done.longest = done.longest.max(began.elapsed());
    }
    Ok(done)
}
