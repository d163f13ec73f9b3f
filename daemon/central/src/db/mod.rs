//! Central's SQLite database: one writer connection and two readers, used only from the
//! blocking pool.
//!
//! PRAGMAs are set here, in code, because they are per-connection and a `journal_mode` change
//! inside a migration's transaction is silently ignored. Repository functions in the submodules
//! take a `&Connection` (a `Transaction` derefs to one), so handlers compose them atomically.

pub mod admins;
pub mod api_tokens;
pub mod audit;
pub mod auth_log;
pub mod devices;
pub mod directory;
pub mod events;
pub mod history;
pub mod lists;
pub mod meta;
pub mod migrations;
pub mod page;
pub mod panel;
pub mod servers;
pub mod subscriptions;
pub mod traffic;
pub mod user_devices;
pub mod users;
pub mod webhooks;

use std::path::Path;
use std::sync::Arc;

use parking_lot::{Mutex, MutexGuard};
use std::time::Duration;

use rusqlite::Connection;
use rusqlite::hooks::Action;

use crate::changes::ListChanges;

/// Why a database operation failed. `NotFound` and `Conflict` are expected outcomes that the
/// HTTP layer turns into 404 and 409; everything else is a 500.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// No row with that key.
    #[error("no {kind} named {id:?}")]
    NotFound {
        /// "user", "server", "assignment".
        kind: &'static str,
        /// The key that was looked up.
        id: String,
    },
    /// A uniqueness rule would be broken.
    #[error("{0}")]
    Conflict(String),
    /// The database is of a newer schema than this build understands, or a migration failed.
    #[error("{0}")]
    Schema(String),
    /// The database server cannot be reached (PostgreSQL down, restarting, or unreachable):
    /// a 503, since retrying may succeed.
    #[error("the database is unreachable: {0}")]
    Unavailable(String),
    /// SQLite failed.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The blocking task running the query panicked or was cancelled.
    #[error("database task failed: {0}")]
    Task(#[from] tokio::task::JoinError),
}

/// Rows of `list_revisions` changed, by whether their transaction has committed yet.
#[derive(Debug, Default)]
struct ListChangeLog {
    uncommitted: Vec<i64>,
    committed: Vec<i64>,
}

/// Handle to the database. Cheap to clone; all access goes through [`Db::call`] (reads and
/// writes) or [`Db::read`] (reads that must not wait for writes).
#[derive(Debug, Clone)]
pub struct Db {
    conn: Arc<Mutex<Connection>>,
    /// Connections for reads on the nodes' paths (credential checks, list polls, full lists).
    /// In WAL mode they read the last committed state while the writer is busy, so a node's
    /// request is not queued behind a group of traffic reports, nor a report behind a
    /// 100,000-user list. Two, so a full list can be read in halves on both cores, and a
    /// credential check need not wait for a list. Empty for an in-memory database, which has
    /// no second connection.
    readers: Arc<[Mutex<Connection>]>,
    users: directory::UserDirectory,
    pending: Arc<Mutex<ListChangeLog>>,
    changes: ListChanges,
}

impl Db {
    /// Opens (creating, mode 0600) and migrates the database file at `path`.
    pub fn open(path: &Path) -> Result<Self, DbError> {
        hy_common::files::ensure_private(path).map_err(|e| {
            DbError::Schema(format!(
                "could not create database file {}: {e}",
                path.display()
            ))
        })?;
        let conn = Connection::open(path)?;
        let mode: String =
            conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(DbError::Schema(format!(
                "could not switch the database to WAL (got {mode})"
            )));
        }
        let mut db = Self::setup(conn)?;
        // Opened after the migrations, so they never see an older schema.
        let reader = || -> Result<_, DbError> {
            let reader = Connection::open(path)?;
            reader.pragma_update(None, "query_only", true)?;
            reader.pragma_update(None, "cache_size", -16_384)?;
            reader.busy_timeout(Duration::from_secs(5))?;
            rusqlite::vtab::array::load_module(&reader)?;
            Ok(Mutex::new(reader))
        };
        db.readers = Arc::new([reader()?, reader()?]);
        Ok(db)
    }

    /// An in-memory database with the same schema, for tests.
    pub fn open_in_memory() -> Result<Self, DbError> {
        Self::setup(Connection::open_in_memory()?)
    }

    fn setup(mut conn: Connection) -> Result<Self, DbError> {
        // FULL, not WAL's usual NORMAL: an acknowledged traffic report must survive a power
        // loss, because the agent forgets the batch once acknowledged. One fsync per commit;
        // reports that arrive together share one (see `ingest`).
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // Reports touch rows all over the traffic tables: a 32 MiB page cache (the default is
        // 2 MiB) keeps the hot part of them in memory, and checkpointing every 32 MiB of WAL
        // instead of every 4 MiB writes a page changed by many reports back to the file once.
        conn.pragma_update(None, "cache_size", -32_768)?;
        conn.pragma_update(None, "wal_autocheckpoint", 8_192)?;
        conn.pragma_update(None, "journal_size_limit", 64 * 1024 * 1024)?;
        conn.busy_timeout(Duration::from_secs(5))?;
        // rarray(), for lists of keys in one query (db::traffic): on every connection, so a
        // query works wherever it runs.
        rusqlite::vtab::array::load_module(&conn)?;
        migrations::apply(&mut conn)?;

        // Changed lists are noted as rows change, and become news only when their transaction
        // commits: a rollback forgets its own changes, never earlier committed ones.
        let pending = Arc::new(Mutex::new(ListChangeLog::default()));
        let on_update = Arc::clone(&pending);
        let users = directory::UserDirectory::default();
        let user_changed = users.clone();
        conn.update_hook(Some(
            move |_action: Action, _db: &str, table: &str, rowid: i64| match table {
                "list_revisions" => on_update.lock().uncommitted.push(rowid),
                "users" => user_changed.forget(rowid),
                _ => {}
            },
        ));
        let on_commit = Arc::clone(&pending);
        conn.commit_hook(Some(move || {
            let mut log = on_commit.lock();
            let done = std::mem::take(&mut log.uncommitted);
            log.committed.extend(done);
            false // let the commit proceed
        }));
        let on_rollback = Arc::clone(&pending);
        let rolled_back = users.clone();
        conn.rollback_hook(Some(move || {
            on_rollback.lock().uncommitted.clear();
            rolled_back.forget_all();
        }));
        Ok(Self {
            conn: Arc::new(Mutex::new(conn)),
            readers: Arc::new([]),
            users,
            pending,
            changes: ListChanges::default(),
        })
    }

    /// The writer's cache of users by id, for applying reports.
    pub fn users(&self) -> &directory::UserDirectory {
        &self.users
    }

    /// Change notifications for node lists.
    pub fn changes(&self) -> &ListChanges {
        &self.changes
    }

    /// Runs `f` on the blocking pool so SQLite never stalls a runtime worker, then publishes
    /// which node lists it changed.
    pub async fn call<T, F>(&self, f: F) -> Result<T, DbError>
    where
        F: FnOnce(&mut Connection) -> Result<T, DbError> + Send + 'static,
        T: Send + 'static,
    {
        let db = self.clone();
        tokio::task::spawn_blocking(move || db.call_blocking(f)).await?
    }

    /// Runs the read-only `f` on the blocking pool, on a reader connection: it sees what was
    /// last committed and never waits for a write in progress. A write from `f` fails.
    pub async fn read<T, F>(&self, f: F) -> Result<T, DbError>
    where
        F: FnOnce(&Connection) -> Result<T, DbError> + Send + 'static,
        T: Send + 'static,
    {
        self.read_on(false, move |c, _| f(c)).await
    }

    /// [`Db::read`], also handing `f` a second reader connection if one is free at that moment
    /// (never waiting for one, so two such reads cannot hold one each and wait for the other).
    /// A spare is `&mut` so that `f` may move it to a thread of its own.
    pub async fn read_with_spare<T, F>(&self, f: F) -> Result<T, DbError>
    where
        F: FnOnce(&Connection, Option<&mut Connection>) -> Result<T, DbError> + Send + 'static,
        T: Send + 'static,
    {
        self.read_on(true, f).await
    }

    async fn read_on<T, F>(&self, want_spare: bool, f: F) -> Result<T, DbError>
    where
        F: FnOnce(&Connection, Option<&mut Connection>) -> Result<T, DbError> + Send + 'static,
        T: Send + 'static,
    {
        if self.readers.is_empty() {
            return self.call(move |c| f(c, None)).await;
        }
        let readers = Arc::clone(&self.readers);
        tokio::task::spawn_blocking(move || {
            fn free(r: &Mutex<Connection>) -> Option<MutexGuard<'_, Connection>> {
                r.try_lock()
            }
            // Nothing free: queue on the first, which a long list holds no longer than the
            // other (each builds one half).
            let (main, conn) = readers
                .iter()
                .enumerate()
                .find_map(|(i, r)| Some((i, free(r)?)))
                .unwrap_or_else(|| (0, readers[0].lock()));
            let mut spare = want_spare
                .then(|| {
                    readers
                        .iter()
                        .enumerate()
                        .find_map(|(i, r)| if i == main { None } else { free(r) })
                })
                .flatten();
            f(&conn, spare.as_deref_mut())
        })
        .await?
    }

    /// [`Db::call`] for code already on a blocking thread.
    pub fn call_blocking<T, F>(&self, f: F) -> Result<T, DbError>
    where
        F: FnOnce(&mut Connection) -> Result<T, DbError>,
    {
        let mut conn = self.conn.lock();
        let out = f(&mut conn);
        let changed = std::mem::take(&mut self.pending.lock().committed);
        drop(conn);
        self.changes.publish(&changed);
        out
    }
}

/// The constraint a failed statement broke, e.g. `users.id`, if it was a UNIQUE violation.
pub fn unique_violation(err: &rusqlite::Error) -> Option<&str> {
    match err {
        rusqlite::Error::SqliteFailure(e, Some(msg))
            if e.code == rusqlite::ErrorCode::ConstraintViolation =>
        {
            msg.strip_prefix("UNIQUE constraint failed: ")
        }
        _ => None,
    }
}

/// Converts stored seconds back to a timestamp (clamped to jiff's range).
pub fn ts(secs: i64) -> jiff::Timestamp {
    jiff::Timestamp::from_second(secs).unwrap_or(jiff::Timestamp::UNIX_EPOCH)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wal_and_foreign_keys_are_on_and_file_is_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.db");
        let db = Db::open(&path).unwrap();
        db.call_blocking(|c| {
            c.execute("INSERT INTO meta(key, value) VALUES ('x', 'y')", [])?;
            Ok(())
        })
        .unwrap();
        let other = Connection::open(&path).unwrap();
        let mode: String = other
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        let fk: i64 = db
            .call_blocking(|c| Ok(c.query_row("PRAGMA foreign_keys", [], |r| r.get(0))?))
            .unwrap();
        assert_eq!(fk, 1);
        for suffix in ["", "-wal", "-shm"] {
            let p = dir.path().join(format!("c.db{suffix}"));
            let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{}", p.display());
        }
    }

    #[tokio::test]
    async fn reads_see_the_last_commit_without_waiting_for_a_write_in_progress() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(&dir.path().join("c.db")).unwrap();
        let count = |c: &Connection| -> Result<i64, DbError> {
            Ok(
                c.query_row("SELECT COUNT(*) FROM meta WHERE key = 'x'", [], |r| {
                    r.get(0)
                })?,
            )
        };
        db.call(|c| Ok(c.execute("INSERT INTO meta(key, value) VALUES ('x', '1')", [])?))
            .await
            .unwrap();
        // A writer holding the connection inside an open transaction until told to stop.
        let (started, wait_started) = std::sync::mpsc::channel();
        let (finish, until_finished) = std::sync::mpsc::channel::<()>();
        let writer = db.clone();
        let held = tokio::task::spawn_blocking(move || {
            writer.call_blocking(|c| {
                let tx = c.transaction()?;
                tx.execute("DELETE FROM meta WHERE key = 'x'", [])?;
                started.send(()).unwrap();
                until_finished.recv().unwrap();
                tx.commit()?;
                Ok(())
            })
        });
        wait_started.recv().unwrap();
        assert_eq!(db.read(count).await.unwrap(), 1, "the last committed state");
        let refused = db
            .read(|c| Ok(c.execute("DELETE FROM meta", [])?))
            .await
            .unwrap_err();
        assert!(refused.to_string().contains("readonly"), "{refused}");
        finish.send(()).unwrap();
        held.await.unwrap().unwrap();
        assert_eq!(db.read(count).await.unwrap(), 0, "the writer's commit");
    }

    #[tokio::test]
    async fn a_spare_reader_is_lent_only_when_free() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(&dir.path().join("c.db")).unwrap();
        let spare_is_readonly = db
            .read_with_spare(|c, spare| {
                let spare = spare.expect("both readers are free");
                // Both can run what the writer runs, rarray() included.
                for conn in [c, &*spare] {
                    let keys = std::rc::Rc::new(vec![rusqlite::types::Value::Integer(7)]);
                    let n: i64 =
                        conn.query_row("SELECT COUNT(*) FROM rarray(?1)", [keys], |r| r.get(0))?;
                    assert_eq!(n, 1);
                }
                Ok(spare.execute("DELETE FROM meta", []).is_err())
            })
            .await
            .unwrap();
        assert!(spare_is_readonly);
        // One reader held by a long read: the next read gets the other and no spare, at once.
        let (started, wait_started) = std::sync::mpsc::channel();
        let (finish, until_finished) = std::sync::mpsc::channel::<()>();
        let reader = db.clone();
        let long = tokio::spawn(async move {
            reader
                .read(move |_| {
                    started.send(()).unwrap();
                    until_finished.recv().unwrap();
                    Ok(())
                })
                .await
        });
        tokio::task::spawn_blocking(move || wait_started.recv().unwrap())
            .await
            .unwrap();
        // A plain read must not have taken the other reader as a spare, or this would wait.
        let spare = tokio::time::timeout(
            Duration::from_secs(30),
            db.read_with_spare(|_, spare| Ok(spare.is_some())),
        )
        .await
        .expect("a reader was free")
        .unwrap();
        assert!(!spare, "the only other reader is busy");
        finish.send(()).unwrap();
        long.await.unwrap().unwrap();
        // In memory there is no reader at all: reads run on the writer, without a spare.
        let memory = Db::open_in_memory().unwrap();
        let spare = memory
            .read_with_spare(|_, spare| Ok(spare.is_some()))
            .await
            .unwrap();
        assert!(!spare);
    }
}
