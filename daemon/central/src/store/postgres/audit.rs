//! The audit trail on PostgreSQL: `db::audit`'s statements, numbered.

use deadpool_postgres::Pool;
use hy_api::admins::AuditEntry;

use super::{client, numbered, pg};
use crate::db::DbError;
use crate::db::audit::{Filter, INSERT, LIST, NewEntry, PRUNE, entry};

/// See `db::audit::insert`.
pub async fn insert(pool: &Pool, e: &NewEntry) -> Result<(), DbError> {
    let c = client(pool).await?;
    c.execute(
        &numbered(INSERT),
        &[
            &e.at, &e.actor, &e.addr, &e.method, &e.route, &e.path, &e.status, &e.request,
            &e.before, &e.after,
        ],
    )
    .await
    .map_err(pg)?;
    Ok(())
}

/// See `db::audit::list`.
pub async fn list(pool: &Pool, f: &Filter) -> Result<Vec<AuditEntry>, DbError> {
    let c = client(pool).await?;
    let sql = numbered(LIST)
        .replace("$2 IS NULL", "$2::TEXT IS NULL")
        .replace("$3 IS NULL", "$3::TEXT IS NULL")
        .replace("instr(path, $3) > 0", "strpos(path, $3) > 0")
        .replace("$4 IS NULL", "$4::BIGINT IS NULL");
    Ok(
        c.query(&sql, &[&f.since, &f.actor, &f.path, &f.before, &f.limit])
            .await
            .map_err(pg)?
            .iter()
            .map(|r| {
                entry(
                    r.get(0),
                    r.get(1),
                    r.get(2),
                    r.get(3),
                    r.get(4),
                    r.get(5),
                    r.get(6),
                    r.get(7),
                    r.get(8),
                    r.get(9),
                    r.get(10),
                )
            })
            .collect(),
    )
}

/// See `db::audit::prune`.
pub async fn prune(pool: &Pool, now: i64, days: u32) -> Result<usize, DbError> {
    let c = client(pool).await?;
    let n = c
        .execute(&numbered(PRUNE), &[&(now - i64::from(days) * 86_400)])
        .await
        .map_err(pg)?;
    Ok(n as usize)
}
