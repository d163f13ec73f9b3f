//! Subscription tokens on PostgreSQL: `db::subscriptions`' statements, numbered.

use deadpool_postgres::Pool;

use super::{client, numbered, pg};
use crate::db::DbError;
use crate::db::subscriptions::{FIND, GET, ISSUE, REVOKE, SET, SubState};

fn not_found(user: &str) -> DbError {
    DbError::NotFound {
        kind: "user",
        id: user.to_owned(),
    }
}

/// See `db::subscriptions::get_or_issue`.
pub async fn get_or_issue(pool: &Pool, user: &str, fresh: &str) -> Result<SubState, DbError> {
    let c = client(pool).await?;
    c.execute(
        &numbered(ISSUE),
        &[&user, &fresh, &hy_api::auth_digest(fresh)],
    )
    .await
    .map_err(pg)?;
    let row = c
        .query_opt(&numbered(GET), &[&user])
        .await
        .map_err(pg)?
        .ok_or_else(|| not_found(user))?;
    Ok(SubState {
        token: row.get(0),
        revoked_at: row.get(1),
    })
}

/// See `db::subscriptions::set`.
pub async fn set(pool: &Pool, user: &str, token: Option<&str>, now: i64) -> Result<(), DbError> {
    let c = client(pool).await?;
    let n = match token {
        Some(t) => c
            .execute(&numbered(SET), &[&user, &t, &hy_api::auth_digest(t)])
            .await
            .map_err(pg)?,
        None => c
            .execute(&numbered(REVOKE), &[&user, &now])
            .await
            .map_err(pg)?,
    };
    if n == 0 {
        return Err(not_found(user));
    }
    Ok(())
}

/// See `db::subscriptions::find`.
pub async fn find(pool: &Pool, digest: &str) -> Result<Option<String>, DbError> {
    let c = client(pool).await?;
    Ok(c.query_opt(&numbered(FIND), &[&digest])
        .await
        .map_err(pg)?
        .map(|r| r.get(0)))
}
