//! The user table the auth hot path answers from: SHA-256 of a secret → user entry.
//!
//! Readers take a snapshot with one atomic load and never block; sync replaces the whole table
//! at once, so a request sees either the old list or the new one, never a mix. Each entry also
//! carries what this node enforces on its own (expiry, remaining quota, address allowlist,
//! device limit), so a user is cut off here even while central is unreachable.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use arc_swap::ArcSwap;
use hy_api::Traffic;
use hy_api::node::NodeList;
use sha2::{Digest, Sha256};

/// Why a known user is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Past its expiry time.
    Expired,
    /// Used up its quota (as far as this node can tell).
    QuotaExhausted,
    /// The client address is not in the allowlist.
    AddressNotAllowed,
    /// Already at the device limit on this node.
    TooManyDevices,
}

/// One user of the list.
#[derive(Debug)]
pub struct Entry {
    /// The id to answer Hysteria with.
    pub id: Arc<str>,
    remaining: Option<u64>,
    multiplier: f64,
    /// Weighted bytes seen on this node since the list arrived.
    used: AtomicU64,
    expires_at: Option<i64>,
    /// Device limit on this node.
    pub max_devices: Option<u32>,
    allowed: Vec<ipnet::IpNet>,
}

impl Entry {
    /// Whether the user may connect at `now` (Unix seconds) as far as time and quota go.
    pub fn check(&self, now: i64) -> Result<(), Refusal> {
        if self.expires_at.is_some_and(|e| now >= e) {
            return Err(Refusal::Expired);
        }
        if self
            .remaining
            .is_some_and(|r| self.used.load(Ordering::Relaxed) >= r)
        {
            return Err(Refusal::QuotaExhausted);
        }
        Ok(())
    }

    /// Whether a client at `addr` (`ip:port`, IPv6 in brackets) may connect as this user.
    pub fn address_allowed(&self, addr: &str) -> bool {
        if self.allowed.is_empty() {
            return true;
        }
        parse_ip(addr).is_some_and(|ip| self.allowed.iter().any(|net| net.contains(&ip)))
    }
}

/// `203.0.113.7:51234` / `[2001:db8::1]:51234` (as Hysteria sends `addr`) → the IP.
pub fn parse_ip(addr: &str) -> Option<IpAddr> {
    addr.parse::<std::net::SocketAddr>()
        .map(|s| s.ip())
        .or_else(|_| addr.parse())
        .ok()
}

/// One immutable list, indexed for auth.
#[derive(Debug, Default)]
pub struct Table {
    by_digest: HashMap<[u8; 32], Arc<Entry>>,
    by_id: HashMap<Arc<str>, Arc<Entry>>,
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
            let allowed: Option<Vec<ipnet::IpNet>> = user
                .allowed_ips
                .iter()
                .map(|c| hy_api::validate::cidr(c).ok())
                .collect();
            // Central never sends a bad entry; a bad entry must not take the others down.
            let (Some(()), Some(allowed)) = (hex_decode(&user.auth_sha256, &mut digest), allowed)
            else {
                skipped += 1;
                continue;
            };
            if user.id.is_empty() {
                skipped += 1;
                continue;
            }
            let entry = Arc::new(Entry {
                id: Arc::from(user.id.as_str()),
                remaining: user.remaining,
                multiplier: user.multiplier.unwrap_or(1.0),
                used: AtomicU64::new(0),
                expires_at: user.expires_at,
                max_devices: user.max_devices,
                allowed,
            });
            table
                .by_id
                .insert(Arc::clone(&entry.id), Arc::clone(&entry));
            table.by_digest.insert(digest, entry);
        }
        (table, skipped)
    }

    /// The user a client's auth string belongs to, if any.
    pub fn lookup(&self, auth: &str) -> Option<&Arc<Entry>> {
        let digest: [u8; 32] = Sha256::digest(auth.as_bytes()).into();
        self.by_digest.get(&digest)
    }

    /// True if `id` may use this node at `now`.
    pub fn allows(&self, id: &str, now: i64) -> bool {
        self.by_id.get(id).is_some_and(|e| e.check(now).is_ok())
    }

    /// Counts traffic seen on this node against the users' remaining quotas; returns the ids
    /// that ran out with it.
    pub fn charge(&self, deltas: &std::collections::BTreeMap<String, Traffic>) -> Vec<String> {
        let mut ran_out = Vec::new();
        for (id, t) in deltas {
            let Some(e) = self.by_id.get(id.as_str()) else {
                continue;
            };
            let Some(remaining) = e.remaining else {
                continue;
            };
            let weighted = (t.total() as f64 * e.multiplier).round() as u64;
            let before = e.used.fetch_add(weighted, Ordering::Relaxed);
            if before < remaining && before.saturating_add(weighted) >= remaining {
                ran_out.push(id.clone());
            }
        }
        ran_out
    }

    /// True if `id` has a device limit.
    pub fn has_device_limit(&self, id: &str) -> bool {
        self.by_id.get(id).is_some_and(|e| e.max_devices.is_some())
    }

    /// True if any user has a device limit.
    pub fn any_device_limit(&self) -> bool {
        self.by_id.values().any(|e| e.max_devices.is_some())
    }

    /// Number of users.
    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    /// True when no user may connect.
    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }

    /// Ids allowed by `self` but not by `next`.
    pub fn removed_in(&self, next: &Table) -> Vec<String> {
        self.by_id
            .keys()
            .filter(|id| !next.by_id.contains_key(*id))
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
        out[i] = (nibble(pair[0])? << 4) | nibble(pair[1])?;
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

    /// Replaces the table.
    pub fn store(&self, next: Table) {
        self.0.store(Arc::new(next));
    }
}

#[cfg(test)]
mod tests {
    use hy_api::node::NodeUser;

    use super::*;

    fn user(id: &str, secret: &str) -> NodeUser {
        NodeUser {
            id: id.into(),
            auth_sha256: hy_api::auth_digest(secret),
            ..Default::default()
        }
    }

    fn list(users: Vec<NodeUser>) -> NodeList {
        NodeList {
            revision: "1.1".into(),
            users,
        }
    }

    #[test]
    fn looks_up_by_secret_and_reports_removals() {
        let (old, skipped) = Table::from_list(&list(vec![
            user("alice", "a-secret"),
            user("bob", "b-secret"),
        ]));
        assert_eq!(skipped, 0);
        assert_eq!(old.lookup("a-secret").map(|e| &*e.id), Some("alice"));
        assert!(old.lookup("A-secret").is_none());
        assert!(old.lookup("").is_none());
        let (new, _) = Table::from_list(&list(vec![user("bob", "b-secret")]));
        assert_eq!(old.removed_in(&new), ["alice"]);
        assert!(new.allows("bob", 0) && !new.allows("alice", 0));
    }

    #[test]
    fn bad_entries_are_skipped_not_fatal() {
        let mut users = vec![user("alice", "a-secret")];
        users.push(NodeUser {
            id: "bad".into(),
            auth_sha256: "zz".into(),
            ..Default::default()
        });
        users.push(NodeUser {
            id: String::new(),
            auth_sha256: hy_api::auth_digest("x"),
            ..Default::default()
        });
        users.push(NodeUser {
            allowed_ips: vec!["nonsense".into()],
            ..user("ips", "i-secret")
        });
        let (t, skipped) = Table::from_list(&list(users));
        assert_eq!((t.len(), skipped), (1, 3));
    }

    #[test]
    fn local_limits_cut_users_off() {
        let quota = NodeUser {
            remaining: Some(1000),
            multiplier: Some(2.0),
            ..user("q", "q-secret")
        };
        let exp = NodeUser {
            expires_at: Some(100),
            ..user("e", "e-secret")
        };
        let ips = NodeUser {
            allowed_ips: vec!["203.0.113.0/24".into(), "2001:db8::/32".into()],
            ..user("i", "i-secret")
        };
        let (t, _) = Table::from_list(&list(vec![quota, exp, ips]));
        let d = |tx, rx| [("q".to_owned(), Traffic { tx, rx })].into();
        assert!(t.charge(&d(100, 100)).is_empty(), "400 of 1000 weighted");
        assert_eq!(t.charge(&d(200, 100)), ["q"], "1000 of 1000: out");
        assert!(t.charge(&d(1, 0)).is_empty(), "reported once");
        assert_eq!(
            t.lookup("q-secret").unwrap().check(0),
            Err(Refusal::QuotaExhausted)
        );
        assert!(!t.allows("q", 0));
        assert!(t.allows("e", 99) && !t.allows("e", 100));
        let i = t.lookup("i-secret").unwrap();
        assert!(i.address_allowed("203.0.113.7:51234"));
        assert!(i.address_allowed("[2001:db8::1]:51234"));
        assert!(!i.address_allowed("198.51.100.1:1"));
        assert!(!i.address_allowed("garbage"));
        assert!(
            t.lookup("e-secret")
                .unwrap()
                .address_allowed("198.51.100.1:1"),
            "no allowlist"
        );
    }
}
