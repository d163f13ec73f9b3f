//! The decision every data plane asks for: may this credential, from this address, use this
//! node (and this resource) now? One pure function over the user table, so every adapter
//! answers the same question the same way and only translates the answer into its protocol.
//!
//! The device limit is the one check that needs the plane (how many devices the user has
//! connected here): [`decide`] returns it in [`Admit::max_devices`] and the runtime finishes the
//! decision in [`crate::NodeState::authorize`].

use std::sync::Arc;

use crate::table::Table;

/// Why a node refused a connection. `as_str` is the auth log's reason and the metric label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Refusal {
    /// The client sent no credential at all.
    NoCredential,
    /// The credential names no user of this node.
    UnknownCredential,
    /// Past the user's expiry time.
    Expired,
    /// The user used up their quota (as far as this node can tell).
    Quota,
    /// The client address is not in the user's allowlist.
    AddressNotAllowed,
    /// The user is at their device limit.
    TooManyDevices,
    /// Before the device's `valid_from`.
    NotYetValid,
    /// The device is at its own session limit.
    TooManySessions,
    /// The stream is not in the device's allowed streams.
    StreamNotAllowed,
    /// Publishing, by a credential that may only play.
    PublishNotAllowed,
    /// A device an admin blocked (media nodes' lists carry them, to say so).
    Suspended,
}

impl Refusal {
    /// Every refusal, for metric label sets.
    pub const ALL: [Self; 11] = [
        Self::NoCredential,
        Self::UnknownCredential,
        Self::Expired,
        Self::Quota,
        Self::AddressNotAllowed,
        Self::TooManyDevices,
        Self::NotYetValid,
        Self::TooManySessions,
        Self::StreamNotAllowed,
        Self::PublishNotAllowed,
        Self::Suspended,
    ];

    /// The wire name (auth log `reason`, metric `outcome`); `unknown_secret` is the original
    /// name kept for existing dashboards.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::NoCredential => "no_credential",
            Self::UnknownCredential => "unknown_secret",
            Self::Expired => "expired",
            Self::Quota => "quota",
            Self::AddressNotAllowed => "address_not_allowed",
            Self::TooManyDevices => "too_many_devices",
            Self::NotYetValid => "not_yet_valid",
            Self::TooManySessions => "too_many_sessions",
            Self::StreamNotAllowed => "stream_not_allowed",
            Self::PublishNotAllowed => "publish_not_allowed",
            Self::Suspended => "suspended",
        }
    }
}

/// How an auth call ended, for the `auth_requests` metric: a decision, or a request the plane
/// could not read, or a failure to answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Outcome {
    /// Admitted.
    Admitted,
    /// Refused, with the reason.
    Refused(Refusal),
    /// The data plane's request could not be parsed.
    BadRequest,
    /// The answer could not be produced.
    Error,
}

impl Outcome {
    /// Every outcome, in label order.
    pub const ALL: [Self; 14] = [
        Self::Admitted,
        Self::Refused(Refusal::NoCredential),
        Self::Refused(Refusal::UnknownCredential),
        Self::Refused(Refusal::Expired),
        Self::Refused(Refusal::Quota),
        Self::Refused(Refusal::AddressNotAllowed),
        Self::Refused(Refusal::TooManyDevices),
        Self::Refused(Refusal::NotYetValid),
        Self::Refused(Refusal::TooManySessions),
        Self::Refused(Refusal::StreamNotAllowed),
        Self::Refused(Refusal::PublishNotAllowed),
        Self::Refused(Refusal::Suspended),
        Self::BadRequest,
        Self::Error,
    ];

    /// The metric label.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Admitted => "ok",
            Self::Refused(r) => r.as_str(),
            Self::BadRequest => "bad_request",
            Self::Error => "error",
        }
    }

    /// Position in [`Self::ALL`], for counters resolved once.
    pub fn index(self) -> usize {
        match self {
            Self::Admitted => 0,
            Self::Refused(r) => 1 + r as usize,
            Self::BadRequest => 1 + Refusal::ALL.len(),
            Self::Error => 2 + Refusal::ALL.len(),
        }
    }
}

/// What a client asks to use, beyond the node itself. Adapters fill what their protocol says;
/// the checks that use it come with the data planes that need them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resource<'a> {
    /// The node as a whole (Hysteria: any destination).
    Node,
    /// A named stream on a media server, to play or (`publish`) to push.
    Stream {
        /// The stream's name as the media server gives it (`news`, `live/news`).
        name: &'a str,
        /// Pushing the stream into the server rather than playing it.
        publish: bool,
    },
    /// A destination host of a proxy or tunnel.
    Destination(&'a str),
}

/// One connection attempt, as an adapter parsed it from its protocol.
#[derive(Debug, Clone, Copy)]
pub struct Attempt<'a> {
    /// The credential the client sent (Hysteria's `auth`, a token, a password).
    pub credential: Option<&'a str>,
    /// The client address as the plane gave it: `ip:port`, `[v6]:port` or a bare IP.
    pub addr: &'a str,
    /// What it wants to use.
    pub resource: Resource<'a>,
}

/// An admission: the user, and what the runtime still checks with the plane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Admit {
    /// The user, shared with the table (no copy on the hot path).
    pub user: Arc<str>,
    /// The user's device limit on this node, if any (counting all the user's devices).
    pub max_devices: Option<u32>,
    /// A device's own session limit on this node, if any.
    pub max_sessions: Option<u32>,
}

/// The answer to an [`Attempt`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// Admitted as this user.
    Admit(Admit),
    /// Refused; `user` is set when the credential named one.
    Refuse {
        /// The user the credential named, if it named one.
        user: Option<Arc<str>>,
        /// Why.
        reason: Refusal,
    },
}

impl Decision {
    /// The outcome label of this decision.
    pub fn outcome(&self) -> Outcome {
        match self {
            Self::Admit(_) => Outcome::Admitted,
            Self::Refuse { reason, .. } => Outcome::Refused(*reason),
        }
    }
}

/// Decides from the table alone at `now` (Unix seconds); see the module note on devices.
pub fn decide(table: &Table, attempt: &Attempt<'_>, now: i64) -> Decision {
    let Some(credential) = attempt.credential else {
        return Decision::Refuse {
            user: None,
            reason: Refusal::NoCredential,
        };
    };
    let Some(entry) = table.lookup(credential) else {
        return Decision::Refuse {
            user: None,
            reason: Refusal::UnknownCredential,
        };
    };
    // The id leaves the table as an owned `Arc` (one small allocation per decision): the auth
    // log and the admissions keep it after the table is replaced, and a table of a million
    // users is smaller without an `Arc` per entry.
    let user: Arc<str> = Arc::from(entry.id());
    let refuse = |reason| Decision::Refuse {
        user: Some(Arc::clone(&user)),
        reason,
    };
    if let Err(reason) = entry.check(now) {
        return refuse(reason);
    }
    if !entry.address_allowed(attempt.addr) {
        return refuse(Refusal::AddressNotAllowed);
    }
    match attempt.resource {
        Resource::Node => {}
        Resource::Stream { name, publish } => {
            if let Err(reason) = entry.stream_allowed(name, publish) {
                return refuse(reason);
            }
        }
        // No destination rules yet: the proxy and gateway nodes bring them.
        Resource::Destination(_) => {}
    }
    Decision::Admit(Admit {
        user,
        max_devices: entry.max_devices(),
        max_sessions: entry.max_sessions(),
    })
}

#[cfg(test)]
mod tests {
    use hy_api::node::{NodeList, NodeUser};

    use super::*;

    fn table(users: Vec<NodeUser>) -> Table {
        let list = NodeList {
            revision: "1.1".into(),
            users,
            ..Default::default()
        };
        Table::from_json(&serde_json::to_vec(&list).unwrap())
            .unwrap()
            .0
    }

    fn user(id: &str, secret: &str) -> NodeUser {
        NodeUser {
            id: id.into(),
            auth_sha256: hy_api::auth_digest(secret),
            ..Default::default()
        }
    }

    #[test]
    fn each_refusal_in_precedence_order() {
        let t = table(vec![
            NodeUser {
                expires_at: Some(100),
                allowed_ips: vec!["203.0.113.0/24".into()],
                max_devices: Some(2),
                ..user("alice", "a-secret")
            },
            NodeUser {
                remaining: Some(0),
                ..user("bob", "b-secret")
            },
        ]);
        let at = |credential, addr| Attempt {
            credential,
            addr,
            resource: Resource::Node,
        };
        let reason = |d: Decision| match d {
            Decision::Refuse { reason, .. } => Some(reason),
            Decision::Admit(_) => None,
        };
        let ok = "203.0.113.7:1";
        assert_eq!(
            reason(decide(&t, &at(None, ok), 0)),
            Some(Refusal::NoCredential)
        );
        assert_eq!(
            reason(decide(&t, &at(Some("nope"), ok), 0)),
            Some(Refusal::UnknownCredential)
        );
        assert_eq!(
            reason(decide(&t, &at(Some("a-secret"), ok), 100)),
            Some(Refusal::Expired),
            "expiry before the address"
        );
        assert_eq!(
            reason(decide(&t, &at(Some("a-secret"), "198.51.100.1:1"), 0)),
            Some(Refusal::AddressNotAllowed)
        );
        assert_eq!(
            reason(decide(&t, &at(Some("b-secret"), ok), 0)),
            Some(Refusal::Quota)
        );
        assert_eq!(
            decide(&t, &at(Some("a-secret"), ok), 0),
            Decision::Admit(Admit {
                user: "alice".into(),
                max_devices: Some(2),
                max_sessions: None,
            })
        );
    }

    /// A device is admitted as `user:device` under its user's limits and its own: its start,
    /// its address list besides the user's, its session limit; it spends its user's quota.
    #[test]
    fn streams_are_checked_against_a_devices_list_and_only_publishers_publish() {
        use hy_api::node::NodeDevice;
        let t = table(vec![
            user("alice", "a-secret"),
            NodeUser {
                device: Some(NodeDevice {
                    allowed_streams: vec!["news".into(), "live/*".into()],
                    ..Default::default()
                }),
                ..user("alice:tv", "tv-secret")
            },
            NodeUser {
                device: Some(NodeDevice {
                    publisher: true,
                    ..Default::default()
                }),
                ..user("alice:cam", "cam-secret")
            },
        ]);
        let at = |credential, name, publish| Attempt {
            credential: Some(credential),
            addr: "198.51.100.7",
            resource: Resource::Stream { name, publish },
        };
        let reason = |d: Decision| match d {
            Decision::Refuse { reason, .. } => Some(reason),
            Decision::Admit(_) => None,
        };
        assert_eq!(reason(decide(&t, &at("tv-secret", "news", false), 0)), None);
        assert_eq!(
            reason(decide(&t, &at("tv-secret", "live/sport", false), 0)),
            None
        );
        assert_eq!(
            reason(decide(&t, &at("tv-secret", "movies", false), 0)),
            Some(Refusal::StreamNotAllowed)
        );
        assert_eq!(
            reason(decide(&t, &at("tv-secret", "news", true), 0)),
            Some(Refusal::PublishNotAllowed),
            "a player, not a publisher"
        );
        assert_eq!(reason(decide(&t, &at("cam-secret", "any", true), 0)), None);
        // The user's own secret plays anything and publishes nothing.
        assert_eq!(
            reason(decide(&t, &at("a-secret", "movies", false), 0)),
            None
        );
        assert_eq!(
            reason(decide(&t, &at("a-secret", "movies", true), 0)),
            Some(Refusal::PublishNotAllowed)
        );
    }

    #[test]
    fn a_device_answers_to_its_own_limits_and_its_users() {
        use hy_api::node::NodeDevice;
        let t = table(vec![
            NodeUser {
                remaining: Some(1000),
                allowed_ips: vec!["203.0.113.0/24".into()],
                max_devices: Some(3),
                ..user("alice", "a-secret")
            },
            NodeUser {
                remaining: Some(1000),
                allowed_ips: vec!["203.0.113.0/24".into()],
                max_devices: Some(3),
                expires_at: Some(500),
                device: Some(NodeDevice {
                    not_before: Some(100),
                    max_sessions: Some(1),
                    allowed_ips: vec!["203.0.113.128/25".into()],
                    ..Default::default()
                }),
                ..user("alice:phone", "phone-secret")
            },
        ]);
        let at = |credential, addr| Attempt {
            credential: Some(credential),
            addr,
            resource: Resource::Node,
        };
        let reason = |d: Decision| match d {
            Decision::Refuse { reason, .. } => Some(reason),
            Decision::Admit(_) => None,
        };
        let inner = "203.0.113.200:1";
        assert_eq!(
            reason(decide(&t, &at("phone-secret", inner), 99)),
            Some(Refusal::NotYetValid)
        );
        assert_eq!(
            reason(decide(&t, &at("phone-secret", inner), 500)),
            Some(Refusal::Expired)
        );
        assert_eq!(
            reason(decide(&t, &at("phone-secret", "203.0.113.7:1"), 200)),
            Some(Refusal::AddressNotAllowed),
            "in the user's list, not in the device's"
        );
        assert_eq!(
            reason(decide(&t, &at("phone-secret", "198.51.100.200:1"), 200)),
            Some(Refusal::AddressNotAllowed),
            "in neither"
        );
        assert_eq!(
            decide(&t, &at("phone-secret", inner), 200),
            Decision::Admit(Admit {
                user: "alice:phone".into(),
                max_devices: Some(3),
                max_sessions: Some(1),
            })
        );
        // The phone's traffic spends alice's quota: both are refused once it is gone.
        let ran_out = t.charge(
            &[(
                "alice:phone".to_owned(),
                hy_api::Traffic { tx: 600, rx: 400 },
            )]
            .into(),
        );
        assert_eq!(ran_out, ["alice:phone"]);
        assert_eq!(
            reason(decide(&t, &at("a-secret", "203.0.113.7:1"), 200)),
            Some(Refusal::Quota)
        );
        assert!(!t.allows("alice", 200) && !t.allows("alice:phone", 200));
    }

    #[test]
    fn outcome_labels_are_unique_and_indexed() {
        let labels: std::collections::HashSet<_> = Outcome::ALL.map(Outcome::as_str).into();
        assert_eq!(labels.len(), Outcome::ALL.len());
        for (i, o) in Outcome::ALL.iter().enumerate() {
            assert_eq!(o.index(), i, "{o:?}");
        }
        assert_eq!(Refusal::ALL.len() + 3, Outcome::ALL.len());
    }
}
