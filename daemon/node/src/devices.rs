//! Who is connected, told to central: this node sends its connections per id (users' and
//! devices'), which central lists as sessions and counts against device limits across nodes,
//! and learns how many devices its device-limited users have elsewhere. The auth path reads
//! [`Devices::elsewhere`]; the enforcer shares after each read of the plane's sessions.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use parking_lot::Mutex;
use std::time::{Duration, Instant};

use hy_api::Secret;
use hy_api::client::Client;

use crate::plane::Online;
use crate::table::Table;

/// Re-send unchanged counts this often, so central does not expire them.
const KEEPALIVE: Duration = Duration::from_secs(60);

#[derive(Debug, Default)]
struct Inner {
    /// Devices per user on other nodes, as central last said.
    elsewhere: HashMap<String, u64>,
    /// What was last sent, and when.
    sent: Option<(BTreeMap<String, u64>, Instant)>,
}

/// Device counts across nodes; cheap to clone.
#[derive(Debug, Clone, Default)]
pub struct Devices(Arc<Mutex<Inner>>);

impl Devices {
    /// Devices `user` has on other nodes.
    pub fn elsewhere(&self, user: &str) -> u64 {
        let inner = self.0.lock();
        inner.elsewhere.get(user).copied().unwrap_or(0)
    }

    /// Tells central this node's devices per device-limited user (when they changed, or every
    /// minute), then learns how many each has elsewhere. Best effort: on failure the previous
    /// figures stay, and central ignores counts a few minutes old.
    pub async fn share(&self, client: &Client, url: &Secret, table: &Table, online: &Online) {
        // Every connected id, users' and devices' (`user:device`) alike: central folds
        // devices into their users for the limits and lists them for `hyctl session list`.
        let mine: BTreeMap<String, u64> = online
            .iter()
            .filter(|(_, n)| **n > 0)
            .map(|(id, n)| (id.clone(), (*n).min(hy_api::node::MAX_DEVICE_COUNT)))
            .collect();
        let due = {
            let inner = self.0.lock();
            inner
                .sent
                .as_ref()
                .is_none_or(|(m, at)| *m != mine || at.elapsed() > KEEPALIVE)
        };
        if due && client.report_devices_at(url.expose(), &mine).await.is_ok() {
            self.0.lock().sent = Some((mine, Instant::now()));
        }
        // Counts elsewhere matter only to device limits.
        if !table.any_device_limit() {
            return;
        }
        match client.devices_elsewhere_at(url.expose()).await {
            Ok(counts) => {
                self.0.lock().elsewhere = counts.into_iter().collect();
            }
            Err(err) => tracing::debug!(error = %err, "could not fetch device counts from central"),
        }
    }
}
