//! The user table the auth hot path answers from: SHA-256 of a secret → user id.
//!
//! Readers take a snapshot with one atomic load and never block; sync replaces the whole table
//! at once, so a request sees either the old list or the new one, never a mix.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use arc_swap::ArcSwap;
use hy_api::node::NodeList;
use sha2::{Digest, Sha256};

/// One immutable list, indexed for auth.
#[derive(Debug, Default)]
pub struct Table {
    by_digest: HashMap<[u8; 32], Arc<str>>,
    ids: HashSet<Arc<str>>,
    /// The list's revision as central named it; empty before the first list.
    pub revision: String,
}

impl Table {
    /// Indexes a list from central. Entries with malformed digests are skipped (and counted).
    pub fn from_list(list: &NodeList) -> (Self, usize) {
        let mut table = Table {
            revision: list.revision.clone(),
            ..Default::default()
        };
        let mut skipped = 0;
        for user in &list.users {
            let mut digest = [0u8; 32];
            // Central never sends a bad digest; a bad entry must not take the others down.
            if user.id.is_empty() || hex_decode(&user.auth_sha256, &mut digest).is_none() {
                skipped += 1;
                continue;
            }
            let id: Arc<str> = Arc::from(user.id.as_str());
            table.ids.insert(Arc::clone(&id));
            table.by_digest.insert(digest, id);
        }
        (table, skipped)
    }

    /// The user a client's auth string belongs to, if any.
    pub fn lookup(&self, auth: &str) -> Option<&Arc<str>> {
        let digest: [u8; 32] = Sha256::digest(auth.as_bytes()).into();
        self.by_digest.get(&digest)
    }

    /// True if `id` may use this node.
    pub fn allows(&self, id: &str) -> bool {
        self.ids.contains(id)
    }

    /// Number of users.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// True when no user may connect.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Ids allowed by `self` but not by `next`.
    pub fn removed_in(&self, next: &Table) -> Vec<String> {
        self.ids
            .iter()
            .filter(|id| !next.ids.contains(*id))
            .map(|id| id.to_string())
            .collect()
    }
}

fn hex_decode(s: &str, out: &mut [u8; 32]) -> Option<()> {
    let bytes = s.as_bytes();
    if bytes.len() != 64 {
        return None;
    }
    let nibble = |c: u8| match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    };
    for (i, pair) in bytes.chunks_exact(2).enumerate() {
        out[i] = nibble(pair[0])? << 4 | nibble(pair[1])?;
    }
    Some(())
}

/// The current table, shared between the auth handler and sync.
#[derive(Debug, Clone, Default)]
pub struct SharedTable(Arc<ArcSwap<Table>>);

impl SharedTable {
    /// A snapshot of the current table.
    pub fn load(&self) -> Arc<Table> {
        self.0.load_full()
    }

    /// Replaces the table; returns the previous one.
    pub fn swap(&self, next: Table) -> Arc<Table> {
        self.0.swap(Arc::new(next))
    }
}

#[cfg(test)]
mod tests {
    use hy_api::node::NodeUser;

    use super::*;

    fn list(users: &[(&str, &str)]) -> NodeList {
        NodeList {
            revision: "1.1".into(),
            users: users
                .iter()
                .map(|(id, secret)| NodeUser {
                    id: (*id).into(),
                    auth_sha256: hy_api::auth_digest(secret),
                })
                .collect(),
        }
    }

    #[test]
    fn looks_up_by_secret_and_reports_removals() {
        let (old, skipped) = Table::from_list(&list(&[("alice", "a-secret"), ("bob", "b-secret")]));
        assert_eq!(skipped, 0);
        assert_eq!(old.lookup("a-secret").map(|s| &**s), Some("alice"));
        assert_eq!(old.lookup("A-secret"), None);
        assert_eq!(old.lookup(""), None);
        let (new, _) = Table::from_list(&list(&[("bob", "b-secret")]));
        assert_eq!(old.removed_in(&new), ["alice"]);
        assert!(new.allows("bob") && !new.allows("alice"));
    }

    #[test]
    fn bad_entries_are_skipped_not_fatal() {
        let mut l = list(&[("alice", "a-secret")]);
        l.users.push(NodeUser {
            id: "bad".into(),
            auth_sha256: "zz".into(),
        });
        l.users.push(NodeUser {
            id: String::new(),
            auth_sha256: hy_api::auth_digest("x"),
        });
        let (t, skipped) = Table::from_list(&l);
        assert_eq!((t.len(), skipped), (1, 2));
    }
}
