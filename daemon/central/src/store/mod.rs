//! The storage layer both backends share: an enum of the two databases whose methods are
//! domain operations ("create this user", "list users in this state"), so HTTP handlers stay
//! plain and every rule above the SQL (validation, state derivation, reset schedules, paging)
//! is written once. Each backend holds only SQL: SQLite in `db/` (on the blocking pool),
//! PostgreSQL in `store/postgres`. One conformance suite runs every operation on both.
//!
//! Every handler and the scheduler go through it. One thing stays SQLite's own: group commit
//! of reports ([`crate::ingest`], one fsync for many).

pub mod postgres;

use hy_api::devices::{Device, DeviceSettings};
use hy_api::page::PageQuery;
use hy_api::servers::{AssignResult, AssignedUser, Server, ServerKind};
use hy_api::uri::LinkSettings;
use hy_api::users::{User, UserSettings, UserState};

use std::sync::LazyLock;
use std::time::Instant;

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};

use crate::db::{Db, DbError};

/// A storage operation's label: the [`Store`] method's name.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct OperationLabels {
    /// The operation.
    pub op: &'static str,
}

/// One histogram per storage operation.
pub type QueryHistograms = Family<OperationLabels, Histogram, fn() -> Histogram>;

/// Database time per storage operation, in seconds, for `/metrics`
/// (`hyctl_central_db_query_seconds`). One per process, not per [`Store`]: the operation is
/// the same whichever handle ran it, and a static spares every call site a registry.
pub static QUERY_SECONDS: LazyLock<QueryHistograms> =
    LazyLock::new(|| Family::new_with_constructor(query_histogram as fn() -> Histogram));

fn query_histogram() -> Histogram {
    Histogram::new(exponential_buckets(0.0001, 2.0, 16))
}

/// Runs one storage operation, recording its time under `op`, failed or not (a failure is
/// often the slow one). The time includes waiting for a connection or the writer: what the
/// caller waited.
async fn timed<T>(op: &'static str, run: impl Future<Output = T>) -> T {
    let started = Instant::now();
    let result = run.await;
    QUERY_SECONDS
        .get_or_create(&OperationLabels { op })
        .observe(started.elapsed().as_secs_f64());
    result
}

/// Where central keeps its state.
#[derive(Debug, Clone)]
pub enum Store {
    /// One SQLite file (the default).
    Sqlite(Db),
    /// A PostgreSQL database, shared by several centrals.
    Postgres(postgres::PgStore),
}

impl Store {
    /// Creates a user whose secret is already settled (given or generated) and settings
    /// validated.
    pub async fn create_user(
        &self,
        id: String,
        secret: String,
        settings: UserSettings,
        now: i64,
    ) -> Result<User, DbError> {
        timed("create_user", async move {
            match self {
                Self::Sqlite(db) => {
                    db.call(move |c| {
                        let tx = c.transaction()?;
                        let u = crate::db::users::insert(&tx, &id, &secret, &settings, now)?;
                        tx.commit()?;
                        Ok(u)
                    })
                    .await
                }
                Self::Postgres(pool) => {
                    postgres::users::insert(pool, &id, &secret, &settings, now).await
                }
            }
        })
        .await
    }

    /// One user at `now`, or `NotFound`.
    pub async fn user(&self, id: String, now: i64) -> Result<User, DbError> {
        timed("user", async move {
            match self {
                Self::Sqlite(db) => db.read(move |c| crate::db::users::get(c, &id, now)).await,
                Self::Postgres(pool) => postgres::users::get(pool, &id, now).await,
            }
        })
        .await
    }

    /// Users in id order, optionally in one state, one page when `page.limit` is set.
    pub async fn users(
        &self,
        now: i64,
        state: Option<UserState>,
        page: PageQuery,
    ) -> Result<(Vec<User>, Option<String>), DbError> {
        timed("users", async move {
            match self {
                Self::Sqlite(db) => {
                    db.call(move |c| crate::db::users::list(c, now, state, &page))
                        .await
                }
                Self::Postgres(pool) => postgres::users::list(pool, now, state, &page).await,
            }
        })
        .await
    }

    /// One page of users in another order than by id (the panel's sorts): `limit` from
    /// `offset`, optionally in one state and matching a search.
    pub async fn users_sorted(
        &self,
        now: i64,
        state: Option<UserState>,
        q: Option<String>,
        sort: crate::db::users::UserSort,
        offset: u32,
        limit: u32,
    ) -> Result<Vec<User>, DbError> {
        timed("users_sorted", async move {
            match self {
                Self::Sqlite(db) => {
                    db.read(move |c| {
                        let ids = crate::db::users::sorted_ids(
                            c,
                            now,
                            state,
                            q.as_deref(),
                            sort,
                            offset,
                            limit,
                        )?;
                        ids.iter()
                            .map(|id| crate::db::users::get(c, id, now))
                            .collect()
                    })
                    .await
                }
                Self::Postgres(pool) => {
                    let ids = postgres::users::sorted_ids(
                        pool,
                        now,
                        state,
                        q.as_deref(),
                        sort,
                        offset,
                        limit,
                    )
                    .await?;
                    let mut users = Vec::with_capacity(ids.len());
                    for id in ids {
                        match postgres::users::get(pool, &id, now).await {
                            Ok(u) => users.push(u),
                            // Deleted between the two reads: not on this page.
                            Err(DbError::NotFound { .. }) => {}
                            Err(e) => return Err(e),
                        }
                    }
                    Ok(users)
                }
            }
        })
        .await
    }

    /// Changes a user: a new secret (already validated) and the settings present.
    pub async fn update_user(
        &self,
        id: String,
        secret: Option<String>,
        settings: UserSettings,
        now: i64,
    ) -> Result<User, DbError> {
        timed("update_user", async move {
            match self {
                Self::Sqlite(db) => {
                    db.call(move |c| {
                        let tx = c.transaction()?;
                        let pk = crate::db::users::pk(&tx, &id)?;
                        if let Some(secret) = &secret {
                            crate::db::users::set_secret(&tx, pk, &id, secret, now)?;
                        }
                        crate::db::users::apply_settings(&tx, pk, &settings, now)?;
                        let u = crate::db::users::get(&tx, &id, now)?;
                        tx.commit()?;
                        Ok(u)
                    })
                    .await
                }
                Self::Postgres(pool) => {
                    postgres::users::update(pool, &id, secret.as_deref(), &settings, now).await
                }
            }
        })
        .await
    }

    /// Starts a new usage period for a user now (`reason` goes to the reset log).
    pub async fn reset_usage(
        &self,
        id: String,
        now: i64,
        reason: &'static str,
    ) -> Result<User, DbError> {
        timed("reset_usage", async move {
            match self {
                Self::Sqlite(db) => {
                    db.call(move |c| {
                        let tx = c.transaction()?;
                        let pk = crate::db::users::pk(&tx, &id)?;
                        crate::db::users::reset_usage(&tx, pk, now, reason)?;
                        let u = crate::db::users::get(&tx, &id, now)?;
                        tx.commit()?;
                        Ok(u)
                    })
                    .await
                }
                Self::Postgres(pool) => postgres::users::reset_usage(pool, &id, now, reason).await,
            }
        })
        .await
    }

    /// Deletes a user with their history (their lifetime traffic rows go with them).
    pub async fn delete_user(&self, id: String) -> Result<(), DbError> {
        timed("delete_user", async move {
            match self {
                Self::Sqlite(db) => {
                    db.call(move |c| {
                        let tx = c.transaction()?;
                        crate::db::users::delete(&tx, &id)?;
                        tx.commit()?;
                        Ok(())
                    })
                    .await
                }
                Self::Postgres(pool) => postgres::users::delete(pool, &id).await,
            }
        })
        .await
    }

    /// Adds a device to a user (name validated, secret settled, settings checked).
    pub async fn create_device(
        &self,
        user: String,
        name: String,
        secret: String,
        settings: DeviceSettings,
        now: i64,
    ) -> Result<Device, DbError> {
        timed("create_device", async move {
            match self {
                Self::Sqlite(db) => {
                    db.call(move |c| {
                        let tx = c.transaction()?;
                        let d = crate::db::user_devices::insert(
                            &tx, &user, &name, &secret, &settings, now,
                        )?;
                        tx.commit()?;
                        Ok(d)
                    })
                    .await
                }
                Self::Postgres(pool) => {
                    postgres::devices::insert(pool, &user, &name, &secret, &settings, now).await
                }
            }
        })
        .await
    }

    /// One device of a user, or `NotFound`.
    pub async fn device(&self, user: String, name: String, now: i64) -> Result<Device, DbError> {
        timed("device", async move {
            match self {
                Self::Sqlite(db) => {
                    db.read(move |c| crate::db::user_devices::get(c, &user, &name, now))
                        .await
                }
                Self::Postgres(pool) => postgres::devices::get(pool, &user, &name, now).await,
            }
        })
        .await
    }

    /// A user's devices by name (not the default), or `NotFound` for no such user.
    pub async fn devices(&self, user: String, now: i64) -> Result<Vec<Device>, DbError> {
        timed("devices", async move {
            match self {
                Self::Sqlite(db) => {
                    db.read(move |c| crate::db::user_devices::list(c, &user, now))
                        .await
                }
                Self::Postgres(pool) => postgres::devices::list(pool, &user, now).await,
            }
        })
        .await
    }

    /// Every user's devices by user and name: `limit` after the first `offset`.
    pub async fn all_devices(
        &self,
        offset: i64,
        limit: i64,
        now: i64,
    ) -> Result<Vec<Device>, DbError> {
        timed("all_devices", async move {
            match self {
                Self::Sqlite(db) => {
                    db.read(move |c| crate::db::user_devices::list_all(c, offset, limit, now))
                        .await
                }
                Self::Postgres(pool) => postgres::devices::list_all(pool, offset, limit, now).await,
            }
        })
        .await
    }

    /// Changes a device: a new secret (validated) and the settings present.
    pub async fn update_device(
        &self,
        user: String,
        name: String,
        secret: Option<String>,
        settings: DeviceSettings,
        now: i64,
    ) -> Result<Device, DbError> {
        timed("update_device", async move {
            match self {
                Self::Sqlite(db) => {
                    db.call(move |c| {
                        let tx = c.transaction()?;
                        let d = crate::db::user_devices::update(
                            &tx,
                            &user,
                            &name,
                            secret.as_deref(),
                            &settings,
                            now,
                        )?;
                        tx.commit()?;
                        Ok(d)
                    })
                    .await
                }
                Self::Postgres(pool) => {
                    postgres::devices::update(pool, &user, &name, secret.as_deref(), &settings, now)
                        .await
                }
            }
        })
        .await
    }

    /// Removes a device.
    pub async fn delete_device(&self, user: String, name: String) -> Result<(), DbError> {
        timed("delete_device", async move {
            match self {
                Self::Sqlite(db) => {
                    db.call(move |c| {
                        let tx = c.transaction()?;
                        crate::db::user_devices::delete(&tx, &user, &name)?;
                        tx.commit()?;
                        Ok(())
                    })
                    .await
                }
                Self::Postgres(pool) => postgres::devices::delete(pool, &user, &name).await,
            }
        })
        .await
    }

    /// A user's subscription, issuing `fresh` as its token when it has none and none was
    /// revoked.
    pub async fn subscription(
        &self,
        user: String,
        fresh: String,
    ) -> Result<crate::db::subscriptions::SubState, DbError> {
        timed("subscription", async move {
            match self {
                Self::Sqlite(db) => {
                    db.call(move |c| crate::db::subscriptions::get_or_issue(c, &user, &fresh))
                        .await
                }
                Self::Postgres(pool) => {
                    postgres::subscriptions::get_or_issue(pool, &user, &fresh).await
                }
            }
        })
        .await
    }

    /// Gives a user a new subscription token (`Some`; lifts a revocation), or revokes theirs
    /// (`None`).
    pub async fn set_subscription(
        &self,
        user: String,
        token: Option<String>,
        now: i64,
    ) -> Result<(), DbError> {
        timed("set_subscription", async move {
            match self {
                Self::Sqlite(db) => {
                    db.call(move |c| crate::db::subscriptions::set(c, &user, token.as_deref(), now))
                        .await
                }
                Self::Postgres(pool) => {
                    postgres::subscriptions::set(pool, &user, token.as_deref(), now).await
                }
            }
        })
        .await
    }

    /// The user a subscription token's digest belongs to, with the servers of their links.
    pub async fn subscriber(
        &self,
        digest: String,
        now: i64,
    ) -> Result<Option<(User, Vec<(String, Option<String>, LinkSettings)>)>, DbError> {
        let found = timed("subscriber", async move {
            match self {
                Self::Sqlite(db) => {
                    db.read(move |c| crate::db::subscriptions::find(c, &digest))
                        .await
                }
                Self::Postgres(pool) => postgres::subscriptions::find(pool, &digest).await,
            }
        })
        .await?;
        match found {
            // Deleted between the two reads: as if never found.
            Some(id) => match self.user_links(id, now).await {
                Ok(found) => Ok(Some(found)),
                Err(DbError::NotFound { .. }) => Ok(None),
                Err(e) => Err(e),
            },
            None => Ok(None),
        }
    }

    /// Creates an admin (name validated, password already hashed).
    pub async fn create_admin(
        &self,
        name: String,
        hash: String,
        role: hy_api::admins::Role,
        now: i64,
    ) -> Result<(), DbError> {
        timed("create_admin", async move {
            match self {
                Self::Sqlite(db) => {
                    db.call(move |c| crate::db::admins::insert(c, &name, &hash, role, now))
                        .await
                }
                Self::Postgres(pool) => {
                    postgres::admins::insert(pool, &name, &hash, role, now).await
                }
            }
        })
        .await
    }

    /// Every admin.
    pub async fn admins(&self, now: i64) -> Result<Vec<hy_api::admins::Admin>, DbError> {
        timed("admins", async move {
            match self {
                Self::Sqlite(db) => db.read(move |c| crate::db::admins::list(c, now)).await,
                Self::Postgres(pool) => postgres::admins::list(pool, now).await,
            }
        })
        .await
    }

    /// What signing in as `name` checks, if there is such an admin.
    pub async fn admin_credentials(
        &self,
        name: String,
    ) -> Result<Option<crate::db::admins::Credentials>, DbError> {
        timed("admin_credentials", async move {
            match self {
                Self::Sqlite(db) => {
                    db.read(move |c| crate::db::admins::credentials(c, &name))
                        .await
                }
                Self::Postgres(pool) => postgres::admins::credentials(pool, &name).await,
            }
        })
        .await
    }

    /// One of `db::admins`' single-admin updates.
    pub async fn admin_update(
        &self,
        sql: &'static str,
        name: String,
        value: Option<String>,
    ) -> Result<usize, DbError> {
        timed("admin_update", async move {
            match self {
                Self::Sqlite(db) => {
                    db.call(move |c| crate::db::admins::update(c, sql, &name, value.as_deref()))
                        .await
                }
                Self::Postgres(pool) => {
                    postgres::admins::update(pool, sql, &name, value.as_deref()).await
                }
            }
        })
        .await
    }

    /// How many admins are owners.
    pub async fn owner_count(&self) -> Result<i64, DbError> {
        timed("owner_count", async move {
            match self {
                Self::Sqlite(db) => db.read(crate::db::admins::count_owners).await,
                Self::Postgres(pool) => postgres::admins::count_owners(pool).await,
            }
        })
        .await
    }

    /// Opens a session (token digests and expiries).
    #[allow(clippy::too_many_arguments, reason = "a session's columns")]
    pub async fn open_session(
        &self,
        admin_pk: i64,
        access: String,
        refresh: String,
        now: i64,
        access_until: i64,
        refresh_until: i64,
    ) -> Result<(), DbError> {
        timed("open_session", async move {
            match self {
                Self::Sqlite(db) => {
                    db.call(move |c| {
                        crate::db::admins::open_session(
                            c,
                            admin_pk,
                            &access,
                            &refresh,
                            now,
                            access_until,
                            refresh_until,
                        )
                    })
                    .await
                }
                Self::Postgres(pool) => {
                    postgres::admins::open_session(
                        pool,
                        admin_pk,
                        &access,
                        &refresh,
                        now,
                        access_until,
                        refresh_until,
                    )
                    .await
                }
            }
        })
        .await
    }

    /// A session by one of its token digests (`db::admins::BY_ACCESS` or `BY_REFRESH`).
    pub async fn session(
        &self,
        sql: &'static str,
        digest: String,
    ) -> Result<Option<crate::db::admins::SessionRow>, DbError> {
        timed("session", async move {
            match self {
                Self::Sqlite(db) => {
                    db.read(move |c| crate::db::admins::session(c, sql, &digest))
                        .await
                }
                Self::Postgres(pool) => postgres::admins::session(pool, sql, &digest).await,
            }
        })
        .await
    }

    /// Gives a session a new access token.
    pub async fn new_access(&self, pk: i64, digest: String, until: i64) -> Result<(), DbError> {
        timed("new_access", async move {
            match self {
                Self::Sqlite(db) => {
                    db.call(move |c| crate::db::admins::new_access(c, pk, &digest, until))
                        .await
                }
                Self::Postgres(pool) => {
                    postgres::admins::new_access(pool, pk, &digest, until).await
                }
            }
        })
        .await
    }

    /// Ends one session.
    pub async fn end_session(&self, pk: i64) -> Result<(), DbError> {
        timed("end_session", async move {
            match self {
                Self::Sqlite(db) => {
                    db.call(move |c| crate::db::admins::end_session(c, pk))
                        .await
                }
                Self::Postgres(pool) => postgres::admins::end_session(pool, pk).await,
            }
        })
        .await
    }

    /// Drops sessions past their refresh expiry.
    pub async fn prune_sessions(&self, now: i64) -> Result<usize, DbError> {
        timed("prune_sessions", async move {
            match self {
                Self::Sqlite(db) => {
                    db.call(move |c| crate::db::admins::prune_sessions(c, now))
                        .await
                }
                Self::Postgres(pool) => postgres::admins::prune_sessions(pool, now).await,
            }
        })
        .await
    }

    /// Opens a panel session (cookie digest; the admin, or `None` with the admin token's digest).
    pub async fn open_panel_session(
        &self,
        digest: String,
        admin_pk: Option<i64>,
        token_sha256: Option<String>,
        now: i64,
        expires_at: i64,
    ) -> Result<(), DbError> {
        timed("open_panel_session", async move {
            match self {
                Self::Sqlite(db) => {
                    db.call(move |c| {
                        crate::db::panel::open(
                            c,
                            &digest,
                            admin_pk,
                            token_sha256.as_deref(),
                            now,
                            expires_at,
                        )
                    })
                    .await
                }
                Self::Postgres(pool) => {
                    postgres::panel::open(
                        pool,
                        &digest,
                        admin_pk,
                        token_sha256.as_deref(),
                        now,
                        expires_at,
                    )
                    .await
                }
            }
        })
        .await
    }

    /// A live panel session by its cookie's digest.
    pub async fn panel_session(
        &self,
        digest: String,
    ) -> Result<Option<crate::db::panel::PanelSession>, DbError> {
        timed("panel_session", async move {
            match self {
                Self::Sqlite(db) => db.read(move |c| crate::db::panel::find(c, &digest)).await,
                Self::Postgres(pool) => postgres::panel::find(pool, &digest).await,
            }
        })
        .await
    }

    /// Marks a panel session used (`db::panel::TOUCH`) or ends it (`db::panel::END`).
    pub async fn mark_panel_session(
        &self,
        sql: &'static str,
        pk: i64,
        at: i64,
    ) -> Result<(), DbError> {
        timed("mark_panel_session", async move {
            match self {
                Self::Sqlite(db) => {
                    db.call(move |c| crate::db::panel::mark(c, sql, pk, at))
                        .await
                }
                Self::Postgres(pool) => postgres::panel::mark(pool, sql, pk, at).await,
            }
        })
        .await
    }

    /// A page of hourly buckets for an export (see `db::history::export_page`).
    pub async fn export_page(
        &self,
        hours: (i64, i64),
        after: (i64, i64, i64),
        user: Option<String>,
        limit: i64,
    ) -> Result<Vec<crate::db::history::ExportRow>, DbError> {
        timed("export_page", async move {
            match self {
                Self::Sqlite(db) => {
                    db.read(move |c| {
                        crate::db::history::export_page(c, hours, after, user.as_deref(), limit)
                    })
                    .await
                }
                Self::Postgres(pool) => {
                    postgres::history::export_page(pool, hours, after, user.as_deref(), limit).await
                }
            }
        })
        .await
    }

    /// Adds a webhook, delivering events from now on.
    pub async fn create_webhook(
        &self,
        url: String,
        types: String,
        secret: String,
        now: i64,
    ) -> Result<hy_api::events::Webhook, DbError> {
        timed("create_webhook", async move {
            match self {
                Self::Sqlite(db) => {
                    db.call(move |c| crate::db::webhooks::insert(c, &url, &types, &secret, now))
                        .await
                }
                Self::Postgres(pool) => {
                    postgres::webhooks::insert(pool, &url, &types, &secret, now).await
                }
            }
        })
        .await
    }

    /// Every webhook.
    pub async fn webhooks(&self) -> Result<Vec<hy_api::events::Webhook>, DbError> {
        timed("webhooks", async move {
            match self {
                Self::Sqlite(db) => db.read(crate::db::webhooks::list).await,
                Self::Postgres(pool) => postgres::webhooks::list(pool).await,
            }
        })
        .await
    }

    /// Removes a webhook.
    pub async fn delete_webhook(&self, pk: i64) -> Result<(), DbError> {
        timed("delete_webhook", async move {
            match self {
                Self::Sqlite(db) => db.call(move |c| crate::db::webhooks::delete(c, pk)).await,
                Self::Postgres(pool) => postgres::webhooks::delete(pool, pk).await,
            }
        })
        .await
    }

    /// A webhook's last deliveries.
    pub async fn webhook_deliveries(
        &self,
        pk: i64,
    ) -> Result<Vec<hy_api::events::Delivery>, DbError> {
        timed("webhook_deliveries", async move {
            match self {
                Self::Sqlite(db) => {
                    db.read(move |c| crate::db::webhooks::deliveries(c, pk))
                        .await
                }
                Self::Postgres(pool) => postgres::webhooks::deliveries(pool, pk).await,
            }
        })
        .await
    }

    /// Webhooks due for delivery at `now`.
    pub async fn due_webhooks(&self, now: i64) -> Result<Vec<crate::db::webhooks::Due>, DbError> {
        timed("due_webhooks", async move {
            match self {
                Self::Sqlite(db) => db.read(move |c| crate::db::webhooks::due(c, now)).await,
                Self::Postgres(pool) => postgres::webhooks::due(pool, now).await,
            }
        })
        .await
    }

    /// Records a delivery attempt (see `db::webhooks::record`).
    #[allow(clippy::too_many_arguments, reason = "an attempt's fields")]
    pub async fn record_delivery(
        &self,
        pk: i64,
        event_id: i64,
        at: i64,
        status: Option<i64>,
        error: Option<String>,
        ok: bool,
        retry: (i64, i64),
    ) -> Result<(), DbError> {
        timed("record_delivery", async move {
            match self {
                Self::Sqlite(db) => {
                    db.call(move |c| {
                        crate::db::webhooks::record(
                            c,
                            pk,
                            event_id,
                            at,
                            status,
                            error.as_deref(),
                            ok,
                            retry,
                        )
                    })
                    .await
                }
                Self::Postgres(pool) => {
                    postgres::webhooks::record(
                        pool,
                        pk,
                        event_id,
                        at,
                        status,
                        error.as_deref(),
                        ok,
                        retry,
                    )
                    .await
                }
            }
        })
        .await
    }

    /// Drops delivery log entries older than `before`.
    pub async fn prune_deliveries(&self, before: i64) -> Result<usize, DbError> {
        timed("prune_deliveries", async move {
            match self {
                Self::Sqlite(db) => {
                    db.call(move |c| crate::db::webhooks::prune(c, before))
                        .await
                }
                Self::Postgres(pool) => postgres::webhooks::prune(pool, before).await,
            }
        })
        .await
    }

    /// Records an event (type, subject, data without secrets).
    pub async fn emit(
        &self,
        at: i64,
        kind: &'static str,
        subject: String,
        data: String,
    ) -> Result<(), DbError> {
        timed("emit", async move {
            match self {
                Self::Sqlite(db) => {
                    db.call(move |c| crate::db::events::insert(c, at, kind, &subject, &data))
                        .await
                }
                Self::Postgres(pool) => {
                    postgres::events::insert(pool, at, kind, &subject, &data).await
                }
            }
        })
        .await
    }

    /// Events after id `id`, oldest first.
    pub async fn events_after(
        &self,
        id: i64,
        limit: i64,
    ) -> Result<Vec<hy_api::events::Event>, DbError> {
        timed("events_after", async move {
            match self {
                Self::Sqlite(db) => {
                    db.read(move |c| crate::db::events::after(c, id, limit))
                        .await
                }
                Self::Postgres(pool) => postgres::events::after(pool, id, limit).await,
            }
        })
        .await
    }

    /// The id to follow events after: those at or after `at`, or (None) from now on.
    pub async fn events_start(&self, at: Option<i64>) -> Result<i64, DbError> {
        timed("events_start", async move {
            match self {
                Self::Sqlite(db) => db.read(move |c| crate::db::events::start(c, at)).await,
                Self::Postgres(pool) => postgres::events::start(pool, at).await,
            }
        })
        .await
    }

    /// Drops events older than `before`.
    pub async fn prune_events(&self, before: i64) -> Result<usize, DbError> {
        timed("prune_events", async move {
            match self {
                Self::Sqlite(db) => db.call(move |c| crate::db::events::prune(c, before)).await,
                Self::Postgres(pool) => postgres::events::prune(pool, before).await,
            }
        })
        .await
    }

    /// Records a change made through the admin API.
    pub async fn audit(&self, entry: crate::db::audit::NewEntry) -> Result<(), DbError> {
        timed("audit", async move {
            match self {
                Self::Sqlite(db) => db.call(move |c| crate::db::audit::insert(c, &entry)).await,
                Self::Postgres(pool) => postgres::audit::insert(pool, &entry).await,
            }
        })
        .await
    }

    /// The audit trail, newest first.
    pub async fn audit_log(
        &self,
        filter: crate::db::audit::Filter,
    ) -> Result<Vec<hy_api::admins::AuditEntry>, DbError> {
        timed("audit_log", async move {
            match self {
                Self::Sqlite(db) => db.read(move |c| crate::db::audit::list(c, &filter)).await,
                Self::Postgres(pool) => postgres::audit::list(pool, &filter).await,
            }
        })
        .await
    }

    /// Drops audit entries older than `days`.
    pub async fn prune_audit(&self, now: i64, days: u32) -> Result<usize, DbError> {
        timed("prune_audit", async move {
            match self {
                Self::Sqlite(db) => {
                    db.call(move |c| crate::db::audit::prune(c, now, days))
                        .await
                }
                Self::Postgres(pool) => postgres::audit::prune(pool, now, days).await,
            }
        })
        .await
    }

    /// Stores a new API token's digest (hex SHA-256; the token is never stored).
    pub async fn create_token(
        &self,
        name: String,
        role: hy_api::admins::Role,
        digest: String,
        now: i64,
        expires_at: Option<i64>,
    ) -> Result<hy_api::admins::ApiToken, DbError> {
        timed("create_token", async move {
            match self {
                Self::Sqlite(db) => {
                    db.call(move |c| {
                        crate::db::api_tokens::insert(c, &name, role, &digest, now, expires_at)
                    })
                    .await
                }
                Self::Postgres(pool) => {
                    postgres::api_tokens::insert(pool, &name, role, &digest, now, expires_at).await
                }
            }
        })
        .await
    }

    /// Every API token, by name.
    pub async fn tokens(&self) -> Result<Vec<hy_api::admins::ApiToken>, DbError> {
        timed("tokens", async move {
            match self {
                Self::Sqlite(db) => db.read(crate::db::api_tokens::list).await,
                Self::Postgres(pool) => postgres::api_tokens::list(pool).await,
            }
        })
        .await
    }

    /// Every API token's digest with what it grants, for the auth path.
    pub async fn token_digests(
        &self,
    ) -> Result<Vec<(String, crate::db::api_tokens::Known)>, DbError> {
        timed("token_digests", async move {
            match self {
                Self::Sqlite(db) => db.read(crate::db::api_tokens::all).await,
                Self::Postgres(pool) => postgres::api_tokens::all(pool).await,
            }
        })
        .await
    }

    /// Revokes an API token.
    pub async fn delete_token(&self, name: String) -> Result<(), DbError> {
        timed("delete_token", async move {
            match self {
                Self::Sqlite(db) => {
                    db.call(move |c| crate::db::api_tokens::delete(c, &name))
                        .await
                }
                Self::Postgres(pool) => postgres::api_tokens::delete(pool, &name).await,
            }
        })
        .await
    }

    /// Records a use of an API token.
    pub async fn touch_token(&self, name: String, now: i64) -> Result<(), DbError> {
        timed("touch_token", async move {
            match self {
                Self::Sqlite(db) => {
                    db.call(move |c| crate::db::api_tokens::touch(c, &name, now))
                        .await
                }
                Self::Postgres(pool) => postgres::api_tokens::touch(pool, &name, now).await,
            }
        })
        .await
    }

    /// Creates a server (id and name validated, link settings checked).
    pub async fn create_server(
        &self,
        id: String,
        name: Option<String>,
        kind: ServerKind,
        multiplier: f64,
        link: LinkSettings,
        now: i64,
    ) -> Result<Server, DbError> {
        timed("create_server", async move {
            match self {
                Self::Sqlite(db) => {
                    db.call(move |c| {
                        let tx = c.transaction()?;
                        crate::db::servers::insert(
                            &tx,
                            &id,
                            name.as_deref(),
                            kind,
                            multiplier,
                            now,
                        )?;
                        crate::db::servers::set_link(&tx, &id, &link)?;
                        let server = crate::db::servers::get(&tx, &id)?;
                        tx.commit()?;
                        Ok(server)
                    })
                    .await
                }
                Self::Postgres(pool) => {
                    postgres::servers::insert(
                        pool,
                        &id,
                        name.as_deref(),
                        kind,
                        multiplier,
                        &link,
                        now,
                    )
                    .await
                }
            }
        })
        .await
    }

    /// One server, or `NotFound`.
    pub async fn server(&self, id: String) -> Result<Server, DbError> {
        timed("server", async move {
            match self {
                Self::Sqlite(db) => db.read(move |c| crate::db::servers::get(c, &id)).await,
                Self::Postgres(pool) => postgres::servers::get(pool, &id).await,
            }
        })
        .await
    }

    /// Servers: unpaged by name, or one page by id.
    pub async fn servers(&self, page: PageQuery) -> Result<(Vec<Server>, Option<String>), DbError> {
        timed("servers", async move {
            match self {
                Self::Sqlite(db) => db.call(move |c| crate::db::servers::list(c, &page)).await,
                Self::Postgres(pool) => postgres::servers::list(pool, &page).await,
            }
        })
        .await
    }

    /// Deletes a server and its assignments; its traffic stays.
    pub async fn delete_server(&self, id: String) -> Result<(), DbError> {
        timed("delete_server", async move {
            match self {
                Self::Sqlite(db) => db.call(move |c| crate::db::servers::delete(c, &id)).await,
                Self::Postgres(pool) => postgres::servers::delete(pool, &id).await,
            }
        })
        .await
    }

    /// Assigns existing users to a server, registering a server id never seen (the original
    /// API's way); all or nothing. True in the second value when the server was registered.
    pub async fn assign(
        &self,
        server_id: String,
        user_ids: Vec<String>,
        now: i64,
    ) -> Result<(AssignResult, bool), DbError> {
        timed("assign", async move {
            match self {
                Self::Sqlite(db) => {
                    db.call(move |c| {
                        let tx = c.transaction()?;
                        let (pk, created) = crate::db::servers::ensure(&tx, &server_id, now)?;
                        let result =
                            crate::db::servers::assign(&tx, pk, &server_id, &user_ids, now)?;
                        tx.commit()?;
                        Ok((result, created))
                    })
                    .await
                }
                Self::Postgres(pool) => {
                    let assigned =
                        postgres::servers::assign(pool, &server_id, &user_ids, now).await;
                    if assigned.is_ok() {
                        postgres::after_bulk_change(pool, user_ids.len()).await;
                    }
                    assigned
                }
            }
        })
        .await
    }

    /// Removes one assignment.
    pub async fn unassign(&self, server_id: String, user_id: String) -> Result<(), DbError> {
        timed("unassign", async move {
            match self {
                Self::Sqlite(db) => {
                    db.call(move |c| {
                        let pk = crate::db::servers::pk(c, &server_id)?;
                        crate::db::servers::unassign(c, pk, &user_id)
                    })
                    .await
                }
                Self::Postgres(pool) => {
                    postgres::servers::unassign(pool, &server_id, &user_id).await
                }
            }
        })
        .await
    }

    /// A server's users in id order, one page when `page.limit` is set.
    pub async fn assigned_users(
        &self,
        server_id: String,
        page: PageQuery,
    ) -> Result<(Vec<AssignedUser>, Option<String>), DbError> {
        timed("assigned_users", async move {
            match self {
                Self::Sqlite(db) => {
                    db.call(move |c| {
                        let pk = crate::db::servers::pk(c, &server_id)?;
                        crate::db::servers::assigned_users(c, pk, &page)
                    })
                    .await
                }
                Self::Postgres(pool) => {
                    postgres::servers::assigned_users(pool, &server_id, &page).await
                }
            }
        })
        .await
    }

    /// Changes a server: its name (`Some(None)` removes it), multiplier and link settings,
    /// each already validated; all or nothing.
    pub async fn update_server(
        &self,
        id: String,
        name: Option<Option<String>>,
        multiplier: Option<f64>,
        link: Option<LinkSettings>,
    ) -> Result<Server, DbError> {
        timed("update_server", async move {
            match self {
                Self::Sqlite(db) => {
                    db.call(move |c| {
                        let tx = c.transaction()?;
                        if let Some(m) = multiplier {
                            crate::db::servers::set_multiplier(&tx, &id, m)?;
                        }
                        if let Some(link) = &link {
                            crate::db::servers::set_link(&tx, &id, link)?;
                        }
                        let server = match &name {
                            Some(name) => crate::db::servers::rename(&tx, &id, name.as_deref())?,
                            None => crate::db::servers::get(&tx, &id)?,
                        };
                        tx.commit()?;
                        Ok(server)
                    })
                    .await
                }
                Self::Postgres(pool) => {
                    postgres::servers::update(pool, &id, name, multiplier, link.as_ref()).await
                }
            }
        })
        .await
    }

    /// Creates users (each prepared as for [`Store::create_user`]) in one transaction: all or
    /// nothing, except that with `skip_existing` ids already taken are skipped and returned.
    pub async fn create_users(
        &self,
        users: Vec<(String, String, UserSettings)>,
        skip_existing: bool,
        now: i64,
    ) -> Result<(Vec<User>, Vec<String>), DbError> {
        timed("create_users", async move {
            match self {
                Self::Sqlite(db) => {
                    db.call(move |c| {
                        let tx = c.transaction()?;
                        let (mut created, mut skipped) = (Vec::new(), Vec::new());
                        for (id, secret, settings) in &users {
                            if skip_existing && crate::db::users::exists(&tx, id)? {
                                skipped.push(id.clone());
                                continue;
                            }
                            created.push(crate::db::users::insert(&tx, id, secret, settings, now)?);
                        }
                        tx.commit()?;
                        Ok((created, skipped))
                    })
                    .await
                }
                Self::Postgres(pool) => {
                    let created =
                        postgres::users::insert_many(pool, &users, skip_existing, now).await;
                    if let Ok((created, _)) = &created {
                        postgres::after_bulk_change(pool, created.len()).await;
                    }
                    created
                }
            }
        })
        .await
    }

    /// A user at `now` and the servers they are assigned to, with their link settings, by
    /// name: what share links are built from.
    pub async fn user_links(
        &self,
        id: String,
        now: i64,
    ) -> Result<(User, Vec<(String, Option<String>, LinkSettings)>), DbError> {
        timed("user_links", async move {
            match self {
                Self::Sqlite(db) => {
                    db.read(move |c| {
                        let user = crate::db::users::get(c, &id, now)?;
                        let pk = crate::db::users::pk(c, &id)?;
                        Ok((user, crate::db::servers::links_of_user(c, pk)?))
                    })
                    .await
                }
                Self::Postgres(pool) => postgres::users::links(pool, &id, now).await,
            }
        })
        .await
    }

    /// The server a node request names, by the digest of the presented id, with its kind.
    pub async fn node(&self, presented: String) -> Result<Option<(i64, ServerKind)>, DbError> {
        timed("node", async move {
            match self {
                Self::Sqlite(db) => {
                    db.read(move |c| crate::db::servers::by_node_credential(c, &presented))
                        .await
                }
                Self::Postgres(pool) => postgres::nodes::by_credential(pool, &presented).await,
            }
        })
        .await
    }

    /// Records a node's contact (and its agent version and list revision, when it said them).
    pub async fn touch(
        &self,
        server_pk: i64,
        version: Option<String>,
        list_rev: Option<i64>,
        now: i64,
    ) -> Result<(), DbError> {
        timed("touch", async move {
            match self {
                Self::Sqlite(db) => {
                    db.call(move |c| {
                        crate::db::servers::touch(c, server_pk, version.as_deref(), list_rev, now)
                    })
                    .await
                }
                Self::Postgres(pool) => {
                    postgres::nodes::touch(pool, server_pk, version.as_deref(), list_rev, now).await
                }
            }
        })
        .await
    }

    /// Nodes per agent version, and how many of each hold an older list than central's.
    pub async fn node_versions(&self) -> Result<Vec<(Option<String>, i64, i64)>, DbError> {
        timed("node_versions", async move {
            match self {
                Self::Sqlite(db) => db.read(crate::db::servers::versions).await,
                Self::Postgres(pool) => postgres::nodes::versions(pool).await,
            }
        })
        .await
    }

    /// The revision of a server's node list; `None` once the server is gone.
    pub async fn list_revision(&self, server_pk: i64) -> Result<Option<i64>, DbError> {
        timed("list_revision", async move {
            match self {
                Self::Sqlite(db) => {
                    db.read(move |c| crate::db::lists::revision(c, server_pk))
                        .await
                }
                Self::Postgres(pool) => postgres::nodes::revision(pool, server_pk).await,
            }
        })
        .await
    }

    /// Replaces what a node reported of its device-limited users' devices.
    pub async fn report_devices(
        &self,
        server_pk: i64,
        counts: std::collections::BTreeMap<String, u64>,
        now: i64,
    ) -> Result<(), DbError> {
        timed("report_devices", async move {
            match self {
                Self::Sqlite(db) => {
                    db.call(move |c| crate::db::devices::replace(c, server_pk, &counts, now))
                        .await
                }
                Self::Postgres(pool) => {
                    postgres::nodes::replace_devices(pool, server_pk, &counts, now).await
                }
            }
        })
        .await
    }

    /// Devices of a node's device-limited users on other nodes (fresh counts only).
    pub async fn devices_elsewhere(
        &self,
        server_pk: i64,
        now: i64,
    ) -> Result<std::collections::BTreeMap<String, u64>, DbError> {
        timed("devices_elsewhere", async move {
            match self {
                Self::Sqlite(db) => {
                    db.read(move |c| crate::db::devices::elsewhere(c, server_pk, now))
                        .await
                }
                Self::Postgres(pool) => {
                    postgres::nodes::devices_elsewhere(pool, server_pk, now).await
                }
            }
        })
        .await
    }

    /// Users by state and servers by freshness at `now`, for metrics.
    pub async fn fleet_counts(
        &self,
        now: i64,
    ) -> Result<(Vec<(UserState, i64)>, Vec<(&'static str, i64)>), DbError> {
        timed("fleet_counts", async move {
            match self {
                Self::Sqlite(db) => {
                    db.read(move |c| {
                        Ok((
                            crate::db::users::count_by_state(c, now)?,
                            crate::db::servers::count_by_freshness(c, now)?,
                        ))
                    })
                    .await
                }
                Self::Postgres(pool) => postgres::nodes::fleet_counts(pool, now).await,
            }
        })
        .await
    }

    /// Asks server `server` (its id) to end its media session `key` once.
    pub async fn end_media_session(
        &self,
        server: String,
        key: String,
        now: i64,
    ) -> Result<(), DbError> {
        timed("end_media_session", async move {
            match self {
                Self::Sqlite(db) => {
                    db.call(move |c| crate::db::devices::end_session(c, &server, &key, now))
                        .await
                }
                Self::Postgres(pool) => {
                    postgres::nodes::end_session(pool, &server, &key, now).await
                }
            }
        })
        .await
    }

    /// Forgets asks to end sessions that no list names any more.
    pub async fn prune_session_ends(&self, now: i64) -> Result<usize, DbError> {
        timed("prune_session_ends", async move {
            match self {
                Self::Sqlite(db) => {
                    db.call(move |c| crate::db::devices::prune_session_ends(c, now))
                        .await
                }
                Self::Postgres(pool) => postgres::nodes::prune_session_ends(pool, now).await,
            }
        })
        .await
    }

    /// Asks every node to close a user's connections (or one device's) once.
    pub async fn kick(&self, user: String, device: Option<String>) -> Result<(), DbError> {
        timed("kick", async move {
            match self {
                Self::Sqlite(db) => {
                    db.call(move |c| crate::db::devices::kick(c, &user, device.as_deref()))
                        .await
                }
                Self::Postgres(pool) => postgres::nodes::kick(pool, &user, device.as_deref()).await,
            }
        })
        .await
    }

    /// Who is connected now, per node, user and device, with media nodes' sessions under
    /// theirs; optionally one user's, one server's or one kind of server's.
    pub async fn sessions(
        &self,
        now: i64,
        user: Option<String>,
        server: Option<String>,
        kind: Option<hy_api::servers::ServerKind>,
    ) -> Result<Vec<hy_api::users::OnlineSession>, DbError> {
        let kind = kind.map(hy_api::servers::ServerKind::as_str);
        timed("sessions", async move {
            match self {
                Self::Sqlite(db) => {
                    db.read(move |c| {
                        crate::db::devices::sessions(
                            c,
                            now,
                            user.as_deref(),
                            server.as_deref(),
                            kind,
                        )
                    })
                    .await
                }
                Self::Postgres(pool) => {
                    postgres::nodes::sessions(pool, now, user.as_deref(), server.as_deref(), kind)
                        .await
                }
            }
        })
        .await
    }

    /// Replaces the live sessions a media node reported.
    pub async fn report_streams(
        &self,
        server_pk: i64,
        sessions: Vec<hy_api::node::NodeSession>,
        now: i64,
    ) -> Result<(), DbError> {
        timed("report_streams", async move {
            match self {
                Self::Sqlite(db) => {
                    db.call(move |c| {
                        crate::db::devices::replace_streams(c, server_pk, &sessions, now)
                    })
                    .await
                }
                Self::Postgres(pool) => {
                    postgres::nodes::replace_streams(pool, server_pk, &sessions, now).await
                }
            }
        })
        .await
    }

    /// Devices per state and admin sessions open at `now`, for the scrape.
    pub async fn scrape_counts(
        &self,
        now: i64,
    ) -> Result<crate::db::admins::ScrapeCounts, DbError> {
        timed("scrape_counts", async move {
            match self {
                Self::Sqlite(db) => {
                    db.read(move |c| crate::db::admins::scrape_counts(c, now))
                        .await
                }
                Self::Postgres(pool) => postgres::admins::scrape_counts(pool, now).await,
            }
        })
        .await
    }

    /// The newest auth-log entries matching `filter`, and the cursor of the next page.
    pub async fn auth_log(
        &self,
        filter: crate::db::auth_log::Filter,
    ) -> Result<
        (
            Vec<hy_api::users::AuthLogEntry>,
            Option<crate::db::auth_log::Cursor>,
        ),
        DbError,
    > {
        timed("auth_log", async move {
            match self {
                Self::Sqlite(db) => {
                    db.read(move |c| crate::db::auth_log::list(c, &filter))
                        .await
                }
                Self::Postgres(pool) => postgres::auth_log::list(pool, &filter).await,
            }
        })
        .await
    }

    /// Stores a node's auth events; an event already stored (a resent report) is skipped.
    pub async fn record_auth_events(
        &self,
        server_pk: i64,
        events: Vec<hy_api::node::AuthEvent>,
    ) -> Result<(), DbError> {
        timed("record_auth_events", async move {
            match self {
                Self::Sqlite(db) => {
                    db.call(move |c| crate::db::auth_log::insert(c, server_pk, &events))
                        .await
                }
                Self::Postgres(pool) => postgres::auth_log::insert(pool, server_pk, &events).await,
            }
        })
        .await
    }

    /// Writes a node's report exactly once: counters, history, quota (with the lists of a user
    /// who ran out bumped), admissions and auth events, all in one transaction. On SQLite
    /// central's handlers go through the group-commit writer ([`crate::ingest::Ingest`])
    /// instead, which writes the same way; this is its one-report form.
    pub async fn apply_report(
        &self,
        report: crate::ingest::Report,
    ) -> Result<crate::ingest::Applied, crate::ingest::IngestError> {
        timed("apply_report", async move {
            match self {
                Self::Sqlite(db) => {
                    let known = db.users().clone();
                    db.call(move |c| Ok(crate::ingest::write_alone(c, &known, &report)))
                        .await?
                }
                Self::Postgres(pool) => Ok(postgres::reports::apply(pool, &report).await?),
            }
        })
        .await
    }

    /// Traffic history between `since` and `until` (Unix seconds), by hour, day or server,
    /// optionally of one user (`NotFound` if there is none).
    pub async fn history(
        &self,
        user: Option<String>,
        since: i64,
        until: i64,
        by: hy_api::traffic::HistoryBy,
    ) -> Result<Vec<hy_api::traffic::HistoryPoint>, DbError> {
        timed("history", async move {
            match self {
                Self::Sqlite(db) => {
                    db.read(move |c| {
                        let user_pk = user
                            .as_deref()
                            .map(|u| crate::db::users::pk(c, u))
                            .transpose()?;
                        crate::db::history::history(c, user_pk, since, until, by)
                    })
                    .await
                }
                Self::Postgres(pool) => {
                    postgres::history::history(pool, user.as_deref(), since, until, by).await
                }
            }
        })
        .await
    }

    /// The next hour before `current_hour` with open history buckets, with the servers that
    /// have buckets in it; `None` once every past hour is closed (then recorded as such).
    pub async fn next_to_close(
        &self,
        current_hour: i64,
    ) -> Result<Option<(i64, Vec<i64>)>, DbError> {
        timed("next_to_close", async move {
            match self {
                Self::Sqlite(db) => {
                    db.call(move |c| crate::db::history::next_to_close(c, current_hour))
                        .await
                }
                Self::Postgres(pool) => postgres::history::next_to_close(pool, current_hour).await,
            }
        })
        .await
    }

    /// Closes the buckets of `hour` for users `users` on `servers` in one transaction (adds
    /// them to the per-user index); returns how many.
    pub async fn close_users(
        &self,
        hour: i64,
        servers: std::sync::Arc<Vec<i64>>,
        users: std::ops::Range<i64>,
    ) -> Result<usize, DbError> {
        timed("close_users", async move {
            match self {
                Self::Sqlite(db) => {
                    db.call(move |c| crate::db::history::close_users(c, hour, &servers, users))
                        .await
                }
                Self::Postgres(pool) => {
                    postgres::history::close_users(pool, hour, &servers, users).await
                }
            }
        })
        .await
    }

    /// Records that every bucket of `hour` is closed, once [`Self::close_users`] covered
    /// every user.
    pub async fn finish_closing(&self, hour: i64) -> Result<(), DbError> {
        timed("finish_closing", async move {
            match self {
                Self::Sqlite(db) => {
                    db.call(move |c| crate::db::history::finish_closing(c, hour))
                        .await
                }
                Self::Postgres(pool) => postgres::history::finish_closing(pool, hour).await,
            }
        })
        .await
    }

    /// History buckets not yet closed into the per-user index.
    pub async fn open_buckets(&self) -> Result<i64, DbError> {
        timed("open_buckets", async move {
            match self {
                Self::Sqlite(db) => db.read(crate::db::history::open_buckets).await,
                Self::Postgres(pool) => postgres::history::open_buckets(pool).await,
            }
        })
        .await
    }

    /// The highest user key given so far (0 for none).
    pub async fn last_user_pk(&self) -> Result<i64, DbError> {
        timed("last_user_pk", async move {
            match self {
                Self::Sqlite(db) => db.read(crate::db::users::last_pk).await,
                Self::Postgres(pool) => postgres::users::last_pk(pool).await,
            }
        })
        .await
    }

    /// Applies what became due in `(from, to]`: passed expiries bump their servers' lists,
    /// scheduled usage resets run and are rescheduled. Returns how many changes.
    pub async fn process_due(&self, from: i64, to: i64) -> Result<usize, DbError> {
        timed("process_due", async move {
            match self {
                Self::Sqlite(db) => {
                    db.call(move |c| crate::schedule::process(c, from, to))
                        .await
                }
                Self::Postgres(pool) => postgres::users::process_due(pool, from, to).await,
            }
        })
        .await
    }

    /// The next moment after `after` when a user expires or a scheduled reset is due.
    pub async fn next_due(&self, after: i64) -> Result<Option<i64>, DbError> {
        timed("next_due", async move {
            match self {
                Self::Sqlite(db) => db.read(move |c| crate::db::users::next_due(c, after)).await,
                Self::Postgres(pool) => postgres::users::next_due(pool, after).await,
            }
        })
        .await
    }

    /// Drops history older than `history_days` and auth events older than `log_days`;
    /// returns how many of each.
    pub async fn prune(
        &self,
        now: i64,
        history_days: u32,
        log_days: u32,
    ) -> Result<(usize, usize), DbError> {
        timed("prune", async move {
            match self {
                Self::Sqlite(db) => {
                    db.call(move |c| {
                        let history = crate::db::history::prune_history(c, now, history_days)?;
                        let log = crate::db::auth_log::prune(c, now, log_days)?;
                        Ok((history, log))
                    })
                    .await
                }
                Self::Postgres(pool) => {
                    postgres::history::prune(pool, now, history_days, log_days).await
                }
            }
        })
        .await
    }

    /// The stored SHA-256 (hex) of the admin token, if one was ever set.
    pub async fn admin_token_digest(&self) -> Result<Option<String>, DbError> {
        timed("admin_token_digest", async move {
            match self {
                Self::Sqlite(db) => db.read(crate::db::meta::admin_token_digest).await,
                Self::Postgres(pool) => postgres::meta::admin_token_digest(pool).await,
            }
        })
        .await
    }

    /// Stores the admin token's digest; unless `replace`, only if none is stored yet (two
    /// centrals starting together on one database keep one token). True if it was stored.
    pub async fn set_admin_token_digest(
        &self,
        digest: String,
        replace: bool,
    ) -> Result<bool, DbError> {
        timed("set_admin_token_digest", async move {
            match self {
                Self::Sqlite(db) => {
                    db.call(move |c| {
                        if replace {
                            crate::db::meta::set_admin_token_digest(c, &digest).map(|()| true)
                        } else {
                            crate::db::meta::first_admin_token_digest(c, &digest)
                        }
                    })
                    .await
                }
                Self::Postgres(pool) => {
                    postgres::meta::set_admin_token_digest(pool, &digest, replace).await
                }
            }
        })
        .await
    }

    /// Proves the database takes writes now: one small committed write, given little time.
    pub async fn probe_write(&self, now: i64) -> Result<(), DbError> {
        timed("probe_write", async move {
            match self {
                Self::Sqlite(db) => db.call(move |c| crate::db::meta::probe_write(c, now)).await,
                Self::Postgres(pool) => postgres::meta::probe_write(pool, now).await,
            }
        })
        .await
    }

    /// Lifetime traffic per user over all servers, every user included (zeros too).
    pub async fn traffic_by_user(&self) -> Result<hy_api::traffic::TrafficByUser, DbError> {
        timed("traffic_by_user", async move {
            match self {
                Self::Sqlite(db) => db.read(crate::db::traffic::by_user).await,
                Self::Postgres(pool) => postgres::traffic::by_user(pool, None).await,
            }
        })
        .await
    }

    /// Lifetime traffic of one user over all servers.
    pub async fn traffic_of_user(&self, id: String) -> Result<hy_api::Traffic, DbError> {
        timed("traffic_of_user", async move {
            match self {
                Self::Sqlite(db) => {
                    db.read(move |c| {
                        let pk = crate::db::users::pk(c, &id)?;
                        crate::db::traffic::of_user(c, pk)
                    })
                    .await
                }
                Self::Postgres(pool) => {
                    let all = postgres::traffic::by_user(pool, Some(&id)).await?;
                    all.get(&id)
                        .copied()
                        .ok_or(DbError::NotFound { kind: "user", id })
                }
            }
        })
        .await
    }

    /// Lifetime traffic per server (deleted servers summed into one `null` entry), for
    /// everyone or one user.
    pub async fn traffic_by_server(
        &self,
        user: Option<String>,
    ) -> Result<Vec<hy_api::traffic::ServerTraffic>, DbError> {
        timed("traffic_by_server", async move {
            match self {
                Self::Sqlite(db) => {
                    db.read(move |c| {
                        let pk = user.map(|id| crate::db::users::pk(c, &id)).transpose()?;
                        crate::db::traffic::by_server(c, pk)
                    })
                    .await
                }
                Self::Postgres(pool) => postgres::traffic::by_server(pool, user.as_deref()).await,
            }
        })
        .await
    }

    /// Writes the node list of a server at `now` (see `db::lists::node_list_json`): its
    /// revision to `revision` first, then the JSON in pieces to `emit`. False, having called
    /// neither, when there is no such server.
    pub async fn node_list(
        &self,
        server_pk: i64,
        now: i64,
        devices: bool,
        revision: impl FnOnce(i64) + Send + 'static,
        emit: impl FnMut(Vec<u8>) + Send + 'static,
    ) -> Result<bool, DbError> {
        timed("node_list", async move {
            match self {
                Self::Sqlite(db) => {
                    db.read_with_spare(move |c, spare| {
                        crate::db::lists::node_list_json(
                            c, spare, server_pk, now, devices, revision, emit,
                        )
                    })
                    .await
                }
                Self::Postgres(pool) => {
                    postgres::lists::node_list_json(pool, server_pk, now, devices, revision, emit)
                        .await
                }
            }
        })
        .await
    }
}
