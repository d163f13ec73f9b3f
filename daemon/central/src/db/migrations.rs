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
    (
        "0008_traffic_by_node",
        include_str!("../../migrations/0008_traffic_by_node.sql"),
    ),
    (
        "0009_quota_usage",
        include_str!("../../migrations/0009_quota_usage.sql"),
    ),
    (
        "0010_quota_crossing_in_code",
        include_str!("../../migrations/0010_quota_crossing_in_code.sql"),
    ),
    (
        "0011_history_rollup",
        include_str!("../../migrations/0011_history_rollup.sql"),
    ),
    (
        "0012_server_kind",
        include_str!("../../migrations/0012_server_kind.sql"),
    ),
    (
        "0013_contact",
        include_str!("../../migrations/0013_contact.sql"),
    ),
    (
        "0014_user_devices",
        include_str!("../../migrations/0014_user_devices.sql"),
    ),
    (
        "0015_subscriptions",
        include_str!("../../migrations/0015_subscriptions.sql"),
    ),
    (
        "0016_api_tokens",
        include_str!("../../migrations/0016_api_tokens.sql"),
    ),
    (
        "0017_audit_log",
        include_str!("../../migrations/0017_audit_log.sql"),
    ),
    (
        "0018_admins",
        include_str!("../../migrations/0018_admins.sql"),
    ),
    (
        "0019_events",
        include_str!("../../migrations/0019_events.sql"),
    ),
    (
        "0020_webhooks",
        include_str!("../../migrations/0020_webhooks.sql"),
    ),
    (
        "0021_online_sessions",
        include_str!("../../migrations/0021_online_sessions.sql"),
    ),
    (
        "0022_session_kicks",
        include_str!("../../migrations/0022_session_kicks.sql"),
    ),
    (
        "0023_device_streams",
        include_str!("../../migrations/0023_device_streams.sql"),
    ),
    (
        "0024_panel_sessions",
        include_str!("../../migrations/0024_panel_sessions.sql"),
    ),
    (
        "0025_list_rev_seen",
        include_str!("../../migrations/0025_list_rev_seen.sql"),
    ),
    (
        "0026_stream_sessions",
        include_str!("../../migrations/0026_stream_sessions.sql"),
    ),
    (
        "0027_session_ends",
        include_str!("../../migrations/0027_session_ends.sql"),
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

    /// Every migration file is in the list, on both backends, in file-name order: a file
    /// written and not listed would never run.
    #[test]
    fn every_migration_file_is_listed() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
        for (dir, listed) in [
            (
                dir.clone(),
                MIGRATIONS.iter().map(|(n, _)| *n).collect::<Vec<_>>(),
            ),
            (
                dir.join("postgres"),
                crate::pg::MIGRATIONS.iter().map(|(n, _)| *n).collect(),
            ),
        ] {
            let mut files: Vec<String> = std::fs::read_dir(&dir)
                .unwrap()
                .filter_map(|e| e.ok()?.file_name().into_string().ok())
                .filter_map(|n| n.strip_suffix(".sql").map(str::to_owned))
                .collect();
            files.sort();
            assert_eq!(files, listed, "{}", dir.display());
        }
    }

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

    #[test]
    fn rekeying_the_traffic_tables_keeps_every_row() {
        let mut conn = Connection::open_in_memory().unwrap();
        let before = MIGRATIONS
            .iter()
            .position(|(n, _)| *n == "0008_traffic_by_node")
            .unwrap();
        for (_, sql) in &MIGRATIONS[..before] {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "user_version", before as i64)
            .unwrap();
        conn.execute_batch(
            "INSERT INTO users (pk, id, secret, secret_sha256, created_at, updated_at)
                 VALUES (1, 'a', 's1', 'd1', 0, 0), (2, 'b', 's2', 'd2', 0, 0);
             INSERT INTO traffic (user_pk, server_pk, tx, rx) VALUES (1, 9, 10, 20), (2, 9, 1, 2);
             INSERT INTO traffic_hourly (user_pk, hour, server_pk, tx, rx)
                 VALUES (1, 100, 9, 5, 6), (1, 101, 9, 5, 14), (2, 100, 8, 1, 2);",
        )
        .unwrap();
        apply(&mut conn).unwrap();
        let sums = |conn: &Connection, sql: &str| -> (i64, i64, i64) {
            conn.query_row(sql, [], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .unwrap()
        };
        assert_eq!(
            sums(&conn, "SELECT COUNT(*), SUM(tx), SUM(rx) FROM traffic"),
            (2, 11, 22)
        );
        assert_eq!(
            sums(
                &conn,
                "SELECT COUNT(*), SUM(tx), SUM(rx) FROM traffic_hourly WHERE user_pk = 1"
            ),
            (2, 10, 20)
        );
        // Every bucket from before the upgrade is closed, and a deleted user takes its rows
        // along (by hand since 0011, no longer by cascade).
        assert_eq!(
            sums(
                &conn,
                "SELECT COUNT(*), MIN(closed), MAX(closed) FROM traffic_hourly"
            ),
            (3, 1, 1)
        );
        assert_eq!(super::super::history::closed_before(&conn).unwrap(), 102);
        rusqlite::vtab::array::load_module(&conn).unwrap();
        let tx = conn.transaction().unwrap();
        super::super::users::delete(&tx, "a").unwrap();
        tx.commit().unwrap();
        assert_eq!(
            sums(
                &conn,
                "SELECT COUNT(*), SUM(tx), SUM(rx) FROM traffic_hourly"
            ),
            (1, 1, 2)
        );
    }
}
