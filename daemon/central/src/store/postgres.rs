//! The PostgreSQL half of the storage layer: SQL only. Rows become domain types through the
//! same constructors as SQLite's (`db::users::UserRow`), and every rule comes from above.

use deadpool_postgres::Pool;
use tokio_postgres::error::SqlState;

use crate::db::DbError;

/// A PostgreSQL database as one central uses it: the connection pool, and the keys of the
/// users its reports named (see [`reports`]). Clones share both; it derefs to the pool.
#[derive(Clone)]
pub struct PgStore {
    pool: Pool,
    user_keys: std::sync::Arc<reports::UserKeys>,
}

impl From<Pool> for PgStore {
    fn from(pool: Pool) -> Self {
        Self {
            pool,
            user_keys: Default::default(),
        }
    }
}

impl std::ops::Deref for PgStore {
    type Target = Pool;

    fn deref(&self) -> &Pool {
        &self.pool
    }
}

impl std::fmt::Debug for PgStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgStore")
            .field("pool", &self.pool.status())
            .finish_non_exhaustive()
    }
}

/// A PostgreSQL failure as the storage layer reports it.
/// tokio-postgres shows a server error as just "db error"; the server's message and
/// SQLSTATE are what an operator can act on.
fn pg(err: tokio_postgres::Error) -> DbError {
    // A lost connection, or a server shutting down or not yet accepting: retrying may work.
    let gone = err.is_closed()
        || std::error::Error::source(&err).is_some_and(|s| s.is::<std::io::Error>())
        || err.code().is_some_and(|c| {
            c.code().starts_with("08")
                || *c == SqlState::ADMIN_SHUTDOWN
                || *c == SqlState::CANNOT_CONNECT_NOW
        });
    if gone {
        return DbError::Unavailable(err.to_string());
    }
    match err.as_db_error() {
        Some(db) => DbError::Schema(format!(
            "PostgreSQL: {} (SQLSTATE {})",
            db.message(),
            db.code().code()
        )),
        None => DbError::Schema(format!("PostgreSQL: {err}")),
    }
}

/// A statement shared with SQLite (written once, in `db/`, with SQLite's `?1` parameters) in
/// PostgreSQL's spelling (`$1`). No shared statement holds a `?` of its own.
pub(crate) fn numbered(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        let param = c == '?' && chars.peek().is_some_and(char::is_ascii_digit);
        out.push(if param { '$' } else { c });
    }
    out
}

async fn client(pool: &Pool) -> Result<deadpool_postgres::Object, DbError> {
    pool.get()
        .await
        .map_err(|e| DbError::Unavailable(format!("PostgreSQL: could not get a connection: {e}")))
}

/// Rows one request must change before [`after_bulk_change`] refreshes the statistics.
const BULK_ROWS: usize = 1000;

/// After a request that changed at least [`BULK_ROWS`] rows of users and assignments (an
/// import, a whole fleet assigned), refreshes the planner's statistics of those tables, as
/// PostgreSQL's documentation advises after a bulk load. Until autovacuum got to it (up to a
/// minute or more), statistics taken when the tables were small made the node list of the
/// imported users a nested loop of 100k index lookups, 150 ms instead of 55. ANALYZE samples
/// at most 30,000 rows, so this costs the request tens of milliseconds, whatever the size.
/// A failure costs only the refresh, never the committed change.
pub(super) async fn after_bulk_change(pool: &Pool, rows: usize) {
    if rows < BULK_ROWS {
        return;
    }
    let analyzed = match client(pool).await {
        Ok(c) => c
            .batch_execute("ANALYZE users, quota_usage, assignments")
            .await
            .map_err(|e| e.to_string()),
        Err(e) => Err(e.to_string()),
    };
    if let Err(e) = analyzed {
        tracing::warn!(error = %e, "could not refresh the planner's statistics after a bulk change");
    }
}

/// The unique constraint an error broke, if it was one.
fn unique_violation(err: &tokio_postgres::Error) -> Option<&str> {
    let db = err.as_db_error()?;
    (db.code() == &SqlState::UNIQUE_VIOLATION)
        .then(|| db.constraint())
        .flatten()
}

pub mod admins;
pub mod api_tokens;
pub mod audit;
pub mod devices;
pub mod events;
pub mod panel;
pub mod subscriptions;
pub mod webhooks;

pub mod users {
    //! The `users` table on PostgreSQL.

    use deadpool_postgres::Pool;
    use hy_api::page::PageQuery;
    use hy_api::users::{ResetStrategy, User, UserSettings, UserState};
    use tokio_postgres::Row;
    use tokio_postgres::types::ToSql;

    use super::{client, pg, unique_violation};
    use crate::db::DbError;
    use crate::db::users::{SettingValue, UserRow, id_taken, secret_taken, setting_updates};

    const SELECT: &str = "SELECT u.id, u.secret, u.created_at, u.updated_at,
        (SELECT COUNT(*) FROM assignments a WHERE a.user_pk = u.pk),
        (SELECT LEAST(COALESCE(SUM(t.tx), 0), 9200000000000000000)::BIGINT
             FROM traffic t WHERE t.user_pk = u.pk),
        (SELECT LEAST(COALESCE(SUM(t.rx), 0), 9200000000000000000)::BIGINT
             FROM traffic t WHERE t.user_pk = u.pk),
        u.enabled, u.data_limit, u.reset_strategy, q.period_used, u.period_start,
        u.next_reset_at, u.expires_at, u.expire_after, u.max_devices, u.allowed_ips, u.note,
        u.first_connected_at, u.last_online_at, u.email, u.display_name, u.telegram_id
        FROM users u JOIN quota_usage q ON q.user_pk = u.pk";

    fn from_row(row: &Row, now: i64) -> User {
        UserRow {
            id: row.get(0),
            secret: row.get(1),
            created_at: row.get(2),
            updated_at: row.get(3),
            servers: row.get(4),
            tx: row.get(5),
            rx: row.get(6),
            enabled: row.get(7),
            data_limit: row.get(8),
            reset_strategy: row.get(9),
            period_used: row.get(10),
            period_start: row.get(11),
            next_reset_at: row.get(12),
            expires_at: row.get(13),
            expire_after: row.get(14),
            max_devices: row.get(15),
            allowed_ips: row.get(16),
            note: row.get(17),
            first_connected_at: row.get(18),
            last_online_at: row.get(19),
            email: row.get(20),
            display_name: row.get(21),
            telegram_id: row.get(22),
        }
        .into_user(now)
    }

    fn not_found(id: &str) -> DbError {
        DbError::NotFound {
            kind: "user",
            id: id.to_owned(),
        }
    }

    /// See [`crate::db::users::insert`].
    pub async fn insert(
        pool: &Pool,
        id: &str,
        secret: &str,
        settings: &UserSettings,
        now: i64,
    ) -> Result<User, DbError> {
        let mut c = client(pool).await?;
        let tx = c.transaction().await.map_err(pg)?;
        let user = insert_in(&tx, id, secret, settings, now).await?;
        tx.commit().await.map_err(pg)?;
        Ok(user)
    }

    /// Several users in one transaction; with `skip_existing`, ids already taken are skipped
    /// (the second list) instead of failing the batch.
    ///
    /// An import writes thousands at once, so the rows go in as one statement, settings are
    /// applied to those that have any, and the users are read back as one query. When that
    /// statement meets an id or secret already taken, the batch is written again one user at a
    /// time, to name the one that failed, as SQLite does.
    pub async fn insert_many(
        pool: &Pool,
        users: &[(String, String, UserSettings)],
        skip_existing: bool,
        now: i64,
    ) -> Result<(Vec<User>, Vec<String>), DbError> {
        let mut c = client(pool).await?;
        let tx = c.transaction().await.map_err(pg)?;
        let existing: std::collections::HashSet<String> = if skip_existing {
            let ids: Vec<&str> = users.iter().map(|(id, _, _)| id.as_str()).collect();
            tx.query("SELECT id FROM users WHERE id = ANY($1)", &[&ids])
                .await
                .map_err(pg)?
                .iter()
                .map(|r| r.get(0))
                .collect()
        } else {
            Default::default()
        };
        let (todo, skipped): (Vec<_>, Vec<_>) =
            users.iter().partition(|(id, _, _)| !existing.contains(id));
        let skipped: Vec<String> = skipped.into_iter().map(|(id, _, _)| id.clone()).collect();
        let ids: Vec<&str> = todo.iter().map(|(id, _, _)| id.as_str()).collect();
        let secrets: Vec<&str> = todo.iter().map(|(_, s, _)| s.as_str()).collect();
        let digests: Vec<String> = secrets.iter().map(|s| hy_api::auth_digest(s)).collect();
        // A device's secret among them: one by one names it (as a taken user secret does).
        let device_secret: bool = tx
            .query_one(
                "SELECT EXISTS (SELECT 1 FROM devices WHERE secret = ANY($1))",
                &[&secrets],
            )
            .await
            .map_err(pg)?
            .get(0);
        if device_secret {
            drop(tx);
            return insert_one_by_one(&mut c, &todo, skipped, now).await;
        }
        let inserted = tx
            .query(
                "INSERT INTO users (id, secret, secret_sha256, created_at, updated_at, period_start)
                 SELECT id, secret, sha, $4, $4, $4
                 FROM unnest($1::TEXT[], $2::TEXT[], $3::TEXT[]) WITH ORDINALITY
                     AS x(id, secret, sha, n)
                 ORDER BY n RETURNING pk",
                &[&ids, &secrets, &digests, &now],
            )
            .await;
        let pks: Vec<i64> = match inserted {
            Ok(rows) => rows.iter().map(|r| r.get(0)).collect(),
            Err(e) if unique_violation(&e).is_some() => {
                drop(tx);
                return insert_one_by_one(&mut c, &todo, skipped, now).await;
            }
            Err(e) => return Err(pg(e)),
        };
        for (pk, (_, _, settings)) in pks.iter().zip(&todo) {
            apply_settings(&tx, *pk, settings, now).await?;
        }
        let rows = tx
            .query(&format!("{SELECT} WHERE u.pk = ANY($1)"), &[&pks])
            .await
            .map_err(pg)?;
        // In the batch's order, as the one-by-one path returns them.
        let mut by_id: std::collections::HashMap<String, User> = rows
            .iter()
            .map(|r| (r.get::<_, String>(0), from_row(r, now)))
            .collect();
        let created = ids.iter().filter_map(|id| by_id.remove(*id)).collect();
        tx.commit().await.map_err(pg)?;
        Ok((created, skipped))
    }

    /// [`insert_many`]'s way of naming the user a batch failed on: the same users one by one,
    /// in a transaction of their own.
    async fn insert_one_by_one(
        c: &mut deadpool_postgres::Object,
        users: &[&(String, String, UserSettings)],
        skipped: Vec<String>,
        now: i64,
    ) -> Result<(Vec<User>, Vec<String>), DbError> {
        let tx = c.transaction().await.map_err(pg)?;
        let mut created = Vec::with_capacity(users.len());
        for (id, secret, settings) in users {
            created.push(insert_in(&tx, id, secret, settings, now).await?);
        }
        tx.commit().await.map_err(pg)?;
        Ok((created, skipped))
    }

    async fn insert_in(
        tx: &deadpool_postgres::Transaction<'_>,
        id: &str,
        secret: &str,
        settings: &UserSettings,
        now: i64,
    ) -> Result<User, DbError> {
        super::devices::claim_secret(tx, secret, -1).await?;
        let pk: i64 = tx
            .query_one(
                &tx.prepare_cached("INSERT INTO users (id, secret, secret_sha256, created_at, updated_at, period_start)
                 VALUES ($1, $2, $3, $4, $4, $4) RETURNING pk").await.map_err(pg)?,
                &[&id, &secret, &hy_api::auth_digest(secret), &now],
            )
            .await
            .map_err(|e| match unique_violation(&e) {
                Some("users_id_key") => id_taken(id),
                Some("users_secret_key") => secret_taken(),
                _ => pg(e),
            })?
            .get(0);
        apply_settings(tx, pk, settings, now).await?;
        let row = tx
            .query_one(
                &tx.prepare_cached(&format!("{SELECT} WHERE u.pk = $1"))
                    .await
                    .map_err(pg)?,
                &[&pk],
            )
            .await
            .map_err(pg)?;
        Ok(from_row(&row, now))
    }

    async fn pk_of(tx: &deadpool_postgres::Transaction<'_>, id: &str) -> Result<i64, DbError> {
        Ok(tx
            .query_opt(
                &tx.prepare_cached("SELECT pk FROM users WHERE id = $1")
                    .await
                    .map_err(pg)?,
                &[&id],
            )
            .await
            .map_err(pg)?
            .ok_or_else(|| not_found(id))?
            .get(0))
    }

    async fn apply_settings(
        tx: &deadpool_postgres::Transaction<'_>,
        pk: i64,
        settings: &UserSettings,
        now: i64,
    ) -> Result<(), DbError> {
        let created: i64 = if settings.reset_strategy.is_some() {
            tx.query_one(
                &tx.prepare_cached("SELECT created_at FROM users WHERE pk = $1")
                    .await
                    .map_err(pg)?,
                &[&pk],
            )
            .await
            .map_err(pg)?
            .get(0)
        } else {
            0
        };
        for (column, value) in setting_updates(settings, created, now) {
            let sql = format!("UPDATE users SET {column} = $2, updated_at = $3 WHERE pk = $1");
            let value: Box<dyn ToSql + Sync + Send> = match value {
                SettingValue::Int(v) => Box::new(v),
                SettingValue::Bool(v) => Box::new(v),
                SettingValue::Text(v) => Box::new(v),
            };
            tx.execute(
                &tx.prepare_cached(&sql).await.map_err(pg)?,
                &[&pk, &*value, &now],
            )
            .await
            .map_err(pg)?;
        }
        Ok(())
    }

    /// See [`crate::store::Store::update_user`].
    pub async fn update(
        pool: &Pool,
        id: &str,
        secret: Option<&str>,
        settings: &UserSettings,
        now: i64,
    ) -> Result<User, DbError> {
        let mut c = client(pool).await?;
        let tx = c.transaction().await.map_err(pg)?;
        let pk = pk_of(&tx, id).await?;
        if let Some(secret) = secret {
            super::devices::claim_secret(&tx, secret, -1).await?;
            tx.execute(
                "UPDATE users SET secret = $2, secret_sha256 = $3, updated_at = $4 WHERE pk = $1",
                &[&pk, &secret, &hy_api::auth_digest(secret), &now],
            )
            .await
            .map_err(|e| match unique_violation(&e) {
                Some("users_secret_key") => secret_taken(),
                _ => pg(e),
            })?;
        }
        apply_settings(&tx, pk, settings, now).await?;
        let row = tx
            .query_one(&format!("{SELECT} WHERE u.pk = $1"), &[&pk])
            .await
            .map_err(pg)?;
        tx.commit().await.map_err(pg)?;
        Ok(from_row(&row, now))
    }

    /// See [`crate::db::users::reset_usage`].
    pub async fn reset_usage(
        pool: &Pool,
        id: &str,
        now: i64,
        reason: &str,
    ) -> Result<User, DbError> {
        let mut c = client(pool).await?;
        let tx = c.transaction().await.map_err(pg)?;
        let pk = pk_of(&tx, id).await?;
        reset_in(&tx, pk, now, reason).await?;
        let row = tx
            .query_one(&format!("{SELECT} WHERE u.pk = $1"), &[&pk])
            .await
            .map_err(pg)?;
        tx.commit().await.map_err(pg)?;
        Ok(from_row(&row, now))
    }

    /// Resets one user's usage inside `tx`: recorded in `usage_resets`, and a user who was
    /// over their limit back on their servers' lists.
    async fn reset_in(
        tx: &deadpool_postgres::Transaction<'_>,
        pk: i64,
        now: i64,
        reason: &str,
    ) -> Result<(), DbError> {
        let usage = tx
            .query_one(
                "SELECT u.data_limit, q.period_used FROM users u
                 JOIN quota_usage q ON q.user_pk = u.pk WHERE u.pk = $1 FOR UPDATE",
                &[&pk],
            )
            .await
            .map_err(pg)?;
        let was_over = crate::db::users::over_limit(usage.get(0), usage.get(1));
        tx.execute(
            "INSERT INTO usage_resets (user_pk, at, period_used, reason)
             SELECT user_pk, $2, period_used, $3 FROM quota_usage WHERE user_pk = $1",
            &[&pk, &now, &reason],
        )
        .await
        .map_err(pg)?;
        tx.execute(
            "UPDATE quota_usage SET period_used = 0 WHERE user_pk = $1",
            &[&pk],
        )
        .await
        .map_err(pg)?;
        tx.execute(
            "UPDATE users SET period_start = $2 WHERE pk = $1",
            &[&pk, &now],
        )
        .await
        .map_err(pg)?;
        if was_over {
            super::lists::bump_for_users(tx, &[pk]).await.map_err(pg)?;
        }
        Ok(())
    }

    /// See [`crate::schedule::process`]: expiries in `(from, to]` bump their servers' lists,
    /// and scheduled resets due at `to` run, each rescheduled by the shared rule.
    pub async fn process_due(pool: &Pool, from: i64, to: i64) -> Result<usize, DbError> {
        let mut c = client(pool).await?;
        let tx = c.transaction().await.map_err(pg)?;
        let expired = tx
            .execute(
                "UPDATE list_revisions SET rev = rev + 1 WHERE server_pk IN (
                     SELECT a.server_pk FROM assignments a JOIN users u ON u.pk = a.user_pk
                     WHERE u.expires_at > $1 AND u.expires_at <= $2)",
                &[&from, &to],
            )
            .await
            .map_err(pg)? as usize;
        for due_events in [crate::db::events::EXPIRED, crate::db::events::SERVER_STALE] {
            tx.execute(
                &due_events
                    .replace("?1", "$1::BIGINT")
                    .replace("?2", "$2::BIGINT"),
                &[&from, &to],
            )
            .await
            .map_err(pg)?;
        }
        // FOR UPDATE: two leaders overlapping by a renewal in flight must not both reset a
        // user. The second waits on the row lock, then finds `next_reset_at` moved past `to`
        // (PostgreSQL re-checks the condition on the row it waited for) and skips it.
        let due = tx
            .query(
                "SELECT pk, reset_strategy, created_at FROM users WHERE next_reset_at <= $1
                 ORDER BY pk FOR UPDATE",
                &[&to],
            )
            .await
            .map_err(pg)?;
        for row in &due {
            let (pk, created): (i64, i64) = (row.get(0), row.get(2));
            let strategy = ResetStrategy::parse(row.get::<_, &str>(1)).unwrap_or_default();
            reset_in(&tx, pk, to, &format!("scheduled ({})", strategy.as_str())).await?;
            let next = strategy
                .next_after(crate::db::ts(created), crate::db::ts(to))
                .map(|t| t.as_second());
            tx.execute(
                "UPDATE users SET next_reset_at = $2 WHERE pk = $1",
                &[&pk, &next],
            )
            .await
            .map_err(pg)?;
        }
        tx.commit().await.map_err(pg)?;
        Ok(expired + due.len())
    }

    /// See [`crate::db::users::next_due`].
    pub async fn next_due(pool: &Pool, after: i64) -> Result<Option<i64>, DbError> {
        let c = client(pool).await?;
        Ok(c.query_one(
            "SELECT LEAST(
                 (SELECT MIN(expires_at) FROM users WHERE expires_at > $1),
                 (SELECT MIN(next_reset_at) FROM users WHERE next_reset_at IS NOT NULL))",
            &[&after],
        )
        .await
        .map_err(pg)?
        .get(0))
    }

    /// See [`crate::store::Store::user_links`].
    pub async fn links(
        pool: &Pool,
        id: &str,
        now: i64,
    ) -> Result<
        (
            User,
            Vec<(String, Option<String>, hy_api::uri::LinkSettings)>,
        ),
        DbError,
    > {
        let user = get(pool, id, now).await?;
        let c = client(pool).await?;
        let rows = c
            .query(
                "SELECT s.id, s.name, s.link FROM assignments a
                 JOIN servers s ON s.pk = a.server_pk JOIN users u ON u.pk = a.user_pk
                 WHERE u.id = $1 ORDER BY s.name IS NULL, s.name COLLATE \"C\", s.id COLLATE \"C\"",
                &[&id],
            )
            .await
            .map_err(pg)?;
        let links = rows
            .iter()
            .map(|r| {
                let link: String = r.get(2);
                (
                    r.get(0),
                    r.get(1),
                    serde_json::from_str(&link).unwrap_or_default(),
                )
            })
            .collect();
        Ok((user, links))
    }

    /// See [`crate::db::users::get`].
    pub async fn get(pool: &Pool, id: &str, now: i64) -> Result<User, DbError> {
        let c = client(pool).await?;
        c.query_opt(&format!("{SELECT} WHERE u.id = $1"), &[&id])
            .await
            .map_err(pg)?
            .map(|r| from_row(&r, now))
            .ok_or_else(|| not_found(id))
    }

    /// See [`crate::db::users::list`]: the same paging, the state filtered by the same rule.
    pub async fn list(
        pool: &Pool,
        now: i64,
        state: Option<UserState>,
        page: &PageQuery,
    ) -> Result<(Vec<User>, Option<String>), DbError> {
        let c = client(pool).await?;
        let want = page.limit.map_or(usize::MAX, |l| l as usize + 1);
        let chunk = page.limit.map_or(i64::MAX, |l| i64::from(l.max(100)) + 1);
        let others: String = crate::db::page::USER_SEARCH
            .iter()
            .map(|c| format!(" OR strpos(lower(COALESCE({c}, '')), lower($2)) > 0"))
            .collect();
        // As on SQLite: the same rule in SQL first, so a rare state reads only its users.
        let sql = format!(
            "{SELECT} WHERE ($1::TEXT IS NULL OR u.id COLLATE \"C\" > $1)
               AND ($2::TEXT IS NULL OR strpos(lower(u.id), lower($2)) > 0{others})
               AND ($4::TEXT IS NULL OR ({}) = $4)
             ORDER BY u.id COLLATE \"C\" LIMIT $3",
            crate::db::users::STATE_SQL.replace("?1", "$5::BIGINT")
        );
        let state_name = state.map(UserState::as_str);
        let mut out = Vec::new();
        let mut after = page.after.clone();
        loop {
            let rows = c
                .query(&sql, &[&after, &page.q, &chunk, &state_name, &now])
                .await
                .map_err(pg)?;
            let read = rows.len() as i64;
            for row in &rows {
                let user = from_row(row, now);
                after = Some(user.id.clone());
                if state.is_none_or(|s| s == user.state) {
                    out.push(user);
                    if out.len() == want {
                        break;
                    }
                }
            }
            if out.len() == want || read < chunk {
                break;
            }
        }
        Ok(crate::db::page::split(out, page.limit, |u| u.id.clone()))
    }

    /// See [`crate::db::users::sorted_ids`].
    pub async fn sorted_ids(
        pool: &Pool,
        now: i64,
        state: Option<UserState>,
        q: Option<&str>,
        sort: crate::db::users::UserSort,
        offset: u32,
        limit: u32,
    ) -> Result<Vec<String>, DbError> {
        let c = client(pool).await?;
        let others: String = crate::db::page::USER_SEARCH
            .iter()
            .map(|c| format!(" OR strpos(lower(COALESCE({c}, '')), lower($1)) > 0"))
            .collect();
        let sql = format!(
            "SELECT u.id FROM users u JOIN quota_usage q ON q.user_pk = u.pk
             WHERE ($1::TEXT IS NULL OR strpos(lower(u.id), lower($1)) > 0{others})
               AND ($2::TEXT IS NULL OR ({}) = $2)
             ORDER BY {} LIMIT $4 OFFSET $5",
            crate::db::users::STATE_SQL.replace("?1", "$3::BIGINT"),
            sort.order_by()
        );
        let state = state.map(UserState::as_str);
        let (limit, offset) = (i64::from(limit), i64::from(offset));
        Ok(c.query(&sql, &[&q, &state, &now, &limit, &offset])
            .await
            .map_err(pg)?
            .iter()
            .map(|r| r.get(0))
            .collect())
    }

    /// See [`crate::db::users::last_pk`].
    pub async fn last_pk(pool: &Pool) -> Result<i64, DbError> {
        let c = client(pool).await?;
        Ok(c.query_one("SELECT COALESCE(MAX(pk), 0) FROM users", &[])
            .await
            .map_err(pg)?
            .get(0))
    }

    /// See [`crate::db::users::delete`].
    pub async fn delete(pool: &Pool, id: &str) -> Result<(), DbError> {
        let mut c = client(pool).await?;
        let tx = c.transaction().await.map_err(pg)?;
        let pk: i64 = tx
            .query_opt("SELECT pk FROM users WHERE id = $1", &[&id])
            .await
            .map_err(pg)?
            .ok_or_else(|| not_found(id))?
            .get(0);
        super::history::forget_user(&tx, pk).await?;
        tx.execute("DELETE FROM users WHERE pk = $1", &[&pk])
            .await
            .map_err(pg)?;
        tx.commit().await.map_err(pg)?;
        Ok(())
    }
}

pub mod lists {
    //! Hand bumps of node-list revisions on PostgreSQL (see `db::lists`); the triggers of the
    //! schema do the row-change half, as on SQLite.

    use super::pg;
    use crate::db::DbError;

    /// See [`crate::db::lists::node_list_json`]: the same rows (its `LIST_ROWS`, so what a list
    /// admits is stated once) written by the same writer, from a repeatable-read snapshot,
    /// streamed from the server as they come; a long list read in two halves at once on two
    /// connections, used together only when both snapshots show the same revision, as there.
    pub async fn node_list_json(
        pool: &deadpool_postgres::Pool,
        server_pk: i64,
        now: i64,
        devices: bool,
        revision: impl FnOnce(i64),
        mut emit: impl FnMut(Vec<u8>),
    ) -> Result<bool, DbError> {
        use crate::db::lists::{ListWriter, SPLIT_SPAN};
        let mut c = super::client(pool).await?;
        let tx = snapshot(&mut c).await?;
        let Some(head) = tx
            .query_opt(
                &tx.prepare_cached(
                    "SELECT r.rev, s.traffic_multiplier,
                        (SELECT min(user_pk) FROM assignments WHERE server_pk = $1),
                        (SELECT max(user_pk) FROM assignments WHERE server_pk = $1)
                     FROM list_revisions r JOIN servers s ON s.pk = r.server_pk
                     WHERE r.server_pk = $1",
                )
                .await
                .map_err(pg)?,
                &[&server_pk],
            )
            .await
            .map_err(pg)?
        else {
            return Ok(false);
        };
        let (rev, multiplier): (i64, f64) = (head.get(0), head.get(1));
        let (lo, hi) = (
            head.get::<_, Option<i64>>(2).unwrap_or(0),
            head.get::<_, Option<i64>>(3).unwrap_or(-1),
        );
        revision(rev);
        let mut list = ListWriter::new(server_pk, now, multiplier, devices);
        list.start(rev);
        let mut next = lo;
        // Only with a connection to spare: a list must not wait for a second one.
        if hi - lo >= SPLIT_SPAN && pool.status().available > 0 {
            let mid = lo + (hi - lo) / 2;
            let second = async {
                let mut c = super::client(pool).await?;
                second_half(
                    &mut c,
                    server_pk,
                    now,
                    multiplier,
                    devices,
                    rev,
                    mid + 1,
                    hi,
                )
                .await
            };
            let first = rows(&tx, &mut list, lo, mid, &mut emit);
            let (first, second) = tokio::join!(first, second);
            first?;
            next = mid + 1;
            // A failed second reader costs only its help: the first snapshot has every row.
            match second {
                Ok(Some(pieces)) => {
                    list.append(pieces, &mut emit);
                    next = hi + 1;
                }
                Ok(None) => {}
                Err(err) => {
                    tracing::warn!(error = %err, server_pk, "second list reader failed; reading on");
                }
            }
        }
        if next <= hi {
            rows(&tx, &mut list, next, hi, &mut emit).await?;
        }
        let ends: Vec<String> = tx
            .query(
                &tx.prepare_cached(&super::numbered(crate::db::devices::SESSION_ENDS))
                    .await
                    .map_err(pg)?,
                &[&server_pk, &(now - hy_api::node::SESSION_END_KEPT_SECS)],
            )
            .await
            .map_err(pg)?
            .iter()
            .map(|r| r.get(0))
            .collect();
        list.finish(&ends, &mut emit);
        tx.commit().await.map_err(pg)?;
        Ok(true)
    }

    /// A read-only repeatable-read transaction, planned for reading lists: the three tables
    /// are read in user order through their primary keys, so merged, the rows stream out as
    /// they are joined. Left to itself the planner hashes users and quota first (spilling at
    /// the default work_mem), twice the time at 100k users and nothing sent until the hashes
    /// are built; small lists still get their nested loop.
    async fn snapshot(
        c: &mut deadpool_postgres::Object,
    ) -> Result<deadpool_postgres::Transaction<'_>, DbError> {
        let tx = c
            .build_transaction()
            .isolation_level(tokio_postgres::IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()
            .await
            .map_err(pg)?;
        tx.batch_execute("SET LOCAL enable_hashjoin = off")
            .await
            .map_err(pg)?;
        Ok(tx)
    }

    /// The users of keys `lo..=hi`, read in a snapshot of its own if that shows revision
    /// `rev`; None if it shows another. See [`crate::db::lists::ListWriter::append`].
    #[allow(clippy::too_many_arguments, reason = "the first half's own arguments")]
    async fn second_half(
        c: &mut deadpool_postgres::Object,
        server_pk: i64,
        now: i64,
        multiplier: f64,
        devices: bool,
        rev: i64,
        lo: i64,
        hi: i64,
    ) -> Result<Option<Vec<Vec<u8>>>, DbError> {
        let tx = snapshot(c).await?;
        let seen: Option<i64> = tx
            .query_opt(
                "SELECT rev FROM list_revisions WHERE server_pk = $1",
                &[&server_pk],
            )
            .await
            .map_err(pg)?
            .map(|r| r.get(0));
        if seen != Some(rev) {
            return Ok(None);
        }
        let mut list =
            crate::db::lists::ListWriter::second_half(server_pk, now, multiplier, devices);
        let mut pieces = Vec::new();
        rows(&tx, &mut list, lo, hi, &mut |p| pieces.push(p)).await?;
        pieces.push(list.into_last_piece());
        tx.commit().await.map_err(pg)?;
        Ok(Some(pieces))
    }

    /// Writes the list's users of keys `lo..=hi` as the rows arrive.
    async fn rows(
        tx: &deadpool_postgres::Transaction<'_>,
        list: &mut crate::db::lists::ListWriter,
        lo: i64,
        hi: i64,
        emit: &mut impl FnMut(Vec<u8>),
    ) -> Result<(), DbError> {
        use futures_util::TryStreamExt as _;
        // Typed, so the generic plan of a prepared list query knows its parameters.
        let numbered = |sql: &str| {
            sql.replace("?1", "$1::BIGINT")
                .replace("?2", "$2::BIGINT")
                .replace("?3", "$3::BIGINT")
                .replace("?4", "$4::BIGINT")
        };
        let (server_pk, now) = list.server_and_now();
        if list.with_devices() {
            // SQLite's CROSS JOIN fixes its join order; PostgreSQL plans it as any join.
            let sql = numbered(crate::db::user_devices::LIST_DEVICES);
            let devices = tx
                .query(
                    &tx.prepare_cached(&sql).await.map_err(pg)?,
                    &[&server_pk, &now, &lo, &hi],
                )
                .await
                .map_err(pg)?
                .iter()
                .map(|r| crate::db::lists::ListDevice {
                    user_pk: r.get(0),
                    name: r.get(1),
                    auth_sha256: r.get(2),
                    valid_from: r.get(3),
                    valid_until: r.get(4),
                    allowed_ips: r.get(5),
                    max_sessions: r.get(6),
                    kick: r.get(7),
                    allowed_streams: r.get(8),
                    publisher: r.get(9),
                    blocked: r.get(10),
                })
                .collect();
            list.set_devices(devices);
        }
        let statement = tx
            .prepare_cached(&numbered(crate::db::lists::LIST_ROWS))
            .await
            .map_err(pg)?;
        let rows = tx
            .query_raw(&statement, [server_pk, now, lo, hi])
            .await
            .map_err(pg)?;
        futures_util::pin_mut!(rows);
        while let Some(r) = rows.try_next().await.map_err(pg)? {
            list.user(
                crate::db::lists::ListUser {
                    id: r.get(0),
                    auth_sha256: r.get(1),
                    data_limit: r.get(2),
                    period_used: r.get(3),
                    expires_at: r.get(4),
                    max_devices: r.get(5),
                    allowed_ips: r.get(6),
                    pk: r.get(7),
                    kick: r.get(8),
                },
                emit,
            );
        }
        Ok(())
    }

    /// See [`crate::db::lists::bump_for_user`], for several users at once.
    pub async fn bump_for_users(
        tx: &deadpool_postgres::Transaction<'_>,
        user_pks: &[i64],
    ) -> Result<(), tokio_postgres::Error> {
        tx.execute(
            "UPDATE list_revisions SET rev = rev + 1 WHERE server_pk IN
                 (SELECT server_pk FROM assignments WHERE user_pk = ANY($1))",
            &[&user_pks],
        )
        .await?;
        Ok(())
    }
}

pub mod servers {
    //! The `servers` and `assignments` tables on PostgreSQL.

    use deadpool_postgres::{Pool, Transaction};
    use hy_api::page::PageQuery;
    use hy_api::servers::{AssignResult, AssignedUser, Server, ServerKind};
    use hy_api::uri::LinkSettings;
    use tokio_postgres::Row;

    use super::{client, pg, unique_violation};
    use crate::db::DbError;
    use crate::db::servers::{
        ServerRow, id_digest, id_taken, name_is_an_id, name_taken, not_assigned, not_found,
    };

    const SELECT: &str = "SELECT s.id, s.name, s.created_at, s.last_seen_at, s.agent_version,
        (SELECT COUNT(*) FROM assignments a WHERE a.server_pk = s.pk),
        (SELECT LEAST(COALESCE(SUM(t.tx), 0), 9200000000000000000)::BIGINT
             FROM traffic t WHERE t.server_pk = s.pk),
        (SELECT LEAST(COALESCE(SUM(t.rx), 0), 9200000000000000000)::BIGINT
             FROM traffic t WHERE t.server_pk = s.pk),
        s.unattributed_tx, s.unattributed_rx, s.traffic_multiplier, s.link, s.kind,
        (SELECT r.rev FROM list_revisions r WHERE r.server_pk = s.pk) - s.list_rev_seen
        FROM servers s";

    fn from_row(row: &Row) -> Server {
        ServerRow {
            id: row.get(0),
            name: row.get(1),
            created_at: row.get(2),
            last_seen_at: row.get(3),
            agent_version: row.get(4),
            users: row.get(5),
            tx: row.get(6),
            rx: row.get(7),
            unattributed_tx: row.get(8),
            unattributed_rx: row.get(9),
            traffic_multiplier: row.get(10),
            link: row.get(11),
            kind: row.get(12),
            list_lag: row.get(13),
        }
        .into_server()
    }

    async fn get_in(tx: &Transaction<'_>, id: &str) -> Result<Server, DbError> {
        tx.query_opt(&format!("{SELECT} WHERE s.id = $1"), &[&id])
            .await
            .map_err(pg)?
            .map(|r| from_row(&r))
            .ok_or_else(|| not_found(id))
    }

    async fn pk_of(tx: &Transaction<'_>, id: &str) -> Result<Option<i64>, DbError> {
        Ok(tx
            .query_opt("SELECT pk FROM servers WHERE id = $1", &[&id])
            .await
            .map_err(pg)?
            .map(|r| r.get(0)))
    }

    /// See [`crate::db::servers::insert`] and `set_link`.
    pub async fn insert(
        pool: &Pool,
        id: &str,
        name: Option<&str>,
        kind: ServerKind,
        multiplier: f64,
        link: &LinkSettings,
        now: i64,
    ) -> Result<Server, DbError> {
        let link = serde_json::to_string(link).map_err(|e| DbError::Schema(e.to_string()))?;
        let mut c = client(pool).await?;
        let tx = c.transaction().await.map_err(pg)?;
        if let Some(name) = name
            && pk_of(&tx, name).await?.is_some()
        {
            return Err(name_is_an_id(name));
        }
        tx.execute(
            "INSERT INTO servers (id, id_sha256, name, created_at, traffic_multiplier, kind, link)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
            &[
                &id,
                &id_digest(id),
                &name,
                &now,
                &multiplier,
                &kind.as_str(),
                &link,
            ],
        )
        .await
        .map_err(|e| match unique_violation(&e) {
            Some("servers_name_key") => name_taken(name),
            Some("servers_id_key" | "servers_id_sha256_key") => id_taken(id),
            _ => pg(e),
        })?;
        let server = get_in(&tx, id).await?;
        tx.commit().await.map_err(pg)?;
        Ok(server)
    }

    /// See [`crate::db::servers::get`].
    pub async fn get(pool: &Pool, id: &str) -> Result<Server, DbError> {
        let mut c = client(pool).await?;
        let tx = c.transaction().await.map_err(pg)?;
        get_in(&tx, id).await
    }

    /// See [`crate::db::servers::list`].
    pub async fn list(
        pool: &Pool,
        page: &PageQuery,
    ) -> Result<(Vec<Server>, Option<String>), DbError> {
        let order = if page.limit.is_some() {
            "s.id COLLATE \"C\""
        } else {
            "s.name IS NULL, s.name COLLATE \"C\", s.id COLLATE \"C\""
        };
        let c = client(pool).await?;
        let limit = page.limit.map_or(i64::MAX, |l| i64::from(l) + 1);
        let rows = c
            .query(
                &format!(
                    "{SELECT} WHERE ($1::TEXT IS NULL OR s.id COLLATE \"C\" > $1)
                       AND ($2::TEXT IS NULL OR strpos(lower(s.id), lower($2)) > 0
                            OR strpos(lower(COALESCE(s.name, '')), lower($2)) > 0)
                     ORDER BY {order} LIMIT $3"
                ),
                &[&page.after, &page.q, &limit],
            )
            .await
            .map_err(pg)?;
        let servers = rows.iter().map(from_row).collect();
        Ok(crate::db::page::split(servers, page.limit, |s: &Server| {
            s.id.clone()
        }))
    }

    /// See [`crate::store::Store::update_server`].
    pub async fn update(
        pool: &Pool,
        id: &str,
        name: Option<Option<String>>,
        multiplier: Option<f64>,
        link: Option<&LinkSettings>,
    ) -> Result<Server, DbError> {
        let mut c = client(pool).await?;
        let tx = c.transaction().await.map_err(pg)?;
        pk_of(&tx, id).await?.ok_or_else(|| not_found(id))?;
        if let Some(m) = multiplier {
            tx.execute(
                "UPDATE servers SET traffic_multiplier = $2 WHERE id = $1",
                &[&id, &m],
            )
            .await
            .map_err(pg)?;
        }
        if let Some(link) = link {
            let json = serde_json::to_string(link).map_err(|e| DbError::Schema(e.to_string()))?;
            tx.execute("UPDATE servers SET link = $2 WHERE id = $1", &[&id, &json])
                .await
                .map_err(pg)?;
        }
        if let Some(name) = &name {
            if let Some(n) = name
                && pk_of(&tx, n).await?.is_some()
            {
                return Err(name_is_an_id(n));
            }
            tx.execute("UPDATE servers SET name = $2 WHERE id = $1", &[&id, name])
                .await
                .map_err(|e| match unique_violation(&e) {
                    Some("servers_name_key") => name_taken(name.as_deref()),
                    _ => pg(e),
                })?;
        }
        let server = get_in(&tx, id).await?;
        tx.commit().await.map_err(pg)?;
        Ok(server)
    }

    /// See [`crate::db::servers::delete`].
    pub async fn delete(pool: &Pool, id: &str) -> Result<(), DbError> {
        let c = client(pool).await?;
        match c
            .execute("DELETE FROM servers WHERE id = $1", &[&id])
            .await
            .map_err(pg)?
        {
            0 => Err(not_found(id)),
            _ => Ok(()),
        }
    }

    /// See [`crate::store::Store::assign`].
    pub async fn assign(
        pool: &Pool,
        server_id: &str,
        user_ids: &[String],
        now: i64,
    ) -> Result<(AssignResult, bool), DbError> {
        let mut c = client(pool).await?;
        let tx = c.transaction().await.map_err(pg)?;
        let (server_pk, created) = match pk_of(&tx, server_id).await? {
            Some(pk) => (pk, false),
            None => {
                let pk: i64 = tx
                    .query_one(
                        "INSERT INTO servers (id, id_sha256, created_at) VALUES ($1, $2, $3)
                         RETURNING pk",
                        &[&server_id, &id_digest(server_id), &now],
                    )
                    .await
                    .map_err(pg)?
                    .get(0);
                (pk, true)
            }
        };
        // Set-based: an assignment of a whole fleet's users is one lookup and one insert.
        let ids: Vec<&str> = user_ids.iter().map(String::as_str).collect();
        let found: std::collections::HashMap<String, i64> = tx
            .query("SELECT id, pk FROM users WHERE id = ANY($1)", &[&ids])
            .await
            .map_err(pg)?
            .iter()
            .map(|r| (r.get(0), r.get(1)))
            .collect();
        if let Some(missing) = user_ids.iter().find(|id| !found.contains_key(*id)) {
            return Err(DbError::NotFound {
                kind: "user",
                id: missing.clone(),
            });
        }
        let pks: Vec<i64> = user_ids.iter().map(|id| found[id]).collect();
        let added: std::collections::HashSet<i64> = tx
            .query(
                "INSERT INTO assignments (server_pk, user_pk, created_at)
                 SELECT $1, pk, $3 FROM unnest($2::BIGINT[]) WITH ORDINALITY AS x(pk, n)
                 ORDER BY n ON CONFLICT DO NOTHING RETURNING user_pk",
                &[&server_pk, &pks, &now],
            )
            .await
            .map_err(pg)?
            .iter()
            .map(|r| r.get(0))
            .collect();
        let added: std::collections::HashSet<&str> = user_ids
            .iter()
            .filter(|id| added.contains(&found[*id]))
            .map(String::as_str)
            .collect();
        let result = crate::db::servers::assign_result(server_id, user_ids, &added);
        tx.commit().await.map_err(pg)?;
        Ok((result, created))
    }

    /// See [`crate::db::servers::unassign`].
    pub async fn unassign(pool: &Pool, server_id: &str, user_id: &str) -> Result<(), DbError> {
        let mut c = client(pool).await?;
        let tx = c.transaction().await.map_err(pg)?;
        let server_pk = pk_of(&tx, server_id)
            .await?
            .ok_or_else(|| not_found(server_id))?;
        let n = tx
            .execute(
                "DELETE FROM assignments WHERE server_pk = $1
                   AND user_pk = (SELECT pk FROM users WHERE id = $2)",
                &[&server_pk, &user_id],
            )
            .await
            .map_err(pg)?;
        if n == 0 {
            let exists = tx
                .query_opt("SELECT 1 FROM users WHERE id = $1", &[&user_id])
                .await
                .map_err(pg)?
                .is_some();
            return Err(if exists {
                not_assigned(user_id)
            } else {
                DbError::NotFound {
                    kind: "user",
                    id: user_id.to_owned(),
                }
            });
        }
        tx.commit().await.map_err(pg)?;
        Ok(())
    }

    /// See [`crate::db::servers::assigned_users`].
    pub async fn assigned_users(
        pool: &Pool,
        server_id: &str,
        page: &PageQuery,
    ) -> Result<(Vec<AssignedUser>, Option<String>), DbError> {
        let mut c = client(pool).await?;
        let tx = c.transaction().await.map_err(pg)?;
        let server_pk = pk_of(&tx, server_id)
            .await?
            .ok_or_else(|| not_found(server_id))?;
        let limit = page.limit.map_or(i64::MAX, |l| i64::from(l) + 1);
        let rows = tx
            .query(
                "SELECT u.id, a.created_at FROM assignments a JOIN users u ON u.pk = a.user_pk
                 WHERE a.server_pk = $1 AND ($2::TEXT IS NULL OR u.id COLLATE \"C\" > $2)
                   AND ($3::TEXT IS NULL OR strpos(lower(u.id), lower($3)) > 0)
                 ORDER BY u.id COLLATE \"C\" LIMIT $4",
                &[&server_pk, &page.after, &page.q, &limit],
            )
            .await
            .map_err(pg)?;
        let users = rows
            .iter()
            .map(|r| AssignedUser {
                id: r.get(0),
                assigned_at: crate::db::ts(r.get(1)),
            })
            .collect();
        Ok(crate::db::page::split(
            users,
            page.limit,
            |u: &AssignedUser| u.id.clone(),
        ))
    }
}

pub mod nodes {
    //! What node requests read and write on PostgreSQL: finding the server by its credential,
    //! contact times, list revisions, device counts; and the fleet counts of the metrics.

    use std::collections::BTreeMap;

    use deadpool_postgres::Pool;
    use hy_api::servers::ServerKind;
    use hy_api::users::UserState;

    use super::{client, pg};
    use crate::db::DbError;
    use crate::db::servers::{FRESHNESS, id_digest};

    // The three statements of every node poll, prepared once per connection: parsing and
    // planning them again was most of what an unchanged poll cost the database.

    /// See [`crate::db::servers::by_node_credential`].
    pub async fn by_credential(
        pool: &Pool,
        presented: &str,
    ) -> Result<Option<(i64, ServerKind)>, DbError> {
        let c = client(pool).await?;
        Ok(c.query_opt(
            &c.prepare_cached("SELECT pk, kind FROM servers WHERE id_sha256 = $1")
                .await
                .map_err(pg)?,
            &[&id_digest(presented)],
        )
        .await
        .map_err(pg)?
        .map(|r| (r.get(0), r.get::<_, String>(1).parse().unwrap_or_default())))
    }

    /// See [`crate::db::servers::versions`].
    pub async fn versions(pool: &Pool) -> Result<Vec<(Option<String>, i64, i64)>, DbError> {
        let c = client(pool).await?;
        Ok(c.query(
            &crate::db::servers::VERSIONS.replace(
                "COALESCE(SUM(CASE WHEN r.rev > s.list_rev_seen THEN 1 ELSE 0 END), 0)",
                "COALESCE(SUM(CASE WHEN r.rev > s.list_rev_seen THEN 1 ELSE 0 END), 0)::BIGINT",
            ),
            &[],
        )
        .await
        .map_err(pg)?
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2)))
        .collect())
    }

    /// See [`crate::db::servers::touch`].
    pub async fn touch(
        pool: &Pool,
        server_pk: i64,
        version: Option<&str>,
        list_rev: Option<i64>,
        now: i64,
    ) -> Result<(), DbError> {
        let c = client(pool).await?;
        c.execute(
            &c.prepare_cached(
                &crate::db::events::SERVER_UP
                    .replace("?1", "$1::BIGINT")
                    .replace("?2", "$2::BIGINT"),
            )
            .await
            .map_err(pg)?,
            &[&server_pk, &now],
        )
        .await
        .map_err(pg)?;
        c.execute(
            &c.prepare_cached(&crate::store::postgres::numbered(crate::db::servers::TOUCH))
                .await
                .map_err(pg)?,
            &[&server_pk, &now, &version, &list_rev],
        )
        .await
        .map_err(pg)?;
        Ok(())
    }

    /// See [`crate::db::lists::revision`].
    pub async fn revision(pool: &Pool, server_pk: i64) -> Result<Option<i64>, DbError> {
        let c = client(pool).await?;
        Ok(c.query_opt(
            &c.prepare_cached("SELECT rev FROM list_revisions WHERE server_pk = $1")
                .await
                .map_err(pg)?,
            &[&server_pk],
        )
        .await
        .map_err(pg)?
        .map(|r| r.get(0)))
    }

    /// See [`crate::db::devices::replace`].
    pub async fn replace_devices(
        pool: &Pool,
        server_pk: i64,
        counts: &BTreeMap<String, u64>,
        now: i64,
    ) -> Result<(), DbError> {
        let (per_user, per_device) = crate::db::devices::fold(counts);
        let mut c = client(pool).await?;
        let tx = c.transaction().await.map_err(pg)?;
        let before: std::collections::BTreeSet<(String, String)> = tx
            .query(
                &super::numbered(crate::db::devices::SESSIONS_OF),
                &[&server_pk, &(now - crate::db::devices::FRESH_FOR)],
            )
            .await
            .map_err(pg)?
            .iter()
            .map(|r| (r.get(0), r.get(1)))
            .collect();
        for table in ["online_devices", "online_sessions"] {
            tx.execute(
                &format!("DELETE FROM {table} WHERE server_pk = $1"),
                &[&server_pk],
            )
            .await
            .map_err(pg)?;
        }
        let (users, ns): (Vec<&str>, Vec<i64>) = per_user.into_iter().unzip();
        tx.execute(
            "INSERT INTO online_devices (server_pk, user_pk, count, at)
             SELECT $1, u.pk, x.n, $4 FROM unnest($2::TEXT[], $3::BIGINT[]) AS x(id, n)
             JOIN users u ON u.id = x.id",
            &[&server_pk, &users, &ns, &now],
        )
        .await
        .map_err(pg)?;
        let (mut ids, mut devices, mut counts) = (vec![], vec![], vec![]);
        for (user, device, n) in per_device {
            ids.push(user);
            devices.push(device);
            counts.push(n);
        }
        let after: std::collections::BTreeSet<(String, String)> = tx
            .query(
                "INSERT INTO online_sessions (server_pk, user_pk, device, count, at)
                 SELECT $1, u.pk, x.d, x.n, $5
                 FROM unnest($2::TEXT[], $3::TEXT[], $4::BIGINT[]) AS x(id, d, n)
                 JOIN users u ON u.id = x.id
                 RETURNING (SELECT id FROM users WHERE pk = user_pk), device",
                &[&server_pk, &ids, &devices, &counts, &now],
            )
            .await
            .map_err(pg)?
            .iter()
            .map(|r| (r.get(0), r.get(1)))
            .collect();
        let data: String = tx
            .query_one(
                &super::numbered(crate::db::devices::SERVER_DATA),
                &[&server_pk],
            )
            .await
            .map_err(pg)?
            .get(0);
        for (kind, set) in crate::db::devices::session_changes(&before, &after) {
            for (user, device) in set {
                let subject = if device.is_empty() {
                    user.clone()
                } else {
                    hy_api::devices::node_id(user, device)
                };
                tx.execute(
                    &super::numbered(crate::db::events::INSERT),
                    &[&now, &kind, &subject, &data],
                )
                .await
                .map_err(pg)?;
            }
        }
        tx.commit().await.map_err(pg)?;
        Ok(())
    }

    /// See [`crate::db::devices::end_session`].
    pub async fn end_session(
        pool: &Pool,
        server: &str,
        key: &str,
        now: i64,
    ) -> Result<(), DbError> {
        let c = client(pool).await?;
        let n = c
            .execute(
                &super::numbered(crate::db::devices::END_SESSION),
                &[&server, &key, &now],
            )
            .await
            .map_err(pg)?;
        if n == 0 {
            return Err(DbError::NotFound {
                kind: "server",
                id: server.to_owned(),
            });
        }
        Ok(())
    }

    /// See [`crate::db::devices::prune_session_ends`].
    pub async fn prune_session_ends(pool: &Pool, now: i64) -> Result<usize, DbError> {
        let c = client(pool).await?;
        Ok(c.execute(
            &super::numbered(crate::db::devices::PRUNE_SESSION_ENDS),
            &[&(now - hy_api::node::SESSION_END_KEPT_SECS)],
        )
        .await
        .map_err(pg)? as usize)
    }

    /// See [`crate::db::devices::kick`].
    pub async fn kick(pool: &Pool, user: &str, device: Option<&str>) -> Result<(), DbError> {
        let c = client(pool).await?;
        let n = match device {
            None => {
                c.execute(&super::numbered(crate::db::devices::KICK_USER), &[&user])
                    .await
            }
            Some(d) => {
                c.execute(
                    &super::numbered(crate::db::devices::KICK_DEVICE),
                    &[&user, &d],
                )
                .await
            }
        }
        .map_err(pg)?;
        if n == 0 {
            return Err(DbError::NotFound {
                kind: if device.is_some() { "device" } else { "user" },
                id: device.map_or(user.to_owned(), |d| hy_api::devices::node_id(user, d)),
            });
        }
        Ok(())
    }

    /// See [`crate::db::devices::sessions`].
    pub async fn sessions(
        pool: &Pool,
        now: i64,
        user: Option<&str>,
        server: Option<&str>,
        kind: Option<&str>,
    ) -> Result<Vec<hy_api::users::OnlineSession>, DbError> {
        let typed = |sql: &str| {
            super::numbered(sql)
                .replace("$2 IS NULL", "$2::TEXT IS NULL")
                .replace("$3 IS NULL", "$3::TEXT IS NULL")
                .replace("$4 IS NULL", "$4::TEXT IS NULL")
        };
        let sql = typed(crate::db::devices::SESSIONS).replace(
            "ORDER BY u.id, o.device, s.name, s.id",
            "ORDER BY u.id COLLATE \"C\", o.device COLLATE \"C\", s.name COLLATE \"C\", s.id",
        );
        let c = client(pool).await?;
        let since = now - crate::db::devices::FRESH_FOR;
        let mut rows: Vec<_> = c
            .query(&sql, &[&since, &user, &server, &kind])
            .await
            .map_err(pg)?
            .iter()
            .map(|r| {
                crate::db::devices::session(
                    r.get(0),
                    r.get(1),
                    r.get(2),
                    r.get(3),
                    r.get(4),
                    r.get(5),
                )
            })
            .collect();
        if kind.is_none_or(|k| k == "stream") {
            let streams = c
                .query(
                    &typed(crate::db::devices::STREAMS),
                    &[&since, &user, &server],
                )
                .await
                .map_err(pg)?
                .iter()
                .map(|r| {
                    (
                        r.get(0),
                        r.get(1),
                        r.get(2),
                        r.get(3),
                        crate::db::devices::stream_session(
                            r.get(4),
                            r.get(5),
                            r.get(6),
                            r.get(7),
                            r.get(8),
                            r.get(9),
                            r.get(10),
                            r.get(11),
                        ),
                    )
                })
                .collect();
            crate::db::devices::attach_streams(&mut rows, streams);
        }
        Ok(rows)
    }

    /// See [`crate::db::devices::replace_streams`].
    pub async fn replace_streams(
        pool: &Pool,
        server_pk: i64,
        sessions: &[hy_api::node::NodeSession],
        now: i64,
    ) -> Result<(), DbError> {
        let mut c = client(pool).await?;
        let tx = c.transaction().await.map_err(pg)?;
        tx.execute(
            "DELETE FROM stream_sessions WHERE server_pk = $1",
            &[&server_pk],
        )
        .await
        .map_err(pg)?;
        let mut cols: (Vec<&str>, Vec<&str>, Vec<&str>, Vec<&str>) = Default::default();
        let mut more: (Vec<&str>, Vec<&str>, Vec<bool>) = Default::default();
        let mut times: (Vec<i64>, Vec<i64>, Vec<i64>) = Default::default();
        for x in sessions {
            let (user, device) = hy_api::devices::split_node_id(&x.user);
            cols.0.push(&x.id);
            cols.1.push(user);
            cols.2.push(device.unwrap_or(""));
            cols.3.push(&x.stream);
            more.0.push(&x.proto);
            more.1.push(&x.addr);
            more.2.push(x.publish);
            times.0.push(x.started);
            times.1.push(x.seen);
            times.2.push(x.bytes.min(i64::MAX as u64) as i64);
        }
        tx.execute(
            "INSERT INTO stream_sessions (server_pk, key, user_pk, device, stream, proto, addr,
                 publish, started_at, seen_at, bytes, at)
             SELECT $1, x.k, u.pk, x.d, x.s, x.p, x.a, x.pub, x.st, x.se, x.b, $12
             FROM unnest($2::TEXT[], $3::TEXT[], $4::TEXT[], $5::TEXT[], $6::TEXT[], $7::TEXT[],
                         $8::BOOLEAN[], $9::BIGINT[], $10::BIGINT[], $11::BIGINT[])
                 AS x(k, id, d, s, p, a, pub, st, se, b)
             JOIN users u ON u.id = x.id
             ON CONFLICT (server_pk, key) DO UPDATE SET user_pk = EXCLUDED.user_pk,
                 device = EXCLUDED.device, stream = EXCLUDED.stream, proto = EXCLUDED.proto,
                 addr = EXCLUDED.addr, publish = EXCLUDED.publish,
                 started_at = EXCLUDED.started_at, seen_at = EXCLUDED.seen_at,
                 bytes = EXCLUDED.bytes, at = EXCLUDED.at",
            &[
                &server_pk, &cols.0, &cols.1, &cols.2, &cols.3, &more.0, &more.1, &more.2,
                &times.0, &times.1, &times.2, &now,
            ],
        )
        .await
        .map_err(pg)?;
        tx.commit().await.map_err(pg)?;
        Ok(())
    }

    /// See [`crate::db::devices::elsewhere`].
    pub async fn devices_elsewhere(
        pool: &Pool,
        server_pk: i64,
        now: i64,
    ) -> Result<BTreeMap<String, u64>, DbError> {
        let c = client(pool).await?;
        let rows = c
            .query(
                "SELECT u.id, LEAST(SUM(d.count), 9200000000000000000)::BIGINT FROM assignments a
                 JOIN users u ON u.pk = a.user_pk AND u.max_devices > 0
                 JOIN online_devices d ON d.user_pk = u.pk AND d.server_pk != $1 AND d.at > $2
                 WHERE a.server_pk = $1 GROUP BY u.pk, u.id",
                &[&server_pk, &(now - crate::db::devices::FRESH_FOR)],
            )
            .await
            .map_err(pg)?;
        let devices = c
            .query(
                &super::numbered(crate::db::devices::SESSIONS_ELSEWHERE)
                    .replace("SUM(o.count)", "SUM(o.count)::BIGINT"),
                &[&server_pk, &(now - crate::db::devices::FRESH_FOR)],
            )
            .await
            .map_err(pg)?;
        Ok(rows
            .iter()
            .chain(&devices)
            .map(|r| (r.get(0), r.get::<_, i64>(1).max(0) as u64))
            .collect())
    }

    /// See [`crate::db::users::count_by_state`] and `servers::count_by_freshness`: the state
    /// precedence in SQL is the SQLite module's (`STATE_SQL`), tested there against the rule.
    pub async fn fleet_counts(
        pool: &Pool,
        now: i64,
    ) -> Result<(Vec<(UserState, i64)>, Vec<(&'static str, i64)>), DbError> {
        let c = client(pool).await?;
        // `$1` instead of `?1`; `NOT enabled` reads a boolean here as it reads 0/1 there.
        let state_sql = crate::db::users::STATE_SQL.replace("?1", "$1::BIGINT");
        let states: Vec<(String, i64)> = c
            .query(
                &format!(
                    "SELECT {state_sql} AS state, COUNT(*)
                     FROM users JOIN quota_usage ON user_pk = pk GROUP BY state"
                ),
                &[&now],
            )
            .await
            .map_err(pg)?
            .iter()
            .map(|r| (r.get(0), r.get(1)))
            .collect();
        let fresh_sql = crate::db::servers::FRESHNESS_SQL.replace("?1", "$1::BIGINT");
        let fresh: Vec<(String, i64)> = c
            .query(
                &format!("SELECT {fresh_sql} AS state, COUNT(*) FROM servers GROUP BY state"),
                &[&now],
            )
            .await
            .map_err(pg)?
            .iter()
            .map(|r| (r.get(0), r.get(1)))
            .collect();
        let count = |found: &[(String, i64)], name: &str| {
            found.iter().find(|(s, _)| s == name).map_or(0, |(_, n)| *n)
        };
        Ok((
            UserState::ALL
                .into_iter()
                .map(|s| (s, count(&states, s.as_str())))
                .collect(),
            FRESHNESS
                .into_iter()
                .map(|f| (f, count(&fresh, f)))
                .collect(),
        ))
    }
}

pub mod auth_log {
    //! The auth log on PostgreSQL.

    use deadpool_postgres::Pool;
    use hy_api::node::AuthEvent;
    use hy_api::users::AuthLogEntry;

    use super::{client, pg};
    use crate::db::DbError;
    use crate::db::auth_log::{Cursor, Filter};

    /// See [`crate::db::auth_log::insert`].
    pub async fn insert(pool: &Pool, server_pk: i64, events: &[AuthEvent]) -> Result<(), DbError> {
        let mut c = client(pool).await?;
        let tx = c.transaction().await.map_err(pg)?;
        insert_in(&tx, server_pk, events).await.map_err(pg)?;
        tx.commit().await.map_err(pg)?;
        Ok(())
    }

    /// Stores `events` inside `tx`; an event already stored (a resent report) is skipped.
    pub(super) async fn insert_in(
        tx: &deadpool_postgres::Transaction<'_>,
        server_pk: i64,
        events: &[AuthEvent],
    ) -> Result<(), tokio_postgres::Error> {
        if events.is_empty() {
            return Ok(());
        }
        let ids: Vec<&str> = events.iter().map(|e| e.id.as_str()).collect();
        let ats: Vec<i64> = events.iter().map(|e| e.at).collect();
        let users: Vec<Option<&str>> = events.iter().map(|e| e.user.as_deref()).collect();
        let addrs: Vec<&str> = events.iter().map(|e| e.addr.as_str()).collect();
        let allowed: Vec<bool> = events.iter().map(|e| e.allowed).collect();
        let reasons: Vec<&str> = events.iter().map(|e| e.reason.as_str()).collect();
        // One statement for the whole batch, rows in the batch's order (their keys follow it).
        let insert = tx
            .prepare_cached(
                "INSERT INTO auth_log (server_pk, event_id, at, user_id, addr, allowed, reason)
                 SELECT $1, event_id, at, user_id, addr, allowed, reason
                 FROM unnest($2::TEXT[], $3::BIGINT[], $4::TEXT[], $5::TEXT[],
                                          $6::BOOLEAN[], $7::TEXT[]) WITH ORDINALITY
                     AS e(event_id, at, user_id, addr, allowed, reason, n)
                 ORDER BY n ON CONFLICT DO NOTHING",
            )
            .await?;
        tx.execute(
            &insert,
            &[&server_pk, &ids, &ats, &users, &addrs, &allowed, &reasons],
        )
        .await?;
        Ok(())
    }

    /// See [`crate::db::auth_log::list`].
    pub async fn list(
        pool: &Pool,
        f: &Filter,
    ) -> Result<(Vec<AuthLogEntry>, Option<Cursor>), DbError> {
        let c = client(pool).await?;
        let (b_at, b_pk) = f.before.map_or((None, None), |c| (Some(c.at), Some(c.pk)));
        let rows = c
            .query(
                "SELECT l.at, s.id, s.name, l.user_id, l.addr, l.allowed, l.reason, l.pk
                 FROM auth_log l LEFT JOIN servers s ON s.pk = l.server_pk
                 WHERE l.at >= $1 AND ($2::TEXT IS NULL OR l.user_id = $2
                      OR (l.user_id COLLATE \"C\" >= $2 || ':' AND l.user_id COLLATE \"C\" < $2 || ';'))
                   AND (NOT $3 OR NOT l.allowed)
                   AND ($5::BIGINT IS NULL OR l.at < $5 OR (l.at = $5 AND l.pk < $6::BIGINT))
                 ORDER BY l.at DESC, l.pk DESC LIMIT $4",
                &[
                    &f.since,
                    &f.user,
                    &f.refused,
                    &(i64::from(f.limit) + 1),
                    &b_at,
                    &b_pk,
                ],
            )
            .await
            .map_err(pg)?;
        let mut entries: Vec<(AuthLogEntry, Cursor)> = rows
            .iter()
            .map(|r| {
                let at: i64 = r.get(0);
                (
                    AuthLogEntry {
                        at: crate::db::ts(at),
                        server_id: r.get(1),
                        server_name: r.get(2),
                        user: r.get(3),
                        addr: r.get(4),
                        allowed: r.get(5),
                        reason: r.get(6),
                    },
                    Cursor { at, pk: r.get(7) },
                )
            })
            .collect();
        let next = (entries.len() > f.limit as usize).then(|| {
            entries.truncate(f.limit as usize);
            entries.last().map(|(_, c)| *c)
        });
        Ok((
            entries.into_iter().map(|(e, _)| e).collect(),
            next.flatten(),
        ))
    }
}

pub mod traffic {
    //! Lifetime traffic totals on PostgreSQL. Sums are `NUMERIC` there and cannot overflow;
    //! they are capped where they become `BIGINT`, as SQLite's `TOTAL` is.

    use deadpool_postgres::Pool;
    use hy_api::Traffic;
    use hy_api::traffic::{ServerTraffic, TrafficByUser};

    use super::{client, pg};
    use crate::db::DbError;

    const CAP: &str = "9200000000000000000";

    /// Per user (every user, or one), zeros included; `NotFound` for an unknown one.
    pub async fn by_user(pool: &Pool, user: Option<&str>) -> Result<TrafficByUser, DbError> {
        let c = client(pool).await?;
        let rows = c
            .query(
                &format!(
                    "SELECT u.id, LEAST(COALESCE(SUM(t.tx), 0), {CAP})::BIGINT,
                         LEAST(COALESCE(SUM(t.rx), 0), {CAP})::BIGINT
                     FROM users u LEFT JOIN traffic t ON t.user_pk = u.pk
                     WHERE $1::TEXT IS NULL OR u.id = $1
                     GROUP BY u.pk, u.id"
                ),
                &[&user],
            )
            .await
            .map_err(pg)?;
        if let Some(id) = user
            && rows.is_empty()
        {
            return Err(DbError::NotFound {
                kind: "user",
                id: id.to_owned(),
            });
        }
        Ok(rows
            .iter()
            .map(|r| {
                let n = |i| r.get::<_, i64>(i).max(0) as u64;
                (r.get(0), Traffic { tx: n(1), rx: n(2) })
            })
            .collect())
    }

    /// Per server, deleted servers in one `null` entry, for everyone or one user.
    pub async fn by_server(pool: &Pool, user: Option<&str>) -> Result<Vec<ServerTraffic>, DbError> {
        let c = client(pool).await?;
        let user_pk: Option<i64> = match user {
            None => None,
            Some(id) => Some(
                c.query_opt("SELECT pk FROM users WHERE id = $1", &[&id])
                    .await
                    .map_err(pg)?
                    .ok_or_else(|| DbError::NotFound {
                        kind: "user",
                        id: id.to_owned(),
                    })?
                    .get(0),
            ),
        };
        let rows = c
            .query(
                &format!(
                    "SELECT s.id, s.name, LEAST(SUM(t.tx), {CAP})::BIGINT,
                         LEAST(SUM(t.rx), {CAP})::BIGINT
                     FROM traffic t LEFT JOIN servers s ON s.pk = t.server_pk
                     WHERE $1::BIGINT IS NULL OR t.user_pk = $1
                     GROUP BY s.pk, s.id, s.name
                     ORDER BY s.pk IS NULL, s.name IS NULL, s.name COLLATE \"C\", s.id COLLATE \"C\""
                ),
                &[&user_pk],
            )
            .await
            .map_err(pg)?;
        Ok(rows
            .iter()
            .map(|r| ServerTraffic {
                server_id: r.get(0),
                name: r.get(1),
                tx: r.get::<_, i64>(2).max(0) as u64,
                rx: r.get::<_, i64>(3).max(0) as u64,
            })
            .collect())
    }
}

pub mod reports {
    //! Node reports on PostgreSQL: counters, history buckets, quota and the exactly-once
    //! cursor in one transaction, so several centrals may take reports from the same node.
    //!
    //! Two centrals given the same batch (a node retrying against another after a timeout)
    //! meet at the server's row: the second waits on the first's row lock, then finds the
    //! cursor already at its `seq` and counts nothing. Rows are locked in user order so two reports
    //! that share users cannot deadlock; a deadlock or serialization failure anyway is retried.

    use deadpool_postgres::Transaction;
    use hy_api::Traffic;
    use hy_api::node::ReportAck;
    use tokio_postgres::error::SqlState;

    use super::{PgStore, client, pg};
    use crate::db::DbError;
    use crate::db::traffic::{COUNTER_CAP, crosses, weighted};
    use crate::ingest::{Applied, Report};

    const ATTEMPTS: usize = 5;

    // Every statement here is prepared once per connection (deadpool's statement cache): a
    // report is several statements of 1,000-row arrays, and parsing and planning each of them
    // again, one more round trip each, cost about as much as running them.

    /// Writes `report` and returns once it has committed. See [`crate::ingest`].
    pub async fn apply(store: &PgStore, report: &Report) -> Result<Applied, DbError> {
        let mut c = client(store).await?;
        let keys = &store.user_keys;
        let mut attempt = 0;
        loop {
            attempt += 1;
            let tx = c.transaction().await.map_err(pg)?;
            let failed = match write(&tx, keys, report).await {
                Ok(applied) => match tx.commit().await {
                    Ok(()) => return Ok(applied),
                    Err(e) => e,
                },
                Err(Failed::Pg(e)) => e,
                Err(Failed::Db(e)) => return Err(e),
            };
            if !retryable(&failed) || attempt >= ATTEMPTS {
                return Err(pg(failed));
            }
            if failed.code() == Some(&SqlState::FOREIGN_KEY_VIOLATION) {
                keys.forget(report.users.keys());
            }
        }
    }

    /// Users' keys by id, as this central last found them, so a report of users it has seen
    /// before does not look them up again (that lookup was a quarter of a report's cost in
    /// the database). A key is never given to another user (an identity column), so a
    /// remembered key is either right or its user was deleted; then the first counter row
    /// written for it fails its foreign key, the transaction rolls back, and [`apply`]'s retry
    /// looks every user of the report up again. Users central does not know are not
    /// remembered.
    #[derive(Default)]
    pub struct UserKeys(std::sync::Mutex<std::collections::HashMap<String, i64>>);

    /// Keys remembered at most (about 100 MB); past it the memory starts over.
    const MAX_KEYS: usize = 2_000_000;

    impl std::fmt::Debug for UserKeys {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            write!(f, "UserKeys({} remembered)", self.known().len())
        }
    }

    impl UserKeys {
        fn known(&self) -> std::sync::MutexGuard<'_, std::collections::HashMap<String, i64>> {
            self.0
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
        }

        /// `(key, id)` of each of `ids` that names a user, and the ids that name none.
        async fn find<'a>(
            &self,
            tx: &Transaction<'_>,
            ids: &[&'a str],
        ) -> Result<(Vec<(i64, &'a str)>, Vec<&'a str>), tokio_postgres::Error> {
            let mut keyed = Vec::with_capacity(ids.len());
            let mut missing = vec![];
            {
                let known = self.known();
                for id in ids {
                    match known.get(*id) {
                        Some(pk) => keyed.push((*pk, *id)),
                        None => missing.push(*id),
                    }
                }
            }
            if missing.is_empty() {
                return Ok((keyed, vec![]));
            }
            let rows = tx
                .query(
                    &tx.prepare_cached("SELECT id, pk FROM users WHERE id = ANY($1)")
                        .await?,
                    &[&missing],
                )
                .await?;
            let found: std::collections::HashMap<&str, i64> =
                rows.iter().map(|r| (r.get(0), r.get(1))).collect();
            let mut unknown = vec![];
            let mut known = self.known();
            if known.len() + found.len() > MAX_KEYS {
                known.clear();
            }
            for id in missing {
                match found.get(id) {
                    Some(pk) => {
                        keyed.push((*pk, id));
                        known.insert(id.to_owned(), *pk);
                    }
                    None => unknown.push(id),
                }
            }
            Ok((keyed, unknown))
        }

        fn forget<'a>(&self, ids: impl Iterator<Item = &'a String>) {
            let mut known = self.known();
            for id in ids {
                known.remove(id);
            }
        }
    }

    fn retryable(e: &tokio_postgres::Error) -> bool {
        e.code().is_some_and(|c| {
            *c == SqlState::T_R_DEADLOCK_DETECTED
                || *c == SqlState::T_R_SERIALIZATION_FAILURE
                // A user deleted between the lookup and the insert of their first counter row:
                // the retry looks them up again and counts the bytes as unattributed.
                || *c == SqlState::FOREIGN_KEY_VIOLATION
                // MERGE's insert racing another writer of the same key (none is expected:
                // see `count`); the retry finds the row and updates it.
                || *c == SqlState::UNIQUE_VIOLATION
        })
    }

    enum Failed {
        Pg(tokio_postgres::Error),
        Db(DbError),
    }

    impl From<tokio_postgres::Error> for Failed {
        fn from(e: tokio_postgres::Error) -> Self {
            Self::Pg(e)
        }
    }

    async fn write(
        tx: &Transaction<'_>,
        keys: &UserKeys,
        report: &Report,
    ) -> Result<Applied, Failed> {
        let server_pk = report.server_pk;
        // The server may have been deleted while its report was on the way: the row lock
        // holds off a concurrent delete until this report has committed. It is taken first and
        // exclusive (FOR NO KEY UPDATE: the foreign keys' KEY SHARE still passes) because this
        // transaction may update the row (unattributed bytes): copies of one batch holding it
        // shared while waiting on each other's cursor row deadlocked there. Reports of one
        // server queue here, as they would at the cursor.
        let Some(server) = tx
            .query_opt(
                &tx.prepare_cached(
                    "SELECT traffic_multiplier FROM servers WHERE pk = $1 FOR NO KEY UPDATE",
                )
                .await?,
                &[&server_pk],
            )
            .await?
        else {
            return Err(Failed::Db(DbError::NotFound {
                kind: "server",
                id: "(deleted while reporting)".into(),
            }));
        };
        let multiplier: f64 = server.get(0);
        let mut ack = ReportAck {
            seq: report.sequence.as_ref().map(|(_, seq)| *seq),
            applied: true,
            unknown_users: vec![],
        };
        if let Some((instance, seq)) = &report.sequence {
            let moved = tx
                .execute(
                    &tx.prepare_cached(
                        "INSERT INTO report_cursors (server_pk, instance, last_seq, updated_at)
                     VALUES ($1, $2, $3, $4)
                     ON CONFLICT (server_pk, instance) DO UPDATE SET
                         last_seq = EXCLUDED.last_seq, updated_at = EXCLUDED.updated_at
                     WHERE report_cursors.last_seq < EXCLUDED.last_seq",
                    )
                    .await?,
                    &[&server_pk, instance, &(*seq as i64), &report.now],
                )
                .await?;
            ack.applied = moved == 1;
        }
        if ack.applied {
            count(tx, keys, report, multiplier, &mut ack).await?;
        }
        // Admissions and auth events even from a repeated batch, as on SQLite: neither is a
        // counter, and a repeat may carry events the first lacked.
        // One statement for all of them (as `db::users::seen` does per user): the rows are
        // locked in id order, the array's, the same in every report.
        let seen: Vec<&str> = report.seen.keys().map(String::as_str).collect();
        let mut clocks_started = false;
        if !seen.is_empty() {
            clocks_started = tx
                .execute(
                    &tx.prepare_cached(
                        "UPDATE users SET first_connected_at = $2, expires_at = $2 + expire_after
                         WHERE id = ANY($1) AND first_connected_at IS NULL
                           AND expire_after IS NOT NULL AND expires_at IS NULL",
                    )
                    .await?,
                    &[&seen, &report.now],
                )
                .await?
                > 0;
            tx.execute(
                &tx.prepare_cached(
                    "UPDATE users SET first_connected_at = COALESCE(first_connected_at, $2),
                         last_online_at = GREATEST(COALESCE(last_online_at, 0), $2)
                     WHERE id = ANY($1)",
                )
                .await?,
                &[&seen, &report.now],
            )
            .await?;
        }
        super::auth_log::insert_in(tx, server_pk, &report.auth_log).await?;
        super::devices::record_use(tx, server_pk, &report.devices, ack.applied, report.now).await?;
        Ok(Applied {
            ack,
            clocks_started,
        })
    }

    /// The counting half: raw bytes to lifetime and hourly counters, weighted bytes to quota.
    async fn count(
        tx: &Transaction<'_>,
        keys: &UserKeys,
        report: &Report,
        multiplier: f64,
        ack: &mut ReportAck,
    ) -> Result<(), Failed> {
        let server_pk = report.server_pk;
        let ids: Vec<&str> = report
            .users
            .iter()
            .filter(|(_, t)| !t.is_zero())
            .map(|(id, _)| id.as_str())
            .collect();
        let (mut keyed, unknown) = keys.find(tx, &ids).await?;
        // In user order, which is also the order the rows are locked in below.
        keyed.sort_unstable_by_key(|(pk, _)| *pk);
        let mut pks = Vec::with_capacity(keyed.len());
        let (mut txs, mut rxs, mut charges) = (vec![], vec![], vec![]);
        for (pk, id) in &keyed {
            let t = report.users[*id];
            pks.push(*pk);
            txs.push(t.tx as i64);
            rxs.push(t.rx as i64);
            charges.push(weighted(t, multiplier));
        }
        let mut lost = Traffic::default();
        for id in unknown {
            lost.add(report.users[id]);
            ack.unknown_users.push(id.to_owned());
        }
        // `LEAST(a, cap - b) + b` is `MIN(a + b, cap)` without the sum overflowing first.
        // MERGE, not INSERT .. ON CONFLICT: the upsert probes the index as if inserting, then
        // locks and updates each existing row, two or three WAL records a row; MERGE joins
        // and updates, one (measured: 2.8 ms against 1.7 ms for 1,000 rows). MERGE's insert
        // is not safe against a concurrent insert of the same key, but every row here is
        // keyed by this server, whose reports queue on the server row locked above.
        let lifetime = tx
            .prepare_cached(
                "MERGE INTO traffic t
                 USING unnest($2::BIGINT[], $3::BIGINT[], $4::BIGINT[]) AS x(u, a, b)
                 ON t.server_pk = $1 AND t.user_pk = x.u
                 WHEN MATCHED THEN UPDATE SET
                     tx = LEAST(t.tx, $5 - x.a) + x.a, rx = LEAST(t.rx, $5 - x.b) + x.b
                 WHEN NOT MATCHED THEN INSERT (server_pk, user_pk, tx, rx)
                     VALUES ($1, x.u, x.a, x.b)",
            )
            .await?;
        // Only a clock stepped back writes into a closed hour (see the history rollup).
        let hourly = tx
            .prepare_cached(
                "MERGE INTO traffic_hourly t
                 USING (SELECT *, $1 < (SELECT closed_before FROM history_rollup) AS closed
                        FROM unnest($3::BIGINT[], $4::BIGINT[], $5::BIGINT[]) AS x(u, a, b)) x
                 ON t.hour = $1 AND t.server_pk = $2 AND t.user_pk = x.u
                 WHEN MATCHED THEN UPDATE SET
                     tx = LEAST(t.tx, $6 - x.a) + x.a, rx = LEAST(t.rx, $6 - x.b) + x.b
                 WHEN NOT MATCHED THEN INSERT (hour, server_pk, user_pk, tx, rx, closed)
                     VALUES ($1, $2, x.u, x.a, x.b, x.closed)",
            )
            .await?;
        // One UPDATE locks, adds (saturating, as the counters above) and returns the new
        // totals; the row lock makes another central's concurrent report for the same user wait
        // its turn, and rows are locked in pk order (the index scan of the sorted array). The
        // crossing rule is the same Rust as SQLite's, given the total before: the total after
        // minus the charge, exact unless the counter saturated (then a lower bound, which can
        // only add a harmless extra list bump). `user_pk = ANY($1)` as well as the join: without
        // it the planner hashes the whole table, a scan of every user per report.
        let quota = tx
            .prepare_cached(
                "UPDATE quota_usage q SET period_used = LEAST(q.period_used, $3 - x.c) + x.c
                 FROM unnest($1::BIGINT[], $2::BIGINT[]) AS x(u, c)
                 WHERE q.user_pk = x.u AND q.user_pk = ANY($1)
                 RETURNING q.user_pk, q.period_used, q.quota_limit",
            )
            .await?;
        let (mut charged, mut charge) = (vec![], vec![]);
        for (i, pk) in pks.iter().enumerate() {
            if charges[i] > 0 {
                charged.push(*pk);
                charge.push(charges[i]);
            }
        }
        let hour = report.now.div_euclid(3600);
        // The three are sent together (one round trip, not three): they need only the keys
        // found above. Polled in order (biased), so they are sent, run and answered in this
        // order, and a failure of the first (a deleted user's foreign key) is the error seen,
        // not the "transaction is aborted" of the two after it.
        let lifetime_args: [&(dyn tokio_postgres::types::ToSql + Sync); 5] =
            [&server_pk, &pks, &txs, &rxs, &COUNTER_CAP];
        let hourly_args: [&(dyn tokio_postgres::types::ToSql + Sync); 6] =
            [&hour, &server_pk, &pks, &txs, &rxs, &COUNTER_CAP];
        let quota_args: [&(dyn tokio_postgres::types::ToSql + Sync); 3] =
            [&charged, &charge, &COUNTER_CAP];
        let (_, _, totals) = tokio::try_join!(
            biased;
            tx.execute(&lifetime, &lifetime_args),
            tx.execute(&hourly, &hourly_args),
            tx.query(&quota, &quota_args),
        )?;
        let mut crossed = vec![];
        for row in &totals {
            let (pk, after, limit): (i64, i64, i64) = (row.get(0), row.get(1), row.get(2));
            let Ok(i) = pks.binary_search(&pk) else {
                continue;
            };
            if crosses(after - charges[i], charges[i], limit) {
                crossed.push(pk);
            }
        }
        if !lost.is_zero() {
            tx.execute(
                &tx.prepare_cached(
                    "UPDATE servers SET
                     unattributed_tx = LEAST(unattributed_tx, $4::BIGINT - $2::BIGINT) + $2,
                     unattributed_rx = LEAST(unattributed_rx, $4::BIGINT - $3::BIGINT) + $3
                 WHERE pk = $1",
                )
                .await?,
                &[
                    &server_pk,
                    &(lost.tx as i64),
                    &(lost.rx as i64),
                    &COUNTER_CAP,
                ],
            )
            .await?;
        }
        // A user who just ran out leaves the lists of all their servers, not only this one.
        if !crossed.is_empty() {
            super::lists::bump_for_users(tx, &crossed).await?;
            tx.execute(
                &tx.prepare_cached(
                    "INSERT INTO events (at, type, subject, data)
                     SELECT $1, 'user.limited', id, '{}' FROM users WHERE pk = ANY($2)",
                )
                .await?,
                &[&report.now, &crossed],
            )
            .await?;
        }
        Ok(())
    }
}

pub mod history {
    //! Hourly traffic history on PostgreSQL, with the same rollup as SQLite's (`db::history`):
    //! a bucket joins the per-user index when its hour is closed, so one user's history is
    //! their closed hours through that index plus a lookup per (hour, server) run of the open
    //! hours, and the lease holder closes each past hour in ranges of users.

    use deadpool_postgres::Pool;
    use hy_api::traffic::{HistoryBy, HistoryPoint};

    use super::{client, pg};
    use crate::db::DbError;

    /// Every (hour, server) run of buckets in the open hours within `$1..=$2`, as `runs(h, s)`:
    /// a seek from one run to the next through the primary key (a thousand seeks for a fleet
    /// of a thousand nodes, where a scan would read every bucket of the open hours). Ends in
    /// `)`, for a statement to follow with `, name AS (..)` or its own body.
    const OPEN_RUNS: &str = "WITH RECURSIVE runs(h, s) AS (
            (SELECT hour, server_pk FROM traffic_hourly
             WHERE hour >= GREATEST($1::BIGINT, (SELECT closed_before FROM history_rollup))
               AND hour <= $2::BIGINT
             ORDER BY hour, server_pk LIMIT 1)
          UNION ALL
            SELECT n.hour, n.server_pk FROM runs r CROSS JOIN LATERAL (
                SELECT t.hour, t.server_pk FROM traffic_hourly t
                WHERE (t.hour, t.server_pk) > (r.h, r.s) AND t.hour <= $2::BIGINT
                ORDER BY t.hour, t.server_pk LIMIT 1) n
        )";

    /// Deletes every history bucket of user `pk`, inside the caller's transaction. The open
    /// ones first: a bucket only ever goes from open to closed, so one closed between the two
    /// statements is found by the second.
    pub(super) async fn forget_user(
        tx: &deadpool_postgres::Transaction<'_>,
        pk: i64,
    ) -> Result<(), DbError> {
        let open = format!(
            "{OPEN_RUNS} DELETE FROM traffic_hourly t USING runs r
             WHERE t.hour = r.h AND t.server_pk = r.s AND t.user_pk = $3 AND NOT t.closed"
        );
        tx.execute(&open, &[&0i64, &i64::MAX, &pk])
            .await
            .map_err(pg)?;
        tx.execute(
            "DELETE FROM traffic_hourly WHERE closed AND user_pk = $1",
            &[&pk],
        )
        .await
        .map_err(pg)?;
        Ok(())
    }

    /// See `db::history::next_to_close`.
    ///
    /// Sweeps the last closed hour first: a report that read the mark before the hour was
    /// finished and committed after (only a central whose clock runs minutes behind the
    /// leader's does that) left an open bucket behind the mark; this closes it an hour later
    /// at the latest, where SQLite's single writer never lets one through.
    pub async fn next_to_close(
        pool: &Pool,
        current_hour: i64,
    ) -> Result<Option<(i64, Vec<i64>)>, DbError> {
        let c = client(pool).await?;
        c.execute(
            "UPDATE traffic_hourly SET closed = TRUE
             WHERE hour = (SELECT closed_before - 1 FROM history_rollup) AND NOT closed",
            &[],
        )
        .await
        .map_err(pg)?;
        let runs = c
            .query(
                &format!("{OPEN_RUNS} SELECT h, s FROM runs"),
                &[&0i64, &(current_hour - 1)],
            )
            .await
            .map_err(pg)?;
        let Some(first) = runs.first() else {
            c.execute(
                "UPDATE history_rollup SET closed_before = $1 WHERE closed_before < $1",
                &[&current_hour],
            )
            .await
            .map_err(pg)?;
            return Ok(None);
        };
        let hour: i64 = first.get(0);
        let servers = runs
            .iter()
            .filter(|r| r.get::<_, i64>(0) == hour)
            .map(|r| r.get(1))
            .collect();
        Ok(Some((hour, servers)))
    }

    /// See `db::history::close_users`.
    pub async fn close_users(
        pool: &Pool,
        hour: i64,
        servers: &[i64],
        users: std::ops::Range<i64>,
    ) -> Result<usize, DbError> {
        let c = client(pool).await?;
        let closed = c
            .execute(
                &c.prepare_cached(
                    "UPDATE traffic_hourly SET closed = TRUE
                     WHERE hour = $1 AND server_pk = ANY($2) AND user_pk >= $3 AND user_pk < $4
                       AND NOT closed",
                )
                .await
                .map_err(pg)?,
                &[&hour, &servers, &users.start, &users.end],
            )
            .await
            .map_err(pg)?;
        Ok(closed as usize)
    }

    /// See `db::history::finish_closing`.
    pub async fn finish_closing(pool: &Pool, hour: i64) -> Result<(), DbError> {
        let mut c = client(pool).await?;
        let tx = c.transaction().await.map_err(pg)?;
        tx.execute(
            "UPDATE traffic_hourly SET closed = TRUE WHERE hour = $1 AND NOT closed",
            &[&hour],
        )
        .await
        .map_err(pg)?;
        tx.execute(
            "UPDATE history_rollup SET closed_before = $2 WHERE closed_before <= $1",
            &[&hour, &(hour + 1)],
        )
        .await
        .map_err(pg)?;
        tx.commit().await.map_err(pg)
    }

    /// See `db::history::open_buckets`.
    pub async fn open_buckets(pool: &Pool) -> Result<i64, DbError> {
        let c = client(pool).await?;
        Ok(
            c.query_one("SELECT COUNT(*) FROM traffic_hourly WHERE NOT closed", &[])
                .await
                .map_err(pg)?
                .get(0),
        )
    }

    /// See `db::history::export_page`.
    pub async fn export_page(
        pool: &Pool,
        (from, to): (i64, i64),
        after: (i64, i64, i64),
        user: Option<&str>,
        limit: i64,
    ) -> Result<Vec<crate::db::history::ExportRow>, DbError> {
        let sql = super::numbered(crate::db::history::EXPORT_PAGE)
            .replace("$7 IS NULL", "$7::TEXT IS NULL");
        let c = client(pool).await?;
        Ok(c.query(
            &sql,
            &[&from, &to, &after.0, &after.1, &after.2, &limit, &user],
        )
        .await
        .map_err(pg)?
        .iter()
        .map(|r| {
            let hour: i64 = r.get(0);
            crate::db::history::ExportRow {
                key: (hour, r.get(1), r.get(2)),
                hour_start: hour * 3600,
                server_id: r.get(3),
                server_name: r.get(4),
                user: r.get(5),
                tx: r.get(6),
                rx: r.get(7),
            }
        })
        .collect())
    }

    /// Drops traffic history older than `history_days` and auth events older than
    /// `log_days`, as SQLite's `prune_history` and `auth_log::prune` do.
    pub async fn prune(
        pool: &Pool,
        now: i64,
        history_days: u32,
        log_days: u32,
    ) -> Result<(usize, usize), DbError> {
        let c = client(pool).await?;
        let hour = now.div_euclid(3600) - i64::from(history_days) * 24;
        let history = c
            .execute("DELETE FROM traffic_hourly WHERE hour < $1", &[&hour])
            .await
            .map_err(pg)?;
        let oldest = now - i64::from(log_days) * 86_400;
        let log = c
            .execute("DELETE FROM auth_log WHERE at < $1", &[&oldest])
            .await
            .map_err(pg)?;
        Ok((history as usize, log as usize))
    }

    /// See [`crate::db::history::history`]; `user` is an id, `NotFound` if there is none.
    pub async fn history(
        pool: &Pool,
        user: Option<&str>,
        since: i64,
        until: i64,
        by: HistoryBy,
    ) -> Result<Vec<HistoryPoint>, DbError> {
        let c = client(pool).await?;
        let user_pk: Option<i64> = match user {
            None => None,
            Some(id) => Some(
                c.query_opt("SELECT pk FROM users WHERE id = $1", &[&id])
                    .await
                    .map_err(pg)?
                    .ok_or_else(|| DbError::NotFound {
                        kind: "user",
                        id: id.to_owned(),
                    })?
                    .get(0),
            ),
        };
        let (from, to) = (since.div_euclid(3600), until.div_euclid(3600));
        let step: i64 = if by == HistoryBy::Day { 24 } else { 1 };
        // Two forms rather than `$3 IS NULL OR user_pk = $3`, which no index serves. One
        // user's: closed hours through the per-user index, open ones by run (OPEN_RUNS).
        let (with, buckets) = if user_pk.is_some() {
            (
                format!("{OPEN_RUNS},"),
                "SELECT hour, server_pk, tx, rx FROM traffic_hourly
                 WHERE closed AND user_pk = $3 AND hour >= $1 AND hour <= $2
                 UNION ALL
                 SELECT t.hour, t.server_pk, t.tx, t.rx FROM runs r JOIN traffic_hourly t
                     ON t.hour = r.h AND t.server_pk = r.s AND t.user_pk = $3
                 WHERE NOT t.closed",
            )
        } else {
            (
                "WITH".to_owned(),
                "SELECT hour, server_pk, tx, rx FROM traffic_hourly
                 WHERE hour >= $1 AND hour <= $2 AND $3::BIGINT IS NULL",
            )
        };
        // The same capping and order as SQLite's: sums stop at 9.2e18, deleted servers last,
        // names compared bytewise.
        let sql = match by {
            HistoryBy::Hour | HistoryBy::Day => format!(
                "{with} h AS ({buckets})
                 SELECT (h.hour / $4) * $4 * 3600,
                     LEAST(SUM(h.tx), 9.2e18)::BIGINT, LEAST(SUM(h.rx), 9.2e18)::BIGINT
                 FROM h GROUP BY h.hour / $4 ORDER BY 1"
            ),
            HistoryBy::Server => format!(
                "{with} h AS ({buckets})
                 SELECT s.id, s.name,
                     LEAST(SUM(h.tx), 9.2e18)::BIGINT, LEAST(SUM(h.rx), 9.2e18)::BIGINT
                 FROM h LEFT JOIN servers s ON s.pk = h.server_pk
                 GROUP BY s.pk, s.id, s.name
                 ORDER BY s.pk IS NULL, s.name IS NULL, s.name COLLATE \"C\", s.id COLLATE \"C\""
            ),
        };
        let params: &[&(dyn tokio_postgres::types::ToSql + Sync)] = match by {
            HistoryBy::Server => &[&from, &to, &user_pk],
            _ => &[&from, &to, &user_pk, &step],
        };
        let rows = c.query(&sql, params).await.map_err(pg)?;
        Ok(rows
            .iter()
            .map(|r| match by {
                HistoryBy::Server => HistoryPoint {
                    start: None,
                    server_id: r.get(0),
                    server_name: r.get(1),
                    tx: r.get::<_, i64>(2) as u64,
                    rx: r.get::<_, i64>(3) as u64,
                },
                _ => HistoryPoint {
                    start: Some(crate::db::ts(r.get(0))),
                    server_id: None,
                    server_name: None,
                    tx: r.get::<_, i64>(1) as u64,
                    rx: r.get::<_, i64>(2) as u64,
                },
            })
            .collect())
    }
}

pub mod meta {
    //! Small named settings on PostgreSQL: the admin token's digest, and the readiness probe.

    use deadpool_postgres::Pool;

    use super::{client, pg};
    use crate::db::DbError;
    use crate::db::meta::ADMIN_TOKEN_SHA256;

    /// See [`crate::db::meta::admin_token_digest`].
    pub async fn admin_token_digest(pool: &Pool) -> Result<Option<String>, DbError> {
        let c = client(pool).await?;
        Ok(c.query_opt(
            "SELECT value FROM meta WHERE key = $1",
            &[&ADMIN_TOKEN_SHA256],
        )
        .await
        .map_err(pg)?
        .map(|r| r.get(0)))
    }

    /// Stores `digest`; unless `replace`, only if none is stored. True if it was stored.
    pub async fn set_admin_token_digest(
        pool: &Pool,
        digest: &str,
        replace: bool,
    ) -> Result<bool, DbError> {
        let c = client(pool).await?;
        let sql = if replace {
            "INSERT INTO meta (key, value) VALUES ($1, $2)
             ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value"
        } else {
            "INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING"
        };
        Ok(c.execute(sql, &[&ADMIN_TOKEN_SHA256, &digest])
            .await
            .map_err(pg)?
            == 1)
    }

    /// See [`crate::db::meta::probe_write`]: one committed write, given half a second.
    pub async fn probe_write(pool: &Pool, now: i64) -> Result<(), DbError> {
        let probe = async {
            let mut c = client(pool).await?;
            let tx = c.transaction().await.map_err(pg)?;
            tx.execute("SET LOCAL lock_timeout = '500ms'", &[])
                .await
                .map_err(pg)?;
            tx.execute(
                "INSERT INTO meta (key, value) VALUES ('ready_probe', $1)
                 ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                &[&now.to_string()],
            )
            .await
            .map_err(pg)?;
            tx.commit().await.map_err(pg)
        };
        tokio::time::timeout(std::time::Duration::from_secs(2), probe)
            .await
            .map_err(|_| DbError::Unavailable("PostgreSQL: no answer within 2 s".into()))?
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn numbered_parameters_become_postgresql_ones() {
        assert_eq!(
            super::numbered("a = ?1 AND b = ?10 AND c = '?' AND d = ?"),
            "a = $1 AND b = $10 AND c = '?' AND d = ?"
        );
    }
}
