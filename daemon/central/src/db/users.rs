//! The `users` table: identities, secrets, limits and the derived state.

use hy_api::Traffic;
use hy_api::page::PageQuery;
use hy_api::users::{ResetStrategy, User, UserSettings, UserState, derive_state};
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::{DbError, ts};

const SELECT: &str = "SELECT u.id, u.secret, u.created_at, u.updated_at,
        (SELECT COUNT(*) FROM assignments a WHERE a.user_pk = u.pk),
        COALESCE((SELECT CAST(MIN(TOTAL(t.tx), 9.2e18) AS INTEGER) FROM traffic t WHERE t.user_pk = u.pk), 0),
        COALESCE((SELECT CAST(MIN(TOTAL(t.rx), 9.2e18) AS INTEGER) FROM traffic t WHERE t.user_pk = u.pk), 0),
        u.enabled, u.data_limit, u.reset_strategy, q.period_used, u.period_start, u.next_reset_at,
        u.expires_at, u.expire_after, u.max_devices, u.allowed_ips, u.note,
        u.first_connected_at, u.last_online_at, u.email, u.display_name, u.telegram_id
    FROM users u JOIN quota_usage q ON q.user_pk = u.pk";

/// A user as stored, column by column in [`SELECT`]'s order, before the rules make it a
/// [`User`]: every backend reads its rows into this and calls [`UserRow::into_user`], so the
/// state and every conversion are derived in one place.
#[derive(Debug, Clone)]
pub struct UserRow {
    pub id: String,
    pub secret: String,
    pub created_at: i64,
    pub updated_at: i64,
    pub servers: i64,
    pub tx: i64,
    pub rx: i64,
    pub enabled: bool,
    pub data_limit: i64,
    pub reset_strategy: String,
    pub period_used: i64,
    pub period_start: Option<i64>,
    pub next_reset_at: Option<i64>,
    pub expires_at: Option<i64>,
    pub expire_after: Option<i64>,
    pub max_devices: i64,
    pub allowed_ips: String,
    pub note: String,
    pub first_connected_at: Option<i64>,
    pub last_online_at: Option<i64>,
    /// Contact fields: `''` = unset.
    pub email: String,
    pub display_name: String,
    pub telegram_id: Option<i64>,
}

impl UserRow {
    /// The user, with its state derived at `now`.
    pub fn into_user(self, now: i64) -> User {
        let n = |v: i64| v.max(0) as u64;
        let (data_limit, period_used) = (n(self.data_limit), n(self.period_used));
        let expire_after = self.expire_after.map(n);
        User {
            state: derive_state(
                self.enabled,
                data_limit,
                period_used,
                self.expires_at,
                expire_after,
                self.first_connected_at,
                now,
            ),
            id: self.id,
            secret: self.secret.into(),
            created_at: ts(self.created_at),
            updated_at: ts(self.updated_at),
            servers: n(self.servers),
            traffic: Traffic {
                tx: n(self.tx),
                rx: n(self.rx),
            },
            enabled: self.enabled,
            data_limit,
            reset_strategy: ResetStrategy::parse(&self.reset_strategy).unwrap_or_default(),
            period_used,
            period_start: self.period_start.map(ts),
            next_reset_at: self.next_reset_at.map(ts),
            expires_at: self.expires_at.map(ts),
            expire_after,
            max_devices: self.max_devices.clamp(0, i64::from(u32::MAX)) as u32,
            allowed_ips: self
                .allowed_ips
                .split(',')
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect(),
            note: self.note,
            email: Some(self.email).filter(|v| !v.is_empty()),
            display_name: Some(self.display_name).filter(|v| !v.is_empty()),
            telegram_id: self.telegram_id,
            first_connected_at: self.first_connected_at.map(ts),
            last_online_at: self.last_online_at.map(ts),
        }
    }
}

/// Reads a row of [`SELECT`]; the state is derived at `now`.
fn from_row(row: &Row<'_>, now: i64) -> rusqlite::Result<User> {
    Ok(UserRow {
        id: row.get(0)?,
        secret: row.get(1)?,
        created_at: row.get(2)?,
        updated_at: row.get(3)?,
        servers: row.get(4)?,
        tx: row.get(5)?,
        rx: row.get(6)?,
        enabled: row.get(7)?,
        data_limit: row.get(8)?,
        reset_strategy: row.get(9)?,
        period_used: row.get(10)?,
        period_start: row.get(11)?,
        next_reset_at: row.get(12)?,
        expires_at: row.get(13)?,
        expire_after: row.get(14)?,
        max_devices: row.get(15)?,
        allowed_ips: row.get(16)?,
        note: row.get(17)?,
        first_connected_at: row.get(18)?,
        last_online_at: row.get(19)?,
        email: row.get(20)?,
        display_name: row.get(21)?,
        telegram_id: row.get(22)?,
    }
    .into_user(now))
}

/// The conflict of a second user with this id.
pub fn id_taken(id: &str) -> DbError {
    DbError::Conflict(format!("user {id:?} already exists"))
}

/// The conflict of a second user with the same secret.
pub fn secret_taken() -> DbError {
    DbError::Conflict(
        "that secret is already used by another user; secrets must be unique so a \
         client's auth string names exactly one user"
            .into(),
    )
}

/// One column a change of settings writes, with its value.
#[derive(Debug, Clone, PartialEq)]
pub enum SettingValue {
    /// An integer column (or NULL).
    Int(Option<i64>),
    /// A boolean column.
    Bool(bool),
    /// A text column.
    Text(String),
}

/// What `s` changes, as `(column, value)` pairs: the rules of a settings change (limits
/// clamped to what the database holds, the reset schedule recomputed with its strategy), once
/// for every backend. `created` is the user's creation time, which schedules count from.
pub fn setting_updates(
    s: &UserSettings,
    created: i64,
    now: i64,
) -> Vec<(&'static str, SettingValue)> {
    use SettingValue::{Bool, Int, Text};
    let clamp = |v: u64| v.min(i64::MAX as u64) as i64;
    let mut out = Vec::new();
    if let Some(v) = s.enabled {
        out.push(("enabled", Bool(v)));
    }
    if let Some(v) = s.data_limit {
        out.push(("data_limit", Int(Some(clamp(v)))));
    }
    if let Some(v) = s.expires_at {
        out.push(("expires_at", Int(v.map(|t| t.as_second()))));
    }
    if let Some(v) = s.expire_after {
        out.push(("expire_after", Int(v.map(clamp))));
    }
    if let Some(v) = s.max_devices {
        out.push(("max_devices", Int(Some(i64::from(v)))));
    }
    if let Some(v) = &s.allowed_ips {
        out.push(("allowed_ips", Text(v.join(","))));
    }
    if let Some(v) = &s.note {
        out.push(("note", Text(v.clone())));
    }
    if let Some(v) = &s.email {
        out.push(("email", Text(v.clone().unwrap_or_default())));
    }
    if let Some(v) = &s.display_name {
        out.push(("display_name", Text(v.clone().unwrap_or_default())));
    }
    if let Some(v) = s.telegram_id {
        out.push(("telegram_id", Int(v)));
    }
    if let Some(strategy) = s.reset_strategy {
        let next = strategy
            .next_after(ts(created), ts(now))
            .map(|t| t.as_second());
        out.push(("reset_strategy", Text(strategy.as_str().to_owned())));
        out.push(("next_reset_at", Int(next)));
    }
    out
}

/// Turns a UNIQUE violation on `users` into a conflict that says which rule broke.
fn classify(err: rusqlite::Error, id: &str) -> DbError {
    match super::unique_violation(&err) {
        Some("users.id") => id_taken(id),
        Some("users.secret") => secret_taken(),
        _ => DbError::Sqlite(err),
    }
}

/// Inserts a user.
pub fn insert(
    conn: &Connection,
    id: &str,
    secret: &str,
    settings: &UserSettings,
    now: i64,
) -> Result<User, DbError> {
    if device_secret(conn, secret)? {
        return Err(secret_taken());
    }
    conn.prepare_cached(
        "INSERT INTO users (id, secret, secret_sha256, created_at, updated_at, period_start)
         VALUES (?1, ?2, ?3, ?4, ?4, ?4)",
    )?
    .execute(params![id, secret, hy_api::auth_digest(secret), now])
    .map_err(|e| classify(e, id))?;
    let pk = conn.last_insert_rowid();
    apply_settings(conn, pk, settings, now)?;
    get(conn, id, now)
}

/// Writes the settings that are present ([`setting_updates`]).
pub fn apply_settings(
    conn: &Connection,
    pk: i64,
    s: &UserSettings,
    now: i64,
) -> Result<(), DbError> {
    let updates = if s.reset_strategy.is_some() {
        let created: i64 =
            conn.query_row("SELECT created_at FROM users WHERE pk = ?1", [pk], |r| {
                r.get(0)
            })?;
        setting_updates(s, created, now)
    } else {
        setting_updates(s, 0, now)
    };
    for (column, value) in updates {
        let sql = format!("UPDATE users SET {column} = ?2, updated_at = ?3 WHERE pk = ?1");
        match value {
            SettingValue::Int(v) => conn.execute(&sql, params![pk, v, now])?,
            SettingValue::Bool(v) => conn.execute(&sql, params![pk, v, now])?,
            SettingValue::Text(v) => conn.execute(&sql, params![pk, v, now])?,
        };
    }
    Ok(())
}

/// All users, ordered by id, optionally only those in `state`.
pub fn list(
    conn: &Connection,
    now: i64,
    state: Option<UserState>,
    page: &PageQuery,
) -> Result<(Vec<User>, Option<String>), DbError> {
    // The state is derived in Rust (one rule, `derive_state`), so a page is filled from chunks
    // in id order until it holds `limit` users in that state, plus one to know there is more.
    // The database filters by the same rule in SQL first ([`STATE_SQL`], tested equal), so
    // a rare state does not read every user: 1.5 s at 100k users without it.
    let want = page.limit.map_or(usize::MAX, |l| l as usize + 1);
    let chunk = page.limit.map_or(i64::MAX, |l| i64::from(l.max(100)) + 1);
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE (?1 IS NULL OR u.id > ?1) AND {}
           AND (?4 IS NULL OR ({}) = ?4) ORDER BY u.id LIMIT ?3",
        super::page::matches("u.id", &super::page::USER_SEARCH, "?2"),
        STATE_SQL.replace("?1", "?5")
    ))?;
    let state_name = state.map(UserState::as_str);
    let mut out = Vec::new();
    let mut after = page.after.clone();
    loop {
        let mut last = None;
        let mut read = 0i64;
        let mut rows = stmt.query(params![after, page.q, chunk, state_name, now])?;
        while let Some(row) = rows.next()? {
            read += 1;
            let user = from_row(row, now)?;
            last = Some(user.id.clone());
            if state.is_none_or(|s| s == user.state) {
                out.push(user);
                if out.len() == want {
                    break;
                }
            }
        }
        if out.len() == want || read < chunk {
            break;
        }
        after = last;
    }
    Ok(super::page::split(out, page.limit, |u| u.id.clone()))
}

/// Orders of the panel's user list besides id order (which pages by cursor): these page by
/// offset, reading ids only, then the page's users.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UserSort {
    /// Most used this period first.
    Usage,
    /// Soonest expiry first; never last.
    Expiry,
    /// Most recently online first; never last.
    LastOnline,
    /// Newest first.
    Newest,
}

impl UserSort {
    /// Every order, with its name in URLs and what the panel calls it.
    pub const ALL: [(Self, &'static str, &'static str); 4] = [
        (Self::Usage, "usage", "usage this period"),
        (Self::Expiry, "expiry", "expiry, soonest first"),
        (Self::LastOnline, "online", "last online"),
        (Self::Newest, "newest", "newest first"),
    ];

    /// By its URL name.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL
            .iter()
            .find(|(_, n, _)| *n == name)
            .map(|(s, _, _)| *s)
    }

    /// The `ORDER BY` of this order, ties by id, for every backend.
    pub fn order_by(self) -> &'static str {
        match self {
            Self::Usage => "q.period_used DESC, u.id",
            Self::Expiry => "u.expires_at IS NULL, u.expires_at, u.id",
            Self::LastOnline => "u.last_online_at IS NULL, u.last_online_at DESC, u.id",
            Self::Newest => "u.created_at DESC, u.id",
        }
    }
}

/// Ids of users matching `q` in `state`, in `sort` order: `limit` from `offset`.
pub fn sorted_ids(
    conn: &Connection,
    now: i64,
    state: Option<UserState>,
    q: Option<&str>,
    sort: UserSort,
    offset: u32,
    limit: u32,
) -> Result<Vec<String>, DbError> {
    let sql = format!(
        "SELECT u.id FROM users u JOIN quota_usage q ON q.user_pk = u.pk
         WHERE {} AND (?2 IS NULL OR ({}) = ?2) ORDER BY {} LIMIT ?4 OFFSET ?5",
        super::page::matches("u.id", &super::page::USER_SEARCH, "?1"),
        STATE_SQL.replace("?1", "?3"),
        sort.order_by()
    );
    Ok(conn
        .prepare_cached(&sql)?
        .query_map(
            params![q, state.map(UserState::as_str), now, limit, offset],
            |r| r.get(0),
        )?
        .collect::<Result<_, _>>()?)
}

/// One user, or `NotFound`.
pub fn get(conn: &Connection, id: &str, now: i64) -> Result<User, DbError> {
    conn.prepare_cached(&format!("{SELECT} WHERE u.id = ?1"))?
        .query_row([id], |r| from_row(r, now))
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

/// True if a user with this id exists.
pub fn exists(conn: &Connection, id: &str) -> Result<bool, DbError> {
    Ok(conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM users WHERE id = ?1)")?
        .query_row([id], |r| r.get(0))?)
}

/// Replaces a user's secret.
pub fn set_secret(
    conn: &Connection,
    pk: i64,
    id: &str,
    secret: &str,
    now: i64,
) -> Result<(), DbError> {
    if device_secret(conn, secret)? {
        return Err(secret_taken());
    }
    conn.prepare_cached(
        "UPDATE users SET secret = ?2, secret_sha256 = ?3, updated_at = ?4 WHERE pk = ?1",
    )?
    .execute(params![pk, secret, hy_api::auth_digest(secret), now])
    .map_err(|e| classify(e, id))?;
    Ok(())
}

/// True when a device has `secret`: a client's auth string must name one credential.
fn device_secret(conn: &Connection, secret: &str) -> Result<bool, DbError> {
    Ok(conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM devices WHERE secret = ?1)")?
        .query_row([secret], |r| r.get(0))?)
}

/// Whether usage is at or over a limit (0 = none): a reset of such a user puts them back on
/// their servers' lists. The same rule as `derive_state`'s `limited`.
pub fn over_limit(data_limit: i64, period_used: i64) -> bool {
    data_limit > 0 && period_used >= data_limit
}

/// Starts a new usage period now, logging the one that ends; `reason` says why.
pub fn reset_usage(conn: &Connection, pk: i64, now: i64, reason: &str) -> Result<(), DbError> {
    conn.prepare_cached(
        "INSERT INTO usage_resets (user_pk, at, period_used, reason)
         SELECT user_pk, ?2, period_used, ?3 FROM quota_usage WHERE user_pk = ?1",
    )?
    .execute(params![pk, now, reason])?;
    let was_over = conn
        .prepare_cached(
            "SELECT u.data_limit, q.period_used
             FROM users u JOIN quota_usage q ON q.user_pk = u.pk WHERE u.pk = ?1",
        )?
        .query_row([pk], |r| Ok(over_limit(r.get(0)?, r.get(1)?)))
        .optional()?
        .unwrap_or(false);
    conn.prepare_cached("UPDATE quota_usage SET period_used = 0 WHERE user_pk = ?1")?
        .execute([pk])?;
    conn.prepare_cached("UPDATE users SET period_start = ?2 WHERE pk = ?1")?
        .execute(params![pk, now])?;
    // Back under the limit: the user returns to their servers' lists.
    if was_over {
        super::lists::bump_for_user(conn, pk)?;
    }
    Ok(())
}

/// Users whose scheduled reset is due at `to`: key, strategy, creation time.
pub fn resets_due(conn: &Connection, to: i64) -> Result<Vec<(i64, ResetStrategy, i64)>, DbError> {
    let rows = conn
        .prepare_cached(
            "SELECT pk, reset_strategy, created_at FROM users WHERE next_reset_at <= ?1",
        )?
        .query_map([to], |r| {
            let strategy: String = r.get(1)?;
            Ok((
                r.get(0)?,
                ResetStrategy::parse(&strategy).unwrap_or_default(),
                r.get(2)?,
            ))
        })?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// Sets when a user's usage next resets; `None` = never.
pub fn set_next_reset(conn: &Connection, pk: i64, next: Option<i64>) -> Result<(), DbError> {
    conn.prepare_cached("UPDATE users SET next_reset_at = ?2 WHERE pk = ?1")?
        .execute(params![pk, next])?;
    Ok(())
}

/// The next moment after `after` when a user expires or a scheduled reset is due.
pub fn next_due(conn: &Connection, after: i64) -> Result<Option<i64>, DbError> {
    Ok(conn
        .prepare_cached(
            "SELECT MIN(t) FROM (
                 SELECT MIN(expires_at) AS t FROM users WHERE expires_at > ?1
                 UNION ALL SELECT MIN(next_reset_at) FROM users WHERE next_reset_at IS NOT NULL)",
        )?
        .query_row([after], |r| r.get(0))?)
}

/// The highest user key (0 with no users), for work done in ranges of users.
pub fn last_pk(conn: &Connection) -> Result<i64, DbError> {
    Ok(conn
        .prepare_cached("SELECT COALESCE(MAX(pk), 0) FROM users")?
        .query_row([], |r| r.get(0))?)
}

/// [`derive_state`] in SQL, over `users` joined with `quota_usage`, at `?1`: for counting
/// users by state in one pass. The same precedence as the Rust rule, which a test checks
/// over the same users.
pub const STATE_SQL: &str = "CASE
        WHEN NOT enabled THEN 'disabled'
        WHEN expires_at IS NOT NULL AND expires_at <= ?1 THEN 'expired'
        WHEN data_limit > 0 AND period_used >= data_limit THEN 'limited'
        WHEN expire_after IS NOT NULL AND first_connected_at IS NULL AND expires_at IS NULL
            THEN 'on_hold'
        ELSE 'active' END";

/// Users per state at `now`, every state listed (zeros too).
pub fn count_by_state(conn: &Connection, now: i64) -> Result<Vec<(UserState, i64)>, DbError> {
    let counted: Vec<(String, i64)> = conn
        .prepare_cached(&format!(
            "SELECT {STATE_SQL} AS state, COUNT(*)
             FROM users JOIN quota_usage ON user_pk = pk GROUP BY state"
        ))?
        .query_map([now], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    Ok(UserState::ALL
        .into_iter()
        .map(|state| {
            let n = counted
                .iter()
                .find(|(s, _)| s == state.as_str())
                .map_or(0, |(_, n)| *n);
            (state, n)
        })
        .collect())
}

/// Records that the user was admitted at `at`: sets the first-connection and last-online
/// times, and starts the expiry clock of an `on_hold` user. Returns true if that clock started.
pub fn seen(conn: &Connection, id: &str, at: i64) -> Result<bool, DbError> {
    let started = conn
        .prepare_cached(
            "UPDATE users SET first_connected_at = ?2, expires_at = ?2 + expire_after
             WHERE id = ?1 AND first_connected_at IS NULL AND expire_after IS NOT NULL
               AND expires_at IS NULL",
        )?
        .execute(params![id, at])?
        > 0;
    conn.prepare_cached(
        "UPDATE users SET first_connected_at = COALESCE(first_connected_at, ?2),
             last_online_at = MAX(COALESCE(last_online_at, 0), ?2)
         WHERE id = ?1",
    )?
    .execute(params![id, at])?;
    Ok(started)
}

/// Deletes a user, inside the caller's transaction: assignments and lifetime traffic go with
/// it (foreign keys cascade), history buckets by hand (see migration 0011).
pub fn delete(tx: &rusqlite::Transaction<'_>, id: &str) -> Result<(), DbError> {
    let user_pk = pk(tx, id)?;
    super::history::forget_user(tx, user_pk)?;
    tx.prepare_cached("DELETE FROM users WHERE pk = ?1")?
        .execute([user_pk])?;
    Ok(())
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

    /// The SQL copy of the state precedence (metrics count by it) says what `derive_state`
    /// says, for every combination of the inputs.
    #[test]
    fn the_sql_state_is_the_rust_state() {
        let db = Db::open_in_memory().unwrap();
        db.call_blocking(|c| {
            let now = 1_000;
            let mut n = 0;
            for enabled in [false, true] {
                for expires in [None, Some(now - 1), Some(now), Some(now + 1)] {
                    for (limit, used) in [(0, 5), (10, 9), (10, 10)] {
                        for after in [None, Some(60)] {
                            for first in [None, Some(now - 100)] {
                                n += 1;
                                let id = format!("u{n}");
                                insert(c, &id, &format!("secret-{n:04}"), &UserSettings::default(), 1)?;
                                c.execute(
                                    "UPDATE users SET enabled = ?2, expires_at = ?3, data_limit = ?4,
                                         expire_after = ?5, first_connected_at = ?6 WHERE id = ?1",
                                    params![id, enabled, expires, limit, after, first],
                                )?;
                                c.execute(
                                    "UPDATE quota_usage SET period_used = ?2
                                     WHERE user_pk = (SELECT pk FROM users WHERE id = ?1)",
                                    params![id, used],
                                )?;
                                let rust = get(c, &id, now)?.state;
                                let sql: String = c.query_row(
                                    &format!(
                                        "SELECT {STATE_SQL} FROM users JOIN quota_usage ON user_pk = pk
                                         WHERE id = ?2"
                                    ),
                                    params![now, id],
                                    |r| r.get(0),
                                )?;
                                assert_eq!(sql, rust.as_str(), "{id}: {enabled} {expires:?} {limit}/{used} {after:?} {first:?}");
                            }
                        }
                    }
                }
            }
            let counts = count_by_state(c, now)?;
            assert_eq!(counts.iter().map(|(_, n)| n).sum::<i64>(), n);
            assert_eq!(counts.len(), UserState::ALL.len(), "every state listed");
            assert!(counts.iter().all(|(_, n)| *n > 0), "{counts:?}: every state was covered");
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn duplicate_id_and_secret_are_conflicts() {
        let db = Db::open_in_memory().unwrap();
        db.call_blocking(|c| {
            let none = UserSettings::default();
            insert(c, "alice", "secret-one", &none, 1)?;
            let dup_id = insert(c, "alice", "secret-two", &none, 1).unwrap_err();
            assert!(matches!(dup_id, DbError::Conflict(ref m) if m.contains("already exists")));
            let dup_secret = insert(c, "bob", "secret-one", &none, 1).unwrap_err();
            assert!(matches!(dup_secret, DbError::Conflict(ref m) if m.contains("secret")));
            assert_eq!(list(c, 1, None, &PageQuery::default())?.0.len(), 1);
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn an_on_hold_user_starts_its_clock_at_the_first_connection() {
        let db = Db::open_in_memory().unwrap();
        db.call_blocking(|c| {
            let s = UserSettings {
                expire_after: Some(Some(3600)),
                ..Default::default()
            };
            insert(c, "alice", "secret-alice", &s, 1000)?;
            assert_eq!(get(c, "alice", 1000)?.state, UserState::OnHold);
            assert!(seen(c, "alice", 2000)?);
            assert!(!seen(c, "alice", 2500)?, "the clock starts once");
            let u = get(c, "alice", 2600)?;
            assert_eq!(
                (u.state, u.expires_at.map(|t| t.as_second())),
                (UserState::Active, Some(5600))
            );
            assert_eq!(u.first_connected_at.map(|t| t.as_second()), Some(2000));
            assert_eq!(u.last_online_at.map(|t| t.as_second()), Some(2500));
            assert_eq!(get(c, "alice", 5600)?.state, UserState::Expired);
            Ok(())
        })
        .unwrap();
    }
}
