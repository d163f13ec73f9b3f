//! What the runtime needs from a data plane, whatever it is: its traffic since the last call,
//! who is connected, and a way to close users' connections.
//!
//! An external plane (Hysteria's Traffic Stats API, later MediaMTX's API) implements it over
//! HTTP. A plane that moves the bytes itself (the proxy and gateway to come) implements nothing:
//! it uses [`crate::sessions::Sessions`], which is a [`Plane`] over its own live sessions. The
//! runtime's collector, enforcer and device sharing are written once against this trait.

use std::collections::HashMap;
use std::future::Future;

use crate::spool::{Deltas, MarkChanges, Marks};

/// Connected client instances per user id (ids at zero may be absent).
pub type Online = HashMap<String, u64>;

/// A plane call that failed; shown in `/healthz`, readiness and logs.
pub type PlaneError = Box<dyn std::error::Error + Send + Sync>;

/// A data plane as the runtime drives it.
pub trait Plane: Send + Sync + 'static {
    /// Short name: the plane's key in `/healthz` and its `<name>_reachable` metric.
    fn name(&self) -> &'static str;

    /// How log lines and readiness reasons call it, e.g. "Hysteria's API".
    fn display(&self) -> &'static str;

    /// Bytes per user since the last call, read and cleared in one step (Hysteria's
    /// `/traffic?clear=1`): from then on the runtime owns them and spools them at once.
    fn take_traffic(&self) -> impl Future<Output = Result<Deltas, PlaneError>> + Send;

    /// [`Plane::take_traffic`] with the changes to the plane's counter baselines the bytes
    /// were computed against, which the runtime spools in the same record (see
    /// [`crate::spool`]). Only a plane whose counters are cumulative (a media server's bytes
    /// per session) has any; one whose counters are cleared on read has none.
    fn take_traffic_marked(
        &self,
    ) -> impl Future<Output = Result<(Deltas, MarkChanges), PlaneError>> + Send {
        async move { Ok((self.take_traffic().await?, MarkChanges::new())) }
    }

    /// The baselines spooled before this start, handed over once before the runtime's loops
    /// begin: a plane resumes its cumulative counters from them.
    fn restore_marks(&self, marks: &Marks) {
        let _ = marks;
    }

    /// Connected client instances per user.
    fn online(&self) -> impl Future<Output = Result<Online, PlaneError>> + Send;

    /// Connected client instances of one user (the device limit's question on the auth path).
    fn online_of(&self, user: &str) -> impl Future<Output = Result<u64, PlaneError>> + Send {
        async move { Ok(self.online().await?.get(user).copied().unwrap_or(0)) }
    }

    /// Connected client instances of a user over all their ids: their own and each device's
    /// (`user:device`), what the user's device limit counts.
    fn online_of_user(&self, user: &str) -> impl Future<Output = Result<u64, PlaneError>> + Send {
        async move {
            Ok(self
                .online()
                .await?
                .iter()
                .filter(|(id, _)| hy_api::devices::split_node_id(id).0 == user)
                .fold(0u64, |sum, (_, n)| sum.saturating_add(*n)))
        }
    }

    /// Each live session in detail, for planes that keep them (a media node's table), which
    /// the runtime reports to central with the counts; `None` for planes that know only
    /// counts (Hysteria).
    fn sessions(&self) -> Option<Vec<hy_api::node::NodeSession>> {
        None
    }

    /// Adds the plane's own series to the node's registry (before the node starts serving).
    fn register_metrics(&self, registry: &mut prometheus_client::registry::Registry) {
        let _ = registry;
    }

    /// Ends these sessions (by the plane's session id) once, for planes that keep sessions
    /// (a media node); others have none to end.
    fn end_sessions(&self, ids: &[String]) -> impl Future<Output = ()> + Send {
        let _ = ids;
        async {}
    }

    /// Closes these users' connections. May be lazy, as Hysteria's `/kick` is: the enforcer
    /// reads [`Plane::online`] again and repeats, within bounds, until they are gone.
    fn close(&self, users: &[String]) -> impl Future<Output = Result<(), PlaneError>> + Send;
}
