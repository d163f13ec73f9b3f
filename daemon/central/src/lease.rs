//! Who runs the work that must happen once fleet-wide (expiries, scheduled resets, the hourly
//! history close, pruning) when several centrals share one PostgreSQL database: the holder of
//! a lease row, taken and renewed with one statement each, on the database's clock (the
//! centrals' own clocks may disagree).
//!
//! A holder renews at a third of the lease's length and stops leading as soon as a renewal
//! fails or comes back without its name; another central takes the lease once it has expired,
//! so failover takes at most about one lease length after the leader's last renewal (two,
//! counting the taker's own tick). Leases can overlap by a renewal in flight, which is why
//! every singleton job is safe to run twice (keyed by hour or by due time). On SQLite there is
//! one central and the lease is always held: [`Lease::Always`].

use std::time::Duration;

use deadpool_postgres::Pool;
use tokio_util::sync::CancellationToken;

use crate::pg::PgError;

/// The lease of one central.
#[derive(Debug, Clone)]
pub enum Lease {
    /// SQLite: this central is the only one.
    Always,
    /// PostgreSQL: the `leader_lease` row, as `holder`, for `ttl` at a time.
    Shared {
        /// The database.
        pool: Pool,
        /// This central's name in the row (random per process).
        holder: String,
        /// How long a taken or renewed lease lasts.
        ttl: Duration,
    },
}

impl Lease {
    /// A lease on `pool` for a new holder name.
    pub fn shared(pool: Pool, ttl: Duration) -> Self {
        Self::Shared {
            pool,
            holder: format!("central-{}", hy_common::random::token(12)),
            ttl,
        }
    }

    /// Takes or renews the lease; true while this central leads. Fails closed: a database
    /// error is "not leading".
    pub async fn hold(&self) -> Result<bool, PgError> {
        let Self::Shared { pool, holder, ttl } = self else {
            return Ok(true);
        };
        let client = pool.get().await.map_err(|e| PgError::Pool(e.to_string()))?;
        let ttl_ms = i64::try_from(ttl.as_millis()).unwrap_or(i64::MAX);
        // One statement: insert when free, take over when expired, renew when ours. Times in
        // milliseconds of the database's clock.
        let row = client
            .query_opt(
                "WITH now AS (SELECT (EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::BIGINT AS ms)
                 INSERT INTO leader_lease (one, holder, elected_at, expires_at)
                 SELECT 1, $1, ms, ms + $2 FROM now
                 ON CONFLICT (one) DO UPDATE SET
                     holder = EXCLUDED.holder,
                     elected_at = CASE WHEN leader_lease.holder = EXCLUDED.holder
                                       THEN leader_lease.elected_at ELSE EXCLUDED.elected_at END,
                     expires_at = EXCLUDED.expires_at
                 WHERE leader_lease.holder = EXCLUDED.holder
                    OR leader_lease.expires_at < EXCLUDED.elected_at
                 RETURNING holder",
                &[holder, &ttl_ms],
            )
            .await?;
        Ok(row.is_some_and(|r| r.get::<_, String>(0) == *holder))
    }

    /// Gives the lease up (on shutdown), so another central takes over at its next tick
    /// instead of after the lease expires.
    pub async fn release(&self) -> Result<(), PgError> {
        let Self::Shared { pool, holder, .. } = self else {
            return Ok(());
        };
        let client = pool.get().await.map_err(|e| PgError::Pool(e.to_string()))?;
        client
            .execute("DELETE FROM leader_lease WHERE holder = $1", &[holder])
            .await?;
        Ok(())
    }

    /// How often a holder renews: a third of the lease, so two renewals may fail before it
    /// lapses.
    pub fn renew_every(&self) -> Duration {
        match self {
            Self::Always => Duration::from_secs(3600),
            Self::Shared { ttl, .. } => *ttl / 3,
        }
    }
}

/// Runs `job` while this central holds `lease`, until `shutdown`: waits for the lease, starts
/// the job with a token of its own, renews at [`Lease::renew_every`], and on a lost or failed
/// renewal stops the job and waits for the lease again. Gives the lease up on shutdown.
pub async fn lead<F, Fut>(lease: Lease, shutdown: CancellationToken, job: F)
where
    F: Fn(CancellationToken) -> Fut,
    Fut: std::future::Future<Output = ()> + Send + 'static,
{
    loop {
        let held = lease.hold().await.unwrap_or_else(|err| {
            tracing::warn!(error = %err, "could not take the leader lease");
            false
        });
        if held {
            tracing::info!("leading: this central runs the fleet-wide schedule");
            let stop = shutdown.child_token();
            let mut running = tokio::spawn(job(stop.clone()));
            // True once `running` has been awaited to its end (it must not be polled again).
            let ended = loop {
                tokio::select! {
                    _ = &mut running => break true,
                    () = shutdown.cancelled() => break false,
                    () = tokio::time::sleep(lease.renew_every()) => {}
                }
                match lease.hold().await {
                    Ok(true) => {}
                    Ok(false) => {
                        tracing::warn!("lost the leader lease to another central");
                        break false;
                    }
                    Err(err) => {
                        tracing::warn!(error = %err, "could not renew the leader lease; stepping down");
                        break false;
                    }
                }
            };
            stop.cancel();
            if !ended {
                let _ = running.await;
            }
        }
        if shutdown.is_cancelled() {
            if let Err(err) = lease.release().await {
                tracing::warn!(error = %err, "could not give up the leader lease");
            }
            return;
        }
        tokio::select! {
            () = shutdown.cancelled() => {}
            () = tokio::time::sleep(lease.renew_every()) => {}
        }
    }
}
