//! Which servers' node lists changed, for long-polling agents.
//!
//! SQLite tells us (see `db::Db::open`): triggers bump a row of `list_revisions` whenever a
//! server's list changes, and the connection's update hook reports those rows after commit. So
//! no code path that changes a list (admin edits, cascades, later quota enforcement) can forget
//! to wake the agents.

use std::collections::HashMap;
use std::sync::Arc;

use parking_lot::Mutex;

use tokio::sync::watch;

/// Per-server change generations plus one wake-up channel.
#[derive(Debug, Clone)]
pub struct ListChanges {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    generations: Mutex<HashMap<i64, u64>>,
    /// Added to every server's generation: moved when changes may have been missed (a
    /// PostgreSQL listener that reconnected), which makes every waiter look again.
    everything: std::sync::atomic::AtomicU64,
    wake: watch::Sender<u64>,
}

impl Default for ListChanges {
    fn default() -> Self {
        Self {
            inner: Arc::new(Inner {
                generations: Mutex::default(),
                everything: std::sync::atomic::AtomicU64::new(0),
                wake: watch::Sender::new(0),
            }),
        }
    }
}

impl ListChanges {
    /// Records that the lists of `servers` changed and wakes every waiter.
    pub fn publish(&self, servers: &[i64]) {
        if servers.is_empty() {
            return;
        }
        {
            let mut gens = self.inner.generations.lock();
            for pk in servers {
                *gens.entry(*pk).or_default() += 1;
            }
        }
        self.inner.wake.send_modify(|n| *n = n.wrapping_add(1));
    }

    /// Records that any list may have changed (notifications were lost), and wakes every
    /// waiter: each compares its list's revision and answers only if it really moved.
    pub fn publish_all(&self) {
        self.inner
            .everything
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        self.inner.wake.send_modify(|n| *n = n.wrapping_add(1));
    }

    /// The current generation of one server's list.
    pub fn generation(&self, server_pk: i64) -> u64 {
        let gens = self.inner.generations.lock();
        let everything = self
            .inner
            .everything
            .load(std::sync::atomic::Ordering::Relaxed);
        gens.get(&server_pk)
            .copied()
            .unwrap_or(0)
            .wrapping_add(everything)
    }

    /// A receiver that wakes on every publish.
    pub fn subscribe(&self) -> watch::Receiver<u64> {
        self.inner.wake.subscribe()
    }

    /// Waits until the list of `server_pk` moves past `seen`, or until `until` resolves.
    /// Returns true if it changed.
    pub async fn wait_past(
        &self,
        server_pk: i64,
        seen: u64,
        until: impl std::future::Future<Output = ()>,
    ) -> bool {
        let mut rx = self.subscribe();
        tokio::pin!(until);
        loop {
            if self.generation(server_pk) != seen {
                return true;
            }
            tokio::select! {
                changed = rx.changed() => if changed.is_err() { return false },
                () = &mut until => return self.generation(server_pk) != seen,
            }
        }
    }
}
