//! Small named settings: the admin token's digest.

use rusqlite::{Connection, OptionalExtension, params};

use super::DbError;

/// The `meta` key of the admin token's digest, on both backends.
pub const ADMIN_TOKEN_SHA256: &str = "admin_token_sha256";

/// The stored SHA-256 (hex) of the admin token, if one was ever set.
pub fn admin_token_digest(conn: &Connection) -> Result<Option<String>, DbError> {
    Ok(conn
        .query_row(
            "SELECT value FROM meta WHERE key = ?1",
            [ADMIN_TOKEN_SHA256],
            |r| r.get(0),
        )
        .optional()?)
}

/// Proves the database takes writes: one tiny committed write, with its own short lock wait so
/// a probe never hangs for the full busy timeout.
pub fn probe_write(conn: &Connection, now: i64) -> Result<(), DbError> {
    conn.busy_timeout(std::time::Duration::from_millis(500))?;
    let written = conn.execute(
        "INSERT INTO meta (key, value) VALUES ('ready_probe', ?1)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [now.to_string()],
    );
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    written?;
    Ok(())
}

/// Replaces the admin token's digest.
pub fn set_admin_token_digest(conn: &Connection, digest: &str) -> Result<(), DbError> {
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![ADMIN_TOKEN_SHA256, digest],
    )?;
    Ok(())
}

/// Stores the admin token's digest unless one is stored already; true if this one was.
pub fn first_admin_token_digest(conn: &Connection, digest: &str) -> Result<bool, DbError> {
    Ok(conn.execute(
        "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO NOTHING",
        params![ADMIN_TOKEN_SHA256, digest],
    )? == 1)
}
