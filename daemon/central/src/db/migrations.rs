//! Forward-only schema migrations, embedded in the binary and tracked in `PRAGMA user_version`.
//!
//! Each file under `migrations/` is applied once, in order, in its own transaction. A database
//! written by a newer build (a higher `user_version`) is refused rather than guessed at.

use rusqlite::Connection;

use super::DbError;

/// The migrations, in order; the schema version is the number applied.
pub const MIGRATIONS: &[(&str, &str)] = &[
    ("0001_core", include_str!("../../migrations/0001_core.sql")),
    (
        "0002_node_sync",
        include_str!("../../migrations/0002_node_sync.sql"),
    ),
    (
        "0003_limits",
        include_str!("../../migrations/0003_limits.sql"),
    ),
    (
        "0004_links",
        include_str!("../../migrations/0004_links.sql"),
    ),
    (
        "0005_history",
        include_str!("../../migrations/0005_history.sql"),
    ),
    (
        "0006_auth_log",
        include_str!("../../migrations/0006_auth_log.sql"),
    ),
    (
        "0007_devices",
        include_str!("../../migrations/0007_devices.sql"),
    ),
];

/// The schema version this build writes.
pub fn latest() -> i64 {
    MIGRATIONS.len() as i64
}

/// Brings the database up to [`latest`].
pub fn apply(conn: &mut Connection) -> Result<(), DbError> {
    let current: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if current > latest() {
        return Err(DbError::Schema(format!(
            "the database has schema version {current}, newer than this build of hyctl \
             understands ({}); run a newer hyctl or restore a backup",
            latest()
        )));
    }
    for (i, (name, sql)) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)
            .map_err(|e| DbError::Schema(format!("migration {name} failed: {e}")))?;
        tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        tx.commit()?;
        tracing::info!(migration = name, "applied database migration");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_apply_to_an_empty_database_and_are_idempotent() {
        let mut conn = Connection::open_in_memory().unwrap();
        apply(&mut conn).unwrap();
        apply(&mut conn).unwrap();
        let v: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, latest());
    }

    #[test]
    fn a_newer_schema_is_refused() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", latest() + 1)
            .unwrap();
        let err = apply(&mut conn).unwrap_err().to_string();
        assert!(err.contains("newer than this build"), "{err}");
    }
}
