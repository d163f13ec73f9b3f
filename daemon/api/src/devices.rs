//! Devices: credentials of a user beyond their own secret, each with a status, limits and
//! traffic of its own.
//!
//! The user's own secret is their default device: nodes answer it with the user id, as they
//! always did. Every other device is answered as `user:device` (see [`node_id`]), so a data
//! plane that keys its counters and kicks by that id (Hysteria's `/traffic`, `/online`,
//! `/kick`) counts and disconnects each device on its own, and central tells from the id alone
//! which user and device a report row is. User ids cannot contain `:`, so the split is exact.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::Traffic;

/// Between the user id and the device name in a device's node id.
pub const SEPARATOR: char = ':';

/// The name the user's own secret goes by, reserved.
pub const DEFAULT_DEVICE: &str = "default";

/// Most devices one user may have besides the default.
pub const MAX_DEVICES_PER_USER: usize = 100;

/// The id nodes admit and count a device as: `alice:phone`.
pub fn node_id(user: &str, device: &str) -> String {
    format!("{user}{SEPARATOR}{device}")
}

/// `alice:phone` → (`alice`, Some(`phone`)); `alice` → (`alice`, None): the user's default.
pub fn split_node_id(id: &str) -> (&str, Option<&str>) {
    match id.split_once(SEPARATOR) {
        Some((user, device)) => (user, Some(device)),
        None => (id, None),
    }
}

/// The admin's switch on a device.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DeviceStatus {
    /// May connect (while its validity window and its user allow).
    #[default]
    Active,
    /// Refused and disconnected on every node; the user's other devices are untouched.
    Blocked,
}

/// What a device may do now, by its own settings (its user's state applies as well).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DeviceState {
    /// May connect.
    Active,
    /// Blocked by an admin.
    Blocked,
    /// Before `valid_from`.
    NotYetValid,
    /// At or past `valid_until`.
    Expired,
}

impl DeviceState {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Active => "active",
            Self::Blocked => "blocked",
            Self::NotYetValid => "not_yet_valid",
            Self::Expired => "expired",
        }
    }
}

/// A device's state at `now` (Unix seconds): blocked, then expired, then not yet valid.
pub fn derive_device_state(
    status: DeviceStatus,
    valid_from: Option<i64>,
    valid_until: Option<i64>,
    now: i64,
) -> DeviceState {
    if status == DeviceStatus::Blocked {
        DeviceState::Blocked
    } else if valid_until.is_some_and(|t| now >= t) {
        DeviceState::Expired
    } else if valid_from.is_some_and(|t| now < t) {
        DeviceState::NotYetValid
    } else {
        DeviceState::Active
    }
}

/// True when a device whose `allowed_streams` are `patterns` may play or publish `stream`:
/// no patterns allow every stream; a pattern ending in `*` allows the names it begins
/// (`live/*` allows `live/news`; `*` alone, everything); any other, that name exactly.
pub fn stream_allowed(patterns: &[String], stream: &str) -> bool {
    patterns.is_empty()
        || patterns.iter().any(|p| match p.strip_suffix('*') {
            Some(prefix) => stream.starts_with(prefix),
            None => p == stream,
        })
}

/// A device as admins see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Device {
    /// The user it belongs to.
    pub user: String,
    /// Its name, unique per user.
    pub name: String,
    /// The id nodes admit, count and kick it as (`user:name`).
    pub node_id: String,
    /// What the device's clients send as `auth` (admin-only). Masked in `Debug`.
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub secret: crate::Secret,
    /// The admin's switch.
    pub status: DeviceStatus,
    /// What its own settings allow now.
    pub state: DeviceState,
    /// Not admitted before this time.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub valid_from: Option<Timestamp>,
    /// Not admitted from this time on.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub valid_until: Option<Timestamp>,
    /// CIDRs its client addresses must be in (besides the user's own list); empty = any.
    pub allowed_ips: Vec<String>,
    /// Most concurrent sessions of this device on one node; 0 = no limit of its own.
    pub max_sessions: u32,
    /// Streams a media node lets it play (exact names, `prefix*` patterns); empty = any.
    /// Other node kinds have no streams and ignore it.
    pub allowed_streams: Vec<String>,
    /// May publish (push a stream into a media node), not only play.
    pub publisher: bool,
    /// Free text for admins.
    pub note: String,
    /// Lifetime traffic of this device, raw bytes; part of the user's.
    pub traffic: Traffic,
    /// First admission anywhere (central's clock), and the server's name (or id).
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub first_seen_at: Option<Timestamp>,
    /// Server of the first admission.
    pub first_seen_server: Option<String>,
    /// Latest admission or traffic anywhere.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub last_seen_at: Option<Timestamp>,
    /// Server of the latest admission.
    pub last_seen_server: Option<String>,
    /// Client address of the latest admission, as the node saw it.
    pub last_seen_addr: Option<String>,
    /// When it was created.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub created_at: Timestamp,
    /// When it was last changed.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub updated_at: Timestamp,
}

/// Settings of a device, on creation or change. In `PATCH`, absent fields stay as they are and
/// `null` clears the nullable ones.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct DeviceSettings {
    /// `active` or `blocked`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DeviceStatus>,
    /// Start of validity (RFC 3339); `null` clears.
    #[serde(
        default,
        deserialize_with = "crate::servers::present",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub valid_from: Option<Option<Timestamp>>,
    /// End of validity (RFC 3339); `null` clears.
    #[serde(
        default,
        deserialize_with = "crate::servers::present",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub valid_until: Option<Option<Timestamp>>,
    /// CIDRs; `[]` = any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_ips: Option<Vec<String>>,
    /// Most concurrent sessions on one node; 0 = none of its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_sessions: Option<u32>,
    /// Stream names and `prefix*` patterns a media node lets it play; `[]` = any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_streams: Option<Vec<String>>,
    /// May publish streams to media nodes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<bool>,
    /// Free text (up to 1,000 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Body of `POST /admin/users/{id}/devices`. Deserialized by hand, as `CreateUser` is: serde
/// cannot combine `flatten` with `deny_unknown_fields`, and a misspelt limit must be refused.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreateDevice {
    /// 1 to 32 characters from `A-Z a-z 0-9 . _ -`, starting with a letter or digit; not
    /// `default`.
    pub name: String,
    /// The device's auth secret; generated (192 bits) when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub secret: Option<crate::Secret>,
    /// Status and limits; all optional.
    #[serde(flatten)]
    pub settings: DeviceSettings,
}

/// Body of `PATCH /admin/users/{id}/devices/{name}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UpdateDevice {
    /// A new secret chosen by the admin; `POST .../secret` generates one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub secret: Option<crate::Secret>,
    /// Settings to change.
    #[serde(flatten)]
    pub settings: DeviceSettings,
}

impl<'de> Deserialize<'de> for CreateDevice {
    fn deserialize<D: serde::Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        let mut map = crate::users::JsonMap::deserialize(de)?;
        let name = crate::users::take_string(&mut map, "name")?
            .ok_or_else(|| serde::de::Error::missing_field("name"))?;
        let secret = crate::users::take_string(&mut map, "secret")?.map(crate::Secret::from);
        Ok(Self {
            name,
            secret,
            settings: crate::users::rest_as(map)?,
        })
    }
}

impl<'de> Deserialize<'de> for UpdateDevice {
    fn deserialize<D: serde::Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        let mut map = crate::users::JsonMap::deserialize(de)?;
        if map.contains_key("name") {
            return Err(serde::de::Error::custom(
                "`name` cannot be changed; add a device under the new name and remove this one",
            ));
        }
        let secret = crate::users::take_string(&mut map, "secret")?.map(crate::Secret::from);
        Ok(Self {
            secret,
            settings: crate::users::rest_as(map)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn node_ids_split_back_exactly() {
        assert_eq!(node_id("alice", "phone"), "alice:phone");
        assert_eq!(split_node_id("alice:phone"), ("alice", Some("phone")));
        assert_eq!(split_node_id("alice"), ("alice", None));
    }

    #[test]
    fn stream_patterns_match_exactly_or_by_prefix() {
        let p = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(stream_allowed(&[], "anything"));
        let list = p(&["news", "live/*"]);
        assert!(stream_allowed(&list, "news"));
        assert!(!stream_allowed(&list, "news2"), "exact means exact");
        assert!(!stream_allowed(&list, "new"));
        assert!(stream_allowed(&list, "live/sport"));
        assert!(stream_allowed(&list, "live/"));
        assert!(
            !stream_allowed(&list, "live"),
            "the prefix includes the slash"
        );
        assert!(stream_allowed(&p(&["*"]), "x"));
    }

    #[test]
    fn state_precedence() {
        use DeviceState::*;
        let s = |status, from, until| derive_device_state(status, from, until, 100);
        assert_eq!(s(DeviceStatus::Blocked, Some(200), Some(50)), Blocked);
        assert_eq!(s(DeviceStatus::Active, Some(200), Some(100)), Expired);
        assert_eq!(s(DeviceStatus::Active, Some(101), None), NotYetValid);
        assert_eq!(s(DeviceStatus::Active, Some(100), Some(101)), Active);
    }

    #[test]
    fn unknown_fields_are_refused_even_when_flattened() {
        let err = serde_json::from_str::<CreateDevice>(r#"{"name":"a","colour":"red"}"#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("colour"), "{err}");
    }
}
