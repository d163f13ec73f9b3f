//! Admin accounts and sessions on PostgreSQL: `db::admins`' statements, numbered.

use deadpool_postgres::Pool;
use hy_api::admins::{Admin, Role};

use super::{client, numbered, pg, unique_violation};
use crate::db::DbError;
use crate::db::admins::{
    CREDENTIALS, Credentials, END_SESSION, END_SESSIONS, INSERT, LIST, LOGGED_IN, NEW_ACCESS,
    OPEN_SESSION, PRUNE_SESSIONS, SET_TOTP, SessionRow, listed, name_taken, not_found,
};

pub async fn insert(
    pool: &Pool,
    name: &str,
    hash: &str,
    role: Role,
    now: i64,
) -> Result<(), DbError> {
    let c = client(pool).await?;
    c.execute(&numbered(INSERT), &[&name, &hash, &role.as_str(), &now])
        .await
        .map_err(|e| match unique_violation(&e) {
            Some("admins_username_key") => name_taken(name),
            _ => pg(e),
        })?;
    Ok(())
}

pub async fn list(pool: &Pool, now: i64) -> Result<Vec<Admin>, DbError> {
    let c = client(pool).await?;
    Ok(c.query(&numbered(LIST), &[&now])
        .await
        .map_err(pg)?
        .iter()
        .map(|r| listed(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), r.get(5)))
        .collect())
}

pub async fn credentials(pool: &Pool, name: &str) -> Result<Option<Credentials>, DbError> {
    let c = client(pool).await?;
    Ok(c.query_opt(&numbered(CREDENTIALS), &[&name])
        .await
        .map_err(pg)?
        .map(|r| Credentials {
            pk: r.get(0),
            password_hash: r.get(1),
            totp_secret: r.get(2),
            role: Role::parse(r.get(3)).unwrap_or_default(),
        }))
}

pub async fn update(
    pool: &Pool,
    sql: &str,
    name: &str,
    value: Option<&str>,
) -> Result<usize, DbError> {
    let c = client(pool).await?;
    let sql_n = numbered(sql);
    let n = match value {
        Some(v) => c.execute(&sql_n, &[&name, &v]).await,
        None if sql == SET_TOTP => c.execute(&sql_n, &[&name, &Option::<String>::None]).await,
        None => c.execute(&sql_n, &[&name]).await,
    }
    .map_err(pg)?;
    if sql == END_SESSIONS {
        // The account's panel sign-ins end with its API sessions.
        c.execute(&numbered(crate::db::panel::END_OF_ADMIN), &[&name])
            .await
            .map_err(pg)?;
    }
    if n == 0 && sql != END_SESSIONS {
        return Err(not_found(name));
    }
    Ok(n as usize)
}

pub async fn count_owners(pool: &Pool) -> Result<i64, DbError> {
    let c = client(pool).await?;
    Ok(c.query_one(crate::db::admins::COUNT_OWNERS, &[])
        .await
        .map_err(pg)?
        .get(0))
}

#[allow(clippy::too_many_arguments, reason = "a session's columns")]
pub async fn open_session(
    pool: &Pool,
    admin_pk: i64,
    access: &str,
    refresh: &str,
    now: i64,
    access_until: i64,
    refresh_until: i64,
) -> Result<(), DbError> {
    let mut c = client(pool).await?;
    let tx = c.transaction().await.map_err(pg)?;
    tx.execute(
        &numbered(OPEN_SESSION),
        &[
            &admin_pk,
            &access,
            &refresh,
            &now,
            &access_until,
            &refresh_until,
        ],
    )
    .await
    .map_err(pg)?;
    tx.execute(&numbered(LOGGED_IN), &[&admin_pk, &now])
        .await
        .map_err(pg)?;
    tx.commit().await.map_err(pg)?;
    Ok(())
}

pub async fn session(pool: &Pool, sql: &str, digest: &str) -> Result<Option<SessionRow>, DbError> {
    let c = client(pool).await?;
    Ok(c.query_opt(&numbered(sql), &[&digest])
        .await
        .map_err(pg)?
        .map(|r| SessionRow {
            pk: r.get(0),
            username: r.get(1),
            role: Role::parse(r.get(2)).unwrap_or_default(),
            expires_at: r.get(3),
        }))
}

pub async fn new_access(pool: &Pool, pk: i64, digest: &str, until: i64) -> Result<(), DbError> {
    let c = client(pool).await?;
    c.execute(&numbered(NEW_ACCESS), &[&pk, &digest, &until])
        .await
        .map_err(pg)?;
    Ok(())
}

pub async fn end_session(pool: &Pool, pk: i64) -> Result<(), DbError> {
    let c = client(pool).await?;
    c.execute(&numbered(END_SESSION), &[&pk])
        .await
        .map_err(pg)?;
    Ok(())
}

pub async fn prune_sessions(pool: &Pool, now: i64) -> Result<usize, DbError> {
    let c = client(pool).await?;
    let idle = now - crate::db::panel::IDLE_SECS;
    let panel = c
        .execute(&numbered(crate::db::panel::PRUNE), &[&now, &idle])
        .await
        .map_err(pg)?;
    Ok((c
        .execute(&numbered(PRUNE_SESSIONS), &[&now])
        .await
        .map_err(pg)?
        + panel) as usize)
}

/// See `db::admins::scrape_counts`.
pub async fn scrape_counts(
    pool: &Pool,
    now: i64,
) -> Result<crate::db::admins::ScrapeCounts, DbError> {
    let c = client(pool).await?;
    let devices = c
        .query(&numbered(crate::db::admins::DEVICE_STATES), &[&now])
        .await
        .map_err(pg)?
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    let admin_sessions = c
        .query_one(&numbered(crate::db::admins::OPEN_SESSIONS), &[&now])
        .await
        .map_err(pg)?
        .get(0);
    // SUM of an integer column is NUMERIC on PostgreSQL.
    let connections = c
        .query_one(
            &numbered(crate::db::admins::CONNECTIONS).replace("SUM(count)", "SUM(count)::BIGINT"),
            &[&(now - crate::db::devices::FRESH_FOR)],
        )
        .await
        .map_err(pg)?
        .get(0);
    Ok(crate::db::admins::ScrapeCounts {
        devices,
        admin_sessions,
        connections,
    })
}
