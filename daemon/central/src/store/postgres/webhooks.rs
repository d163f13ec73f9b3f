//! Webhooks on PostgreSQL: `db::webhooks`' statements, numbered.

use deadpool_postgres::Pool;
use hy_api::events::{Delivery, Webhook};

use super::{client, numbered, pg};
use crate::db::DbError;
use crate::db::webhooks::{
    ADVANCE, DELETE, DELIVERIES, DUE, Due, FAILED, INSERT, LIST, LOG, PRUNE, delivery, listed,
    types_of,
};

fn not_found(pk: i64) -> DbError {
    DbError::NotFound {
        kind: "webhook",
        id: pk.to_string(),
    }
}

pub async fn insert(
    pool: &Pool,
    url: &str,
    types: &str,
    secret: &str,
    now: i64,
) -> Result<Webhook, DbError> {
    let after = super::events::start(pool, None).await?;
    let c = client(pool).await?;
    let pk: i64 = c
        .query_one(
            &format!("{} RETURNING pk", numbered(INSERT)),
            &[&url, &types, &secret, &now, &after],
        )
        .await
        .map_err(pg)?
        .get(0);
    Ok(listed(pk, url.to_owned(), types, now, after, 0))
}

pub async fn list(pool: &Pool) -> Result<Vec<Webhook>, DbError> {
    let c = client(pool).await?;
    Ok(c.query(LIST, &[])
        .await
        .map_err(pg)?
        .iter()
        .map(|r| listed(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), r.get(5)))
        .collect())
}

pub async fn delete(pool: &Pool, pk: i64) -> Result<(), DbError> {
    let c = client(pool).await?;
    if c.execute(&numbered(DELETE), &[&pk]).await.map_err(pg)? == 0 {
        return Err(not_found(pk));
    }
    Ok(())
}

pub async fn deliveries(pool: &Pool, pk: i64) -> Result<Vec<Delivery>, DbError> {
    if !list(pool).await?.iter().any(|w| w.id == pk) {
        return Err(not_found(pk));
    }
    let c = client(pool).await?;
    Ok(c.query(&numbered(DELIVERIES), &[&pk])
        .await
        .map_err(pg)?
        .iter()
        .map(|r| delivery(r.get(0), r.get(1), r.get(2), r.get(3)))
        .collect())
}

pub async fn due(pool: &Pool, now: i64) -> Result<Vec<Due>, DbError> {
    let c = client(pool).await?;
    Ok(c.query(&numbered(DUE), &[&now])
        .await
        .map_err(pg)?
        .iter()
        .map(|r| Due {
            pk: r.get(0),
            url: r.get(1),
            types: types_of(r.get(2)),
            secret: r.get(3),
            after: r.get(4),
            failures: r.get(5),
        })
        .collect())
}

#[allow(clippy::too_many_arguments, reason = "an attempt's fields")]
pub async fn record(
    pool: &Pool,
    pk: i64,
    event_id: i64,
    at: i64,
    status: Option<i64>,
    error: Option<&str>,
    ok: bool,
    retry: (i64, i64),
) -> Result<(), DbError> {
    let mut c = client(pool).await?;
    let tx = c.transaction().await.map_err(pg)?;
    if let Some(status) = status {
        tx.execute(&numbered(LOG), &[&pk, &event_id, &at, &status, &error])
            .await
            .map_err(pg)?;
    }
    if ok {
        tx.execute(&numbered(ADVANCE), &[&pk, &event_id])
            .await
            .map_err(pg)?;
    } else {
        tx.execute(&numbered(FAILED), &[&pk, &retry.0, &retry.1])
            .await
            .map_err(pg)?;
    }
    tx.commit().await.map_err(pg)?;
    Ok(())
}

pub async fn prune(pool: &Pool, before: i64) -> Result<usize, DbError> {
    let c = client(pool).await?;
    Ok(c.execute(&numbered(PRUNE), &[&before]).await.map_err(pg)? as usize)
}
