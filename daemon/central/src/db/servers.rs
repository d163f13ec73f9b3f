//! The `servers` and `assignments` tables, and the node list built from them.
//!
//! A server id is a credential: node requests find their server by the SHA-256 of the id they
//! present, so the lookup's timing says nothing about stored ids.

use hy_api::Traffic;
use hy_api::page::PageQuery;
use hy_api::servers::{AssignResult, AssignedUser, Server, ServerKind};
use hy_api::uri::LinkSettings;
use rusqlite::{Connection, OptionalExtension, Row, params};
use sha2::{Digest, Sha256};

use super::{DbError, ts, users};

const SELECT: &str = "SELECT s.id, s.name, s.created_at, s.last_seen_at, s.agent_version,
        (SELECT COUNT(*) FROM assignments a WHERE a.server_pk = s.pk),
        (SELECT CAST(MIN(TOTAL(t.tx), 9.2e18) AS INTEGER) FROM traffic t WHERE t.server_pk = s.pk),
        (SELECT CAST(MIN(TOTAL(t.rx), 9.2e18) AS INTEGER) FROM traffic t WHERE t.server_pk = s.pk),
        s.unattributed_tx, s.unattributed_rx, s.traffic_multiplier, s.link, s.kind,
        (SELECT r.rev FROM list_revisions r WHERE r.server_pk = s.pk) - s.list_rev_seen
    FROM servers s";

/// The stored kind; the column's CHECK admits only wire names, so anything else is damage and
/// reads as the original system's kind.
fn kind(text: &str) -> ServerKind {
    text.parse().unwrap_or_default()
}

/// A server as stored, in [`SELECT`]'s order, before it becomes a [`Server`]: every backend
/// reads into this and calls [`ServerRow::into_server`].
#[derive(Debug, Clone)]
pub struct ServerRow {
    pub id: String,
    pub name: Option<String>,
    pub created_at: i64,
    pub last_seen_at: Option<i64>,
    pub agent_version: Option<String>,
    pub users: i64,
    pub tx: i64,
    pub rx: i64,
    pub unattributed_tx: i64,
    pub unattributed_rx: i64,
    pub traffic_multiplier: f64,
    pub link: String,
    pub kind: String,
    pub list_lag: Option<i64>,
}

impl ServerRow {
    /// The server.
    pub fn into_server(self) -> Server {
        let n = |v: i64| v.max(0) as u64;
        Server {
            id: self.id,
            name: self.name,
            kind: kind(&self.kind),
            created_at: ts(self.created_at),
            last_seen_at: self.last_seen_at.map(ts),
            agent_version: self.agent_version,
            users: n(self.users),
            traffic: Traffic {
                tx: n(self.tx),
                rx: n(self.rx),
            },
            unattributed: Traffic {
                tx: n(self.unattributed_tx),
                rx: n(self.unattributed_rx),
            },
            traffic_multiplier: self.traffic_multiplier,
            // Written only from validated LinkSettings; a damaged value reads as "no link".
            link: serde_json::from_str(&self.link).unwrap_or_default(),
            list_lag: self.list_lag.map(|l| l.max(0) as u64),
        }
    }
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Server> {
    Ok(ServerRow {
        id: row.get(0)?,
        name: row.get(1)?,
        created_at: row.get(2)?,
        last_seen_at: row.get(3)?,
        agent_version: row.get(4)?,
        users: row.get(5)?,
        tx: row.get(6)?,
        rx: row.get(7)?,
        unattributed_tx: row.get(8)?,
        unattributed_rx: row.get(9)?,
        traffic_multiplier: row.get(10)?,
        link: row.get(11)?,
        kind: row.get(12)?,
        list_lag: row.get(13)?,
    }
    .into_server())
}

/// SHA-256 of a server id, the key node requests are looked up by.
pub fn id_digest(id: &str) -> Vec<u8> {
    Sha256::digest(id.as_bytes()).to_vec()
}

/// The conflict of a second server with this name.
pub fn name_taken(name: Option<&str>) -> DbError {
    DbError::Conflict(format!(
        "a server named {:?} already exists",
        name.unwrap_or_default()
    ))
}

/// The conflict of a second server with this id.
pub fn id_taken(id: &str) -> DbError {
    DbError::Conflict(format!("server {id:?} already exists"))
}

/// The conflict of a name that is another server's id.
pub fn name_is_an_id(name: &str) -> DbError {
    DbError::Conflict(format!(
        "{name:?} is another server's id and cannot be used as a name"
    ))
}

/// The missing assignment.
pub fn not_assigned(user_id: &str) -> DbError {
    DbError::NotFound {
        kind: "assignment of user",
        id: user_id.to_owned(),
    }
}

fn classify(err: rusqlite::Error, id: &str, name: Option<&str>) -> DbError {
    match super::unique_violation(&err) {
        Some("servers.name") => name_taken(name),
        Some("servers.id" | "servers.id_sha256") => id_taken(id),
        _ => DbError::Sqlite(err),
    }
}

/// Names must not shadow another server's id, or `hyctl server show X` would be ambiguous.
fn check_name_free(conn: &Connection, name: Option<&str>) -> Result<(), DbError> {
    if let Some(name) = name {
        let clash: bool = conn
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM servers WHERE id = ?1)")?
            .query_row([name], |r| r.get(0))?;
        if clash {
            return Err(name_is_an_id(name));
        }
    }
    Ok(())
}

/// Inserts a server.
pub fn insert(
    conn: &Connection,
    id: &str,
    name: Option<&str>,
    kind: ServerKind,
    multiplier: f64,
    now: i64,
) -> Result<Server, DbError> {
    check_name_free(conn, name)?;
    conn.prepare_cached(
        "INSERT INTO servers (id, id_sha256, name, created_at, traffic_multiplier, kind)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        id,
        id_digest(id),
        name,
        now,
        multiplier,
        kind.as_str()
    ])
    .map_err(|e| classify(e, id, name))?;
    get(conn, id)
}

/// Replaces a server's share-link settings.
pub fn set_link(conn: &Connection, id: &str, link: &LinkSettings) -> Result<(), DbError> {
    let json = serde_json::to_string(link).map_err(|e| DbError::Schema(e.to_string()))?;
    let n = conn
        .prepare_cached("UPDATE servers SET link = ?2 WHERE id = ?1")?
        .execute(params![id, json])?;
    if n == 0 {
        return Err(not_found(id));
    }
    Ok(())
}

/// The servers a user is assigned to, with their share-link settings, ordered by name.
pub fn links_of_user(
    conn: &Connection,
    user_pk: i64,
) -> Result<Vec<(String, Option<String>, LinkSettings)>, DbError> {
    let mut stmt = conn.prepare_cached(
        "SELECT s.id, s.name, s.link FROM assignments a JOIN servers s ON s.pk = a.server_pk
         WHERE a.user_pk = ?1 ORDER BY s.name IS NULL, s.name, s.id",
    )?;
    let rows = stmt
        .query_map([user_pk], |r| {
            let link: String = r.get(2)?;
            Ok((
                r.get(0)?,
                r.get(1)?,
                serde_json::from_str(&link).unwrap_or_default(),
            ))
        })?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// Sets a server's traffic multiplier (applies to traffic reported from now on).
pub fn set_multiplier(conn: &Connection, id: &str, multiplier: f64) -> Result<(), DbError> {
    let n = conn
        .prepare_cached("UPDATE servers SET traffic_multiplier = ?2 WHERE id = ?1")?
        .execute(params![id, multiplier])?;
    if n == 0 {
        return Err(not_found(id));
    }
    Ok(())
}

/// The internal key of a server, creating the server if it is new: the original system had no
/// server registry, so assigning a user to an id was how a server came to exist.
pub fn ensure(conn: &Connection, id: &str, now: i64) -> Result<(i64, bool), DbError> {
    if let Some(pk) = find(conn, id)? {
        return Ok((pk, false));
    }
    conn.prepare_cached("INSERT INTO servers (id, id_sha256, created_at) VALUES (?1, ?2, ?3)")?
        .execute(params![id, id_digest(id), now])?;
    Ok((conn.last_insert_rowid(), true))
}

/// All servers, ordered by name then id.
pub fn list(conn: &Connection, page: &PageQuery) -> Result<(Vec<Server>, Option<String>), DbError> {
    // Unpaged, as the original lists them (by name); paged, by id, so a cursor is a range.
    let order = if page.limit.is_some() {
        "s.id"
    } else {
        "s.name IS NULL, s.name, s.id"
    };
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE (?1 IS NULL OR s.id > ?1) AND {} ORDER BY {order} LIMIT ?3",
        super::page::matches("s.id", &["s.name"], "?2")
    ))?;
    let limit = page.limit.map_or(i64::MAX, |l| i64::from(l) + 1);
    let rows = stmt
        .query_map(params![page.after, page.q, limit], from_row)?
        .collect::<Result<_, _>>()?;
    Ok(super::page::split(rows, page.limit, |s: &Server| {
        s.id.clone()
    }))
}

/// One server, or `NotFound`.
pub fn get(conn: &Connection, id: &str) -> Result<Server, DbError> {
    conn.prepare_cached(&format!("{SELECT} WHERE s.id = ?1"))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| not_found(id))
}

/// The internal key of a server, if it exists.
pub fn find(conn: &Connection, id: &str) -> Result<Option<i64>, DbError> {
    Ok(conn
        .prepare_cached("SELECT pk FROM servers WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?)
}

/// The internal key of a server, or `NotFound`.
pub fn pk(conn: &Connection, id: &str) -> Result<i64, DbError> {
    find(conn, id)?.ok_or_else(|| not_found(id))
}

/// The server a node request names, looked up by the digest of the presented id.
pub fn by_node_credential(
    conn: &Connection,
    presented: &str,
) -> Result<Option<(i64, ServerKind)>, DbError> {
    Ok(conn
        .prepare_cached("SELECT pk, kind FROM servers WHERE id_sha256 = ?1")?
        .query_row([id_digest(presented)], |r| {
            Ok((r.get(0)?, kind(&r.get::<_, String>(1)?)))
        })
        .optional()?)
}

/// Sets or clears a server's name.
pub fn rename(conn: &Connection, id: &str, name: Option<&str>) -> Result<Server, DbError> {
    check_name_free(conn, name)?;
    let n = conn
        .prepare_cached("UPDATE servers SET name = ?2 WHERE id = ?1")?
        .execute(params![id, name])
        .map_err(|e| classify(e, id, name))?;
    if n == 0 {
        return Err(not_found(id));
    }
    get(conn, id)
}

/// Deletes a server and its assignments. Its traffic stays, counted in user totals and shown
/// as "deleted" in per-server views.
pub fn delete(conn: &Connection, id: &str) -> Result<(), DbError> {
    match conn
        .prepare_cached("DELETE FROM servers WHERE id = ?1")?
        .execute([id])?
    {
        0 => Err(not_found(id)),
        _ => Ok(()),
    }
}

/// Assigns users to a server. All ids must exist; nothing is written if one does not.
pub fn assign(
    conn: &Connection,
    server_pk: i64,
    server_id: &str,
    user_ids: &[String],
    now: i64,
) -> Result<AssignResult, DbError> {
    let mut insert = conn.prepare_cached(
        "INSERT INTO assignments (server_pk, user_pk, created_at) VALUES (?1, ?2, ?3)
         ON CONFLICT DO NOTHING",
    )?;
    let mut added = std::collections::HashSet::new();
    for id in user_ids {
        let user_pk = users::pk(conn, id)?;
        if insert.execute(params![server_pk, user_pk, now])? == 1 {
            added.insert(id.as_str());
        }
    }
    Ok(assign_result(server_id, user_ids, &added))
}

/// What an assignment of `user_ids` reports, given those it `added`: each id once, in the
/// order given, as assigned now or as already assigned before (both backends' rule).
pub(crate) fn assign_result(
    server_id: &str,
    user_ids: &[String],
    added: &std::collections::HashSet<&str>,
) -> AssignResult {
    let mut result = AssignResult {
        server_id: server_id.to_owned(),
        ..Default::default()
    };
    let mut seen = std::collections::HashSet::new();
    for id in user_ids {
        if !seen.insert(id.as_str()) {
            continue;
        }
        if added.contains(id.as_str()) {
            result.assigned.push(id.clone());
        } else {
            result.unchanged.push(id.clone());
        }
    }
    result
}

/// Removes one assignment, or `NotFound` if the user was not assigned.
pub fn unassign(conn: &Connection, server_pk: i64, user_id: &str) -> Result<(), DbError> {
    let user_pk = users::pk(conn, user_id)?;
    let n = conn
        .prepare_cached("DELETE FROM assignments WHERE server_pk = ?1 AND user_pk = ?2")?
        .execute(params![server_pk, user_pk])?;
    if n == 0 {
        return Err(not_assigned(user_id));
    }
    Ok(())
}

/// Users assigned to a server, ordered by id.
pub fn assigned_users(
    conn: &Connection,
    server_pk: i64,
    page: &PageQuery,
) -> Result<(Vec<AssignedUser>, Option<String>), DbError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT u.id, a.created_at FROM assignments a JOIN users u ON u.pk = a.user_pk
         WHERE a.server_pk = ?1 AND (?2 IS NULL OR u.id > ?2) AND {}
         ORDER BY u.id LIMIT ?4",
        super::page::matches("u.id", &[], "?3")
    ))?;
    let limit = page.limit.map_or(i64::MAX, |l| i64::from(l) + 1);
    let rows = stmt
        .query_map(params![server_pk, page.after, page.q, limit], |r| {
            Ok(AssignedUser {
                id: r.get(0)?,
                assigned_at: ts(r.get(1)?),
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(super::page::split(rows, page.limit, |u: &AssignedUser| {
        u.id.clone()
    }))
}

/// Servers by last contact at `now`: `fresh` (under a minute), `recent` (under ten), `stale`,
/// `never`; every class listed.
pub fn count_by_freshness(
    conn: &Connection,
    now: i64,
) -> Result<Vec<(&'static str, i64)>, DbError> {
    let counted: Vec<(String, i64)> = conn
        .prepare_cached(&format!(
            "SELECT {FRESHNESS_SQL} AS state, COUNT(*) FROM servers GROUP BY state"
        ))?
        .query_map([now], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    Ok(FRESHNESS
        .into_iter()
        .map(|class| {
            let n = counted
                .iter()
                .find(|(s, _)| s == class)
                .map_or(0, |(_, n)| *n);
            (class, n)
        })
        .collect())
}

/// A server's freshness class at `?1`, in SQL, for every backend.
pub const FRESHNESS_SQL: &str = "CASE
        WHEN last_seen_at IS NULL THEN 'never'
        WHEN last_seen_at >= ?1 - 60 THEN 'fresh'
        WHEN last_seen_at >= ?1 - 600 THEN 'recent'
        ELSE 'stale' END";

/// The classes of [`count_by_freshness`].
pub const FRESHNESS: [&str; 4] = ["fresh", "recent", "stale", "never"];

/// Records that a node's agent was in touch.
pub fn touch(
    conn: &Connection,
    server_pk: i64,
    version: Option<&str>,
    list_rev: Option<i64>,
    now: i64,
) -> Result<(), DbError> {
    conn.prepare_cached(super::events::SERVER_UP)?
        .execute(params![server_pk, now])?;
    conn.prepare_cached(TOUCH)?
        .execute(params![server_pk, now, version, list_rev])?;
    Ok(())
}

/// Records node `?1`'s contact at `?2`, with its agent version `?3` and the list revision
/// `?4` it holds, each when it said (a report says neither).
pub const TOUCH: &str = "UPDATE servers SET last_seen_at = ?2,
        agent_version = COALESCE(?3, agent_version), list_rev_seen = COALESCE(?4, list_rev_seen)
    WHERE pk = ?1";

/// Nodes per agent version (`NULL`: none seen), with how many of them hold an older list than
/// central's: what the overview shows of the fleet's software and sync.
pub const VERSIONS: &str = "SELECT s.agent_version, COUNT(*),
        COALESCE(SUM(CASE WHEN r.rev > s.list_rev_seen THEN 1 ELSE 0 END), 0)
    FROM servers s LEFT JOIN list_revisions r ON r.server_pk = s.pk
    GROUP BY s.agent_version ORDER BY s.agent_version";

pub fn versions(conn: &Connection) -> Result<Vec<(Option<String>, i64, i64)>, DbError> {
    Ok(conn
        .prepare_cached(VERSIONS)?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_, _>>()?)
}

/// No server with this id.
pub fn not_found(id: &str) -> DbError {
    DbError::NotFound {
        kind: "server",
        id: id.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::Db;
    use super::super::lists::*;
    use super::*;

    fn rev(c: &Connection, pk: i64) -> i64 {
        revision(c, pk).unwrap().unwrap()
    }

    #[test]
    fn list_revision_moves_on_every_change_that_affects_the_list() {
        let db = Db::open_in_memory().unwrap();
        db.call_blocking(|c| {
            let none = Default::default();
            users::insert(c, "alice", "secret-alice", &none, 1)?;
            users::insert(c, "bob", "secret-bob-1", &none, 1)?;
            let (pk, created) = ensure(c, "server-one", 1)?;
            assert!(created);
            let r0 = rev(c, pk);
            assign(c, pk, "server-one", &["alice".into(), "bob".into()], 1)?;
            let r1 = rev(c, pk);
            assert!(r1 > r0);
            // Re-assigning changes nothing.
            assign(c, pk, "server-one", &["alice".into()], 1)?;
            assert_eq!(rev(c, pk), r1);
            users::set_secret(c, users::pk(c, "bob")?, "bob", "secret-bob-2", 2)?;
            let r2 = rev(c, pk);
            assert!(r2 > r1);
            // Deleting a user removes its assignment by cascade, which must bump too.
            let tx = c.transaction()?;
            users::delete(&tx, "alice")?;
            tx.commit()?;
            assert!(rev(c, pk) > r2);
            let (_, users) = node_users(c, pk, 2)?.unwrap();
            assert_eq!(users.len(), 1);
            assert_eq!(users[0].auth_sha256, hy_api::auth_digest("secret-bob-2"));
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn node_lists_leave_out_users_who_may_not_connect_and_carry_their_limits() {
        use hy_api::users::UserSettings;
        let db = Db::open_in_memory().unwrap();
        db.call_blocking(|c| {
            let (pk, _) = ensure(c, "server-one", 1)?;
            let quota = UserSettings {
                data_limit: Some(100),
                max_devices: Some(2),
                ..Default::default()
            };
            users::insert(c, "quota", "secret-quota", &quota, 1)?;
            let off = UserSettings {
                enabled: Some(false),
                ..Default::default()
            };
            users::insert(c, "off", "secret-off-1", &off, 1)?;
            let exp = UserSettings {
                expires_at: Some(Some(jiff::Timestamp::from_second(50).unwrap())),
                ..Default::default()
            };
            users::insert(c, "exp", "secret-exp-1", &exp, 1)?;
            let ids: Vec<String> = ["quota", "off", "exp"].map(String::from).into();
            assign(c, pk, "server-one", &ids, 1)?;
            let r0 = rev(c, pk);
            let (_, list) = node_users(c, pk, 10)?.unwrap();
            let names: Vec<&str> = list.iter().map(|u| u.id.as_str()).collect();
            assert_eq!(names, ["quota", "exp"]);
            assert_eq!(
                (list[0].remaining, list[0].max_devices),
                (Some(100), Some(2))
            );
            let (_, later) = node_users(c, pk, 50)?.unwrap();
            assert_eq!(later.len(), 1, "expired at 50");
            // Crossing the quota bumps the revision and drops the user.
            let report = [("quota".to_owned(), hy_api::Traffic { tx: 60, rx: 40 })].into();
            super::super::traffic::apply_report(c, pk, None, &report, 10)?;
            assert!(rev(c, pk) > r0);
            assert!(
                node_users(c, pk, 10)?
                    .unwrap()
                    .1
                    .iter()
                    .all(|u| u.id != "quota")
            );
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn a_large_list_comes_in_pieces_that_join_into_one_list() {
        let db = Db::open_in_memory().unwrap();
        db.call_blocking(|c| {
            let (pk, _) = ensure(c, "server-one", 1)?;
            let ids: Vec<String> = (0..5000).map(|i| format!("user-{i:05}")).collect();
            for id in &ids {
                users::insert(c, id, &format!("secret-{id}"), &Default::default(), 1)?;
            }
            assign(c, pk, "server-one", &ids, 1)?;
            let mut pieces = Vec::new();
            let mut rev = None;
            assert!(node_list_json(
                c,
                None,
                pk,
                1,
                true,
                |r| rev = Some(r),
                |p| pieces.push(p)
            )?);
            assert!(pieces.len() >= 2, "{} pieces", pieces.len());
            assert!(
                pieces[..pieces.len() - 1]
                    .iter()
                    .all(|p| p.len() >= LIST_CHUNK)
            );
            let list: hy_api::node::NodeList = serde_json::from_slice(&pieces.concat()).unwrap();
            assert_eq!(list.users.len(), 5000);
            assert_eq!(
                list.revision,
                super::super::lists::tag_of(pk, rev.unwrap(), true)
            );
            let missing = node_list_json(c, None, pk + 1, 1, true, |_| panic!(), |_| panic!())?;
            assert!(!missing, "no such server: nothing written");
            Ok(())
        })
        .unwrap();
    }

    /// The list as one text, read by [`node_list_json_split`].
    fn list_text(conn: &Connection, spare: Option<&mut Connection>, span: i64, pk: i64) -> Vec<u8> {
        let mut text = Vec::new();
        assert!(
            node_list_json_split(conn, spare, span, pk, 10, true, |_| {}, |p| text.extend(p))
                .unwrap()
        );
        text
    }

    #[test]
    fn the_hand_written_list_is_what_serde_would_write() {
        let db = Db::open_in_memory().unwrap();
        db.call_blocking(|c| {
            let (pk, _) = ensure(c, "server-one", 1)?;
            let ids: Vec<String> = (0..6).map(|i| format!("user-{i}")).collect();
            for id in &ids {
                users::insert(c, id, &format!("secret-{id}"), &Default::default(), 1)?;
            }
            assign(c, pk, "server-one", &ids, 1)?;
            // Ids a hand-edited database could hold, past the API's validation.
            c.execute_batch(
                r#"UPDATE users SET id = 'quote"back\slash' || char(10) || char(1) WHERE id = 'user-0';
                   UPDATE users SET id = 'ünï€ode', data_limit = 1000, max_devices = 3 WHERE id = 'user-1';
                   UPDATE users SET expires_at = 99999999999, allowed_ips = '10.0.0.0/8,::1/128'
                       WHERE id = 'user-2';
                   UPDATE users SET max_devices = 99999999999, allowed_ips = '192.0.2.7/32'
                       WHERE id = 'user-3';
                   UPDATE quota_usage SET period_used = 250
                       WHERE user_pk = (SELECT pk FROM users WHERE id = 'ünï€ode');"#,
            )?;
            // Devices: of every shape, of a user left out (disabled), blocked, expired.
            let device = |user: &str, name: &str, sql: &str| -> Result<(), DbError> {
                let tx = c.unchecked_transaction()?;
                let secret = format!("secret-{user}-{name}");
                super::super::user_devices::insert(&tx, user, name, &secret, &Default::default(), 1)?;
                if !sql.is_empty() {
                    tx.execute(&format!("UPDATE devices SET {sql} WHERE name = ?1"), [name])?;
                }
                tx.commit()?;
                Ok(())
            };
            device("user-2", "phone", "valid_until = 5000")?;
            device("user-2", "laptop", "valid_from = 20, max_sessions = 2, allowed_ips = '192.0.2.0/24'")?;
            device("user-3", "tv", "allowed_ips = '10.1.0.0/16,::2/128'")?;
            device("user-4", "gone", "blocked = 1")?;
            device("user-4", "old", "valid_until = 5")?;
            device("user-5", "hidden", "")?;
            c.execute("UPDATE users SET enabled = 0 WHERE id = 'user-5'", [])?;
            for multiplier in [1.0, 0.1, 2.5] {
                set_multiplier(c, "server-one", multiplier)?;
                let text = list_text(c, None, SPLIT_SPAN, pk);
                let list: hy_api::node::NodeList = serde_json::from_slice(&text).unwrap();
                assert_eq!(
                    String::from_utf8(serde_json::to_vec(&list).unwrap()).unwrap(),
                    String::from_utf8(text).unwrap()
                );
                let ids: Vec<&str> = list.users.iter().map(|u| u.id.as_str()).collect();
                assert_eq!(
                    ids[1..],
                    ["ünï€ode", "user-2", "user-2:laptop", "user-2:phone", "user-3", "user-3:tv", "user-4", "user-4:old"],
                    "devices follow their user; blocked and a disabled user's are out; one expired \
                     lately is in, with its expiry, for nodes to refuse as expired"
                );
                assert_eq!(list.users.last().unwrap().expires_at, Some(5));
                let user = |id: &str| list.users.iter().find(|u| u.id == id).unwrap();
                let phone = user("user-2:phone");
                assert_eq!(phone.auth_sha256, hy_api::auth_digest("secret-user-2-phone"));
                assert_eq!(phone.expires_at, Some(5000), "the earlier expiry");
                assert_eq!(phone.allowed_ips, ["10.0.0.0/8", "::1/128"], "the user's");
                let laptop = user("user-2:laptop");
                assert_eq!(laptop.expires_at, Some(99_999_999_999));
                assert_eq!(laptop.device, Some(hy_api::node::NodeDevice {
                    not_before: Some(20),
                    max_sessions: Some(2),
                    allowed_ips: vec!["192.0.2.0/24".into()],
                    ..Default::default()
                }));
                assert_eq!(user("user-3:tv").device.as_ref().unwrap().allowed_ips, ["10.1.0.0/16", "::2/128"]);
                assert!(list.users[0].id.starts_with("quote\"back\\slash\n"));
                let limited = user("ünï€ode");
                assert_eq!(limited.remaining, Some(750));
                assert_eq!(limited.max_devices, Some(3));
                let expected = (multiplier != 1.0).then_some(multiplier);
                assert_eq!(limited.multiplier, expected);
                assert_eq!(user("user-2").allowed_ips, ["10.0.0.0/8", "::1/128"]);
                assert_eq!(user("user-2").expires_at, Some(99_999_999_999));
                assert_eq!(user("user-3").max_devices, Some(u32::MAX));
                assert_eq!(user("user-4"), &hy_api::node::NodeUser {
                    id: "user-4".into(),
                    auth_sha256: hy_api::auth_digest("secret-user-4"),
                    ..Default::default()
                });
            }
            // A media server's list also carries the blocked device, marked, for its node to
            // refuse as suspended.
            c.execute("UPDATE servers SET kind = 'stream' WHERE pk = ?1", [pk])?;
            // With sessions asked to end: the new ones named (odd ids too), an old one not.
            let before = super::super::lists::revision(c, pk)?;
            for (key, at) in [("fl-2", 10), ("quo\"te\u{1}", 9), ("old", 10 - 7200)] {
                super::super::devices::end_session(c, "server-one", key, at)?;
            }
            assert!(super::super::lists::revision(c, pk)? > before, "an ask is a list change");
            assert!(matches!(
                super::super::devices::end_session(c, "no-such-server", "s", 10),
                Err(DbError::NotFound { kind: "server", .. })
            ));
            let text = list_text(c, None, SPLIT_SPAN, pk);
            let list: hy_api::node::NodeList = serde_json::from_slice(&text).unwrap();
            assert_eq!(
                String::from_utf8(serde_json::to_vec(&list).unwrap()).unwrap(),
                String::from_utf8(text).unwrap()
            );
            assert_eq!(list.end_sessions, ["fl-2", "quo\"te\u{1}"]);
            let gone = list.users.iter().find(|u| u.id == "user-4:gone").unwrap();
            assert!(gone.device.as_ref().unwrap().suspended);
            assert!(list.users.iter().filter(|u| u.id != "user-4:gone").all(|u| {
                u.device.as_ref().is_none_or(|d| !d.suspended)
            }));
            Ok(())
        })
        .unwrap();
    }

    /// A file database of `n` users on one server (returned with its key), the first `skip` of
    /// them disabled, so a first half can be empty.
    fn file_db(dir: &std::path::Path, n: usize, skip: usize) -> (Db, i64) {
        let db = Db::open(&dir.join("central.db")).unwrap();
        let pk = db
            .call_blocking(|c| {
                let (pk, _) = ensure(c, "server-one", 1)?;
                let ids: Vec<String> = (0..n).map(|i| format!("user-{i:04}")).collect();
                let tx = c.transaction()?;
                for id in &ids {
                    users::insert(&tx, id, &format!("secret-{id}"), &Default::default(), 1)?;
                }
                assign(&tx, pk, "server-one", &ids, 1)?;
                tx.execute("UPDATE users SET enabled = 0 WHERE pk <= ?1", [skip as i64])?;
                tx.commit()?;
                Ok(pk)
            })
            .unwrap();
        (db, pk)
    }

    #[test]
    fn a_list_read_in_two_halves_is_the_list_read_in_one() {
        let dir = tempfile::tempdir().unwrap();
        for skip in [0, 2000] {
            let (_db, pk) = file_db(dir.path(), 3000, skip);
            let one = Connection::open(dir.path().join("central.db")).unwrap();
            let mut two = Connection::open(dir.path().join("central.db")).unwrap();
            let whole = list_text(&one, None, 1, pk);
            // Pieces of both halves, in key order, with the comma of an empty first half gone.
            let halves = list_text(&one, Some(&mut two), 1, pk);
            assert_eq!(
                String::from_utf8(halves).unwrap(),
                String::from_utf8(whole.clone()).unwrap()
            );
            let list: hy_api::node::NodeList = serde_json::from_slice(&whole).unwrap();
            assert_eq!(list.users.len(), 3000 - skip);
            assert!(list.users.windows(2).all(|w| w[0].id < w[1].id));
            // Short lists are not worth a thread, and a single user is no span at all.
            assert_eq!(list_text(&one, Some(&mut two), SPLIT_SPAN, pk), whole);
            drop((one, two, _db));
            std::fs::remove_file(dir.path().join("central.db")).unwrap();
        }
    }

    #[test]
    fn halves_from_snapshots_of_different_revisions_are_not_mixed() {
        let dir = tempfile::tempdir().unwrap();
        let (db, pk) = file_db(dir.path(), 3000, 0);
        // The spare shows the list as it was: a copy taken before a change.
        let old = dir.path().join("old.db");
        db.call_blocking(|c| {
            c.execute("VACUUM INTO ?1", [old.to_str().unwrap()])?;
            c.execute(
                "UPDATE users SET enabled = 0 WHERE id IN ('user-2999', 'user-0001')",
                [],
            )?;
            Ok(())
        })
        .unwrap();
        let now = Connection::open(dir.path().join("central.db")).unwrap();
        let mut before = Connection::open(&old).unwrap();
        let whole = list_text(&now, None, 1, pk);
        let mixed = list_text(&now, Some(&mut before), 1, pk);
        assert_eq!(
            String::from_utf8(mixed).unwrap(),
            String::from_utf8(whole.clone()).unwrap()
        );
        let list: hy_api::node::NodeList = serde_json::from_slice(&whole).unwrap();
        assert_eq!(
            list.users.len(),
            2998,
            "both changes in, from the one snapshot"
        );
        // A spare that fails (here: a database without the tables) only loses its help.
        let mut broken = Connection::open(dir.path().join("empty.db")).unwrap();
        let alone = list_text(&now, Some(&mut broken), 1, pk);
        assert_eq!(
            String::from_utf8(alone).unwrap(),
            String::from_utf8(whole).unwrap()
        );
    }

    #[test]
    fn changes_are_published_to_waiters() {
        let db = Db::open_in_memory().unwrap();
        let pk = db
            .call_blocking(|c| Ok(ensure(c, "server-one", 1)?.0))
            .unwrap();
        let g0 = db.changes().generation(pk);
        db.call_blocking(|c| {
            users::insert(c, "alice", "secret-alice", &Default::default(), 1)?;
            assign(c, pk, "server-one", &["alice".into()], 1)
        })
        .unwrap();
        assert!(db.changes().generation(pk) > g0);
        // A rolled-back change publishes nothing.
        let g1 = db.changes().generation(pk);
        let _ = db.call_blocking(|c| {
            let tx = c.transaction()?;
            users::delete(&tx, "alice")?;
            Err::<(), _>(DbError::Conflict("abort".into()))
        });
        assert_eq!(db.changes().generation(pk), g1);
        // A committed change followed by a rolled-back one in the same call is still published.
        let _ = db.call_blocking(|c| {
            users::insert(c, "bob", "secret-bob-1", &Default::default(), 1)?;
            assign(c, pk, "server-one", &["bob".into()], 1)?;
            let tx = c.transaction()?;
            users::delete(&tx, "alice")?;
            Err::<(), _>(DbError::Conflict("abort".into()))
        });
        assert!(
            db.changes().generation(pk) > g1,
            "the committed assignment woke the waiters"
        );
    }
}
