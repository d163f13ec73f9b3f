//! Traffic counters as the original system shaped them: `{"alice":{"tx":123,"rx":456}}`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Bytes moved by a user, in Hysteria's direction convention: `tx` is the user's upload (client
/// to the internet), `rx` the user's download. Only proxied payload counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Traffic {
    /// Bytes uploaded by the user.
    pub tx: u64,
    /// Bytes downloaded by the user.
    pub rx: u64,
}

impl Traffic {
    /// Sum of both directions.
    pub fn total(self) -> u64 {
        self.tx.saturating_add(self.rx)
    }

    /// Adds `other` to `self`, saturating instead of wrapping.
    pub fn add(&mut self, other: Traffic) {
        self.tx = self.tx.saturating_add(other.tx);
        self.rx = self.rx.saturating_add(other.rx);
    }

    /// True when no byte moved.
    pub fn is_zero(self) -> bool {
        self.tx == 0 && self.rx == 0
    }
}

/// Traffic per user id, ordered by id: the body of `GET /admin/traffic` and of a legacy report.
pub type TrafficByUser = BTreeMap<String, Traffic>;

/// One server's share of the traffic, in `GET /admin/traffic?by=server`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ServerTraffic {
    /// The server's id; `null` for traffic through servers that have since been deleted.
    pub server_id: Option<String>,
    /// The server's name, if it has one.
    pub name: Option<String>,
    /// Bytes uploaded through this server.
    pub tx: u64,
    /// Bytes downloaded through this server.
    pub rx: u64,
}

/// How history is grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum HistoryBy {
    /// One point per UTC hour.
    Hour,
    /// One point per UTC day.
    Day,
    /// One point per server over the whole range.
    Server,
}

/// One point of `GET /admin/history`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HistoryPoint {
    /// Start of the hour or day (RFC 3339, UTC); `null` when grouped by server.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub start: Option<jiff::Timestamp>,
    /// The server, when grouped by server (`null` for deleted servers).
    pub server_id: Option<String>,
    /// The server's name, when grouped by server.
    pub server_name: Option<String>,
    /// Bytes uploaded.
    pub tx: u64,
    /// Bytes downloaded.
    pub rx: u64,
}
