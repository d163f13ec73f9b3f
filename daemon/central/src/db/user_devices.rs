//! The `devices` table on SQLite: a user's credentials beyond their own secret. The rules
//! (settings to columns, row to [`Device`], the secret that must name one credential) live
//! here once and serve PostgreSQL too.

use hy_api::Traffic;
use hy_api::devices::{Device, DeviceSettings, DeviceStatus, derive_device_state, node_id};
use rusqlite::{Connection, OptionalExtension, params};

use super::users::SettingValue;
use super::{DbError, ts};

/// The columns of a device as [`DeviceRow`] reads them; `?` placeholders follow.
pub const SELECT: &str = "SELECT u.id, d.name, d.secret, d.blocked, d.valid_from, d.valid_until,
        d.allowed_ips, d.max_sessions, d.note, d.tx, d.rx,
        d.first_seen_at, COALESCE(fs.name, fs.id), d.last_seen_at, COALESCE(ls.name, ls.id),
        d.last_seen_addr, d.created_at, d.updated_at, d.allowed_streams, d.publisher
    FROM devices d JOIN users u ON u.pk = d.user_pk
        LEFT JOIN servers fs ON fs.pk = d.first_seen_server
        LEFT JOIN servers ls ON ls.pk = d.last_seen_server";

/// A device as stored, before the rules make it a [`Device`]; both backends read into this.
#[derive(Debug, Clone)]
pub struct DeviceRow {
    pub user: String,
    pub name: String,
    pub secret: String,
    pub blocked: bool,
    pub valid_from: Option<i64>,
    pub valid_until: Option<i64>,
    pub allowed_ips: String,
    pub max_sessions: i64,
    pub note: String,
    pub tx: i64,
    pub rx: i64,
    pub first_seen_at: Option<i64>,
    pub first_seen_server: Option<String>,
    pub last_seen_at: Option<i64>,
    pub last_seen_server: Option<String>,
    pub last_seen_addr: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
    pub allowed_streams: String,
    pub publisher: bool,
}

impl DeviceRow {
    /// The device, its state derived at `now`.
    pub fn into_device(self, now: i64) -> Device {
        let n = |v: i64| v.max(0) as u64;
        let status = if self.blocked {
            DeviceStatus::Blocked
        } else {
            DeviceStatus::Active
        };
        Device {
            node_id: node_id(&self.user, &self.name),
            state: derive_device_state(status, self.valid_from, self.valid_until, now),
            user: self.user,
            name: self.name,
            secret: self.secret.into(),
            status,
            valid_from: self.valid_from.map(ts),
            valid_until: self.valid_until.map(ts),
            allowed_ips: self
                .allowed_ips
                .split(',')
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect(),
            max_sessions: self.max_sessions.clamp(0, i64::from(u32::MAX)) as u32,
            allowed_streams: self
                .allowed_streams
                .split(',')
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect(),
            publisher: self.publisher,
            note: self.note,
            traffic: Traffic {
                tx: n(self.tx),
                rx: n(self.rx),
            },
            first_seen_at: self.first_seen_at.map(ts),
            first_seen_server: self.first_seen_server,
            last_seen_at: self.last_seen_at.map(ts),
            last_seen_server: self.last_seen_server,
            last_seen_addr: self.last_seen_addr,
            created_at: ts(self.created_at),
            updated_at: ts(self.updated_at),
        }
    }
}

fn from_row(r: &rusqlite::Row<'_>, now: i64) -> rusqlite::Result<Device> {
    Ok(DeviceRow {
        user: r.get(0)?,
        name: r.get(1)?,
        secret: r.get(2)?,
        blocked: r.get(3)?,
        valid_from: r.get(4)?,
        valid_until: r.get(5)?,
        allowed_ips: r.get(6)?,
        max_sessions: r.get(7)?,
        note: r.get(8)?,
        tx: r.get(9)?,
        rx: r.get(10)?,
        first_seen_at: r.get(11)?,
        first_seen_server: r.get(12)?,
        last_seen_at: r.get(13)?,
        last_seen_server: r.get(14)?,
        last_seen_addr: r.get(15)?,
        created_at: r.get(16)?,
        updated_at: r.get(17)?,
        allowed_streams: r.get(18)?,
        publisher: r.get(19)?,
    }
    .into_device(now))
}

/// What `s` writes, as `(column, value)` pairs, for every backend.
pub fn setting_updates(s: &DeviceSettings) -> Vec<(&'static str, SettingValue)> {
    use SettingValue::{Bool, Int, Text};
    let mut out = Vec::new();
    if let Some(status) = s.status {
        out.push(("blocked", Bool(status == DeviceStatus::Blocked)));
    }
    if let Some(v) = s.valid_from {
        out.push(("valid_from", Int(v.map(|t| t.as_second()))));
    }
    if let Some(v) = s.valid_until {
        out.push(("valid_until", Int(v.map(|t| t.as_second()))));
    }
    if let Some(v) = &s.allowed_ips {
        out.push(("allowed_ips", Text(v.join(","))));
    }
    if let Some(v) = s.max_sessions {
        out.push(("max_sessions", Int(Some(i64::from(v)))));
    }
    if let Some(v) = &s.allowed_streams {
        out.push(("allowed_streams", Text(v.join(","))));
    }
    if let Some(v) = s.publisher {
        out.push(("publisher", Bool(v)));
    }
    if let Some(v) = &s.note {
        out.push(("note", Text(v.clone())));
    }
    out
}

/// The conflict of a second device of one user with this name.
pub fn name_taken(user: &str, name: &str) -> DbError {
    DbError::Conflict(format!("user {user:?} already has a device named {name:?}"))
}

/// The conflict of a device limit reached.
pub fn too_many(user: &str) -> DbError {
    DbError::Conflict(format!(
        "user {user:?} has {} devices, the most one user may have; remove one first",
        hy_api::devices::MAX_DEVICES_PER_USER
    ))
}

fn not_found(user: &str, name: &str) -> DbError {
    DbError::NotFound {
        kind: "device",
        id: node_id(user, name),
    }
}

/// True when `secret` is some user's or some device's (other than device `except_pk`).
pub fn secret_in_use(conn: &Connection, secret: &str, except_pk: i64) -> Result<bool, DbError> {
    Ok(conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM users WHERE secret = ?1)
                 OR EXISTS (SELECT 1 FROM devices WHERE secret = ?1 AND pk != ?2)",
        )?
        .query_row(params![secret, except_pk], |r| r.get(0))?)
}

/// Adds a device to a user (name validated, secret settled and validated).
pub fn insert(
    tx: &rusqlite::Transaction<'_>,
    user: &str,
    name: &str,
    secret: &str,
    settings: &DeviceSettings,
    now: i64,
) -> Result<Device, DbError> {
    let user_pk = super::users::pk(tx, user)?;
    let count: i64 = tx
        .prepare_cached("SELECT COUNT(*) FROM devices WHERE user_pk = ?1")?
        .query_row([user_pk], |r| r.get(0))?;
    if count >= hy_api::devices::MAX_DEVICES_PER_USER as i64 {
        return Err(too_many(user));
    }
    if secret_in_use(tx, secret, -1)? {
        return Err(super::users::secret_taken());
    }
    tx.prepare_cached(
        "INSERT INTO devices (user_pk, name, secret, secret_sha256, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
    )?
    .execute(params![
        user_pk,
        name,
        secret,
        hy_api::auth_digest(secret),
        now
    ])
    .map_err(|e| match super::unique_violation(&e) {
        Some("devices.user_pk, devices.name") => name_taken(user, name),
        _ => DbError::Sqlite(e),
    })?;
    let pk = tx.last_insert_rowid();
    apply(tx, pk, settings, now)?;
    get(tx, user, name, now)
}

fn apply(conn: &Connection, pk: i64, s: &DeviceSettings, now: i64) -> Result<(), DbError> {
    for (column, value) in setting_updates(s) {
        let sql = format!("UPDATE devices SET {column} = ?2, updated_at = ?3 WHERE pk = ?1");
        match value {
            SettingValue::Int(v) => conn.execute(&sql, params![pk, v, now])?,
            SettingValue::Bool(v) => conn.execute(&sql, params![pk, v, now])?,
            SettingValue::Text(v) => conn.execute(&sql, params![pk, v, now])?,
        };
    }
    Ok(())
}

fn pk_of(conn: &Connection, user: &str, name: &str) -> Result<i64, DbError> {
    conn.prepare_cached(
        "SELECT d.pk FROM devices d JOIN users u ON u.pk = d.user_pk
         WHERE u.id = ?1 AND d.name = ?2",
    )?
    .query_row(params![user, name], |r| r.get(0))
    .optional()?
    .ok_or_else(|| not_found(user, name))
}

/// One device, or `NotFound` (naming `user:name`).
pub fn get(conn: &Connection, user: &str, name: &str, now: i64) -> Result<Device, DbError> {
    conn.prepare_cached(&format!("{SELECT} WHERE u.id = ?1 AND d.name = ?2"))?
        .query_row(params![user, name], |r| from_row(r, now))
        .optional()?
        .ok_or_else(|| not_found(user, name))
}

/// A user's devices by name; `NotFound` if there is no such user.
pub fn list(conn: &Connection, user: &str, now: i64) -> Result<Vec<Device>, DbError> {
    super::users::pk(conn, user)?;
    let mut stmt = conn.prepare_cached(&format!("{SELECT} WHERE u.id = ?1 ORDER BY d.name"))?;
    let rows = stmt.query_map([user], |r| from_row(r, now))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Every user's devices, by user and name: `limit` of them after the first `offset`.
pub const ALL: &str = " ORDER BY u.id, d.name LIMIT ?1 OFFSET ?2";

/// See [`ALL`].
pub fn list_all(
    conn: &Connection,
    offset: i64,
    limit: i64,
    now: i64,
) -> Result<Vec<Device>, DbError> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT}{ALL}"))?;
    let rows = stmt.query_map(params![limit, offset], |r| from_row(r, now))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Changes a device: a new secret (validated) and the settings present.
pub fn update(
    tx: &rusqlite::Transaction<'_>,
    user: &str,
    name: &str,
    secret: Option<&str>,
    settings: &DeviceSettings,
    now: i64,
) -> Result<Device, DbError> {
    let pk = pk_of(tx, user, name)?;
    if let Some(secret) = secret {
        if secret_in_use(tx, secret, pk)? {
            return Err(super::users::secret_taken());
        }
        tx.prepare_cached(
            "UPDATE devices SET secret = ?2, secret_sha256 = ?3, updated_at = ?4 WHERE pk = ?1",
        )?
        .execute(params![pk, secret, hy_api::auth_digest(secret), now])?;
    }
    apply(tx, pk, settings, now)?;
    get(tx, user, name, now)
}

/// Removes a device; its traffic stays in its user's.
pub fn delete(tx: &rusqlite::Transaction<'_>, user: &str, name: &str) -> Result<(), DbError> {
    let pk = pk_of(tx, user, name)?;
    tx.prepare_cached("DELETE FROM devices WHERE pk = ?1")?
        .execute([pk])?;
    Ok(())
}

/// Writes what a report says of devices: their bytes when the report is `counted` (applied
/// for the first time, in the transaction that moved its cursor), and whenever it says so,
/// where and when they were last seen. A device deleted meanwhile is skipped; its bytes are
/// in its user's already.
pub fn record_use(
    conn: &Connection,
    server_pk: i64,
    devices: &[crate::ingest::DeviceUse],
    counted: bool,
    now: i64,
) -> Result<(), DbError> {
    let cap = i64::MAX;
    for d in devices {
        let (tx, rx) = if counted {
            (d.traffic.tx as i64, d.traffic.rx as i64)
        } else {
            (0, 0)
        };
        let used = !d.traffic.is_zero() || d.seen || d.addr.is_some();
        if (tx, rx) == (0, 0) && !used {
            continue;
        }
        conn.prepare_cached(
            "UPDATE devices SET
                 tx = MIN(tx, ?5 - ?3) + ?3, rx = MIN(rx, ?5 - ?4) + ?4,
                 first_seen_at = COALESCE(first_seen_at, ?6),
                 first_seen_server = COALESCE(first_seen_server, ?7),
                 last_seen_at = MAX(COALESCE(last_seen_at, 0), ?6), last_seen_server = ?7,
                 last_seen_addr = COALESCE(?8, last_seen_addr)
             WHERE user_pk = (SELECT pk FROM users WHERE id = ?1) AND name = ?2",
        )?
        .execute(params![d.user, d.name, tx, rx, cap, now, server_pk, d.addr])?;
    }
    Ok(())
}

/// The devices of a node list's users with keys in `?3..=?4` that may connect by their own
/// settings at `?2` (not blocked, except on a media server's list, which carries blocked ones
/// marked `suspended` so its node says `token_suspended`; not yet valid ones are listed with
/// their start, so a node admits them on time without a list change), in user order. Devices that expired within
/// [`EXPIRED_LISTED_FOR`] stay listed with their `expires_at`, which every node refuses by
/// itself: a player is told `token_expired` rather than `token_not_found`. Driven from the
/// devices (few) into the assignments, never the other way: a list of 100k users with no
/// devices costs one empty range scan.
/// How long after its `valid_until` a device stays in node lists (seconds; 30 days, written
/// into [`LIST_DEVICES`]).
pub const EXPIRED_LISTED_FOR: i64 = 30 * 86_400;
const _: () = assert!(
    EXPIRED_LISTED_FOR == 2_592_000,
    "LIST_DEVICES spells it out"
);

pub(crate) const LIST_DEVICES: &str =
    "SELECT d.user_pk, d.name, d.secret_sha256, d.valid_from, d.valid_until, d.allowed_ips,
        d.max_sessions, d.kick_seq, d.allowed_streams, d.publisher, d.blocked
     FROM devices d CROSS JOIN assignments a
     WHERE d.user_pk BETWEEN ?3 AND ?4 AND a.server_pk = ?1 AND a.user_pk = d.user_pk
       AND (NOT d.blocked OR EXISTS (SELECT 1 FROM servers WHERE pk = ?1 AND kind = 'stream'))
       AND (d.valid_until IS NULL OR d.valid_until > ?2 - 2592000)
     ORDER BY d.user_pk, d.name";
