//! Devices on PostgreSQL: the same operations as `db::user_devices`, whose rules (settings to
//! columns, row to device) they share. Secrets are claimed under an advisory lock, since the
//! rule that a secret names one credential spans two tables no index covers together.

use deadpool_postgres::{Pool, Transaction};
use hy_api::devices::{Device, DeviceSettings};
use tokio_postgres::Row;
use tokio_postgres::types::ToSql;

use super::{client, numbered, pg, unique_violation};
use crate::db::DbError;
use crate::db::user_devices::{DeviceRow, SELECT, name_taken, setting_updates, too_many};
use crate::db::users::{SettingValue, secret_taken};

fn from_row(r: &Row, now: i64) -> Device {
    DeviceRow {
        user: r.get(0),
        name: r.get(1),
        secret: r.get(2),
        blocked: r.get(3),
        valid_from: r.get(4),
        valid_until: r.get(5),
        allowed_ips: r.get(6),
        max_sessions: r.get(7),
        note: r.get(8),
        tx: r.get(9),
        rx: r.get(10),
        first_seen_at: r.get(11),
        first_seen_server: r.get(12),
        last_seen_at: r.get(13),
        last_seen_server: r.get(14),
        last_seen_addr: r.get(15),
        created_at: r.get(16),
        updated_at: r.get(17),
        allowed_streams: r.get(18),
        publisher: r.get(19),
    }
    .into_device(now)
}

fn not_found(user: &str, name: &str) -> DbError {
    DbError::NotFound {
        kind: "device",
        id: hy_api::devices::node_id(user, name),
    }
}

/// Refuses `secret` if a user or a device other than `except_pk` has it, holding a lock on
/// the secret until the transaction ends, so two writers of one secret cannot both pass.
pub(crate) async fn claim_secret(
    tx: &Transaction<'_>,
    secret: &str,
    except_pk: i64,
) -> Result<(), DbError> {
    tx.execute(
        &tx.prepare_cached("SELECT pg_advisory_xact_lock(hashtextextended($1, 7))")
            .await
            .map_err(pg)?,
        &[&secret],
    )
    .await
    .map_err(pg)?;
    let taken: bool = tx
        .query_one(
            &tx.prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM users WHERE secret = $1)
                     OR EXISTS (SELECT 1 FROM devices WHERE secret = $1 AND pk != $2)",
            )
            .await
            .map_err(pg)?,
            &[&secret, &except_pk],
        )
        .await
        .map_err(pg)?
        .get(0);
    if taken {
        return Err(secret_taken());
    }
    Ok(())
}

async fn user_pk(tx: &Transaction<'_>, user: &str) -> Result<i64, DbError> {
    Ok(tx
        .query_opt("SELECT pk FROM users WHERE id = $1", &[&user])
        .await
        .map_err(pg)?
        .ok_or_else(|| DbError::NotFound {
            kind: "user",
            id: user.to_owned(),
        })?
        .get(0))
}

async fn pk_of(tx: &Transaction<'_>, user: &str, name: &str) -> Result<i64, DbError> {
    Ok(tx
        .query_opt(
            "SELECT d.pk FROM devices d JOIN users u ON u.pk = d.user_pk
             WHERE u.id = $1 AND d.name = $2",
            &[&user, &name],
        )
        .await
        .map_err(pg)?
        .ok_or_else(|| not_found(user, name))?
        .get(0))
}

async fn apply(tx: &Transaction<'_>, pk: i64, s: &DeviceSettings, now: i64) -> Result<(), DbError> {
    for (column, value) in setting_updates(s) {
        let sql = format!("UPDATE devices SET {column} = $2, updated_at = $3 WHERE pk = $1");
        let value: Box<dyn ToSql + Sync + Send> = match value {
            SettingValue::Int(v) => Box::new(v),
            SettingValue::Bool(v) => Box::new(v),
            SettingValue::Text(v) => Box::new(v),
        };
        tx.execute(&sql, &[&pk, &*value, &now]).await.map_err(pg)?;
    }
    Ok(())
}

async fn get_in(tx: &Transaction<'_>, user: &str, name: &str, now: i64) -> Result<Device, DbError> {
    tx.query_opt(
        &numbered(&format!("{SELECT} WHERE u.id = ?1 AND d.name = ?2")),
        &[&user, &name],
    )
    .await
    .map_err(pg)?
    .map(|r| from_row(&r, now))
    .ok_or_else(|| not_found(user, name))
}

/// See `db::user_devices::insert`.
pub async fn insert(
    pool: &Pool,
    user: &str,
    name: &str,
    secret: &str,
    settings: &DeviceSettings,
    now: i64,
) -> Result<Device, DbError> {
    let mut c = client(pool).await?;
    let tx = c.transaction().await.map_err(pg)?;
    let user_pk = user_pk(&tx, user).await?;
    // The user's row, locked: two concurrent additions cannot both pass the count.
    let count: i64 = tx
        .query_one(
            "SELECT (SELECT COUNT(*) FROM devices WHERE user_pk = $1)
             FROM users WHERE pk = $1 FOR NO KEY UPDATE",
            &[&user_pk],
        )
        .await
        .map_err(pg)?
        .get(0);
    if count >= hy_api::devices::MAX_DEVICES_PER_USER as i64 {
        return Err(too_many(user));
    }
    claim_secret(&tx, secret, -1).await?;
    let pk: i64 = tx
        .query_one(
            "INSERT INTO devices (user_pk, name, secret, secret_sha256, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $5) RETURNING pk",
            &[&user_pk, &name, &secret, &hy_api::auth_digest(secret), &now],
        )
        .await
        .map_err(|e| match unique_violation(&e) {
            Some("devices_user_pk_name_key") => name_taken(user, name),
            Some("devices_secret_key") => secret_taken(),
            _ => pg(e),
        })?
        .get(0);
    apply(&tx, pk, settings, now).await?;
    let device = get_in(&tx, user, name, now).await?;
    tx.commit().await.map_err(pg)?;
    Ok(device)
}

/// See `db::user_devices::get`.
pub async fn get(pool: &Pool, user: &str, name: &str, now: i64) -> Result<Device, DbError> {
    let mut c = client(pool).await?;
    let tx = c.transaction().await.map_err(pg)?;
    get_in(&tx, user, name, now).await
}

/// See `db::user_devices::list`.
pub async fn list(pool: &Pool, user: &str, now: i64) -> Result<Vec<Device>, DbError> {
    let mut c = client(pool).await?;
    let tx = c.transaction().await.map_err(pg)?;
    user_pk(&tx, user).await?;
    Ok(tx
        .query(
            &numbered(&format!("{SELECT} WHERE u.id = ?1 ORDER BY d.name")),
            &[&user],
        )
        .await
        .map_err(pg)?
        .iter()
        .map(|r| from_row(r, now))
        .collect())
}

/// See `db::user_devices::list_all`.
pub async fn list_all(
    pool: &Pool,
    offset: i64,
    limit: i64,
    now: i64,
) -> Result<Vec<Device>, DbError> {
    let c = client(pool).await?;
    let sql = numbered(&format!("{SELECT}{}", crate::db::user_devices::ALL)).replace(
        "ORDER BY u.id, d.name",
        "ORDER BY u.id COLLATE \"C\", d.name COLLATE \"C\"",
    );
    Ok(c.query(&sql, &[&limit, &offset])
        .await
        .map_err(pg)?
        .iter()
        .map(|r| from_row(r, now))
        .collect())
}

/// See `db::user_devices::update`.
pub async fn update(
    pool: &Pool,
    user: &str,
    name: &str,
    secret: Option<&str>,
    settings: &DeviceSettings,
    now: i64,
) -> Result<Device, DbError> {
    let mut c = client(pool).await?;
    let tx = c.transaction().await.map_err(pg)?;
    let pk = pk_of(&tx, user, name).await?;
    if let Some(secret) = secret {
        claim_secret(&tx, secret, pk).await?;
        tx.execute(
            "UPDATE devices SET secret = $2, secret_sha256 = $3, updated_at = $4 WHERE pk = $1",
            &[&pk, &secret, &hy_api::auth_digest(secret), &now],
        )
        .await
        .map_err(|e| match unique_violation(&e) {
            Some("devices_secret_key") => secret_taken(),
            _ => pg(e),
        })?;
    }
    apply(&tx, pk, settings, now).await?;
    let device = get_in(&tx, user, name, now).await?;
    tx.commit().await.map_err(pg)?;
    Ok(device)
}

/// See `db::user_devices::delete`.
pub async fn delete(pool: &Pool, user: &str, name: &str) -> Result<(), DbError> {
    let mut c = client(pool).await?;
    let tx = c.transaction().await.map_err(pg)?;
    let pk = pk_of(&tx, user, name).await?;
    tx.execute("DELETE FROM devices WHERE pk = $1", &[&pk])
        .await
        .map_err(pg)?;
    tx.commit().await.map_err(pg)?;
    Ok(())
}

/// See `db::user_devices::record_use`; in the report's transaction.
pub(crate) async fn record_use(
    tx: &Transaction<'_>,
    server_pk: i64,
    devices: &[crate::ingest::DeviceUse],
    counted: bool,
    now: i64,
) -> Result<(), tokio_postgres::Error> {
    for d in devices {
        let (t, r) = if counted {
            (d.traffic.tx as i64, d.traffic.rx as i64)
        } else {
            (0, 0)
        };
        if (t, r) == (0, 0) && !d.seen && d.addr.is_none() {
            continue;
        }
        tx.execute(
            &tx.prepare_cached(
                "UPDATE devices SET
                     tx = LEAST(tx, $5::BIGINT - $3::BIGINT) + $3,
                     rx = LEAST(rx, $5::BIGINT - $4::BIGINT) + $4,
                     first_seen_at = COALESCE(first_seen_at, $6::BIGINT),
                     first_seen_server = COALESCE(first_seen_server, $7::BIGINT),
                     last_seen_at = GREATEST(COALESCE(last_seen_at, 0), $6),
                     last_seen_server = $7,
                     last_seen_addr = COALESCE($8::TEXT, last_seen_addr)
                 WHERE user_pk = (SELECT pk FROM users WHERE id = $1) AND name = $2",
            )
            .await?,
            &[
                &d.user,
                &d.name,
                &t,
                &r,
                &i64::MAX,
                &now,
                &server_pk,
                &d.addr,
            ],
        )
        .await?;
    }
    Ok(())
}
