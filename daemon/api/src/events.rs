//! Events: what changed in the fleet, streamed by `GET /admin/events` (server-sent events,
//! resumable with `Last-Event-ID`) and printed by `hyctl events`. Never carries secrets.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// Every event type, for filters and docs.
pub const TYPES: &[&str] = &[
    "user.created",
    "user.changed",
    "user.reset",
    "user.deleted",
    "user.limited",
    "user.expired",
    "device.added",
    "device.changed",
    "device.blocked",
    "device.unblocked",
    "device.removed",
    "server.created",
    "server.changed",
    "server.deleted",
];

/// One event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Event {
    /// Increasing; resume after it with `Last-Event-ID`.
    pub id: i64,
    /// When (central's clock).
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub at: Timestamp,
    /// One of [`TYPES`].
    #[serde(rename = "type")]
    pub kind: String,
    /// What it is about: a user id, `user:device`, or a server id.
    pub subject: String,
    /// Details (what was asked, the user's contact fields; never a secret).
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub data: serde_json::Value,
}
