//! API tokens on PostgreSQL: `db::api_tokens`' statements, numbered.

use deadpool_postgres::Pool;
use hy_api::admins::{ApiToken, Role};

use super::{client, numbered, pg, unique_violation};
use crate::db::DbError;
use crate::db::api_tokens::{
    ALL, DELETE, INSERT, Known, LIST, TOUCH, listed, name_taken, not_found,
};

/// See `db::api_tokens::insert`.
pub async fn insert(
    pool: &Pool,
    name: &str,
    role: Role,
    digest: &str,
    now: i64,
    expires_at: Option<i64>,
) -> Result<ApiToken, DbError> {
    let c = client(pool).await?;
    c.execute(
        &numbered(INSERT),
        &[&name, &role.as_str(), &digest, &now, &expires_at],
    )
    .await
    .map_err(|e| match unique_violation(&e) {
        Some("api_tokens_name_key") => name_taken(name),
        _ => pg(e),
    })?;
    Ok(listed(
        name.to_owned(),
        role.as_str(),
        now,
        expires_at,
        None,
    ))
}

/// See `db::api_tokens::list`.
pub async fn list(pool: &Pool) -> Result<Vec<ApiToken>, DbError> {
    let c = client(pool).await?;
    Ok(c.query(LIST, &[])
        .await
        .map_err(pg)?
        .iter()
        .map(|r| listed(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4)))
        .collect())
}

/// See `db::api_tokens::all`.
pub async fn all(pool: &Pool) -> Result<Vec<(String, Known)>, DbError> {
    let c = client(pool).await?;
    Ok(c.query(ALL, &[])
        .await
        .map_err(pg)?
        .iter()
        .map(|r| {
            (
                r.get(0),
                Known {
                    name: r.get(1),
                    role: Role::parse(r.get(2)).unwrap_or_default(),
                    expires_at: r.get(3),
                },
            )
        })
        .collect())
}

/// See `db::api_tokens::delete`.
pub async fn delete(pool: &Pool, name: &str) -> Result<(), DbError> {
    let c = client(pool).await?;
    if c.execute(&numbered(DELETE), &[&name]).await.map_err(pg)? == 0 {
        return Err(not_found(name));
    }
    Ok(())
}

/// See `db::api_tokens::touch`.
pub async fn touch(pool: &Pool, name: &str, now: i64) -> Result<(), DbError> {
    let c = client(pool).await?;
    c.execute(&numbered(TOUCH), &[&name, &now])
        .await
        .map_err(pg)?;
    Ok(())
}
