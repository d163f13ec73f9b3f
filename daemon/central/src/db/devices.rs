//! The `online_devices` table: each node's connected devices per user, for device limits that
//! hold across nodes.

use std::collections::BTreeMap;

use rusqlite::{Connection, OptionalExtension, params};

use super::DbError;

/// Counts older than this (seconds) are ignored: the node stopped updating.
pub const FRESH_FOR: i64 = 180;

/// Replaces what `server_pk` reported. Ids that name no user are ignored.
pub fn replace(
    conn: &mut Connection,
    server_pk: i64,
    counts: &BTreeMap<String, u64>,
    now: i64,
) -> Result<(), DbError> {
    let tx = conn.transaction()?;
    tx.prepare_cached("DELETE FROM online_devices WHERE server_pk = ?1")?
        .execute([server_pk])?;
    {
        let mut find = tx.prepare_cached("SELECT pk FROM users WHERE id = ?1")?;
        let mut put = tx.prepare_cached(
            "INSERT INTO online_devices (server_pk, user_pk, count, at) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for (id, n) in counts.iter().filter(|(_, n)| **n > 0) {
            if let Some(user_pk) = find.query_row([id], |r| r.get::<_, i64>(0)).optional()? {
                put.execute(params![
                    server_pk,
                    user_pk,
                    (*n).min(i64::MAX as u64) as i64,
                    now
                ])?;
            }
        }
    }
    tx.commit()?;
    Ok(())
}

/// For each device-limited user of `server_pk`: devices connected on other nodes (fresh counts).
pub fn elsewhere(
    conn: &Connection,
    server_pk: i64,
    now: i64,
) -> Result<BTreeMap<String, u64>, DbError> {
    let mut stmt = conn.prepare_cached(
        "SELECT u.id, CAST(MIN(TOTAL(d.count), 9.2e18) AS INTEGER) FROM assignments a
         JOIN users u ON u.pk = a.user_pk AND u.max_devices > 0
         JOIN online_devices d ON d.user_pk = u.pk AND d.server_pk != ?1 AND d.at > ?2
         WHERE a.server_pk = ?1 GROUP BY u.pk",
    )?;
    let rows = stmt
        .query_map(params![server_pk, now - FRESH_FOR], |r| {
            Ok((r.get(0)?, r.get::<_, i64>(1)?.max(0) as u64))
        })?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}
