//! Node lists and their revisions: what a server's list holds, which servers' lists a change
//! touches, and marking them changed. Every revision bump goes through this module.
//!
//! Changes to rows are bumped by the triggers of migrations 0002 (assignments, users deleted,
//! secrets changed), 0003 and 0004 (limits changed): they are this module's implementation for
//! row changes, kept in SQL so no writer can forget one. What no row change shows is bumped
//! here by hand: usage crossing a limit ([`bump_for_user`], from report ingestion and resets)
//! and time passing an expiry ([`bump_for_expiring`], from the scheduler). The commit hook in
//! [`super::Db`] publishes every bumped server after commit, which wakes its long polls.

use rusqlite::{Connection, OptionalExtension, Row, params};

use super::DbError;

/// Marks the lists of every server assigned a user whose expiry falls in `(from, to]` as
/// changed: expiry is derived from time, so no row changes and no trigger fires. Returns how
/// many lists were bumped.
pub fn bump_for_expiring(conn: &Connection, from: i64, to: i64) -> Result<usize, DbError> {
    Ok(conn
        .prepare_cached(
            "UPDATE list_revisions SET rev = rev + 1 WHERE server_pk IN (
                 SELECT a.server_pk FROM assignments a JOIN users u ON u.pk = a.user_pk
                 WHERE u.expires_at > ?1 AND u.expires_at <= ?2)",
        )?
        .execute(params![from, to])?)
}

/// Marks the lists of every server `user_pk` is assigned to as changed, for changes no trigger
/// sees: usage crossing the limit (either way).
pub fn bump_for_user(conn: &Connection, user_pk: i64) -> Result<(), DbError> {
    conn.prepare_cached(
        "UPDATE list_revisions SET rev = rev + 1
         WHERE server_pk IN (SELECT server_pk FROM assignments WHERE user_pk = ?1)",
    )?
    .execute([user_pk])?;
    Ok(())
}

/// The revision of a server's list, `None` if the server is gone.
pub fn revision(conn: &Connection, server_pk: i64) -> Result<Option<i64>, DbError> {
    Ok(conn
        .prepare_cached("SELECT rev FROM list_revisions WHERE server_pk = ?1")?
        .query_row([server_pk], |r| r.get(0))
        .optional()?)
}

/// The `ETag`/revision of a list: the server's key and its list revision, so a server deleted
/// and re-created under the same id never matches an old tag.
pub fn tag(server_pk: i64, rev: i64) -> String {
    format!("{server_pk}.{rev}")
}

/// The tag of a list with devices (`?devices=1`): another tag than the same revision without
/// them, so a node that starts asking for devices (an upgraded agent with its old list on disk)
/// gets the list in full instead of a `304`.
pub fn tag_of(server_pk: i64, rev: i64, devices: bool) -> String {
    if devices {
        format!("{server_pk}.{rev}.d")
    } else {
        tag(server_pk, rev)
    }
}

/// A text column, borrowed from the row.
fn text<'a>(row: &'a Row<'_>, i: usize) -> Result<&'a str, DbError> {
    Ok(row.get_ref(i)?.as_str().map_err(rusqlite::Error::from)?)
}

/// About how much of a node list [`node_list_json`] hands over at a time.
pub const LIST_CHUNK: usize = 256 * 1024;

/// A list whose users' keys span at least this many is built in two halves at once when a
/// second reader connection is free; for a shorter one the thread costs more than it saves.
pub(crate) const SPLIT_SPAN: i64 = 16_384;

/// The users of a node list with keys in `?3..=?4`, in key order. Filters stay in SQL so that
/// what the list admits is stated in one place.
pub(crate) const LIST_ROWS: &str =
    "SELECT u.id, u.secret_sha256, u.data_limit, q.period_used, u.expires_at,
        u.max_devices, u.allowed_ips, u.pk, u.kick_seq
     FROM assignments a JOIN users u ON u.pk = a.user_pk
          JOIN quota_usage q ON q.user_pk = a.user_pk
     WHERE a.server_pk = ?1 AND a.user_pk BETWEEN ?3 AND ?4 AND u.enabled
       AND (u.expires_at IS NULL OR u.expires_at > ?2)
       AND (u.data_limit = 0 OR q.period_used < u.data_limit)";

/// Writes the node list of `server_pk` at `now` as JSON (a [`hy_api::node::NodeList`]): first
/// its revision to `revision`, then the text in pieces of about [`LIST_CHUNK`] bytes to `emit`,
/// so sending can start before the last row is read (at 100k users this is megabytes). Users
/// who are disabled, expired or over quota are left out. Returns false, having called neither,
/// if there is no such server.
///
/// With a `spare` connection, a long list is read in two halves at once, one per connection,
/// which halves the time to the last byte on two cores. The halves come from two snapshots,
/// used together only when both show the same list revision: every committed change to what a
/// list admits bumps its revision (the guarantee `If-None-Match` already rests on), so equal
/// revisions mean equal lists, up to `remaining`, which is a reading of a moving counter
/// anyway. When they differ, or the second reader fails, the second half is read from the
/// first snapshot after all.
/// With `devices`, each user's devices follow the user (the `?devices=1` list, another tag).
#[allow(
    clippy::too_many_arguments,
    reason = "one call site per backend and test"
)]
pub fn node_list_json(
    conn: &Connection,
    spare: Option<&mut Connection>,
    server_pk: i64,
    now: i64,
    devices: bool,
    revision: impl FnOnce(i64),
    emit: impl FnMut(Vec<u8>),
) -> Result<bool, DbError> {
    node_list_json_split(
        conn, spare, SPLIT_SPAN, server_pk, now, devices, revision, emit,
    )
}

#[allow(
    clippy::too_many_arguments,
    reason = "node_list_json's, and the span for tests"
)]
pub(super) fn node_list_json_split(
    conn: &Connection,
    spare: Option<&mut Connection>,
    split_span: i64,
    server_pk: i64,
    now: i64,
    devices: bool,
    revision: impl FnOnce(i64),
    mut emit: impl FnMut(Vec<u8>),
) -> Result<bool, DbError> {
    let tx = conn.unchecked_transaction()?;
    let Some(rev) = super::lists::revision(&tx, server_pk)? else {
        return Ok(false);
    };
    revision(rev);
    let multiplier: f64 = tx
        .prepare_cached("SELECT traffic_multiplier FROM servers WHERE pk = ?1")?
        .query_row([server_pk], |r| r.get(0))?;
    let (lo, hi) = tx
        .prepare_cached(
            // One aggregate per subquery: SQLite answers each from the end of the index, while
            // min and max together would scan every assignment.
            "SELECT (SELECT min(user_pk) FROM assignments WHERE server_pk = ?1),
                    (SELECT max(user_pk) FROM assignments WHERE server_pk = ?1)",
        )?
        .query_row([server_pk], |r| {
            Ok((r.get::<_, Option<i64>>(0)?, r.get::<_, Option<i64>>(1)?))
        })?;
    let (lo, hi) = (lo.unwrap_or(0), hi.unwrap_or(-1));
    let mut list = ListWriter::new(server_pk, now, multiplier, devices);
    list.start(rev);
    let mut next = lo;
    if let Some(spare) = spare
        && hi - lo >= split_span
    {
        let mid = lo + (hi - lo) / 2;
        let (first, second) = std::thread::scope(|s| {
            let second = s.spawn(move || {
                second_half(spare, server_pk, now, multiplier, devices, rev, mid + 1, hi)
            });
            let first = list.rows(&tx, lo, mid, &mut emit);
            (first, second.join())
        });
        first?;
        next = mid + 1;
        // A failed second reader costs only its help: the first snapshot has every row.
        match second.unwrap_or_else(|p| std::panic::resume_unwind(p)) {
            Ok(Some(pieces)) => {
                list.append(pieces, &mut emit);
                next = hi + 1;
            }
            Ok(None) => {}
            Err(err) => {
                tracing::warn!(error = %err, server_pk, "second list reader failed; reading on");
            }
        }
    }
    if next <= hi {
        list.rows(&tx, next, hi, &mut emit)?;
    }
    let ends = super::devices::session_ends(&tx, server_pk, now)?;
    list.finish(&ends, &mut emit);
    tx.commit()?;
    Ok(true)
}

/// The users of keys `lo..=hi`, read on `conn` if its snapshot shows revision `rev`; None if it
/// shows another. Every row is written with a leading comma (see [`ListWriter::append`]).
#[allow(clippy::too_many_arguments, reason = "the first half's own arguments")]
fn second_half(
    conn: &mut Connection,
    server_pk: i64,
    now: i64,
    multiplier: f64,
    devices: bool,
    rev: i64,
    lo: i64,
    hi: i64,
) -> Result<Option<Vec<Vec<u8>>>, DbError> {
    let tx = conn.unchecked_transaction()?;
    if super::lists::revision(&tx, server_pk)? != Some(rev) {
        return Ok(None);
    }
    let mut list = ListWriter::second_half(server_pk, now, multiplier, devices);
    let mut pieces = Vec::new();
    list.rows(&tx, lo, hi, &mut |p| pieces.push(p))?;
    pieces.push(list.into_last_piece());
    tx.commit()?;
    Ok(Some(pieces))
}

/// One user of a node list as read, before it is written.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ListUser<'a> {
    pub id: &'a str,
    pub auth_sha256: &'a str,
    pub data_limit: i64,
    pub period_used: i64,
    pub expires_at: Option<i64>,
    pub max_devices: i64,
    pub allowed_ips: &'a str,
    /// The key devices are matched to their user by.
    pub pk: i64,
    /// Moves on every `hyctl session kill` of the user.
    pub kick: i64,
}

/// One device of a node list as read ([`super::user_devices::LIST_DEVICES`]'s columns).
#[derive(Debug, Clone)]
pub(crate) struct ListDevice {
    pub user_pk: i64,
    pub name: String,
    pub auth_sha256: String,
    pub valid_from: Option<i64>,
    pub valid_until: Option<i64>,
    pub allowed_ips: String,
    pub max_sessions: i64,
    pub kick: i64,
    /// Comma-joined stream patterns ('' = any).
    pub allowed_streams: String,
    pub publisher: bool,
    /// Blocked (listed on media servers only).
    pub blocked: bool,
}

/// Reads the devices of keys `lo..=hi` of a list on SQLite.
fn list_devices(
    conn: &Connection,
    server_pk: i64,
    now: i64,
    lo: i64,
    hi: i64,
) -> Result<Vec<ListDevice>, DbError> {
    let mut stmt = conn.prepare_cached(super::user_devices::LIST_DEVICES)?;
    let rows = stmt.query_map(params![server_pk, now, lo, hi], |r| {
        Ok(ListDevice {
            user_pk: r.get(0)?,
            name: r.get(1)?,
            auth_sha256: r.get(2)?,
            valid_from: r.get(3)?,
            valid_until: r.get(4)?,
            allowed_ips: r.get(5)?,
            max_sessions: r.get(6)?,
            kick: r.get(7)?,
            allowed_streams: r.get(8)?,
            publisher: r.get(9)?,
            blocked: r.get(10)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Writes node-list rows as JSON by hand: byte for byte what serde writes for
/// [`hy_api::node::NodeUser`] (fields, order, omissions, escapes), at a fraction of the cost,
/// which matters at 100k rows a list. A test holds the two equal.
#[derive(Debug)]
pub(crate) struct ListWriter {
    server_pk: i64,
    now: i64,
    /// `,"multiplier":X` for users with a quota, if the server's multiplier is not 1.
    multiplier: Vec<u8>,
    out: Vec<u8>,
    /// No row written yet, so the next needs no comma before it.
    first: bool,
    /// Whether this list carries devices (`?devices=1`).
    with_devices: bool,
    /// The devices of the range being written, in user order, not yet written.
    devices: std::collections::VecDeque<ListDevice>,
}

impl ListWriter {
    pub(crate) fn new(server_pk: i64, now: i64, multiplier: f64, with_devices: bool) -> Self {
        let multiplier = if multiplier == 1.0 {
            Vec::new()
        } else {
            let mut m = b",\"multiplier\":".to_vec();
            // Writing an f64 to a Vec cannot fail (a non-finite one is written as null).
            let _ = serde_json::to_writer(&mut m, &multiplier);
            m
        };
        Self {
            server_pk,
            now,
            multiplier,
            out: Vec::with_capacity(LIST_CHUNK + 1024),
            first: true,
            with_devices,
            devices: Default::default(),
        }
    }

    /// Whether this list carries devices.
    pub(crate) fn with_devices(&self) -> bool {
        self.with_devices
    }

    /// The devices of the range about to be written (from the same snapshot as its users).
    pub(crate) fn set_devices(&mut self, devices: Vec<ListDevice>) {
        self.devices = devices.into();
    }

    /// Writes the users of keys `lo..=hi`, handing each full piece to `emit`.
    fn rows(
        &mut self,
        conn: &Connection,
        lo: i64,
        hi: i64,
        emit: &mut impl FnMut(Vec<u8>),
    ) -> Result<(), DbError> {
        if self.with_devices {
            let devices = list_devices(conn, self.server_pk, self.now, lo, hi)?;
            self.set_devices(devices);
        }
        let mut stmt = conn.prepare_cached(LIST_ROWS)?;
        let mut rows = stmt.query(params![self.server_pk, self.now, lo, hi])?;
        while let Some(r) = rows.next()? {
            self.user(
                ListUser {
                    id: text(r, 0)?,
                    auth_sha256: text(r, 1)?,
                    data_limit: r.get(2)?,
                    period_used: r.get(3)?,
                    expires_at: r.get(4)?,
                    max_devices: r.get(5)?,
                    allowed_ips: text(r, 6)?,
                    pk: r.get(7)?,
                    kick: r.get(8)?,
                },
                emit,
            );
        }
        Ok(())
    }

    /// Writes one user of the list (a row of [`LIST_ROWS`], from any backend), then the
    /// user's devices, handing a full piece to `emit`: what a node enforces is derived here,
    /// once.
    pub(crate) fn user(&mut self, u: ListUser<'_>, emit: &mut impl FnMut(Vec<u8>)) {
        self.entry(&u, None);
        // Devices of users left out of the list (disabled, expired, over quota) go with them.
        while self.devices.front().is_some_and(|d| d.user_pk < u.pk) {
            self.devices.pop_front();
        }
        while self.devices.front().is_some_and(|d| d.user_pk == u.pk) {
            if let Some(d) = self.devices.pop_front() {
                self.entry(&u, Some(&d));
            }
        }
        if self.out.len() >= LIST_CHUNK {
            emit(std::mem::replace(
                &mut self.out,
                Vec::with_capacity(LIST_CHUNK + 1024),
            ));
        }
    }

    /// One entry: the user's own, or (with `device`) the device's, which carries the user's
    /// limits, the earlier of the two expiries, and what the device adds.
    fn entry(&mut self, u: &ListUser<'_>, device: Option<&ListDevice>) {
        let out = &mut self.out;
        if !std::mem::replace(&mut self.first, false) {
            out.push(b',');
        }
        out.extend_from_slice(b"{\"id\":");
        match device {
            None => push_str(out, u.id),
            Some(d) => push_str(out, &hy_api::devices::node_id(u.id, &d.name)),
        }
        out.extend_from_slice(b",\"auth_sha256\":");
        push_str(out, device.map_or(u.auth_sha256, |d| &d.auth_sha256));
        if u.data_limit > 0 {
            out.extend_from_slice(b",\"remaining\":");
            out.extend_from_slice(
                itoa::Buffer::new()
                    .format((u.data_limit - u.period_used).max(0))
                    .as_bytes(),
            );
            out.extend_from_slice(&self.multiplier);
        }
        let expires = match (u.expires_at, device.and_then(|d| d.valid_until)) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        if let Some(at) = expires {
            out.extend_from_slice(b",\"expires_at\":");
            out.extend_from_slice(itoa::Buffer::new().format(at).as_bytes());
        }
        if u.max_devices > 0 {
            let max = u.max_devices.min(i64::from(u32::MAX));
            out.extend_from_slice(b",\"max_devices\":");
            out.extend_from_slice(itoa::Buffer::new().format(max).as_bytes());
        }
        push_ips(out, u.allowed_ips);
        // A device is closed by a kill of its user as well as its own.
        let kick = u.kick.saturating_add(device.map_or(0, |d| d.kick));
        if kick > 0 {
            out.extend_from_slice(b",\"kick\":");
            out.extend_from_slice(itoa::Buffer::new().format(kick).as_bytes());
        }
        if let Some(d) = device {
            out.extend_from_slice(b",\"device\":{");
            let mut first = true;
            let mut key = |out: &mut Vec<u8>, k: &[u8]| {
                if !std::mem::replace(&mut first, false) {
                    out.push(b',');
                }
                out.extend_from_slice(k);
            };
            if let Some(at) = d.valid_from {
                key(out, b"\"not_before\":");
                out.extend_from_slice(itoa::Buffer::new().format(at).as_bytes());
            }
            if d.max_sessions > 0 {
                key(out, b"\"max_sessions\":");
                let max = d.max_sessions.min(i64::from(u32::MAX));
                out.extend_from_slice(itoa::Buffer::new().format(max).as_bytes());
            }
            if d.allowed_ips.split(',').any(|s| !s.is_empty()) {
                key(out, b"\"allowed_ips\":");
                push_ip_array(out, &d.allowed_ips);
            }
            // Stream names are free text (validated, but quotes and non-ASCII are allowed):
            // written by serde_json, which escapes them.
            let streams: Vec<&str> = d
                .allowed_streams
                .split(',')
                .filter(|s| !s.is_empty())
                .collect();
            if !streams.is_empty() {
                key(out, b"\"allowed_streams\":");
                let _ = serde_json::to_writer(&mut *out, &streams);
            }
            if d.publisher {
                key(out, b"\"publisher\":true");
            }
            if d.blocked {
                key(out, b"\"suspended\":true");
            }
            out.push(b'}');
        }
        out.push(b'}');
    }

    /// A writer of the second half of a list: every row with a leading comma, for
    /// [`ListWriter::append`]; its last piece comes from [`ListWriter::into_last_piece`].
    pub(crate) fn second_half(
        server_pk: i64,
        now: i64,
        multiplier: f64,
        with_devices: bool,
    ) -> Self {
        Self {
            first: false,
            ..Self::new(server_pk, now, multiplier, with_devices)
        }
    }

    /// The server and moment this list is written for.
    pub(crate) fn server_and_now(&self) -> (i64, i64) {
        (self.server_pk, self.now)
    }

    /// What a second-half writer holds that it has not emitted.
    pub(crate) fn into_last_piece(self) -> Vec<u8> {
        self.out
    }

    /// Starts the list: `{"revision":"<tag>","users":[`.
    pub(crate) fn start(&mut self, rev: i64) {
        self.out.extend_from_slice(b"{\"revision\":");
        push_str(
            &mut self.out,
            &tag_of(self.server_pk, rev, self.with_devices),
        );
        self.out.extend_from_slice(b",\"users\":[");
    }

    /// Ends the list with the sessions it names to end, and hands over its last piece.
    pub(crate) fn finish(mut self, end_sessions: &[String], emit: &mut impl FnMut(Vec<u8>)) {
        self.out.push(b']');
        if !end_sessions.is_empty() {
            self.out.extend_from_slice(b",\"end_sessions\":[");
            for (i, key) in end_sessions.iter().enumerate() {
                if i > 0 {
                    self.out.push(b',');
                }
                push_str(&mut self.out, key);
            }
            self.out.push(b']');
        }
        self.out.push(b'}');
        emit(self.out);
    }

    /// Sends what is written so far, then `pieces` from [`second_half`], whose first row brings
    /// a comma that must go if this list has no row yet.
    pub(crate) fn append(&mut self, pieces: Vec<Vec<u8>>, emit: &mut impl FnMut(Vec<u8>)) {
        for mut piece in pieces {
            if piece.is_empty() {
                continue;
            }
            if std::mem::replace(&mut self.first, false) {
                piece.remove(0);
            }
            if !self.out.is_empty() {
                emit(std::mem::take(&mut self.out));
            }
            emit(piece);
        }
    }
}

/// Writes `,"allowed_ips":[...]` for a comma-separated list, or nothing when it is empty.
fn push_ips(out: &mut Vec<u8>, ips: &str) {
    if ips.split(',').any(|s| !s.is_empty()) {
        out.extend_from_slice(b",\"allowed_ips\":");
        push_ip_array(out, ips);
    }
}

/// Writes a comma-separated list as a JSON array of strings.
fn push_ip_array(out: &mut Vec<u8>, ips: &str) {
    out.push(b'[');
    for (i, ip) in ips.split(',').filter(|s| !s.is_empty()).enumerate() {
        if i > 0 {
            out.push(b',');
        }
        push_str(out, ip);
    }
    out.push(b']');
}

/// Writes `s` as a JSON string. Ids, digests and addresses need no escapes, so they are copied
/// as they are; anything else goes through serde_json.
fn push_str(out: &mut Vec<u8>, s: &str) {
    // Without an early exit, so the check compiles to vector instructions.
    let plain = !s.bytes().fold(false, |esc, b| {
        esc | (b < 0x20) | (b == b'"') | (b == b'\\')
    });
    if plain {
        out.push(b'"');
        out.extend_from_slice(s.as_bytes());
        out.push(b'"');
    } else {
        // Writing a str to a Vec cannot fail.
        let _ = serde_json::to_writer(&mut *out, s);
    }
}

/// [`node_list_json`], parsed back: what an agent receives.
#[cfg(test)]
pub fn node_users(
    conn: &Connection,
    server_pk: i64,
    now: i64,
) -> Result<Option<(i64, Vec<hy_api::node::NodeUser>)>, DbError> {
    let mut rev = None;
    let mut json = Vec::new();
    let found = node_list_json(
        conn,
        None,
        server_pk,
        now,
        true,
        |r| rev = Some(r),
        |chunk| json.extend(chunk),
    )?;
    Ok(found.then(|| {
        let list: hy_api::node::NodeList =
            serde_json::from_slice(&json).expect("valid node list JSON");
        (rev.expect("revision before the body"), list.users)
    }))
}
