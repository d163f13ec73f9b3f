//! Keeping the user list current: a long poll that brings changes within about a second, a
//! conditional fetch every `--interval-auth` as a backstop, and the last good list on disk so a
//! restart with central down still admits the right users.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use hy_api::client::{Client, ClientError};
use hy_api::{ErrorCode, Secret};
use serde::de::{DeserializeSeed, Deserializer, Error as _, IgnoredAny, MapAccess, Visitor};
use tokio::io::AsyncWriteExt;
use tokio::sync::{Mutex, Notify};
use tokio_util::sync::CancellationToken;

use crate::backoff::Backoff;
use crate::state::NodeState;
use crate::status::{ListSource, Peer, SharedStatus};
use crate::table::{ListSeed, SharedTable, Sizes, Table};

/// How long central holds a long poll. Below the idle timeouts of common proxies (60 s).
pub const LONG_POLL_WAIT: Duration = Duration::from_secs(30);

/// The list as kept on disk: `{"confirmed_at":"<RFC 3339>","list":<central's JSON as received>}`.
/// Read with [`SavedSeed`], written by [`saved_bytes`]; the list is never re-serialised.
struct SavedSeed(Sizes);

impl<'de> DeserializeSeed<'de> for SavedSeed {
    type Value = (jiff::Timestamp, Table, usize);

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for SavedSeed {
    type Value = (jiff::Timestamp, Table, usize);

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a saved list {\"confirmed_at\", \"list\"}")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let (mut confirmed_at, mut table) = (None, None);
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "confirmed_at" => confirmed_at = Some(map.next_value()?),
                "list" => table = Some(map.next_value_seed(ListSeed(self.0))?),
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let (table, skipped) = table.ok_or_else(|| A::Error::missing_field("list"))?;
        Ok((
            confirmed_at.ok_or_else(|| A::Error::missing_field("confirmed_at"))?,
            table,
            skipped,
        ))
    }
}

/// What goes around central's JSON (already parsed successfully) in the saved-list file; the
/// list itself is written as received, never copied (100 MB at a million users).
fn saved_wrapper(confirmed_at: jiff::Timestamp) -> (String, &'static str) {
    (
        format!("{{\"confirmed_at\":\"{confirmed_at}\",\"list\":"),
        "}",
    )
}

/// Reads a saved list (or a new one being put in place) from `file`, as a stream.
fn parse_saved_from(
    file: std::fs::File,
    hint: Sizes,
) -> Result<(jiff::Timestamp, Table, usize), serde_json::Error> {
    let mut de =
        serde_json::Deserializer::from_reader(std::io::BufReader::with_capacity(256 * 1024, file));
    let v = SavedSeed(hint).deserialize(&mut de)?;
    de.end()?;
    Ok(v)
}

/// Removes a temporary file unless it was kept (put in place).
struct TempGuard(Option<PathBuf>);

impl TempGuard {
    fn keep(mut self) -> PathBuf {
        self.0.take().unwrap_or_default()
    }
}

impl Drop for TempGuard {
    fn drop(&mut self) {
        if let Some(path) = self.0.take() {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// Applies lists from central to the shared table, in revision order.
#[derive(Debug)]
pub struct Syncer {
    client: Client,
    url: Secret,
    table: SharedTable,
    status: SharedStatus,
    path: PathBuf,
    /// Woken when users were removed, so the enforcer runs at once.
    removed: Arc<Notify>,
    /// Ids whose kill counter moved, for the enforcer to close once.
    kill: Arc<parking_lot::Mutex<std::collections::HashSet<String>>>,
    /// Sessions central asked to end, for the enforcer to end once.
    end_sessions: Arc<parking_lot::Mutex<std::collections::HashSet<String>>>,
    apply_lock: Mutex<()>,
}

/// `"3.17"` (or `"3.17.d"`, the list with devices) → (3, 17): server key and revision;
/// anything else sorts as "unknown".
fn parse_revision(rev: &str) -> Option<(i64, i64)> {
    let rev = rev.strip_suffix(".d").unwrap_or(rev);
    let (a, b) = rev.split_once('.')?;
    Some((a.parse().ok()?, b.parse().ok()?))
}

impl Syncer {
    /// A syncer of `state`'s table from the list at `url`, saving it under `state_dir`.
    pub fn new(
        client: Client,
        url: Secret,
        state: &NodeState,
        state_dir: &std::path::Path,
    ) -> Self {
        Self {
            client,
            url,
            table: state.table.clone(),
            status: state.status.clone(),
            path: state_dir.join("users.json"),
            removed: Arc::clone(&state.cut_off),
            kill: Arc::clone(&state.kill),
            end_sessions: Arc::clone(&state.end_sessions),
            apply_lock: Mutex::new(()),
        }
    }

    /// Loads the last good list from disk, if there is one (fail-static after a restart), and
    /// removes replacements that a crash left half-written. Read as a stream, like a new list.
    pub fn load_saved(&self) -> anyhow::Result<()> {
        self.remove_stale_temps();
        let file = match std::fs::File::open(&self.path) {
            Ok(f) => f,
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
        let (confirmed_at, table) = match parse_saved_from(file, Sizes::default()) {
            Ok((at, table, _)) => (at, table),
            Err(e) => {
                // Written atomically, so this is outside damage: better no list than a wrong one.
                tracing::error!(path = %self.path.display(), error = %e, "saved user list is unreadable; ignoring it");
                return Ok(());
            }
        };
        let age = (jiff::Timestamp::now() - confirmed_at).get_seconds();
        tracing::info!(
            users = table.len(),
            confirmed_seconds_ago = age,
            "loaded the last good user list from disk"
        );
        self.status.update(|s| {
            s.list.source = ListSource::Disk;
            s.list.users = table.len();
            s.list.revision = table.revision.clone();
            s.list.confirmed_at = Some(confirmed_at);
        });
        self.table.store(table);
        Ok(())
    }

    /// `.users.json.*.tmp` files: replacements a crash interrupted.
    fn remove_stale_temps(&self) {
        let (Some(dir), Some(name)) = (self.path.parent(), self.path.file_name()) else {
            return;
        };
        let prefix = format!(".{}.", name.to_string_lossy());
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let file = entry.file_name().to_string_lossy().into_owned();
            if file.starts_with(&prefix) && file.ends_with(".tmp") {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }

    /// Fetches once; `wait` makes it a long poll. Returns whether a new list arrived.
    pub async fn fetch(&self, wait: Option<Duration>) -> Result<bool, ClientError> {
        match self.fetch_table(wait).await {
            Ok(Some((table, skipped, saved))) => {
                self.status.ok(Peer::Central);
                self.apply(table, skipped, saved).await;
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
                match err.code() {
                    Some(ErrorCode::NotFound | ErrorCode::Conflict) => self.status.refused(&err),
                    _ => self.status.failed(Peer::Central, &err),
                }
                Err(err)
            }
        }
    }

    /// The new list as a table, with its skipped entries and the file it was saved to (not
    /// yet in place), or None while it is unchanged.
    ///
    /// The body goes to disk as it arrives, in the saved-list format, and the table is parsed
    /// from that file: the node never holds the list's bytes in memory beside its two tables.
    async fn fetch_table(
        &self,
        wait: Option<Duration>,
    ) -> Result<Option<(Table, usize, PathBuf)>, ClientError> {
        let current = self.table.load().revision.clone();
        let etag = (!current.is_empty()).then_some(current.as_str());
        let Some(mut body) = self
            .client
            .node_list_stream_at(self.url.expose(), etag, wait)
            .await?
        else {
            return Ok(None);
        };
        let url = body.url.clone();
        let local = |e: std::io::Error| ClientError::Protocol {
            url: url.clone(),
            reason: format!("could not write the list to the state directory: {e}"),
        };
        let target = self.path.clone();
        let (tmp, file) =
            tokio::task::spawn_blocking(move || hy_common::files::private_temp(&target))
                .await
                .map_err(|e| local(std::io::Error::other(e.to_string())))?
                .map_err(local)?;
        let guard = TempGuard(Some(tmp.clone()));
        let mut out =
            tokio::io::BufWriter::with_capacity(256 * 1024, tokio::fs::File::from_std(file));
        let (head, tail) = saved_wrapper(jiff::Timestamp::now());
        out.write_all(head.as_bytes()).await.map_err(local)?;
        while let Some(piece) = body.chunk().await? {
            out.write_all(&piece).await.map_err(local)?;
        }
        out.write_all(tail.as_bytes()).await.map_err(local)?;
        out.flush().await.map_err(local)?;
        drop(out);
        // Megabytes at 100k users: parsed off the runtime's workers, which serve decisions.
        let (path, hint) = (tmp.clone(), self.table.load().sizes());
        let parsed = tokio::task::spawn_blocking(move || {
            let file = std::fs::File::open(&path).map_err(|e| e.to_string())?;
            parse_saved_from(file, hint).map_err(|e| e.to_string())
        })
        .await
        .unwrap_or_else(|e| Err(e.to_string()));
        let (_, table, skipped) = parsed.map_err(|e| ClientError::Protocol {
            url,
            reason: format!("invalid node list: {e}"),
        })?;
        Ok(Some((table, skipped, guard.keep())))
    }

    async fn apply(&self, table: Table, skipped: usize, saved: PathBuf) {
        let _serial = self.apply_lock.lock().await;
        let saved = TempGuard(Some(saved));
        let current = self.table.load();
        // The long poll and the interval fetch race; never let an older answer win.
        if let (Some((k0, r0)), Some((k1, r1))) = (
            parse_revision(&current.revision),
            parse_revision(&table.revision),
        ) && k0 == k1
            && r1 <= r0
        {
            return;
        }
        if skipped > 0 {
            tracing::warn!(skipped, "ignored malformed entries in the user list");
        }
        let removed = current.removed_in(&table);
        let kicked = current.kicked_in(&table);
        let ended = current.ended_in(&table);
        drop(current);
        let users = table.len();
        let revision = table.revision.clone();
        // Refuse first: the new table is live before anything else happens.
        self.table.store(table);
        self.status.update(|s| {
            s.list.source = ListSource::Central;
            s.list.users = users;
            s.list.revision = revision.clone();
        });
        if !kicked.is_empty() {
            tracing::info!(ids = kicked.len(), "central ended sessions; closing them");
            self.kill.lock().extend(kicked);
            self.removed.notify_one();
        }
        if !ended.is_empty() {
            tracing::info!(
                sessions = ended.len(),
                "central ended sessions one by one; ending them"
            );
            self.end_sessions.lock().extend(ended);
            self.removed.notify_one();
        }
        if !removed.is_empty() {
            tracing::info!(
                removed = removed.len(),
                users,
                "users lost access; closing their connections"
            );
            self.removed.notify_one();
        } else {
            tracing::debug!(users, %revision, "user list updated");
        }
        let (path, tmp) = (self.path.clone(), saved.keep());
        let written =
            tokio::task::spawn_blocking(move || hy_common::files::commit_private(&tmp, &path))
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

    fn parse_saved(bytes: &[u8]) -> Result<(jiff::Timestamp, Table), serde_json::Error> {
        let mut de = serde_json::Deserializer::from_slice(bytes);
        let (at, table, _) = SavedSeed(Sizes::default()).deserialize(&mut de)?;
        de.end()?;
        Ok((at, table))
    }

    #[test]
    fn the_saved_file_keeps_centrals_bytes_and_reads_back() {
        let list = hy_api::node::NodeList {
            revision: "3.9".into(),
            users: vec![hy_api::node::NodeUser {
                id: "alice".into(),
                auth_sha256: hy_api::auth_digest("a-secret"),
                ..Default::default()
            }],
            ..Default::default()
        };
        let central = serde_json::to_vec(&list).unwrap();
        let at: jiff::Timestamp = "2026-11-22T05:19:18.5Z".parse().unwrap();
        let (head, tail) = saved_wrapper(at);
        let saved = [head.as_bytes(), &central, tail.as_bytes()].concat();
        let (confirmed, table) = parse_saved(&saved).unwrap();
        assert_eq!(
            (confirmed, table.revision.as_str(), table.len()),
            (at, "3.9", 1)
        );
        assert!(table.lookup("a-secret").is_some());
        // The file as earlier versions wrote it (re-serialised) reads the same way.
        let earlier =
            serde_json::to_vec(&serde_json::json!({"confirmed_at": at, "list": list})).unwrap();
        assert_eq!(parse_saved(&earlier).unwrap().1.len(), 1);
        assert!(parse_saved(br#"{"list":{"revision":"1.1","users":[]}}"#).is_err());
        assert!(parse_saved(&saved[..saved.len() - 1]).is_err(), "torn file");
    }

    /// A central that answers the first list request with one user, then with `then`.
    async fn central_answering(then: &'static str) -> String {
        use std::sync::atomic::{AtomicBool, Ordering};
        let answered = std::sync::Arc::new(AtomicBool::new(false));
        let app = axum::Router::new().route(
            "/auth/node",
            axum::routing::get(move || {
                let first = !answered.swap(true, Ordering::SeqCst);
                async move {
                    if first {
                        let list = hy_api::node::NodeList {
                            revision: "1.1".into(),
                            users: vec![hy_api::node::NodeUser {
                                id: "alice".into(),
                                auth_sha256: hy_api::auth_digest("a-secret"),
                                ..Default::default()
                            }],
                            ..Default::default()
                        };
                        serde_json::to_string(&list).unwrap()
                    } else {
                        then.to_owned()
                    }
                }
            }),
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/auth/node", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await });
        url
    }

    #[tokio::test]
    async fn a_malformed_list_is_an_error_and_the_last_good_one_stays() {
        for bad in [
            r#"{"revision":"1.2","users":[{"id":7}]}"#,
            r#"{"revision":"1.2"}"#,
            "<html>proxy error</html>",
        ] {
            let state = tempfile::tempdir().unwrap();
            let client =
                Client::new(&hy_api::client::ClientConfig::new("http://unused.invalid")).unwrap();
            let node = NodeState::new("node", "test", "the test plane", "hyctl_test");
            let (table, status) = (node.table.clone(), node.status.clone());
            let url = Secret::from(central_answering(bad).await);
            let syncer = Syncer::new(client, url, &node, state.path());
            assert!(syncer.fetch(None).await.unwrap());
            let saved = std::fs::read(state.path().join("users.json")).unwrap();
            let err = syncer.fetch(None).await.unwrap_err().to_string();
            assert!(err.contains("invalid node list"), "{bad}: {err}");
            assert!(table.load().lookup("a-secret").is_some(), "{bad}");
            assert_eq!(table.load().revision, "1.1");
            assert!(!status.snapshot().central.reachable);
            let still = std::fs::read(state.path().join("users.json")).unwrap();
            assert_eq!(saved, still, "the saved list is not replaced by a bad one");
        }
    }

    #[tokio::test]
    async fn a_new_list_is_streamed_to_disk_and_no_temporary_file_stays() {
        let state = tempfile::tempdir().unwrap();
        // A replacement a crash interrupted, from an earlier run.
        std::fs::write(
            state.path().join(".users.json.AbCdEfGh.tmp"),
            b"{\"confirmed",
        )
        .unwrap();
        let client =
            Client::new(&hy_api::client::ClientConfig::new("http://unused.invalid")).unwrap();
        let node = NodeState::new("node", "test", "the test plane", "hyctl_test");
        let url = Secret::from(central_answering("unused").await);
        let syncer = Syncer::new(client, url, &node, state.path());
        syncer.load_saved().unwrap();
        assert!(syncer.fetch(None).await.unwrap());
        let files: Vec<String> = std::fs::read_dir(state.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            files,
            ["users.json"],
            "the stale replacement is gone, the new list in place"
        );
        let saved = std::fs::read(state.path().join("users.json")).unwrap();
        let (_, table) = parse_saved(&saved).unwrap();
        assert!(table.lookup("a-secret").is_some());
        // What was saved is what a restart loads.
        let again = NodeState::new("node", "test", "the test plane", "hyctl_test");
        let client =
            Client::new(&hy_api::client::ClientConfig::new("http://unused.invalid")).unwrap();
        Syncer::new(
            client,
            Secret::from("http://unused.invalid/x"),
            &again,
            state.path(),
        )
        .load_saved()
        .unwrap();
        assert_eq!(again.table.load().len(), 1);
    }

    #[test]
    fn revisions_parse() {
        assert_eq!(parse_revision("3.17"), Some((3, 17)));
        assert_eq!(
            parse_revision("3.17.d"),
            Some((3, 17)),
            "the list with devices"
        );
        assert_eq!(parse_revision("x"), None);
        assert_eq!(parse_revision(""), None);
    }
}
