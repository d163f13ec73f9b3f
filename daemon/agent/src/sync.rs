//! Keeping the user list current: a long poll that brings changes within about a second, a
//! conditional fetch every `--interval-auth` as a backstop, and the last good list on disk so a
//! restart with central down still admits the right users.

use std::path::PathBuf;
use std::time::Duration;

use hy_api::client::{Client, ClientError};
use hy_api::node::NodeList;
use serde::{Deserialize, Serialize};
use tokio::sync::{Mutex, Notify};
use tokio_util::sync::CancellationToken;

use crate::backoff::Backoff;
use crate::status::{ListSource, Peer, SharedStatus};
use crate::table::{SharedTable, Table};

/// How long central holds a long poll. Below the idle timeouts of common proxies (60 s).
pub const LONG_POLL_WAIT: Duration = Duration::from_secs(30);

/// The list as kept on disk.
#[derive(Debug, Serialize, Deserialize)]
struct Saved {
    /// When central last confirmed this list (RFC 3339).
    confirmed_at: jiff::Timestamp,
    list: NodeList,
}

/// Applies lists from central to the shared table, in revision order.
#[derive(Debug)]
pub struct Syncer {
    client: Client,
    url: String,
    table: SharedTable,
    status: SharedStatus,
    path: PathBuf,
    /// Woken when users were removed, so the kicker runs at once.
    pub removed: std::sync::Arc<Notify>,
    apply_lock: Mutex<()>,
}

/// `"3.17"` → (3, 17): server key and revision; anything else sorts as "unknown".
fn parse_revision(rev: &str) -> Option<(i64, i64)> {
    let (a, b) = rev.split_once('.')?;
    Some((a.parse().ok()?, b.parse().ok()?))
}

impl Syncer {
    /// A syncer for the list at `url`, saving it under `state_dir`.
    pub fn new(
        client: Client,
        url: String,
        table: SharedTable,
        status: SharedStatus,
        state_dir: &std::path::Path,
    ) -> Self {
        Self {
            client,
            url,
            table,
            status,
            path: state_dir.join("users.json"),
            removed: std::sync::Arc::default(),
            apply_lock: Mutex::new(()),
        }
    }

    /// Loads the last good list from disk, if there is one (fail-static after a restart).
    pub fn load_saved(&self) -> anyhow::Result<()> {
        let bytes = match std::fs::read(&self.path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                tracing::info!(
                    "no saved user list yet; refusing every client until central answers"
                );
                return Ok(());
            }
            Err(e) => {
                return Err(anyhow::anyhow!(
                    "could not read {}: {e}",
                    self.path.display()
                ));
            }
        };
        let saved: Saved = match serde_json::from_slice(&bytes) {
            Ok(s) => s,
            Err(e) => {
                // Written atomically, so this is outside damage: better no list than a wrong one.
                tracing::error!(path = %self.path.display(), error = %e, "saved user list is unreadable; ignoring it");
                return Ok(());
            }
        };
        let (table, _) = Table::from_list(&saved.list);
        let age = (jiff::Timestamp::now() - saved.confirmed_at).get_seconds();
        tracing::info!(
            users = table.len(),
            confirmed_seconds_ago = age,
            "loaded the last good user list from disk"
        );
        self.status.update(|s| {
            s.list.source = ListSource::Disk;
            s.list.users = table.len();
            s.list.revision = table.revision.clone();
            s.list.confirmed_at = Some(saved.confirmed_at);
        });
        self.table.store(table);
        Ok(())
    }

    /// Fetches once; `wait` makes it a long poll. Returns whether a new list arrived.
    pub async fn fetch(&self, wait: Option<Duration>) -> Result<bool, ClientError> {
        let current = self.table.load().revision.clone();
        let etag = (!current.is_empty()).then_some(current.as_str());
        let got = self.client.node_list_at(&self.url, etag, wait).await;
        match got {
            Ok(Some(list)) => {
                self.status.ok(Peer::Central);
                self.apply(list).await;
                Ok(true)
            }
            Ok(None) => {
                self.status.ok(Peer::Central);
                self.status.update(|s| {
                    if s.list.source == ListSource::Disk {
                        s.list.source = ListSource::Central;
                    }
                });
                Ok(false)
            }
            Err(err) => {
                self.status.failed(Peer::Central, &err);
                Err(err)
            }
        }
    }

    async fn apply(&self, list: NodeList) {
        let _serial = self.apply_lock.lock().await;
        let current = self.table.load();
        // The long poll and the interval fetch race; never let an older answer win.
        if let (Some((k0, r0)), Some((k1, r1))) = (
            parse_revision(&current.revision),
            parse_revision(&list.revision),
        ) && k0 == k1
            && r1 <= r0
        {
            return;
        }
        let (table, skipped) = Table::from_list(&list);
        if skipped > 0 {
            tracing::warn!(skipped, "ignored malformed entries in the user list");
        }
        let removed = current.removed_in(&table);
        let users = table.len();
        // Refuse first: the new table is live before anything else happens.
        self.table.store(table);
        self.status.update(|s| {
            s.list.source = ListSource::Central;
            s.list.users = users;
            s.list.revision = list.revision.clone();
        });
        if !removed.is_empty() {
            tracing::info!(
                removed = removed.len(),
                users,
                "users lost access; kicking their connections"
            );
            self.removed.notify_one();
        } else {
            tracing::debug!(users, revision = %list.revision, "user list updated");
        }
        let saved = Saved {
            confirmed_at: jiff::Timestamp::now(),
            list,
        };
        let path = self.path.clone();
        let written = tokio::task::spawn_blocking(move || {
            let bytes = serde_json::to_vec(&saved).map_err(std::io::Error::other)?;
            hy_common::files::write_private(&path, &bytes)
        })
        .await;
        match written {
            Ok(Ok(())) => {}
            Ok(Err(e)) => {
                tracing::error!(error = %e, path = %self.path.display(), "could not save the user list")
            }
            Err(e) => tracing::error!(error = %e, "saving the user list panicked"),
        }
    }

    /// Long-polls central until shutdown, backing off while it is unreachable.
    pub async fn run_long_poll(&self, shutdown: CancellationToken) {
        let mut backoff = Backoff::new(Duration::from_secs(1), Duration::from_secs(30));
        loop {
            let started = tokio::time::Instant::now();
            let outcome = tokio::select! {
                () = shutdown.cancelled() => return,
                r = self.fetch(Some(LONG_POLL_WAIT)) => r,
            };
            let pause = match outcome {
                // A change: poll again at once, more may follow.
                Ok(true) => {
                    backoff.reset();
                    Duration::ZERO
                }
                // Unchanged: normally after the full wait, but a central (or proxy) that answers
                // a long poll at once must not make this loop spin.
                Ok(false) => {
                    backoff.reset();
                    Duration::from_millis(500).saturating_sub(started.elapsed())
                }
                Err(_) => backoff.next_delay(),
            };
            tokio::select! {
                () = shutdown.cancelled() => return,
                () = tokio::time::sleep(pause) => {}
            }
        }
    }

    /// Fetches every `every` (a cheap 304 when nothing changed), whatever the long poll does.
    pub async fn run_interval(&self, every: Duration, shutdown: CancellationToken) {
        crate::every::every(every, None, &shutdown, move || async move {
            let _ = self.fetch(None).await;
        })
        .await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn revisions_parse() {
        assert_eq!(parse_revision("3.17"), Some((3, 17)));
        assert_eq!(parse_revision("x"), None);
        assert_eq!(parse_revision(""), None);
    }
}
