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
    "server.up",
    "server.stale",
    "session.started",
    "session.ended",
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

/// A webhook as listed (its secret is shown once, at creation).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Webhook {
    /// Its id.
    pub id: i64,
    /// Where events are POSTed.
    pub url: String,
    /// Only these types; empty: all.
    pub types: Vec<String>,
    /// When it was added.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub created_at: Timestamp,
    /// The last event delivered (or passed over by the filter).
    pub delivered_through: i64,
    /// Failed attempts in a row (0 = healthy).
    pub failures: u64,
}

/// Body of `POST /admin/webhooks`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CreateWebhook {
    /// `https://...` (or `http://`) to POST each event to.
    pub url: String,
    /// Only these types; absent or empty: all.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub types: Vec<String>,
}

/// Answer of `POST /admin/webhooks`: the only time the signing secret is shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreatedWebhook {
    /// HMAC-SHA256 key of `X-Hyctl-Signature`.
    pub secret: String,
    /// The webhook.
    #[serde(flatten)]
    pub webhook: Webhook,
}

/// One delivery attempt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Delivery {
    /// The event.
    pub event_id: i64,
    /// When.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub at: Timestamp,
    /// The receiver's HTTP status; 0 when it could not be reached.
    pub status: u16,
    /// Why it failed, if it did.
    pub error: Option<String>,
}
