//! User ids → primary key and data limit, cached for the report path: a report names a thousand
//! users by id, and looking each one up in SQLite was a fifth of the cost of applying it.
//!
//! Kept exact by the writer connection's hooks (see `Db::setup`): a change to a user's row
//! drops that user's entry, and a rollback drops every entry, since one read inside the
//! transaction that rolled back may hold what never committed. Only the writer connection
//! reads and fills it.

use std::collections::HashMap;
use std::sync::Arc;

use parking_lot::{Mutex, MutexGuard};

use rusqlite::{Connection, OptionalExtension};

use super::DbError;

/// Covered by users_id_limit: the user's row itself is not read. Named, because the planner
/// treats the unique index on id as just as good.
const FIND: &str = "SELECT pk, data_limit FROM users INDEXED BY users_id_limit WHERE id = ?1";

/// What a report needs to know about a user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Known {
    /// The user's primary key.
    pub pk: i64,
    /// Weighted bytes per period; 0 for none.
    pub data_limit: i64,
}

#[derive(Debug, Default)]
struct Entries {
    by_id: HashMap<Arc<str>, Known>,
    id_of: HashMap<i64, Arc<str>>,
}

/// The cache. Cheap to clone; clones share it.
#[derive(Debug, Clone, Default)]
pub struct UserDirectory(Arc<Mutex<Entries>>);

impl UserDirectory {
    fn entries(&self) -> MutexGuard<'_, Entries> {
        self.0.lock()
    }

    /// The user named `id`, from the cache or else from `conn` (which must be the connection
    /// whose hooks keep this cache). None if there is no such user; that is not cached.
    pub fn lookup(&self, conn: &Connection, id: &str) -> Result<Option<Known>, DbError> {
        if let Some(known) = self.entries().by_id.get(id) {
            return Ok(Some(*known));
        }
        let found = conn
            .prepare_cached(FIND)?
            .query_row([id], |r| {
                Ok(Known {
                    pk: r.get(0)?,
                    data_limit: r.get(1)?,
                })
            })
            .optional()?;
        if let Some(known) = found {
            let id: Arc<str> = Arc::from(id);
            let mut entries = self.entries();
            entries.id_of.insert(known.pk, Arc::clone(&id));
            entries.by_id.insert(id, known);
        }
        Ok(found)
    }

    /// The row of user `pk` changed (or went).
    pub(super) fn forget(&self, pk: i64) {
        let mut entries = self.entries();
        if let Some(id) = entries.id_of.remove(&pk) {
            entries.by_id.remove(&id);
        }
    }

    /// A transaction rolled back.
    pub(super) fn forget_all(&self) {
        let mut entries = self.entries();
        entries.by_id.clear();
        entries.id_of.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Db, users};
    use super::*;
    use hy_api::users::UserSettings;

    #[test]
    fn changes_to_a_user_are_seen_at_once_and_rolled_back_reads_are_forgotten() {
        let db = Db::open_in_memory().unwrap();
        let dir = db.users().clone();
        db.call_blocking(|c| {
            users::insert(c, "alice", "secret-alice", &Default::default(), 1)?;
            let alice = dir.lookup(c, "alice")?.unwrap();
            assert_eq!(alice.data_limit, 0);
            let limit = UserSettings {
                data_limit: Some(500),
                ..Default::default()
            };
            users::apply_settings(c, alice.pk, &limit, 2)?;
            assert_eq!(dir.lookup(c, "alice")?.unwrap().data_limit, 500);
            // Read inside a transaction that rolls back: the entry must not outlive it.
            {
                let tx = c.transaction()?;
                let seven = UserSettings {
                    data_limit: Some(7),
                    ..Default::default()
                };
                users::apply_settings(&tx, alice.pk, &seven, 3)?;
                assert_eq!(dir.lookup(&tx, "alice")?.unwrap().data_limit, 7);
                users::insert(&tx, "bob", "secret-bob-1", &Default::default(), 3)?;
                assert!(dir.lookup(&tx, "bob")?.is_some());
            }
            assert_eq!(dir.lookup(c, "alice")?.unwrap().data_limit, 500);
            assert_eq!(dir.lookup(c, "bob")?, None);
            let tx = c.transaction()?;
            users::delete(&tx, "alice")?;
            tx.commit()?;
            assert_eq!(dir.lookup(c, "alice")?, None);
            // A new user with the same id is a new row.
            users::insert(c, "alice", "secret-alice-2", &Default::default(), 4)?;
            assert_ne!(dir.lookup(c, "alice")?.unwrap().pk, alice.pk);
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn a_report_finds_users_and_their_limits_in_an_index_without_reading_their_rows() {
        let db = Db::open_in_memory().unwrap();
        db.call_blocking(|c| {
            let plan: String = c
                .prepare(&format!("EXPLAIN QUERY PLAN {FIND}"))?
                .query_row(["x"], |r| r.get(3))?;
            assert!(plan.contains("COVERING INDEX users_id_limit"), "{plan}");
            Ok(())
        })
        .unwrap();
    }
}
