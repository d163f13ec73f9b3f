//! Events on PostgreSQL: `db::events`' statements, numbered.

use deadpool_postgres::Pool;
use hy_api::events::Event;

use super::{client, numbered, pg};
use crate::db::DbError;
use crate::db::events::{AFTER, INSERT, LAST, PRUNE, SINCE, event};

pub async fn insert(
    pool: &Pool,
    at: i64,
    kind: &str,
    subject: &str,
    data: &str,
) -> Result<(), DbError> {
    let c = client(pool).await?;
    c.execute(&numbered(INSERT), &[&at, &kind, &subject, &data])
        .await
        .map_err(pg)?;
    Ok(())
}

pub async fn after(pool: &Pool, id: i64, limit: i64) -> Result<Vec<Event>, DbError> {
    let c = client(pool).await?;
    Ok(c.query(&numbered(AFTER), &[&id, &limit])
        .await
        .map_err(pg)?
        .iter()
        .map(|r| event(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4)))
        .collect())
}

pub async fn start(pool: &Pool, at: Option<i64>) -> Result<i64, DbError> {
    let c = client(pool).await?;
    let row = match at {
        Some(at) => c.query_one(&numbered(SINCE), &[&at]).await,
        None => c.query_one(LAST, &[]).await,
    }
    .map_err(pg)?;
    Ok(row.get(0))
}

pub async fn prune(pool: &Pool, before: i64) -> Result<usize, DbError> {
    let c = client(pool).await?;
    Ok(c.execute(&numbered(PRUNE), &[&before]).await.map_err(pg)? as usize)
}
