//! Kicking players out through the media server's own API, for the servers that never ask
//! about a session again (SRS calls at its start and end only, MediaMTX at its start only), so
//! a kill from central or a user who lost access ends their sessions there too.
//!
//! - **SRS** (`--srs-api`, its HTTP API, e.g. `http://127.0.0.1:1985`):
//!   `DELETE /api/v1/clients/{client_id}`. SRS sessions are in the session table already
//!   (their `on_stop` ends them); this registry only remembers which are SRS's.
//! - **MediaMTX** (`--mediamtx-api`, its control API, e.g. `http://127.0.0.1:9997`):
//!   `POST /v3/{rtspsessions|rtmpconns|hlssessions|webrtcsessions|srtconns|...}/kick/{id}`
//!   with the `id` its auth call carried. MediaMTX never says when a session ends, so each
//!   sweep reads its session lists (`GET /v3/.../list`) and forgets the ids no longer there:
//!   what is left is who is connected, counted as the node's connections.
//!
//! Best effort: an API that does not answer is logged, and the kick is tried again at the next
//! sweep for as long as the user stays cut off.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::Duration;

use hy_node::plane::Online;
use parking_lot::Mutex;

use crate::sessions::STALE_AFTER;

/// Which media server's API a session is kicked through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Api {
    Srs,
    MediaMtx,
}

#[derive(Debug, Clone)]
struct Entry {
    user: Arc<str>,
    api: Api,
    id: String,
    protocol: String,
    since: i64,
    /// The client's address and the path (MediaMTX's; empty for SRS), to tell an RTSP
    /// player's two auth calls from two players.
    addr: String,
    path: String,
}

/// What a MediaMTX auth call says of the session asking.
#[derive(Debug, Clone, Copy)]
pub struct Asking<'a> {
    /// Its `id` (empty when MediaMTX sent none: nothing to register).
    pub id: &'a str,
    /// Its `protocol`.
    pub protocol: &'a str,
    /// Its `ip`.
    pub addr: &'a str,
    /// Its `path`.
    pub path: &'a str,
}

/// How long after an RTSP reader's DESCRIBE its SETUP may come and still be taken for the
/// same player's (MediaMTX asks at DESCRIBE under the connection's id, then at SETUP under
/// the session's; the client sends them back to back).
const DESCRIBE_TO_SETUP: i64 = 5;

/// The media servers' APIs and the sessions they can kick; cheap to share.
#[derive(Debug, Default)]
pub struct Kicker {
    http: reqwest::Client,
    srs: Option<String>,
    mediamtx: Option<String>,
    entries: Mutex<HashMap<(Api, String), Entry>>,
}

/// MediaMTX's API names for the sessions of a protocol, as its auth call names it (RTSPS and
/// RTMPS share their plain protocol's name there).
fn mediamtx_kinds(protocol: &str) -> &'static [&'static str] {
    match protocol {
        "rtsp" => &["rtspsessions", "rtspssessions"],
        "rtmp" => &["rtmpconns", "rtmpsconns"],
        "hls" => &["hlssessions"],
        "webrtc" => &["webrtcsessions"],
        "srt" => &["srtconns"],
        "moq" => &["moqsessions"],
        _ => &[],
    }
}

const MEDIAMTX_LISTS: [&str; 8] = [
    "rtspsessions",
    "rtspssessions",
    "rtmpconns",
    "rtmpsconns",
    "hlssessions",
    "webrtcsessions",
    "srtconns",
    "moqsessions",
];

impl Kicker {
    /// A kicker for the APIs given (base URLs, without a trailing slash).
    pub fn new(srs: Option<String>, mediamtx: Option<String>) -> Self {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(5))
            .build()
            .unwrap_or_default();
        Self {
            http,
            srs: srs.map(|u| u.trim_end_matches('/').to_owned()),
            mediamtx: mediamtx.map(|u| u.trim_end_matches('/').to_owned()),
            entries: Mutex::default(),
        }
    }

    /// True when sessions of `api` can be kicked.
    pub fn has(&self, api: Api) -> bool {
        match api {
            Api::Srs => self.srs.is_some(),
            Api::MediaMtx => self.mediamtx.is_some(),
        }
    }

    /// Remembers session `id` of `user` on `api` (when that API is configured).
    pub fn register(&self, api: Api, id: &str, protocol: &str, user: &Arc<str>, now: i64) {
        if !self.has(api) || id.is_empty() {
            return;
        }
        let entry = Entry {
            user: Arc::clone(user),
            api,
            id: id.to_owned(),
            protocol: protocol.to_owned(),
            since: now,
            addr: String::new(),
            path: String::new(),
        };
        self.entries.lock().insert((api, id.to_owned()), entry);
    }

    /// Registers MediaMTX session `asking` of `user` unless the user already has `limit`
    /// sessions here: `in_table` in the session table (sessions of the other adapters) and
    /// the MediaMTX sessions registered, the same `id` asking again not counted
    /// against itself. Checked and added under one lock, so two players racing for the last
    /// slot cannot both get it.
    ///
    /// An RTSP reader asks twice, at DESCRIBE under its connection's id and at SETUP under
    /// its session's: a registration of the same user, address and path made within
    /// [`DESCRIBE_TO_SETUP`] seconds is taken for this player's first call and replaced. (Two
    /// players of one device behind one address starting the same path within those
    /// seconds are then counted, and kicked, as one.)
    pub fn reserve(
        &self,
        asking: Asking<'_>,
        user: &Arc<str>,
        limit: Option<u32>,
        in_table: usize,
        now: i64,
    ) -> Result<(), hy_node::Refusal> {
        let Asking {
            id,
            protocol,
            addr,
            path,
        } = asking;
        let mut entries = self.entries.lock();
        if protocol == "rtsp" {
            entries.retain(|(api, other), e| {
                !(*api == Api::MediaMtx
                    && other != id
                    && e.protocol == "rtsp"
                    && *e.user == **user
                    && e.addr == addr
                    && e.path == path
                    && now - e.since <= DESCRIBE_TO_SETUP)
            });
        }
        if let Some(max) = limit {
            let mine = entries
                .iter()
                .filter(|((api, other), e)| {
                    *api == Api::MediaMtx && other != id && *e.user == **user
                })
                .count();
            if in_table + mine >= max as usize {
                return Err(hy_node::Refusal::TooManySessions);
            }
        }
        if self.has(Api::MediaMtx) && !id.is_empty() {
            entries.insert(
                (Api::MediaMtx, id.to_owned()),
                Entry {
                    user: Arc::clone(user),
                    api: Api::MediaMtx,
                    id: id.to_owned(),
                    protocol: protocol.to_owned(),
                    since: now,
                    addr: addr.to_owned(),
                    path: path.to_owned(),
                },
            );
        }
        Ok(())
    }

    /// Session `id` on `api` ended (SRS's `on_stop`).
    pub fn forget(&self, api: Api, id: &str) {
        self.entries.lock().remove(&(api, id.to_owned()));
    }

    /// Kicks every registered session of these ids; returns how many the servers took.
    pub async fn kick(&self, users: &[String]) -> usize {
        let users: HashSet<&str> = users.iter().map(String::as_str).collect();
        self.kick_where(|e| users.contains(&*e.user)).await
    }

    /// Kicks these sessions (by the media server's id of each), where registered; returns
    /// how many the servers took.
    pub async fn kick_sessions(&self, ids: &[String]) -> usize {
        let ids: HashSet<&str> = ids.iter().map(String::as_str).collect();
        self.kick_where(|e| ids.contains(e.id.as_str())).await
    }

    async fn kick_where(&self, pick: impl Fn(&Entry) -> bool) -> usize {
        let targets: Vec<Entry> = self
            .entries
            .lock()
            .values()
            .filter(|e| pick(e))
            .cloned()
            .collect();
        let mut kicked = 0;
        for e in targets {
            if self.kick_one(&e).await {
                kicked += 1;
                self.forget(e.api, &e.id);
            }
        }
        kicked
    }

    /// One kick; true when the server took it or no longer has the session.
    async fn kick_one(&self, e: &Entry) -> bool {
        let id = percent_encoding::utf8_percent_encode(&e.id, percent_encoding::NON_ALPHANUMERIC);
        let attempts: Vec<reqwest::RequestBuilder> = match (e.api, &self.srs, &self.mediamtx) {
            (Api::Srs, Some(base), _) => {
                vec![self.http.delete(format!("{base}/api/v1/clients/{id}"))]
            }
            (Api::MediaMtx, _, Some(base)) => mediamtx_kinds(&e.protocol)
                .iter()
                .map(|kind| self.http.post(format!("{base}/v3/{kind}/kick/{id}")))
                .collect(),
            _ => return false,
        };
        let mut gone = false;
        for attempt in attempts {
            match attempt.send().await {
                Ok(r) if r.status().is_success() => {
                    tracing::info!(user = %e.user, session = %e.id, "kicked through the media server's API");
                    return true;
                }
                // Not this kind (RTSPS rather than RTSP), or already gone.
                Ok(r) if r.status() == reqwest::StatusCode::NOT_FOUND => gone = true,
                Ok(r) => {
                    tracing::warn!(status = %r.status(), session = %e.id, "the media server's API refused a kick");
                    return false;
                }
                Err(err) => {
                    tracing::warn!(error = %err, session = %e.id, "could not reach the media server's API to kick");
                    return false;
                }
            }
        }
        gone
    }

    /// Forgets MediaMTX sessions its lists no longer show, and any session registered longer
    /// than [`STALE_AFTER`] ago. A list that cannot be read keeps its sessions.
    pub async fn reconcile(&self, now: i64) {
        let mut listed: HashSet<String> = HashSet::new();
        let mut read: HashSet<&str> = HashSet::new();
        if let Some(base) = &self.mediamtx {
            for kind in MEDIAMTX_LISTS {
                let url = format!("{base}/v3/{kind}/list?itemsPerPage=100000");
                let Ok(resp) = self.http.get(url).send().await else {
                    continue;
                };
                if resp.status() == reqwest::StatusCode::NOT_FOUND {
                    // An older MediaMTX without this protocol: nothing of it is live.
                    read.insert(kind);
                    continue;
                }
                let Ok(body) = resp.json::<serde_json::Value>().await else {
                    continue;
                };
                let Some(items) = body["items"].as_array() else {
                    continue;
                };
                read.insert(kind);
                listed.extend(
                    items
                        .iter()
                        .filter_map(|i| i["id"].as_str().map(str::to_owned)),
                );
            }
        }
        self.entries.lock().retain(|(api, id), e| {
            if now - e.since >= STALE_AFTER {
                return false;
            }
            match api {
                Api::Srs => true,
                Api::MediaMtx => {
                    let kinds = mediamtx_kinds(&e.protocol);
                    let all_read = !kinds.is_empty() && kinds.iter().all(|k| read.contains(k));
                    !all_read || listed.contains(id)
                }
            }
        });
    }

    /// MediaMTX's live sessions per id (SRS's are in the session table).
    pub fn mediamtx_online(&self) -> Online {
        let mut online = Online::new();
        for e in self.entries.lock().values() {
            if e.api == Api::MediaMtx {
                *online.entry(e.user.to_string()).or_default() += 1;
            }
        }
        online
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// MediaMTX's lists as its API shows them: `ids` on RTSP, nothing elsewhere, no SRT list
    /// at all (an older release).
    async fn mediamtx(ids: Arc<Mutex<Vec<String>>>) -> String {
        use axum::extract::Path;
        let app = axum::Router::new().route(
            "/v3/{kind}/list",
            axum::routing::get(move |Path(kind): Path<String>| {
                let ids = Arc::clone(&ids);
                async move {
                    let items: Vec<serde_json::Value> = match kind.as_str() {
                        "rtspsessions" => ids
                            .lock()
                            .iter()
                            .map(|id| serde_json::json!({ "id": id }))
                            .collect(),
                        "srtconns" => return Err(axum::http::StatusCode::NOT_FOUND),
                        _ => vec![],
                    };
                    Ok(axum::Json(serde_json::json!({ "items": items })))
                }
            }),
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        url
    }

    #[tokio::test]
    async fn mediamtx_sessions_last_while_its_lists_show_them() {
        let ids = Arc::new(Mutex::new(vec!["a".to_owned(), "b".to_owned()]));
        let kicker = Kicker::new(None, Some(mediamtx(Arc::clone(&ids)).await));
        let tv: Arc<str> = Arc::from("alice:tv");
        for id in ["a", "b"] {
            kicker.register(Api::MediaMtx, id, "rtsp", &tv, 0);
        }
        // Not configured: SRS sessions are not remembered.
        kicker.register(Api::Srs, "c1", "rtmp", &tv, 0);
        kicker.reconcile(10).await;
        assert_eq!(kicker.mediamtx_online()["alice:tv"], 2);
        ids.lock().retain(|id| id != "a");
        kicker.reconcile(20).await;
        assert_eq!(
            kicker.mediamtx_online()["alice:tv"],
            1,
            "the one that left is gone"
        );
        // A list that cannot be read keeps what it had; 12 hours is the end in any case.
        let down = Kicker::new(None, Some("http://127.0.0.1:9".into()));
        down.register(Api::MediaMtx, "x", "rtsp", &tv, 0);
        down.reconcile(10).await;
        assert_eq!(down.mediamtx_online()["alice:tv"], 1);
        down.reconcile(STALE_AFTER).await;
        assert!(down.mediamtx_online().is_empty());
    }

    #[test]
    fn two_mediamtx_players_racing_for_the_last_slot_get_one() {
        for _ in 0..200 {
            let kicker = Arc::new(Kicker::new(None, Some("http://127.0.0.1:9".into())));
            let tv: Arc<str> = Arc::from("alice:tv");
            let barrier = Arc::new(std::sync::Barrier::new(2));
            let racers: Vec<_> = ["s1", "s2"]
                .into_iter()
                .map(|id| {
                    let (kicker, barrier, tv) =
                        (Arc::clone(&kicker), Arc::clone(&barrier), Arc::clone(&tv));
                    std::thread::spawn(move || {
                        barrier.wait();
                        let asking = Asking {
                            id,
                            protocol: "rtmp",
                            addr: "198.51.100.7",
                            path: "news",
                        };
                        kicker.reserve(asking, &tv, Some(1), 0, 0)
                    })
                })
                .collect();
            let won = racers
                .into_iter()
                .map(|r| r.join().unwrap())
                .filter(Result::is_ok)
                .count();
            assert_eq!(won, 1);
            assert_eq!(kicker.mediamtx_online()["alice:tv"], 1);
        }
    }
}
