//! A fake Hysteria 2 server that behaves as `shared/reference/hysteria-api.md` says, sharp
//! edges included.
//!
//! - Clients connect through [`FakeHysteria::connect`], which calls the agent's auth URL exactly as
//!   Hysteria does (POST, compact `{"addr","auth","tx"}` in that order, HTTP/1.1 keep-alive) and
//!   reads the answer with Go's rules: only 200 with a JSON object whose `ok` is `true` admits;
//!   keys match case-insensitively, unknown keys are ignored, a wrong type rejects, `ok:true` with
//!   no id admits under the id "".
//! - The Traffic Stats API: the raw secret in `Authorization` (401 `unauthorized\n` otherwise,
//!   checked before routing), exact method and path (404 `404 page not found\n`), `/traffic` with
//!   `clear` parsed as a Go bool and reset atomically with the read, `/online` without zero
//!   entries, `POST /kick` that only marks ids (400 with the decoder's error for a body that is not
//!   a JSON array of strings), `/dump/streams`.
//! - Kick is lazy: a marked id's next traffic closes one of its connections, is not counted, and
//!   clears the mark; a mark on an offline id stays until a restart.
//! - Counters live in memory: [`FakeHysteria::restart`] loses what was not polled.
//!
//! For exactness tests it keeps the truth: every byte it counted, every byte it handed out in a
//! `/traffic?clear=1` answer, and every byte a restart destroyed.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::net::SocketAddr;
use std::sync::Arc;

use parking_lot::Mutex;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use hy_api::Traffic;
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

/// One simulated client connection (a "device").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ConnId(pub u64);

#[derive(Debug, Clone)]
struct Conn {
    id: String,
    addr: String,
    tx: u64,
    rx: u64,
}

/// Totals the fake keeps for exactness checks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Truth {
    /// Every byte counted, per user id (what Hysteria's counters saw, kicked traffic excluded).
    pub counted: BTreeMap<String, Traffic>,
    /// Every byte handed out in `/traffic?clear=1` answers.
    pub handed_out: BTreeMap<String, Traffic>,
    /// Bytes lost to restarts before anyone polled them.
    pub lost_on_restart: BTreeMap<String, Traffic>,
    /// Each `/traffic?clear=1` answer in order, for bounding losses at crash points.
    pub clear_answers: Vec<BTreeMap<String, Traffic>>,
}

#[derive(Debug, Default)]
struct Inner {
    stats: BTreeMap<String, Traffic>,
    kicks: HashSet<String>,
    conns: BTreeMap<ConnId, Conn>,
    next_conn: u64,
    truth: Truth,
    kick_requests: u64,
    requests: HashMap<String, u64>,
}

/// Why a connection attempt was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// The auth backend could not be reached or timed out.
    Unreachable(String),
    /// It answered with a status other than 200.
    Status(u16),
    /// 200, but the body did not decode (Go semantics) or `ok` was false.
    Body(String),
}

/// The fake server.
#[derive(Debug, Clone)]
pub struct FakeHysteria {
    inner: Arc<Mutex<Inner>>,
    secret: String,
    auth_url: Arc<Mutex<String>>,
    http: reqwest::Client,
    /// Base URL of the Traffic Stats API (`http://127.0.0.1:PORT`).
    pub api_url: String,
    stop: CancellationToken,
}

fn add(map: &mut BTreeMap<String, Traffic>, id: &str, t: Traffic) {
    map.entry(id.to_owned()).or_default().add(t);
}

impl FakeHysteria {
    /// Starts the API on `127.0.0.1:0` with `secret`; clients authenticate against `auth_url`.
    pub async fn start(secret: &str, auth_url: &str) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind fake Hysteria API");
        let api_url = format!("http://{}", listener.local_addr().expect("local addr"));
        let http = reqwest::Client::builder()
            // Hysteria's HTTP authenticator: 10 s for the whole exchange.
            .timeout(Duration::from_secs(10))
            .http1_only()
            .build()
            .expect("HTTP client");
        let fake = Self {
            inner: Arc::default(),
            secret: secret.to_owned(),
            auth_url: Arc::new(Mutex::new(auth_url.to_owned())),
            http,
            api_url,
            stop: CancellationToken::new(),
        };
        let app = axum::Router::new()
            .fallback(serve_api)
            .with_state(fake.clone());
        let stop = fake.stop.clone();
        tokio::spawn(async move {
            let _ = axum::serve(listener, app)
                .with_graceful_shutdown(stop.cancelled_owned())
                .await;
        });
        fake
    }

    fn lock(&self) -> parking_lot::MutexGuard<'_, Inner> {
        self.inner.lock()
    }

    /// Points the auth calls at another URL (e.g. a restarted agent).
    pub fn set_auth_url(&self, url: &str) {
        *self.auth_url.lock() = url.to_owned();
    }

    /// A client connects with `auth` from `addr`: Hysteria asks the auth backend, and opens the
    /// connection under the returned id if admitted.
    pub async fn connect(&self, auth: &str, addr: &str) -> Result<ConnId, Refused> {
        let id = self.authenticate(auth, addr, 0).await?;
        let mut inner = self.lock();
        inner.next_conn += 1;
        let conn = ConnId(inner.next_conn);
        inner.conns.insert(
            conn,
            Conn {
                id,
                addr: addr.to_owned(),
                tx: 0,
                rx: 0,
            },
        );
        Ok(conn)
    }

    /// The auth exchange alone, as `extras/auth/http.go` does it.
    pub async fn authenticate(&self, auth: &str, addr: &str, tx: u64) -> Result<String, Refused> {
        // Go's json.Marshal of the request struct: compact, fields in declaration order.
        let body = format!(
            r#"{{"addr":{},"auth":{},"tx":{tx}}}"#,
            serde_json::to_string(addr).unwrap_or_default(),
            serde_json::to_string(auth).unwrap_or_default()
        );
        let url = self.auth_url.lock().clone();
        let resp = self
            .http
            .post(url)
            .header(header::CONTENT_TYPE, "application/json")
            .body(body)
            .send()
            .await
            .map_err(|e| Refused::Unreachable(e.to_string()))?;
        if resp.status() != StatusCode::OK {
            return Err(Refused::Status(resp.status().as_u16()));
        }
        let bytes = resp
            .bytes()
            .await
            .map_err(|e| Refused::Unreachable(e.to_string()))?;
        let (ok, id) = go_decode_auth_response(&bytes).map_err(Refused::Body)?;
        if !ok {
            return Err(Refused::Body("ok is false".into()));
        }
        Ok(id)
    }

    /// A connection moves bytes. Returns false if a kick mark closed it instead (those bytes are
    /// not counted, as in `trafficlogger.LogTraffic`).
    pub fn traffic(&self, conn: ConnId, tx: u64, rx: u64) -> bool {
        let mut inner = self.lock();
        let Some(id) = inner.conns.get(&conn).map(|c| c.id.clone()) else {
            return false;
        };
        if inner.kicks.remove(&id) {
            inner.conns.remove(&conn);
            return false;
        }
        let t = Traffic { tx, rx };
        add(&mut inner.stats, &id, t);
        add(&mut inner.truth.counted, &id, t);
        if let Some(c) = inner.conns.get_mut(&conn) {
            c.tx += tx;
            c.rx += rx;
        }
        true
    }

    /// Every open connection moves `tx`/`rx` bytes once; returns how many were closed by kicks.
    pub fn traffic_on_all(&self, tx: u64, rx: u64) -> usize {
        let conns: Vec<ConnId> = self.lock().conns.keys().copied().collect();
        conns
            .into_iter()
            .filter(|c| !self.traffic(*c, tx, rx))
            .count()
    }

    /// The client closes a connection.
    pub fn disconnect(&self, conn: ConnId) {
        self.lock().conns.remove(&conn);
    }

    /// True while `conn` is open.
    pub fn is_open(&self, conn: ConnId) -> bool {
        self.lock().conns.contains_key(&conn)
    }

    /// Connected instances of `id`.
    pub fn online_count(&self, id: &str) -> usize {
        self.lock().conns.values().filter(|c| c.id == id).count()
    }

    /// Ids with a pending kick mark.
    pub fn kick_marks(&self) -> HashSet<String> {
        self.lock().kicks.clone()
    }

    /// API requests received for `path` (any method, any outcome).
    pub fn requests(&self, path: &str) -> u64 {
        self.lock().requests.get(path).copied().unwrap_or(0)
    }

    /// `POST /kick` requests received.
    pub fn kick_requests(&self) -> u64 {
        self.lock().kick_requests
    }

    /// The exactness record.
    pub fn truth(&self) -> Truth {
        self.lock().truth.clone()
    }

    /// Hysteria restarts: unpolled counters and kick marks are lost, every connection drops.
    pub fn restart(&self) {
        let mut inner = self.lock();
        let stats = std::mem::take(&mut inner.stats);
        for (id, t) in stats {
            add(&mut inner.truth.lost_on_restart, &id, t);
        }
        inner.kicks.clear();
        inner.conns.clear();
    }

    /// Stops serving the API.
    pub fn stop(&self) {
        self.stop.cancel();
    }
}

/// Decodes an auth response like Go's `json.NewDecoder(body).Decode(&struct{OK bool; ID string})`.
pub fn go_decode_auth_response(bytes: &[u8]) -> Result<(bool, String), String> {
    let mut stream = serde_json::Deserializer::from_slice(bytes).into_iter::<serde_json::Value>();
    let value = match stream.next() {
        Some(Ok(v)) => v,
        Some(Err(e)) => return Err(format!("invalid JSON: {e}")),
        None => return Err("EOF".into()),
    };
    let obj = match value {
        serde_json::Value::Object(o) => o,
        serde_json::Value::Null => return Ok((false, String::new())),
        other => return Err(format!("cannot unmarshal {other} into the response struct")),
    };
    let (mut ok, mut id) = (false, String::new());
    // Go prefers an exact key match, else the last case-insensitive one; for distinct keys in
    // one object, later keys overwrite earlier ones either way.
    for (key, v) in obj {
        if key.eq_ignore_ascii_case("ok") {
            match v {
                serde_json::Value::Bool(b) => ok = b,
                serde_json::Value::Null => {}
                other => return Err(format!("cannot unmarshal {other} into bool")),
            }
        } else if key.eq_ignore_ascii_case("id") {
            match v {
                serde_json::Value::String(s) => id = s,
                serde_json::Value::Null => {}
                other => return Err(format!("cannot unmarshal {other} into string")),
            }
        }
    }
    Ok((ok, id))
}

/// Go's `strconv.ParseBool`; an error reads as false, as `getTraffic` ignores it.
fn go_bool(s: &str) -> bool {
    matches!(s, "1" | "t" | "T" | "TRUE" | "true" | "True")
}

fn text(status: StatusCode, body: &'static str) -> Response {
    let mut resp = (status, body).into_response();
    let h = resp.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    h.insert(
        "x-content-type-options",
        HeaderValue::from_static("nosniff"),
    );
    resp
}

fn json(body: Vec<u8>) -> Response {
    let mut resp = body.into_response();
    resp.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    resp
}

async fn serve_api(State(fake): State<FakeHysteria>, req: Request) -> Response {
    // The secret check comes before routing, so an unknown path with a wrong secret is a 401.
    let presented = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if !fake.secret.is_empty() && presented != fake.secret {
        return text(StatusCode::UNAUTHORIZED, "unauthorized\n");
    }
    let method = req.method().clone();
    let path = req.uri().path().to_owned();
    let query = req.uri().query().unwrap_or("").to_owned();
    *fake.lock().requests.entry(path.clone()).or_default() += 1;
    match (method.as_str(), path.as_str()) {
        ("GET", "/traffic") => {
            let clear = query
                .split('&')
                .filter_map(|kv| kv.split_once('=').or(Some((kv, ""))))
                .find(|(k, _)| *k == "clear")
                .is_some_and(|(_, v)| go_bool(v));
            let mut inner = fake.lock();
            let body = serde_json::to_vec(&inner.stats).unwrap_or_default();
            if clear {
                let stats = std::mem::take(&mut inner.stats);
                for (id, t) in &stats {
                    add(&mut inner.truth.handed_out, id, *t);
                }
                inner.truth.clear_answers.push(stats);
            }
            json(body)
        }
        ("GET", "/online") => {
            let inner = fake.lock();
            let mut online: HashMap<&str, u64> = HashMap::new();
            for c in inner.conns.values() {
                *online.entry(c.id.as_str()).or_default() += 1;
            }
            json(serde_json::to_vec(&online).unwrap_or_default())
        }
        ("POST", "/kick") => {
            let body: Bytes = match axum::body::to_bytes(req.into_body(), 1 << 20).await {
                Ok(b) => b,
                Err(e) => return (StatusCode::BAD_REQUEST, format!("{e}\n")).into_response(),
            };
            let ids: Option<Vec<String>> = match serde_json::from_slice(&body) {
                Ok(ids) => ids,
                Err(e) => return (StatusCode::BAD_REQUEST, format!("{e}\n")).into_response(),
            };
            let mut inner = fake.lock();
            inner.kick_requests += 1;
            for id in ids.unwrap_or_default() {
                inner.kicks.insert(id);
            }
            StatusCode::OK.into_response()
        }
        ("GET", "/dump/streams") => {
            let inner = fake.lock();
            let streams: Vec<serde_json::Value> = inner
                .conns
                .iter()
                .map(|(cid, c)| {
                    serde_json::json!({
                        "state": "estab", "auth": c.id, "connection": cid.0, "stream": 0,
                        "req_addr": c.addr, "hooked_req_addr": c.addr, "tx": c.tx, "rx": c.rx,
                        "initial_at": "2026-01-01T00:00:00Z", "last_active_at": "2026-01-01T00:00:00Z",
                    })
                })
                .collect();
            json(serde_json::to_vec(&serde_json::json!({ "streams": streams })).unwrap_or_default())
        }
        _ => text(StatusCode::NOT_FOUND, "404 page not found\n"),
    }
}

/// The address a fake client connects from, e.g. `203.0.113.7:40001`.
pub fn client_addr(n: u16) -> String {
    SocketAddr::from(([203, 0, 113, 7], 40000 + n)).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auth_responses_decode_with_go_semantics() {
        assert_eq!(
            go_decode_auth_response(br#"{"ok":true,"id":"alice"}"#),
            Ok((true, "alice".into()))
        );
        assert_eq!(
            go_decode_auth_response(br#"{"OK":true,"Id":"alice","x":1}"#),
            Ok((true, "alice".into()))
        );
        assert_eq!(
            go_decode_auth_response(br#"{"id":"alice"}"#),
            Ok((false, "alice".into()))
        );
        assert_eq!(
            go_decode_auth_response(br#"{"ok":true}"#),
            Ok((true, String::new()))
        );
        assert!(go_decode_auth_response(br#"{"ok":"true","id":"a"}"#).is_err());
        assert!(go_decode_auth_response(br#"{"ok":true,"id":42}"#).is_err());
        assert!(go_decode_auth_response(b"not json").is_err());
        assert!(go_decode_auth_response(b"").is_err());
    }

    #[test]
    fn clear_is_a_go_bool() {
        for t in ["1", "t", "T", "TRUE", "true", "True"] {
            assert!(go_bool(t));
        }
        for f in ["0", "false", "yes", "", "tRUE"] {
            assert!(!go_bool(f));
        }
    }
}
