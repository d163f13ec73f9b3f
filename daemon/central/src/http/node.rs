//! What nodes call: `GET /auth/{server_id}` (the user list, long-pollable) and
//! `POST /traffic/{server_id}` (traffic reports, exactly once when numbered).
//!
//! The server id in the path is the node's credential. An unknown id gets a bare 404, the same
//! as a missing route, so probing learns nothing; a node can only ever read its own list.

use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use hy_api::node::{self, MAX_WAIT_SECS, NodeList, ReportAck, TrafficBatch};
use hy_api::servers::{NODE_KIND_HEADER, ServerKind};
use hy_api::traffic::TrafficByUser;
use hy_api::{ErrorBody, Traffic};
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::error::ApiError;
use crate::db::{DbError, lists};
use crate::ingest::{Applied, Report};

use crate::state::AppState;

/// A node's last contact is written at most this often (seconds), not on every poll.
pub const CONTACT_WRITE_EVERY: i64 = 10;
/// Largest report body accepted: about a million users' counters.
pub const REPORT_BODY_LIMIT: usize = 64 * 1024 * 1024;

pub(crate) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(node_list))
        .routes(routes!(report_traffic))
        .routes(routes!(devices_elsewhere, report_devices))
        .routes(routes!(report_sessions))
}

/// The same answer for every unknown id; it names the fix, since the usual cause is a node
/// started with the wrong `--server-id`.
fn unknown_server() -> ApiError {
    ApiError::NotFound("not found: no server has this id (`hyctl server list` shows them)".into())
}

/// Looks up the node by its credential and records the contact (throttled).
async fn authenticate(
    s: &AppState,
    server_id: String,
    headers: &HeaderMap,
) -> Result<i64, ApiError> {
    Ok(authenticate_kind(s, server_id, headers).await?.0)
}

/// [`authenticate`], also saying the server's kind.
async fn authenticate_kind(
    s: &AppState,
    server_id: String,
    headers: &HeaderMap,
) -> Result<(i64, ServerKind), ApiError> {
    let version = agent_version(headers);
    let claimed = node_kind(headers)?;
    let now = s.now();
    let (pk, kind) = s.store.node(server_id).await?.ok_or_else(unknown_server)?;
    if let Some(claimed) = claimed.filter(|c| *c != kind) {
        tracing::error!(
            server_pk = pk, %kind, node = %claimed,
            "refused a node of another kind than its server: check the node's --server-id"
        );
        return Err(ApiError::Conflict(wrong_kind(kind, claimed)));
    }
    let holds = held_revision(headers, pk);
    let due = {
        let mut seen = s.contacts.lock();
        let last = seen.entry(pk).or_default();
        // A list it newly holds is said at once, so the panel's lag returns to 0 as soon as
        // the node has the change; otherwise once per CONTACT_WRITE_EVERY.
        let due = now.saturating_sub(last.at) >= CONTACT_WRITE_EVERY
            || holds.is_some_and(|r| last.rev != Some(r));
        if due {
            last.at = now;
            last.rev = holds.or(last.rev);
        }
        due
    };
    // The only write on this path, once per CONTACT_WRITE_EVERY seconds per node (and once
    // per list it newly holds, which costs far less than the list it fetched).
    if due {
        s.store.touch(pk, version, holds, now).await?;
    }
    Ok((pk, kind))
}

/// The revision of its own list a node's `If-None-Match` names (`pk.rev` or `pk.rev.d`).
fn held_revision(headers: &HeaderMap, pk: i64) -> Option<i64> {
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|t| {
            let t = t.trim().trim_start_matches("W/").trim_matches('"');
            let mut parts = t.split('.');
            let of = parts.next()?.parse::<i64>().ok()?;
            let rev = parts.next()?.parse::<i64>().ok()?;
            (of == pk).then_some(rev)
        })
        .max()
}

/// The kind a node says it is (`Hyctl-Node-Kind`). Absent for nodes of the original system,
/// which are all Hysteria nodes and are not checked.
fn node_kind(headers: &HeaderMap) -> Result<Option<ServerKind>, ApiError> {
    let Some(value) = headers.get(NODE_KIND_HEADER) else {
        return Ok(None);
    };
    let text = value.to_str().unwrap_or_default();
    text.parse()
        .map(Some)
        .map_err(|e: String| ApiError::BadRequest(format!("{NODE_KIND_HEADER}: {e}")))
}

/// What both logs say when a node's kind is not its server's.
fn wrong_kind(server: ServerKind, node: ServerKind) -> String {
    let fix = match server.node_command() {
        Some(cmd) => format!("run `hyctl {cmd}` for it"),
        None => format!("this hyctl has no node daemon for `{server}` servers"),
    };
    format!(
        "this server is a `{server}` server, but a `{node}` node presented its id: {fix}, or \
         give this node the id of a `{node}` server (`hyctl server add --kind {node}`)"
    )
}

/// `hyctl-agent/0.1.0` → `0.1.0`. Any other client (a legacy node's script, curl) has no
/// agent version: its product string is not one, and the last real version is kept.
fn agent_version(headers: &HeaderMap) -> Option<String> {
    let ua = headers.get(header::USER_AGENT)?.to_str().ok()?;
    let v = ua.strip_prefix("hyctl-agent/")?;
    let ok = !v.is_empty()
        && v.len() <= 64
        && v.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b));
    ok.then(|| v.to_owned())
}

/// True if `If-None-Match` names `tag` (or is `*`).
fn matches_etag(headers: &HeaderMap, tag: &str) -> bool {
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|t| t.trim().trim_start_matches("W/").trim_matches('"'))
        .any(|t| t == tag || t == "*")
}

/// Long-poll parameters.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct Wait {
    /// With a current `If-None-Match`: hold the request open up to this many seconds (at most
    /// 60) and answer as soon as the list changes; `304` if it does not.
    wait: Option<u64>,
    /// `1`: also list each user's devices (entries `user:device` with a `device` object),
    /// under a tag of their own. Nodes that do not ask (the original system's, older agents)
    /// get users only, so no device is ever admitted by a node that cannot check its limits.
    #[serde(default, deserialize_with = "flag")]
    devices: bool,
}

/// `1`/`true` or `0`/`false`, as query strings say it.
fn flag<'de, D: serde::Deserializer<'de>>(de: D) -> Result<bool, D::Error> {
    let s = String::deserialize(de)?;
    match s.as_str() {
        "1" | "true" => Ok(true),
        "0" | "false" | "" => Ok(false),
        other => Err(serde::de::Error::custom(format!(
            "`devices` must be 1 or 0, not {other:?}"
        ))),
    }
}

/// The user list a node may admit
///
/// The node's credential is the server id in the path. Answers with an `ETag`; send it back in
/// `If-None-Match` to get `304` while nothing changed, and add `?wait=N` to long-poll.
#[utoipa::path(get, path = "/auth/{server_id}", tag = "node",
    params(("server_id" = String, Path, description = "the node's server id (its credential)"), Wait),
    responses((status = 200, body = NodeList, headers(("ETag" = String))),
        (status = 304, description = "unchanged since If-None-Match"),
        (status = 404, description = "unknown server id", body = ErrorBody)))]
async fn node_list(
    State(s): State<AppState>,
    Path(server_id): Path<String>,
    Query(wait): Query<Wait>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let pk = authenticate(&s, server_id, &headers).await?;
    let devices = wait.devices;
    let wait = Duration::from_secs(wait.wait.unwrap_or(0).min(MAX_WAIT_SECS));
    let deadline = tokio::time::Instant::now() + wait;
    loop {
        // Read the generation before the revision, so a change committed after the read below
        // moves the generation past `seen` and ends the wait.
        let seen = s.changes.generation(pk);
        let rev = s
            .store
            .list_revision(pk)
            .await?
            .ok_or_else(unknown_server)?;
        let tag = lists::tag_of(pk, rev, devices);
        if !matches_etag(&headers, &tag) {
            break;
        }
        if tokio::time::Instant::now() >= deadline {
            return Ok(not_modified(&tag));
        }
        let until = async {
            tokio::select! {
                () = tokio::time::sleep_until(deadline) => {}
                () = s.shutdown.cancelled() => {}
            }
        };
        let _held = crate::state::PollGuard::new(&s.waiting_polls);
        s.changes.wait_past(pk, seen, until).await;
        if s.shutdown.is_cancelled() {
            return Err(ApiError::Unavailable(super::error::SHUTTING_DOWN.into()));
        }
    }
    // Read and serialised on the blocking pool and sent as it is written: a list of 100k
    // users is megabytes of JSON, and the node can receive the first rows while central reads
    // the last. The pieces queue without bound, so a slow node never holds the connection
    // that other nodes' requests are read on.
    let now = s.now();
    let (rev_known, rev) = tokio::sync::oneshot::channel();
    let (pieces, body) = tokio::sync::mpsc::unbounded_channel::<std::io::Result<Bytes>>();
    let failed = pieces.clone();
    let store = s.store.clone();
    let reading = tokio::spawn(async move {
        let read = store
            .node_list(
                pk,
                now,
                devices,
                |rev| {
                    let _ = rev_known.send(rev);
                },
                move |piece| {
                    let _ = pieces.send(Ok(piece.into()));
                },
            )
            .await;
        if let Err(err) = &read {
            tracing::error!(error = %err, server_pk = pk, "node list failed while being sent");
            // An error as the last piece aborts the response: the node sees a broken transfer,
            // never a list that merely looks short.
            let _ = failed.send(Err(std::io::Error::other("node list failed")));
        }
        read
    });
    let Ok(rev) = rev.await else {
        // Finished without a revision: no such server, or the read failed before it began.
        return match reading.await.map_err(DbError::from).and_then(|read| read) {
            Err(err) => Err(err.into()),
            Ok(_) => Err(unknown_server()),
        };
    };
    let tag = lists::tag_of(pk, rev, devices);
    let body = futures_util::stream::unfold(body, |mut body| async move {
        body.recv().await.map(|piece| (piece, body))
    });
    let mut resp = Response::new(Body::from_stream(body));
    let h = resp.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Ok(v) = HeaderValue::from_str(&format!("\"{tag}\"")) {
        h.insert(header::ETAG, v);
    }
    Ok(resp)
}

fn not_modified(tag: &str) -> Response {
    let mut resp = StatusCode::NOT_MODIFIED.into_response();
    if let Ok(v) = HeaderValue::from_str(&format!("\"{tag}\"")) {
        resp.headers_mut().insert(header::ETAG, v);
    }
    resp
}

fn check_instance(instance: &str) -> Result<(), ApiError> {
    let ok = (1..=64).contains(&instance.len())
        && instance
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if ok {
        Ok(())
    } else {
        Err(ApiError::BadRequest(
            "`instance` must be 1 to 64 characters from [A-Za-z0-9_-]".into(),
        ))
    }
}

/// Each counter is bounded so that no sum central keeps (per pair, per hour, per user, per
/// server) can overflow, whatever a node sends and however often.
fn check_counters(users: &TrafficByUser) -> Result<(), ApiError> {
    for (id, t) in users {
        if t.tx > node::MAX_REPORTED_BYTES || t.rx > node::MAX_REPORTED_BYTES {
            return Err(ApiError::BadRequest(format!(
                "counter for {id:?} is out of range: at most {} bytes per user and report",
                node::MAX_REPORTED_BYTES
            )));
        }
        if id.len() > 256 {
            return Err(ApiError::BadRequest(
                "a user id in the report is over 256 bytes".into(),
            ));
        }
    }
    Ok(())
}

/// Auth events are stored as sent and shown to admins: every field is bounded, so a node cannot
/// fill the log with megabyte strings or times no timestamp can hold.
fn check_auth_events(events: &[node::AuthEvent]) -> Result<(), ApiError> {
    for e in events {
        let field = if e.id.is_empty() || e.id.len() > 64 {
            Some("id")
        } else if e.addr.len() > 64 {
            Some("addr")
        } else if e.reason.is_empty() || e.reason.len() > 32 {
            Some("reason")
        } else if e.user.as_ref().is_some_and(|u| u.len() > 256) {
            Some("user")
        } else if jiff::Timestamp::from_second(e.at).is_err() {
            Some("at")
        } else {
            None
        };
        if let Some(field) = field {
            return Err(ApiError::BadRequest(format!(
                "auth_log event {:?}: `{field}` is out of range",
                e.id.chars().take(64).collect::<String>()
            )));
        }
    }
    Ok(())
}

/// Admissions name users; their times are not used (central stamps its own), only the ids.
fn check_seen(seen: &std::collections::BTreeMap<String, i64>) -> Result<(), ApiError> {
    if seen.len() > 1_000_000 || seen.keys().any(|id| id.len() > 256) {
        return Err(ApiError::BadRequest(
            "`seen` holds at most 1000000 ids of at most 256 bytes".into(),
        ));
    }
    Ok(())
}

/// Report a node's traffic
///
/// Takes the original body `{"alice":{"tx":1,"rx":2}}` (applied every time it is received) or a
/// numbered batch `{"seq":7,"instance":"...","users":{...}}` (applied once per
/// `(server, instance, seq)`, acknowledged again without counting when repeated). Bytes for ids
/// that name no user are added to the server's `unattributed` counter and listed in the answer.
#[utoipa::path(post, path = "/traffic/{server_id}", tag = "node",
    params(("server_id" = String, Path, description = "the node's server id (its credential)")),
    request_body(content = TrafficBatch, description = "a TrafficBatch, or the original map of \
        user id to {tx, rx}"),
    responses((status = 200, body = ReportAck), (status = 400, body = ErrorBody),
        (status = 404, description = "unknown server id", body = ErrorBody),
        (status = 413, body = ErrorBody)))]
async fn report_traffic(
    State(s): State<AppState>,
    Path(server_id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<axum::Json<ReportAck>, ApiError> {
    let pk = authenticate(&s, server_id, &headers).await?;
    let (sequence, users, seen, auth_log) = if node::is_batch(&body) {
        let batch: TrafficBatch = super::extract::parse(&body)?;
        check_instance(&batch.instance)?;
        if batch.seq == 0 || batch.seq > i64::MAX as u64 {
            return Err(ApiError::BadRequest(
                "`seq` must be between 1 and 2^63-1".into(),
            ));
        }
        if batch.auth_log.len() > node::MAX_AUTH_EVENTS {
            return Err(ApiError::BadRequest(format!(
                "{} auth events in one report; the limit is {}",
                batch.auth_log.len(),
                node::MAX_AUTH_EVENTS
            )));
        }
        check_auth_events(&batch.auth_log)?;
        check_seen(&batch.seen)?;
        (
            Some((batch.instance, batch.seq)),
            batch.users,
            batch.seen,
            batch.auth_log,
        )
    } else {
        let users: std::collections::BTreeMap<String, Traffic> = super::extract::parse(&body)?;
        (None, users, Default::default(), Vec::new())
    };
    check_counters(&users)?;
    let ingested = users.values().fold(Traffic::default(), |mut sum, t| {
        sum.add(*t);
        sum
    });
    let Applied {
        ack,
        clocks_started,
    } = {
        let (users, seen, devices) = crate::ingest::fold_devices(users, seen, &auth_log);
        let report = Report {
            server_pk: pk,
            sequence,
            users,
            seen,
            auth_log,
            devices,
            now: s.now(),
        };
        match &s.ingest {
            // Group commit: one fsync for every report that arrived meanwhile.
            Some(ingest) => ingest.apply(report).await?,
            // One transaction per report (several centrals cannot share a group), measured
            // as a group of one so the two backends' metrics read alike.
            None => {
                let started = std::time::Instant::now();
                let applied = s.store.apply_report(report).await;
                s.metrics
                    .report_write_seconds
                    .observe(started.elapsed().as_secs_f64());
                s.metrics.report_group_reports.observe(1.0);
                applied?
            }
        }
    };
    if ack.applied {
        let direction = |d: &str| crate::metrics::DirectionLabels {
            direction: d.into(),
        };
        s.metrics
            .ingested_bytes
            .get_or_create(&direction("tx"))
            .inc_by(ingested.tx);
        s.metrics
            .ingested_bytes
            .get_or_create(&direction("rx"))
            .inc_by(ingested.rx);
    } else {
        s.metrics.duplicate_reports.inc();
    }
    if clocks_started {
        // An on_hold user's expiry now exists: the scheduler must wake for it.
        s.reschedule.notify_one();
    }
    if !ack.unknown_users.is_empty() {
        tracing::warn!(
            unknown = ack.unknown_users.len(),
            "report named users that do not exist; their bytes were counted as unattributed"
        );
    }
    if !ack.applied {
        tracing::debug!(seq = ?ack.seq, "duplicate report acknowledged without counting");
    }
    Ok(axum::Json(ack))
}

/// Devices of this node's device-limited users connected on other nodes
///
/// `{"alice":2}`: what other agents last saw on their Hysteria's `/online` (counts older than
/// three minutes are left out). The agent adds its own `/online` count and refuses a new device
/// at the user's `max_devices`.
#[utoipa::path(get, path = "/devices/{server_id}", tag = "node",
    params(("server_id" = String, Path, description = "the node's server id (its credential)")),
    responses((status = 200, body = std::collections::BTreeMap<String, u64>),
        (status = 404, description = "unknown server id", body = ErrorBody)))]
async fn devices_elsewhere(
    State(s): State<AppState>,
    Path(server_id): Path<String>,
    headers: HeaderMap,
) -> Result<axum::Json<std::collections::BTreeMap<String, u64>>, ApiError> {
    let pk = authenticate(&s, server_id, &headers).await?;
    let now = s.now();
    Ok(axum::Json(s.store.devices_elsewhere(pk, now).await?))
}

/// Report the devices connected on this node
///
/// `{"alice":2}` per device-limited user, as Hysteria's `/online` shows them; replaces this
/// node's previous report. Users not listed have no device here.
#[utoipa::path(post, path = "/devices/{server_id}", tag = "node",
    params(("server_id" = String, Path, description = "the node's server id (its credential)")),
    request_body = std::collections::BTreeMap<String, u64>,
    responses((status = 204, description = "stored"), (status = 400, body = ErrorBody),
        (status = 404, description = "unknown server id", body = ErrorBody)))]
async fn report_devices(
    State(s): State<AppState>,
    Path(server_id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<StatusCode, ApiError> {
    let pk = authenticate(&s, server_id, &headers).await?;
    let counts: std::collections::BTreeMap<String, u64> = super::extract::parse(&body)?;
    if counts.len() > 100_000 {
        return Err(ApiError::BadRequest(
            "at most 100000 users per device report".into(),
        ));
    }
    // Bounded so the sum over every node of a user cannot overflow (it is read by other nodes).
    if let Some((id, n)) = counts.iter().find(|(_, n)| **n > node::MAX_DEVICE_COUNT) {
        return Err(ApiError::BadRequest(format!(
            "{n} devices for {id:?}: at most {} per user and node",
            node::MAX_DEVICE_COUNT
        )));
    }
    let now = s.now();
    s.store.report_devices(pk, counts, now).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Report the live sessions of this media node
///
/// A JSON array of sessions (at most 100000) that replaces this node's previous report: what
/// `hyctl session list --kind stream` shows. Only `stream` servers report them; sessions of
/// ids that name no user are dropped.
#[utoipa::path(post, path = "/sessions/{server_id}", tag = "node",
    params(("server_id" = String, Path, description = "the node's server id (its credential)")),
    request_body = Vec<hy_api::node::NodeSession>,
    responses((status = 204, description = "stored"), (status = 400, body = ErrorBody),
        (status = 404, description = "unknown server id", body = ErrorBody),
        (status = 409, description = "not a stream server", body = ErrorBody)))]
async fn report_sessions(
    State(s): State<AppState>,
    Path(server_id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<StatusCode, ApiError> {
    let (pk, kind) = authenticate_kind(&s, server_id, &headers).await?;
    if kind != ServerKind::Stream {
        return Err(ApiError::Conflict(format!(
            "only stream servers report media sessions; this server is a {kind} server"
        )));
    }
    let sessions: Vec<hy_api::node::NodeSession> = super::extract::parse(&body)?;
    if sessions.len() > node::MAX_NODE_SESSIONS {
        return Err(ApiError::BadRequest(format!(
            "at most {} sessions per report",
            node::MAX_NODE_SESSIONS
        )));
    }
    let mut ids = std::collections::HashSet::with_capacity(sessions.len());
    for x in &sessions {
        if let Some(problem) = x.problem() {
            return Err(ApiError::BadRequest(problem));
        }
        if !ids.insert(x.id.as_str()) {
            return Err(ApiError::BadRequest(format!(
                "session {:.64?} is listed twice",
                x.id
            )));
        }
    }
    let now = s.now();
    s.store.report_streams(pk, sessions, now).await?;
    Ok(StatusCode::NO_CONTENT)
}
