//! The `users` table.

use hy_api::Traffic;
use hy_api::users::User;
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::{DbError, ts};

const SELECT: &str = "SELECT u.id, u.secret, u.created_at, u.updated_at,
        (SELECT COUNT(*) FROM assignments a WHERE a.user_pk = u.pk),
        COALESCE((SELECT SUM(t.tx) FROM traffic t WHERE t.user_pk = u.pk), 0),
        COALESCE((SELECT SUM(t.rx) FROM traffic t WHERE t.user_pk = u.pk), 0)
    FROM users u";

fn from_row(row: &Row<'_>) -> rusqlite::Result<User> {
    Ok(User {
        id: row.get(0)?,
        secret: row.get(1)?,
        created_at: ts(row.get(2)?),
        updated_at: ts(row.get(3)?),
        servers: row.get::<_, i64>(4)? as u64,
        traffic: Traffic {
            tx: row.get::<_, i64>(5)? as u64,
            rx: row.get::<_, i64>(6)? as u64,
        },
    })
}

/// Turns a UNIQUE violation on `users` into a conflict that says which rule broke.
fn classify(err: rusqlite::Error, id: &str) -> DbError {
    match super::unique_violation(&err) {
        Some("users.id") => DbError::Conflict(format!("user {id:?} already exists")),
        Some("users.secret") => DbError::Conflict(
            "that secret is already used by another user; secrets must be unique so a \
             client's auth string names exactly one user"
                .into(),
        ),
        _ => DbError::Sqlite(err),
    }
}

/// Inserts a user.
pub fn insert(conn: &Connection, id: &str, secret: &str, now: i64) -> Result<User, DbError> {
    conn.prepare_cached(
        "INSERT INTO users (id, secret, secret_sha256, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?4)",
    )?
    .execute(params![id, secret, hy_api::auth_digest(secret), now])
    .map_err(|e| classify(e, id))?;
    get(conn, id)
}

/// True if a user with this id exists.
pub fn exists(conn: &Connection, id: &str) -> Result<bool, DbError> {
    Ok(conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM users WHERE id = ?1)")?
        .query_row([id], |r| r.get(0))?)
}

/// All users, ordered by id.
pub fn list(conn: &Connection) -> Result<Vec<User>, DbError> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} ORDER BY u.id"))?;
    let rows = stmt.query_map([], from_row)?.collect::<Result<_, _>>()?;
    Ok(rows)
}

/// One user, or `NotFound`.
pub fn get(conn: &Connection, id: &str) -> Result<User, DbError> {
    conn.prepare_cached(&format!("{SELECT} WHERE u.id = ?1"))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| not_found(id))
}

/// The internal key of a user, or `NotFound`.
pub fn pk(conn: &Connection, id: &str) -> Result<i64, DbError> {
    conn.prepare_cached("SELECT pk FROM users WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| not_found(id))
}

/// Replaces a user's secret.
pub fn set_secret(conn: &Connection, id: &str, secret: &str, now: i64) -> Result<User, DbError> {
    let n = conn
        .prepare_cached(
            "UPDATE users SET secret = ?2, secret_sha256 = ?3, updated_at = ?4 WHERE id = ?1",
        )?
        .execute(params![id, secret, hy_api::auth_digest(secret), now])
        .map_err(|e| classify(e, id))?;
    if n == 0 {
        return Err(not_found(id));
    }
    get(conn, id)
}

/// Deletes a user; assignments and traffic go with it (foreign keys cascade).
pub fn delete(conn: &Connection, id: &str) -> Result<(), DbError> {
    match conn
        .prepare_cached("DELETE FROM users WHERE id = ?1")?
        .execute([id])?
    {
        0 => Err(not_found(id)),
        _ => Ok(()),
    }
}

fn not_found(id: &str) -> DbError {
    DbError::NotFound {
        kind: "user",
        id: id.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::Db;
    use super::*;

    #[test]
    fn duplicate_id_and_secret_are_conflicts() {
        let db = Db::open_in_memory().unwrap();
        db.call_blocking(|c| {
            insert(c, "alice", "secret-one", 1)?;
            let dup_id = insert(c, "alice", "secret-two", 1).unwrap_err();
            assert!(matches!(dup_id, DbError::Conflict(ref m) if m.contains("already exists")));
            let dup_secret = insert(c, "bob", "secret-one", 1).unwrap_err();
            assert!(matches!(dup_secret, DbError::Conflict(ref m) if m.contains("secret")));
            assert_eq!(list(c)?.len(), 1);
            Ok(())
        })
        .unwrap();
    }
}
