//! What central and a node's agent say to each other: the node's user list and its traffic
//! reports.
//!
//! A node authenticates by the server id in the path, as in the original system. The list
//! carries SHA-256 digests of secrets, never secrets, and a revision so an unchanged poll costs a
//! `304`. A report is either the original bare map or a numbered [`TrafficBatch`], which central
//! applies exactly once.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::Traffic;

/// Largest `tx` or `rx` one report may carry for one user: 2^53 - 1 bytes (8 PiB, a 100 Gbit/s
/// link saturated for over 80 days), also the largest integer a JavaScript client reads exactly.
/// Bounded so that central's sums cannot overflow whatever a node sends.
pub const MAX_REPORTED_BYTES: u64 = (1 << 53) - 1;

/// Largest connected-device count a node may report for one user (`POST /devices/{id}`).
pub const MAX_DEVICE_COUNT: u64 = 1_000_000;

/// Most sessions in one `POST /sessions/{server_id}`.
pub const MAX_NODE_SESSIONS: usize = 100_000;

/// One live session on a media node, in its `POST /sessions/{server_id}` (a JSON array that
/// replaces the node's previous one). Times are the node's clock; central marks the report
/// with its own for freshness.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NodeSession {
    /// The media server's id of the session (at most 256 characters).
    pub id: String,
    /// Whose: the node id of the credential, `user` or `user:device`.
    pub user: String,
    /// The stream (at most 1024 characters).
    pub stream: String,
    /// The protocol, as the media server names it (at most 32 characters).
    #[serde(default)]
    pub proto: String,
    /// The client's address (at most 64 characters).
    #[serde(default)]
    pub addr: String,
    /// Publishing rather than playing.
    #[serde(default)]
    pub publish: bool,
    /// When it opened (Unix seconds).
    pub started: i64,
    /// The media server's latest call about it (Unix seconds).
    pub seen: i64,
    /// Bytes sent to the client so far.
    #[serde(default)]
    pub bytes: u64,
}

impl NodeSession {
    /// Why this session cannot be stored, if it cannot.
    pub fn problem(&self) -> Option<String> {
        let long = |what: &str, v: &str, max: usize| {
            (v.len() > max)
                .then(|| format!("session {:.64?}: {what} longer than {max} bytes", self.id))
        };
        if self.id.is_empty() {
            return Some("a session without an id".into());
        }
        long("id", &self.id, 256)
            .or_else(|| long("stream", &self.stream, 1024))
            .or_else(|| long("proto", &self.proto, 32))
            .or_else(|| long("addr", &self.addr, 64))
            .or_else(|| {
                let (user, device) = crate::devices::split_node_id(&self.user);
                crate::validate::user_id(user)
                    .err()
                    .or_else(|| device.and_then(|d| crate::validate::device_name(d).err()))
                    .map(|e| format!("session {:.64?}: user {:?}: {e}", self.id, self.user))
            })
            .or_else(|| {
                (self.seen < self.started)
                    .then(|| format!("session {:.64?}: seen before it started", self.id))
            })
    }
}

/// Longest long-poll wait central grants on `GET /auth/{server_id}?wait=SECONDS`.
pub const MAX_WAIT_SECS: u64 = 60;

/// The user list of one server: the body of `GET /auth/{server_id}`.
///
/// The same revision is sent as the response's `ETag`; a poll with `If-None-Match` set to it
/// gets `304 Not Modified` while the list is unchanged, and with `?wait=N` central holds that
/// poll open up to N seconds, answering as soon as the list changes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NodeList {
    /// Opaque revision of this server's list (equal to the ETag without quotes).
    pub revision: String,
    /// Every user allowed on this server.
    pub users: Vec<NodeUser>,
    /// Sessions of this media node central asked to end one by one (`DELETE
    /// /api/sessions/{id}`, `hyctl session kill --session`), by the node's session id, for
    /// [`SESSION_END_KEPT_SECS`] after the ask: the node refuses each at its next update, or
    /// kicks it through the media server's API, once. Absent on other nodes' lists.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub end_sessions: Vec<String>,
}

/// How long a session central asked to end stays in its node's list: longer than the longest
/// `AuthDuration` (an hour), so the session's next update comes while it is there.
pub const SESSION_END_KEPT_SECS: i64 = 2 * 3600;

/// One user a node may admit, with what the node enforces on its own.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NodeUser {
    /// The id to answer Hysteria with.
    pub id: String,
    /// [`crate::auth_digest`] of the user's secret: a client is this user when the SHA-256 of
    /// its `auth` string equals this.
    pub auth_sha256: String,
    /// Quota left when the list was read (bytes, after server multipliers); absent = no limit.
    /// The agent subtracts what it sees itself and refuses the user at zero, even while central
    /// is unreachable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remaining: Option<u64>,
    /// This node's traffic multiplier, to weigh local traffic against `remaining`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub multiplier: Option<f64>,
    /// Unix seconds at which the user expires; absent = never.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<i64>,
    /// Most concurrent client instances on this node; absent = no limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_devices: Option<u32>,
    /// CIDRs the client address must be in; empty = any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allowed_ips: Vec<String>,
    /// Moves when central asks for this id's connections to be closed (`hyctl session kill`):
    /// a node that sees it change closes them once; the client may reconnect.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kick: Option<u64>,
    /// Set on a device's entry (id `user:device`), which also carries its user's limits
    /// above (`expires_at` the earlier of the user's expiry and the device's `valid_until`):
    /// what the device adds. Only in lists asked for with `?devices=1`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device: Option<NodeDevice>,
}

/// What a device's entry adds to its user's limits.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NodeDevice {
    /// Unix seconds before which the device is refused (`token_not_yet_valid`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_before: Option<i64>,
    /// Most concurrent sessions of this device on this node.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_sessions: Option<u32>,
    /// CIDRs the client address must also be in; empty = any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allowed_ips: Vec<String>,
    /// Streams a media node lets it play or publish (names, `prefix*`); empty = any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allowed_streams: Vec<String>,
    /// May publish streams to a media node.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub publisher: bool,
    /// Blocked by an admin: listed for media nodes only, which refuse it as
    /// `token_suspended` rather than an unknown token (other nodes' lists leave it out).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub suspended: bool,
}

/// A numbered traffic report: the batch form of `POST /traffic/{server_id}`.
///
/// Central applies a batch at most once per `(server, instance, seq)`: it remembers the highest
/// `seq` applied for each agent `instance`, in the same transaction as the counters, and
/// acknowledges a batch at or below it without counting it again. An agent therefore numbers
/// batches 1, 2, 3... per instance, keeps each one until acknowledged, and never changes a
/// batch's content once it has been sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TrafficBatch {
    /// Position of this batch in the instance's sequence, from 1.
    pub seq: u64,
    /// Random id of the agent's state directory (1 to 64 characters from `[A-Za-z0-9_-]`). A
    /// fresh state directory starts a fresh sequence without being mistaken for replays.
    pub instance: String,
    /// Bytes per user id since the previous batch.
    pub users: BTreeMap<String, Traffic>,
    /// The reporting agent's version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent_version: Option<String>,
    /// Users admitted since the previous report, with the Unix time of their latest admission
    /// by the node's clock. Central records them at the time it receives the report (its own
    /// clock: node clocks may be skewed) as first-connection and last-online times, which also
    /// starts an `on_hold` user's expiry. Not a counter: applying it twice changes nothing.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub seen: BTreeMap<String, i64>,
    /// Auth decisions since the previous report (best effort, bounded, deduplicated by id).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub auth_log: Vec<AuthEvent>,
}

impl TrafficBatch {
    /// Batch `seq` of agent instance `instance`: traffic only, no version, admissions or auth
    /// events (set those fields afterwards).
    pub fn new(instance: impl Into<String>, seq: u64, users: BTreeMap<String, Traffic>) -> Self {
        Self {
            seq,
            instance: instance.into(),
            users,
            agent_version: None,
            seen: BTreeMap::new(),
            auth_log: Vec::new(),
        }
    }
}

/// Central's answer to a traffic report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportAck {
    /// The batch's `seq`; `null` for a legacy report.
    pub seq: Option<u64>,
    /// False when the batch had been applied before and was ignored this time.
    pub applied: bool,
    /// Ids in the report that name no user (deleted before the report arrived, or never
    /// existed): their bytes went to the server's `unattributed` counter.
    pub unknown_users: Vec<String>,
}

/// True when a `POST /traffic` body is a [`TrafficBatch`] rather than the original bare map.
///
/// A bare map's values are all objects, so a numeric top-level `seq` can only be a batch, even
/// for a deployment that has a user named "seq".
///
/// Reads the text without building it (a report is a thousand users or more): anything that
/// is not an object with such a `seq`, malformed JSON included, is not a batch, and the parse
/// that follows names the problem.
pub fn is_batch(body: &[u8]) -> bool {
    // Other fields are skipped unread; a `seq` that is not a number fails the parse.
    #[derive(Deserialize)]
    struct Shape {
        #[expect(dead_code, reason = "only whether it parses as a number matters")]
        seq: serde_json::Number,
    }
    serde_json::from_slice::<Shape>(body).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batch_and_legacy_bodies_are_told_apart() {
        let batch = br#"{"users": {"seq": {"tx": 1, "rx": 0}}, "seq": 3, "instance": "a"}"#;
        assert!(is_batch(batch));
        for not_a_batch in [
            &br#"{"seq": {"tx": 1, "rx": 2}, "alice": {"tx": 1, "rx": 0}}"#[..],
            br#"{"alice": {"tx": 1, "rx": 0}}"#,
            br#"{"seq": "3", "instance": "a", "users": {}}"#,
            br#"{"seq": 3, "instance": "a", "users": {"#,
            b"[1, 2]",
            b"",
        ] {
            assert!(
                !is_batch(not_a_batch),
                "{}",
                String::from_utf8_lossy(not_a_batch)
            );
        }
    }
}

/// Most auth events one report may carry.
pub const MAX_AUTH_EVENTS: usize = 10_000;

/// One auth decision of an agent, shipped with its reports. Never carries the auth string.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuthEvent {
    /// Unique per agent process and event, so a resent report stores it once.
    pub id: String,
    /// When (Unix seconds, node clock).
    pub at: i64,
    /// The user, if the auth string named one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    /// The client's address as Hysteria gave it.
    pub addr: String,
    /// Whether the client was admitted.
    pub allowed: bool,
    /// `ok`, `unknown_secret`, `expired`, `quota`, `address_not_allowed` or `too_many_devices`.
    pub reason: String,
}
