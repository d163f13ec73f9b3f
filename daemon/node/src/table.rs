//! The user table every decision answers from: SHA-256 of a credential → user entry.
//!
//! Readers take a snapshot with one atomic load and never block; sync replaces the whole table
//! at once, so a request sees either the old list or the new one, never a mix. Each entry also
//! carries what this node enforces on its own (expiry, remaining quota, address allowlist,
//! device limit), so a user is cut off here even while central is unreachable.

use std::hash::{BuildHasher, RandomState};
use std::net::IpAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use arc_swap::ArcSwap;
use hashbrown::HashTable;
use hy_api::Traffic;
use hy_api::node::NodeUser;
use serde::de::{
    DeserializeSeed, Deserializer, Error as _, IgnoredAny, MapAccess, SeqAccess, Visitor,
};
use sha2::{Digest, Sha256};

use crate::decide::Refusal;

/// One user (or device) of the list, packed: 80 bytes, its id in the table's name arena. At a
/// million users a node holds about 100 MB per table, and two while a new list arrives, so
/// every field is as small as what it holds allows (sentinels instead of `Option`).
#[derive(Debug)]
struct Row {
    digest: [u8; 32],
    /// Quota left when the list was read; `u64::MAX` = no limit.
    remaining: u64,
    /// Weighted bytes seen on this node since the list arrived.
    used: AtomicU64,
    /// Unix seconds of expiry; `i64::MAX` = never.
    expires_at: i64,
    /// A weight in [0, 100]: single precision is exact for the usual 0.5, 1.5, 2, and off by
    /// under one part in ten million otherwise, on a local estimate central corrects anyway.
    multiplier: f32,
    /// A device's row: the position of its user's row, whose quota it shares; `u32::MAX` for
    /// a user's own row (or a device whose user is not on the list).
    owner: u32,
    /// Device limit on this node; 0 = none.
    max_devices: u32,
    /// Position of the allowlist in `Table::nets`; `u32::MAX` = any address.
    nets: u32,
    /// The id: `names[name..name + name_len]`.
    name: u32,
    name_len: u8,
    /// Central's kill counter for the id, truncated: only a change matters.
    kick: u16,
}

// The size the memory goals were measured at (BENCHMARKS.md); a new field must find room.
const _: () = assert!(std::mem::size_of::<Row>() == 80);

/// What a device's entry adds to its user's limits; only devices have one.
#[derive(Debug, Clone, Copy)]
struct DeviceExtra {
    /// Unix seconds before which it is refused; `i64::MIN` = no start.
    not_before: i64,
    /// Sessions of this device on this node; 0 = no limit of its own.
    max_sessions: u32,
    /// Its own allowlist in `Table::nets`; `u32::MAX` = any address.
    nets: u32,
    /// Its stream patterns in `Table::streams`; `u32::MAX` = any stream.
    streams: u32,
    /// May publish streams (media nodes).
    publisher: bool,
    /// Blocked: refused as such (media nodes' lists only).
    suspended: bool,
}

/// One user (or device) of the list, as the decision reads it.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'t> {
    table: &'t Table,
    row: &'t Row,
    at: u32,
    /// What a device adds, looked up once per decision (never for a list without devices).
    device: Option<&'t DeviceExtra>,
}

impl<'t> Entry<'t> {
    /// The id the plane knows it by: the user's, or `user:device`.
    pub fn id(&self) -> &'t str {
        self.table.name(self.row)
    }

    /// The row whose quota this entry spends: its user's.
    fn quota_row(&self) -> &'t Row {
        self.table
            .rows
            .get(self.row.owner as usize)
            .unwrap_or(self.row)
    }

    fn device(&self) -> Option<&'t DeviceExtra> {
        self.device
    }

    /// True for a device's entry.
    pub fn is_device(&self) -> bool {
        self.device().is_some()
    }

    /// The device limit on this node (the user's, counting all their devices).
    pub fn max_devices(&self) -> Option<u32> {
        (self.row.max_devices > 0).then_some(self.row.max_devices)
    }

    /// A device's own session limit on this node.
    pub fn max_sessions(&self) -> Option<u32> {
        self.device()
            .and_then(|d| (d.max_sessions > 0).then_some(d.max_sessions))
    }

    /// Whether it may connect at `now` (Unix seconds) as far as time and quota go; a device
    /// spends its user's quota.
    pub fn check(&self, now: i64) -> Result<(), Refusal> {
        if self.device().is_some_and(|d| d.suspended) {
            return Err(Refusal::Suspended);
        }
        if self.row.expires_at != i64::MAX && now >= self.row.expires_at {
            return Err(Refusal::Expired);
        }
        if self.device().is_some_and(|d| now < d.not_before) {
            return Err(Refusal::NotYetValid);
        }
        let quota = self.quota_row();
        if quota.remaining != u64::MAX && quota.used.load(Ordering::Relaxed) >= quota.remaining {
            return Err(Refusal::Quota);
        }
        Ok(())
    }

    /// Whether this entry may play (or, with `publish`, push) the stream `name` on a media
    /// node: any stream unless a device lists some; publishing only for a device marked as a
    /// publisher (a user's own secret never publishes).
    pub fn stream_allowed(&self, name: &str, publish: bool) -> Result<(), Refusal> {
        let device = self.device();
        if publish && !device.is_some_and(|d| d.publisher) {
            return Err(Refusal::PublishNotAllowed);
        }
        let patterns = device.and_then(|d| self.table.streams.get(d.streams as usize));
        match patterns {
            Some(p) if !hy_api::devices::stream_allowed(p, name) => Err(Refusal::StreamNotAllowed),
            _ => Ok(()),
        }
    }

    /// Whether a client at `addr` (`ip:port`, IPv6 in brackets) may connect as this entry:
    /// in the user's allowlist and, for a device, in its own as well.
    pub fn address_allowed(&self, addr: &str) -> bool {
        let device_nets = self.device().map_or(u32::MAX, |d| d.nets);
        [self.row.nets, device_nets].into_iter().all(|at| {
            let Some(nets) = self.table.nets.get(at as usize) else {
                return true;
            };
            parse_ip(addr).is_some_and(|ip| nets.iter().any(|net| net.contains(&ip)))
        })
    }
}

/// `203.0.113.7:51234` / `[2001:db8::1]:51234` (as Hysteria sends `addr`) → the IP.
pub fn parse_ip(addr: &str) -> Option<IpAddr> {
    addr.parse::<std::net::SocketAddr>()
        .map(|s| s.ip())
        .or_else(|_| addr.parse())
        .ok()
}

/// One immutable list, indexed for decisions.
///
/// Rows live in one vector and ids in one string; the two indexes hold positions, not copies.
/// About 100 bytes a user with both indexes (measured in BENCHMARKS.md, `memory-1m`).
#[derive(Debug, Default)]
pub struct Table {
    rows: Vec<Row>,
    /// Every id, back to back.
    names: String,
    /// Allowlists of the users and devices that have one.
    nets: Vec<Box<[ipnet::IpNet]>>,
    /// What devices add, by row position: only devices pay for it.
    devices: std::collections::HashMap<u32, DeviceExtra>,
    /// Stream patterns of the devices that have some (media nodes).
    streams: Vec<Box<[String]>>,
    by_digest: HashTable<u32>,
    by_id: HashTable<u32>,
    ids: RandomState,
    /// The list's revision as central named it; empty before the first list.
    pub revision: String,
    /// Media sessions central asked to end, by session id (few: one per ask, for two hours).
    end_sessions: std::collections::HashSet<String>,
}

/// A digest is already uniformly distributed: its first bytes are the hash.
fn digest_hash(digest: &[u8; 32]) -> u64 {
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    u64::from_le_bytes(first)
}

impl Table {
    /// Parses central's list JSON (a [`hy_api::node::NodeList`]) straight into a table, one
    /// user at a time: at 100,000 users the intermediate list would cost more memory than the
    /// table itself.
    /// Malformed entries are skipped and counted (the second value).
    pub fn from_json(json: &[u8]) -> Result<(Self, usize), serde_json::Error> {
        let mut de = serde_json::Deserializer::from_slice(json);
        let built = ListSeed(Sizes::default()).deserialize(&mut de)?;
        de.end()?;
        Ok(built)
    }

    fn name(&self, row: &Row) -> &str {
        let start = row.name as usize;
        self.names
            .get(start..start + usize::from(row.name_len))
            .unwrap_or_default()
    }

    fn entry(&self, i: u32) -> Entry<'_> {
        Entry {
            table: self,
            row: &self.rows[i as usize],
            at: i,
            device: if self.devices.is_empty() {
                None
            } else {
                self.devices.get(&i)
            },
        }
    }

    /// Adds one user; false if the entry is malformed. Central never sends a bad entry, but a
    /// bad entry must not take the others down.
    fn push(&mut self, user: &NodeUser) -> bool {
        let mut digest = [0u8; 32];
        let allowed: Option<Box<[ipnet::IpNet]>> = user
            .allowed_ips
            .iter()
            .map(|c| hy_api::validate::cidr(c).ok())
            .collect();
        let (Some(()), Some(allowed)) = (hex_decode(&user.auth_sha256, &mut digest), allowed)
        else {
            return false;
        };
        let Ok(name_len) = u8::try_from(user.id.len()) else {
            return false;
        };
        if user.id.is_empty() || self.find_id(&user.id).is_some() || self.find(&digest).is_some() {
            return false;
        }
        let (Ok(at), Ok(name), Ok(nets_at)) = (
            u32::try_from(self.rows.len()),
            u32::try_from(self.names.len()),
            u32::try_from(self.nets.len()),
        ) else {
            return false;
        };
        let device_allowed: Option<Box<[ipnet::IpNet]>> = match &user.device {
            Some(d) => match d
                .allowed_ips
                .iter()
                .map(|c| hy_api::validate::cidr(c).ok())
                .collect::<Option<Box<[ipnet::IpNet]>>>()
            {
                Some(nets) => Some(nets),
                None => return false,
            },
            None => None,
        };
        let nets = if allowed.is_empty() {
            u32::MAX
        } else {
            self.nets.push(allowed);
            nets_at
        };
        // A device shares its user's quota: its user's row comes before it in the list.
        let owner = match &user.device {
            Some(_) => {
                let (user_id, _) = hy_api::devices::split_node_id(&user.id);
                self.find_id(user_id).map_or(u32::MAX, |e| e.at)
            }
            None => u32::MAX,
        };
        if let (Some(d), Some(device_nets)) = (&user.device, device_allowed) {
            let nets = if device_nets.is_empty() {
                u32::MAX
            } else {
                self.nets.push(device_nets);
                (self.nets.len() - 1) as u32
            };
            let streams = if d.allowed_streams.is_empty() {
                u32::MAX
            } else {
                self.streams
                    .push(d.allowed_streams.clone().into_boxed_slice());
                (self.streams.len() - 1) as u32
            };
            self.devices.insert(
                at,
                DeviceExtra {
                    not_before: d.not_before.unwrap_or(i64::MIN),
                    max_sessions: d.max_sessions.unwrap_or(0),
                    nets,
                    streams,
                    publisher: d.publisher,
                    suspended: d.suspended,
                },
            );
        }
        let id_hash = self.ids.hash_one(user.id.as_str());
        self.names.push_str(&user.id);
        self.rows.push(Row {
            digest,
            remaining: user.remaining.map_or(u64::MAX, |r| r.min(u64::MAX - 1)),
            used: AtomicU64::new(0),
            expires_at: user.expires_at.unwrap_or(i64::MAX),
            multiplier: user.multiplier.unwrap_or(1.0) as f32,
            owner,
            kick: user.kick.unwrap_or(0) as u16,
            max_devices: user.max_devices.unwrap_or(0),
            nets,
            name,
            name_len,
        });
        let Self {
            rows,
            names,
            by_digest,
            by_id,
            ids,
            ..
        } = self;
        by_digest.insert_unique(digest_hash(&digest), at, |&i| {
            digest_hash(&rows[i as usize].digest)
        });
        by_id.insert_unique(id_hash, at, |&i| {
            let r = &rows[i as usize];
            let start = r.name as usize;
            ids.hash_one(&names[start..start + usize::from(r.name_len)])
        });
        true
    }

    fn find(&self, digest: &[u8; 32]) -> Option<Entry<'_>> {
        self.by_digest
            .find(digest_hash(digest), |&i| {
                self.rows[i as usize].digest == *digest
            })
            .map(|&i| self.entry(i))
    }

    fn find_id(&self, id: &str) -> Option<Entry<'_>> {
        self.by_id
            .find(self.ids.hash_one(id), |&i| {
                self.name(&self.rows[i as usize]) == id
            })
            .map(|&i| self.entry(i))
    }

    /// The user a client's credential belongs to, if any.
    pub fn lookup(&self, auth: &str) -> Option<Entry<'_>> {
        self.find(&Sha256::digest(auth.as_bytes()).into())
    }

    /// True if `id` may use this node at `now`.
    pub fn allows(&self, id: &str, now: i64) -> bool {
        self.find_id(id).is_some_and(|e| e.check(now).is_ok())
    }

    /// Counts traffic seen on this node against the users' remaining quotas; returns the ids
    /// that ran out with it.
    pub fn charge(&self, deltas: &std::collections::BTreeMap<String, Traffic>) -> Vec<String> {
        let mut ran_out = Vec::new();
        for (id, t) in deltas {
            let Some(e) = self.find_id(id) else {
                continue;
            };
            let quota = e.quota_row();
            let remaining = quota.remaining;
            if remaining == u64::MAX {
                continue;
            }
            let weighted = (t.total() as f64 * f64::from(e.row.multiplier)).round() as u64;
            let before = quota.used.fetch_add(weighted, Ordering::Relaxed);
            if before < remaining && before.saturating_add(weighted) >= remaining {
                ran_out.push(id.clone());
            }
        }
        ran_out
    }

    /// True if `id` has a device limit.
    pub fn has_device_limit(&self, id: &str) -> bool {
        self.find_id(id).is_some_and(|e| e.max_devices().is_some())
    }

    /// True if any user has a device limit, or any device a session limit: limits counted
    /// across nodes, with what central says of the others.
    pub fn any_device_limit(&self) -> bool {
        self.rows.iter().any(|r| r.max_devices > 0)
            || self.devices.values().any(|d| d.max_sessions > 0)
    }

    /// Number of users.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// True when no user may connect.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Ids in both tables whose kill counter moved: their connections are to be closed once.
    pub fn kicked_in(&self, next: &Table) -> Vec<String> {
        next.rows
            .iter()
            .filter(|r| r.kick != 0)
            .filter_map(|r| {
                let id = next.name(r);
                let before = self.find_id(id)?.row.kick;
                (before != r.kick).then(|| id.to_owned())
            })
            .collect()
    }

    /// Sessions `next` asks to end that `self` did not: each is ended once.
    pub fn ended_in(&self, next: &Table) -> Vec<String> {
        next.end_sessions
            .difference(&self.end_sessions)
            .cloned()
            .collect()
    }

    /// Ids allowed by `self` but not by `next`.
    pub fn removed_in(&self, next: &Table) -> Vec<String> {
        self.rows
            .iter()
            .map(|r| self.name(r))
            .filter(|id| next.find_id(id).is_none())
            .map(str::to_owned)
            .collect()
    }

    /// This table's sizes, as the hint for building its successor.
    pub fn sizes(&self) -> Sizes {
        Sizes {
            users: self.rows.len(),
            names: self.names.len(),
        }
    }

    fn shrink(&mut self) {
        self.rows.shrink_to_fit();
        self.names.shrink_to_fit();
        self.nets.shrink_to_fit();
        self.devices.shrink_to_fit();
        self.streams.shrink_to_fit();
    }
}

/// How much room a table about to be built should take at once: the previous list's sizes with
/// a little to spare. Growing by doubling instead would hold the old and the new buffer at once
/// (80 MB and 160 MB for a million users), beside the table still in use.
#[derive(Debug, Clone, Copy, Default)]
pub struct Sizes {
    users: usize,
    names: usize,
}

impl Sizes {
    fn with_slack(n: usize) -> usize {
        n + n / 32 + 64
    }
}

/// Deserialises a [`hy_api::node::NodeList`] object into a [`Table`] (and the count of skipped
/// entries) without building the list, reserving room for about [`Sizes`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct ListSeed(pub Sizes);

impl<'de> DeserializeSeed<'de> for ListSeed {
    type Value = (Table, usize);

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for ListSeed {
    type Value = (Table, usize);

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a node list {\"revision\", \"users\"}")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut table = Table::default();
        if self.0.users > 0 {
            let users = Sizes::with_slack(self.0.users);
            table.rows.reserve_exact(users);
            table.names.reserve_exact(Sizes::with_slack(self.0.names));
            table.by_digest.reserve(users, |_| 0);
            table.by_id.reserve(users, |_| 0);
        }
        let (mut revision, mut users, mut skipped) = (None, false, 0);
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "revision" => revision = Some(map.next_value::<String>()?),
                "users" => {
                    skipped = map.next_value_seed(UsersSeed(&mut table))?;
                    users = true;
                }
                "end_sessions" => table.end_sessions = map.next_value()?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        table.revision = revision.ok_or_else(|| A::Error::missing_field("revision"))?;
        if !users {
            return Err(A::Error::missing_field("users"));
        }
        table.shrink();
        Ok((table, skipped))
    }
}

/// The `users` array, each element added to the table as soon as it is read.
struct UsersSeed<'t>(&'t mut Table);

impl<'de> DeserializeSeed<'de> for UsersSeed<'_> {
    type Value = usize;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<usize, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for UsersSeed<'_> {
    type Value = usize;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("an array of users")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<usize, A::Error> {
        if let Some(n) = seq.size_hint() {
            self.0.rows.reserve(n);
        }
        let mut skipped = 0;
        while let Some(user) = seq.next_element::<NodeUser>()? {
            skipped += usize::from(!self.0.push(&user));
        }
        Ok(skipped)
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
    use hy_api::node::NodeList;

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
            ..Default::default()
        }
    }

    /// The table an agent builds from central's answer listing `users`.
    fn table(users: Vec<NodeUser>) -> (Table, usize) {
        Table::from_json(&serde_json::to_vec(&list(users)).unwrap()).unwrap()
    }

    #[test]
    fn looks_up_by_secret_and_reports_removals() {
        let (old, skipped) = table(vec![user("alice", "a-secret"), user("bob", "b-secret")]);
        assert_eq!(skipped, 0);
        assert_eq!(old.lookup("a-secret").map(|e| e.id()), Some("alice"));
        assert!(old.lookup("A-secret").is_none());
        assert!(old.lookup("").is_none());
        let (new, _) = table(vec![user("bob", "b-secret")]);
        assert_eq!(old.removed_in(&new), ["alice"]);
        assert!(new.allows("bob", 0) && !new.allows("alice", 0));
    }

    #[test]
    fn every_field_of_an_entry_is_read() {
        let users = vec![
            NodeUser {
                remaining: Some(10),
                multiplier: Some(2.0),
                expires_at: Some(100),
                max_devices: Some(1),
                allowed_ips: vec!["203.0.113.0/24".into()],
                ..user("alice", "a-secret")
            },
            user("bob", "b-secret"),
            NodeUser {
                auth_sha256: "zz".into(),
                ..user("bad", "x")
            },
        ];
        let (t, skipped) = table(users);
        assert_eq!((t.len(), skipped, t.revision.as_str()), (2, 1, "1.1"));
        let a = t.lookup("a-secret").unwrap();
        assert_eq!((a.id(), a.max_devices()), ("alice", Some(1)));
        assert_eq!(a.check(99), Ok(()));
        assert_eq!(a.check(100), Err(Refusal::Expired));
        assert!(a.address_allowed("203.0.113.9:1") && !a.address_allowed("198.51.100.1:1"));
        assert!(t.allows("bob", i64::MAX) && t.has_device_limit("alice"));
        assert!(!t.has_device_limit("bob"));
        // Unknown fields are ignored (a newer central); missing ones and trailing bytes are not.
        let newer = br#"{"users":[],"extra":{"a":[1]},"revision":"2.5"}"#;
        assert_eq!(Table::from_json(newer).unwrap().0.revision, "2.5");
        assert!(Table::from_json(br#"{"revision":"1.1"}"#).is_err());
        assert!(Table::from_json(br#"{"users":[]}"#).is_err());
        assert!(Table::from_json(br#"{"revision":"1.1","users":[]} x"#).is_err());
        assert!(Table::from_json(br#"{"revision":"1.1","users":[{"id":1}]}"#).is_err());
    }

    #[test]
    fn duplicate_ids_or_secrets_keep_the_first() {
        let (t, skipped) = table(vec![
            user("alice", "a-secret"),
            user("alice", "other"),
            user("carol", "a-secret"),
        ]);
        assert_eq!((t.len(), skipped), (1, 2));
        assert!(t.lookup("other").is_none());
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
        let (t, skipped) = table(users);
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
        let (t, _) = table(vec![quota, exp, ips]);
        let d = |tx, rx| [("q".to_owned(), Traffic { tx, rx })].into();
        assert!(t.charge(&d(100, 100)).is_empty(), "400 of 1000 weighted");
        assert_eq!(t.charge(&d(200, 100)), ["q"], "1000 of 1000: out");
        assert!(t.charge(&d(1, 0)).is_empty(), "reported once");
        assert_eq!(t.lookup("q-secret").unwrap().check(0), Err(Refusal::Quota));
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
