//! Servers (nodes) and which users are assigned to them.

use jiff::Timestamp;
use serde::{Deserialize, Deserializer, Serialize};

use crate::Traffic;
use crate::uri::LinkSettings;

/// What runs on a server: which node daemon serves it, and so which protocol its clients speak.
///
/// Every server of the original system is `hysteria`. A node says its kind when it polls, and
/// central refuses a node of another kind than its server, so a media-server node started with
/// a Hysteria server's id cannot admit that server's users over the wrong protocol.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ServerKind {
    /// A Hysteria 2 server, beside `hyctl agent`.
    #[default]
    Hysteria,
    /// A media server (Flussonic, MediaMTX, SRS, nginx-rtmp), beside `hyctl stream`.
    Stream,
    /// An HTTP/SOCKS5 proxy node.
    Proxy,
    /// A WebSocket tunnel gateway.
    Gateway,
}

impl ServerKind {
    /// Every kind, in documentation order.
    pub const ALL: [Self; 4] = [Self::Hysteria, Self::Stream, Self::Proxy, Self::Gateway];

    /// The kind's wire name (API, database, the node's `Hyctl-Node-Kind` header).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Hysteria => "hysteria",
            Self::Stream => "stream",
            Self::Proxy => "proxy",
            Self::Gateway => "gateway",
        }
    }

    /// The `hyctl` command that runs a node of this kind, if this release has one.
    pub fn node_command(self) -> Option<&'static str> {
        match self {
            Self::Hysteria => Some("agent"),
            Self::Stream => Some("stream"),
            Self::Proxy | Self::Gateway => None,
        }
    }
}

impl std::fmt::Display for ServerKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for ServerKind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| {
                format!(
                    "unknown server kind {s:?}; use one of: {}",
                    Self::ALL.map(Self::as_str).join(", ")
                )
            })
    }
}

/// The header a node sends its kind in, on every request to central.
pub const NODE_KIND_HEADER: &str = "hyctl-node-kind";

/// A server as admins see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Server {
    /// The server id: the node's credential and its name in node-facing paths.
    pub id: String,
    /// Optional human name, unique among servers.
    pub name: Option<String>,
    /// What runs on it (`hysteria` for servers of centrals that predate kinds).
    #[serde(default)]
    pub kind: ServerKind,
    /// Number of users assigned to the server.
    pub users: u64,
    /// When the server was created, or first named in an assignment (RFC 3339, UTC).
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub created_at: Timestamp,
    /// Last time the node's agent fetched its list or reported traffic; `null` if never.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub last_seen_at: Option<Timestamp>,
    /// The agent version seen at `last_seen_at`, if the agent sent one.
    pub agent_version: Option<String>,
    /// Total traffic through this server.
    pub traffic: Traffic,
    /// Traffic this node reported for user ids that did not exist (deleted before the report
    /// arrived): counted here so no reported byte goes unaccounted.
    pub unattributed: Traffic,
    /// Traffic through this server counts this many times against users' quotas (1.0 = as is).
    pub traffic_multiplier: f64,
    /// How clients reach it, for share links.
    pub link: LinkSettings,
    /// How many revisions the node's list was behind central's at its last recorded poll
    /// (0: up to date); `null` before its first poll.
    #[serde(default)]
    pub list_lag: Option<u64>,
}

/// Body of `POST /admin/servers`; may be empty.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CreateServer {
    /// An existing id to register (for nodes of the original system); generated when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Optional human name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// What runs on it; default `hysteria`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ServerKind>,
    /// Quota multiplier (0 to 100; default 1.0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub traffic_multiplier: Option<f64>,
    /// How clients reach it, for share links.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<LinkSettings>,
}

/// Body of `PATCH /admin/servers/{id}`: `{"name":"edge-2"}` renames, `{"name":null}` clears.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct UpdateServer {
    /// Absent: unchanged; `null`: cleared; a string: the new name.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub name: Option<Option<String>>,
    /// A new quota multiplier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub traffic_multiplier: Option<f64>,
    /// New share-link settings, replacing the old ones whole (`{}` clears them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<LinkSettings>,
}

/// One of a user's share links, in `GET /admin/users/{id}/links`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UserLink {
    /// The server's id.
    pub server_id: String,
    /// The server's name.
    pub server_name: Option<String>,
    /// The `hysteria2://` URI.
    pub uri: String,
}

/// Tells an absent field (`None`) from an explicit `null` (`Some(None)`).
pub(crate) fn present<'de, D, T>(de: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(de).map(Some)
}

/// Body of `POST /admin/servers/{id}/users`: the original `{"id":"alice"}`, or several ids at
/// once with `{"ids":["alice","bob"]}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AssignUsers {
    /// One user id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Several user ids.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ids: Option<Vec<String>>,
}

/// Answer to an assignment: which ids were newly assigned and which already were.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AssignResult {
    /// The server the users were assigned to.
    pub server_id: String,
    /// Ids assigned by this request.
    pub assigned: Vec<String>,
    /// Ids that were already assigned (not an error: assigning is idempotent).
    pub unchanged: Vec<String>,
}

/// A user assigned to a server, in `GET /admin/servers/{id}/users`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AssignedUser {
    /// The user id.
    pub id: String,
    /// When the assignment was made (RFC 3339, UTC).
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub assigned_at: Timestamp,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn update_server_tells_null_from_absent() {
        let absent: UpdateServer = serde_json::from_str("{}").unwrap();
        assert_eq!(absent.name, None);
        let null: UpdateServer = serde_json::from_str(r#"{"name":null}"#).unwrap();
        assert_eq!(null.name, Some(None));
        let set: UpdateServer = serde_json::from_str(r#"{"name":"edge"}"#).unwrap();
        assert_eq!(set.name, Some(Some("edge".into())));
    }
}
