//! Web panel sessions on PostgreSQL: `db::panel`'s statements.

use deadpool_postgres::Pool;

use super::{client, numbered, pg};
use crate::db::DbError;
use crate::db::panel::{END, FIND, OPEN, PanelSession, session};

pub async fn open(
    pool: &Pool,
    digest: &str,
    admin_pk: Option<i64>,
    token_sha256: Option<&str>,
    now: i64,
    expires_at: i64,
) -> Result<(), DbError> {
    let c = client(pool).await?;
    c.execute(
        &numbered(OPEN),
        &[&digest, &admin_pk, &token_sha256, &now, &expires_at],
    )
    .await
    .map_err(pg)?;
    Ok(())
}

pub async fn find(pool: &Pool, digest: &str) -> Result<Option<PanelSession>, DbError> {
    let c = client(pool).await?;
    Ok(c.query_opt(&numbered(FIND), &[&digest])
        .await
        .map_err(pg)?
        .map(|r| session(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4))))
}

pub async fn mark(pool: &Pool, sql: &str, pk: i64, at: i64) -> Result<(), DbError> {
    let c = client(pool).await?;
    if sql == END {
        c.execute(&numbered(sql), &[&pk]).await
    } else {
        c.execute(&numbered(sql), &[&pk, &at]).await
    }
    .map_err(pg)?;
    Ok(())
}
