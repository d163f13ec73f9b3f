//! Who is connected, as each node last reported: `online_devices` (connections per user, for
//! device limits that hold across nodes), `online_sessions` (per user and device, for
//! `hyctl session list`, and session limits that hold across nodes) and `stream_sessions`
//! (each live session of a media node, for `hyctl session list --kind stream`).

use std::collections::BTreeMap;

use rusqlite::{Connection, OptionalExtension, params};

use super::DbError;

/// Counts older than this (seconds) are ignored: the node stopped updating.
pub const FRESH_FOR: i64 = 180;

/// Connections per user, and per (user, device).
pub type Folded<'a> = (BTreeMap<&'a str, i64>, Vec<(&'a str, &'a str, i64)>);

/// `counts` (per node id: a user's, or `user:device`) as rows: per user (their device
/// limit counts all their devices), and per user and device ('' for the user's own secret).
pub fn fold(counts: &BTreeMap<String, u64>) -> Folded<'_> {
    let mut per_user: BTreeMap<&str, i64> = BTreeMap::new();
    let mut per_device = Vec::new();
    for (id, n) in counts.iter().filter(|(_, n)| **n > 0) {
        let n = (*n).min(i64::MAX as u64) as i64;
        let (user, device) = hy_api::devices::split_node_id(id);
        let sum = per_user.entry(user).or_default();
        *sum = sum.saturating_add(n);
        per_device.push((user, device.unwrap_or(""), n));
    }
    (per_user, per_device)
}

/// Replaces what `server_pk` reported. Ids that name no user are ignored.
pub fn replace(
    conn: &mut Connection,
    server_pk: i64,
    counts: &BTreeMap<String, u64>,
    now: i64,
) -> Result<(), DbError> {
    let (per_user, per_device) = fold(counts);
    let tx = conn.transaction()?;
    let before: std::collections::BTreeSet<(String, String)> = {
        let mut stmt = tx.prepare_cached(SESSIONS_OF)?;
        let rows = stmt.query_map(params![server_pk, now - FRESH_FOR], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        rows.collect::<Result<_, _>>()?
    };
    tx.prepare_cached("DELETE FROM online_devices WHERE server_pk = ?1")?
        .execute([server_pk])?;
    tx.prepare_cached("DELETE FROM online_sessions WHERE server_pk = ?1")?
        .execute([server_pk])?;
    {
        let mut find = tx.prepare_cached("SELECT pk FROM users WHERE id = ?1")?;
        let mut put = tx.prepare_cached(
            "INSERT INTO online_devices (server_pk, user_pk, count, at) VALUES (?1, ?2, ?3, ?4)",
        )?;
        let mut session = tx.prepare_cached(
            "INSERT INTO online_sessions (server_pk, user_pk, device, count, at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for (user, n) in &per_user {
            if let Some(user_pk) = find.query_row([user], |r| r.get::<_, i64>(0)).optional()? {
                put.execute(params![server_pk, user_pk, n, now])?;
            }
        }
        let mut after = std::collections::BTreeSet::new();
        for (user, device, n) in &per_device {
            if let Some(user_pk) = find.query_row([user], |r| r.get::<_, i64>(0)).optional()? {
                session.execute(params![server_pk, user_pk, device, n, now])?;
                after.insert(((*user).to_owned(), (*device).to_owned()));
            }
        }
        let data = tx
            .prepare_cached(SERVER_DATA)?
            .query_row([server_pk], |r| r.get::<_, String>(0))?;
        for (kind, set) in session_changes(&before, &after) {
            for (user, device) in set {
                let subject = if device.is_empty() {
                    user.clone()
                } else {
                    hy_api::devices::node_id(user, device)
                };
                super::events::insert(&tx, now, kind, &subject, &data)?;
            }
        }
    }
    tx.commit()?;
    Ok(())
}

/// A node's fresh sessions (`?1` server, fresher than `?2`): user id, device.
pub const SESSIONS_OF: &str = "SELECT u.id, o.device FROM online_sessions o
    JOIN users u ON u.pk = o.user_pk WHERE o.server_pk = ?1 AND o.at > ?2";
/// A session event's data: the server's id and name, as JSON.
pub const SERVER_DATA: &str =
    "SELECT '{\"server_id\":\"' || id || '\",\"server_name\":' || COALESCE('\"' || name || '\"', 'null') || '}'
     FROM servers WHERE pk = ?1";

/// What a node's new report started and ended: `session.started` for the (user, device)
/// pairs new in `after`, `session.ended` for those gone from `before`.
pub fn session_changes<'a>(
    before: &'a std::collections::BTreeSet<(String, String)>,
    after: &'a std::collections::BTreeSet<(String, String)>,
) -> [(&'static str, Vec<&'a (String, String)>); 2] {
    [
        ("session.started", after.difference(before).collect()),
        ("session.ended", before.difference(after).collect()),
    ]
}

/// Who is connected now (counts no older than [`FRESH_FOR`]): user, device ('' = the user's
/// own secret), server id and name, connections, when the node last said so; optionally one
/// user's or one server's (`?2`, `?3`, ids or names). In user, device, server order.
pub const SESSIONS: &str = "SELECT u.id, o.device, s.id, s.name, o.count, o.at
    FROM online_sessions o JOIN users u ON u.pk = o.user_pk JOIN servers s ON s.pk = o.server_pk
    WHERE o.at > ?1 AND (?2 IS NULL OR u.id = ?2) AND (?3 IS NULL OR s.id = ?3 OR s.name = ?3)
      AND (?4 IS NULL OR s.kind = ?4)
    ORDER BY u.id, o.device, s.name, s.id";

/// A media node's session, for [`INSERT_STREAM`]: `?1` server, `?2` key, `?3` device ('' for
/// the user's own secret), `?4`..`?10` the session, `?11` central's time, `?12` the user's
/// id (a session of no user is not stored).
pub const INSERT_STREAM: &str = "INSERT OR REPLACE INTO stream_sessions
    (server_pk, key, user_pk, device, stream, proto, addr, publish, started_at, seen_at, bytes, at)
    SELECT ?1, ?2, pk, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11 FROM users WHERE id = ?12";

/// Fresh media sessions (reported after `?1`), optionally one user's (`?2`) or one server's
/// (`?3`, id or name): user, device, server id and name, then the session's fields for
/// [`stream_session`]. Oldest first.
pub const STREAMS: &str = "SELECT u.id, t.device, s.id, s.name, t.key, t.stream, t.proto,
    t.addr, t.publish, t.started_at, t.seen_at, t.bytes
    FROM stream_sessions t JOIN users u ON u.pk = t.user_pk JOIN servers s ON s.pk = t.server_pk
    WHERE t.at > ?1 AND (?2 IS NULL OR u.id = ?2) AND (?3 IS NULL OR s.id = ?3 OR s.name = ?3)
    ORDER BY t.started_at, t.key";

/// Replaces the live sessions media node `server_pk` reported.
pub fn replace_streams(
    conn: &mut Connection,
    server_pk: i64,
    sessions: &[hy_api::node::NodeSession],
    now: i64,
) -> Result<(), DbError> {
    let tx = conn.transaction()?;
    tx.prepare_cached("DELETE FROM stream_sessions WHERE server_pk = ?1")?
        .execute([server_pk])?;
    {
        let mut put = tx.prepare_cached(INSERT_STREAM)?;
        for x in sessions {
            let (user, device) = hy_api::devices::split_node_id(&x.user);
            put.execute(params![
                server_pk,
                x.id,
                device.unwrap_or(""),
                x.stream,
                x.proto,
                x.addr,
                x.publish,
                x.started,
                x.seen,
                x.bytes.min(i64::MAX as u64) as i64,
                now,
                user
            ])?;
        }
    }
    tx.commit()?;
    Ok(())
}

/// A user's (device's) session on one server: user, device, server id and name, and the
/// session.
pub type StreamRow = (
    String,
    String,
    String,
    Option<String>,
    hy_api::users::StreamSession,
);

/// One row of [`STREAMS`] past its first three columns.
#[expect(clippy::too_many_arguments, reason = "one column each")]
pub fn stream_session(
    key: String,
    stream: String,
    proto: String,
    address: String,
    publish: bool,
    started: i64,
    seen: i64,
    bytes: i64,
) -> hy_api::users::StreamSession {
    hy_api::users::StreamSession {
        id: key,
        stream,
        proto,
        address,
        publish,
        started_at: super::ts(started),
        last_seen_at: super::ts(seen),
        duration_secs: seen.saturating_sub(started).max(0) as u64,
        bytes: bytes.max(0) as u64,
    }
}

/// Puts each media session under its user's (device's) row for its server; a session whose
/// row is missing (the node's counts and sessions are reported apart) gets one.
pub fn attach_streams(rows: &mut Vec<hy_api::users::OnlineSession>, streams: Vec<StreamRow>) {
    let mut index: std::collections::HashMap<(String, String, String), usize> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let device = r.device.clone().unwrap_or_default();
            ((r.user.clone(), device, r.server_id.clone()), i)
        })
        .collect();
    for (user, device, server, server_name, session) in streams {
        let key = (user, device, server);
        let i = match index.get(&key) {
            Some(i) => *i,
            None => {
                rows.push(hy_api::users::OnlineSession {
                    user: key.0.clone(),
                    device: Some(key.1.clone()).filter(|d| !d.is_empty()),
                    server_id: key.2.clone(),
                    server_name,
                    connections: 0,
                    seen_at: session.last_seen_at,
                    streams: Vec::new(),
                });
                index.insert(key, rows.len() - 1);
                rows.len() - 1
            }
        };
        let row = &mut rows[i];
        row.streams.push(session);
        row.connections = row.connections.max(row.streams.len() as u64);
    }
}

/// One connected user or device on one node.
pub fn session(
    user: String,
    device: String,
    server_id: String,
    server_name: Option<String>,
    connections: i64,
    at: i64,
) -> hy_api::users::OnlineSession {
    hy_api::users::OnlineSession {
        user,
        device: Some(device).filter(|d| !d.is_empty()),
        server_id,
        server_name,
        connections: connections.max(0) as u64,
        seen_at: super::ts(at),
        streams: Vec::new(),
    }
}

/// See [`SESSIONS`] and [`STREAMS`]: media sessions come under their rows.
pub fn sessions(
    conn: &Connection,
    now: i64,
    user: Option<&str>,
    server: Option<&str>,
    kind: Option<&str>,
) -> Result<Vec<hy_api::users::OnlineSession>, DbError> {
    let mut stmt = conn.prepare_cached(SESSIONS)?;
    let rows = stmt.query_map(params![now - FRESH_FOR, user, server, kind], |r| {
        Ok(session(
            r.get(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get(4)?,
            r.get(5)?,
        ))
    })?;
    let mut rows: Vec<_> = rows.collect::<Result<_, _>>()?;
    if kind.is_none_or(|k| k == "stream") {
        let mut stmt = conn.prepare_cached(STREAMS)?;
        let streams = stmt.query_map(params![now - FRESH_FOR, user, server], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                stream_session(
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                    r.get(7)?,
                    r.get(8)?,
                    r.get(9)?,
                    r.get(10)?,
                    r.get(11)?,
                ),
            ))
        })?;
        attach_streams(&mut rows, streams.collect::<Result<_, _>>()?);
    }
    Ok(rows)
}

/// For each device of `server_pk`'s users with a session limit (`?1`): its sessions on other
/// nodes (counts fresher than `?2`), keyed by its node id, so its limit holds across nodes.
pub const SESSIONS_ELSEWHERE: &str = "SELECT u.id || ':' || dv.name, SUM(o.count)
    FROM assignments a JOIN users u ON u.pk = a.user_pk
    JOIN devices dv ON dv.user_pk = u.pk AND dv.max_sessions > 0
    JOIN online_sessions o ON o.user_pk = u.pk AND o.device = dv.name
        AND o.server_pk != ?1 AND o.at > ?2
    WHERE a.server_pk = ?1 GROUP BY dv.pk, u.id, dv.name";

/// For each device-limited user of `server_pk`: devices connected on other nodes; and for each
/// session-limited device, its sessions there ([`SESSIONS_ELSEWHERE`]). Fresh counts only.
pub fn elsewhere(
    conn: &Connection,
    server_pk: i64,
    now: i64,
) -> Result<BTreeMap<String, u64>, DbError> {
    let mut stmt = conn.prepare_cached(
        "SELECT u.id, CAST(MIN(TOTAL(d.count), 9.2e18) AS INTEGER) FROM assignments a
         JOIN users u ON u.pk = a.user_pk AND u.max_devices > 0
         JOIN online_devices d ON d.user_pk = u.pk AND d.server_pk != ?1 AND d.at > ?2
         WHERE a.server_pk = ?1 GROUP BY u.pk",
    )?;
    let mut rows: BTreeMap<String, u64> = stmt
        .query_map(params![server_pk, now - FRESH_FOR], |r| {
            Ok((r.get(0)?, r.get::<_, i64>(1)?.max(0) as u64))
        })?
        .collect::<Result<_, _>>()?;
    // Counts are bounded per report (MAX_DEVICE_COUNT), so the sum fits.
    let mut stmt = conn.prepare_cached(SESSIONS_ELSEWHERE)?;
    let devices = stmt.query_map(params![server_pk, now - FRESH_FOR], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?.max(0) as u64))
    })?;
    for d in devices {
        let (id, n) = d?;
        rows.insert(id, n);
    }
    Ok(rows)
}

/// Moves the kick counter of user `?1` (all their connections).
pub const KICK_USER: &str = "UPDATE users SET kick_seq = kick_seq + 1 WHERE id = ?1";
/// Moves the kick counter of device `?2` of user `?1`.
pub const KICK_DEVICE: &str = "UPDATE devices SET kick_seq = kick_seq + 1
    WHERE name = ?2 AND user_pk = (SELECT pk FROM users WHERE id = ?1)";

/// Asks server `?1` (its id) to end its session `?2` once, at `?3` (the migration's trigger
/// bumps the list). Asking again only renews how long the list names it.
pub const END_SESSION: &str = "INSERT INTO session_ends (server_pk, key, at)
    SELECT pk, ?2, ?3 FROM servers WHERE id = ?1
    ON CONFLICT (server_pk, key) DO UPDATE SET at = excluded.at";

/// The sessions server `?1`'s list names to end: asked for after `?2`.
pub const SESSION_ENDS: &str =
    "SELECT key FROM session_ends WHERE server_pk = ?1 AND at > ?2 ORDER BY key";

/// Forgets asks to end sessions made at `?1` or before.
pub const PRUNE_SESSION_ENDS: &str = "DELETE FROM session_ends WHERE at <= ?1";

/// Asks server `server` to end its session `key` once (the media server's id of it).
pub fn end_session(conn: &Connection, server: &str, key: &str, now: i64) -> Result<(), DbError> {
    if conn
        .prepare_cached(END_SESSION)?
        .execute(params![server, key, now])?
        == 0
    {
        return Err(DbError::NotFound {
            kind: "server",
            id: server.to_owned(),
        });
    }
    Ok(())
}

/// The sessions the list of `server_pk` names to end at `now`.
pub fn session_ends(conn: &Connection, server_pk: i64, now: i64) -> Result<Vec<String>, DbError> {
    let mut stmt = conn.prepare_cached(SESSION_ENDS)?;
    let keys = stmt.query_map(
        params![server_pk, now - hy_api::node::SESSION_END_KEPT_SECS],
        |r| r.get(0),
    )?;
    Ok(keys.collect::<Result<_, _>>()?)
}

/// Forgets asks to end sessions that lists no longer name.
pub fn prune_session_ends(conn: &Connection, now: i64) -> Result<usize, DbError> {
    Ok(conn
        .prepare_cached(PRUNE_SESSION_ENDS)?
        .execute([now - hy_api::node::SESSION_END_KEPT_SECS])?)
}

/// Asks every node to close the connections of a user, or of one of their devices, once.
pub fn kick(conn: &Connection, user: &str, device: Option<&str>) -> Result<(), DbError> {
    let n = match device {
        None => conn.prepare_cached(KICK_USER)?.execute([user])?,
        Some(d) => conn
            .prepare_cached(KICK_DEVICE)?
            .execute(params![user, d])?,
    };
    if n == 0 {
        return Err(DbError::NotFound {
            kind: if device.is_some() { "device" } else { "user" },
            id: device.map_or(user.to_owned(), |d| hy_api::devices::node_id(user, d)),
        });
    }
    Ok(())
}
