//! The admin pages: overview (with its live numbers), users (search, filter, pages, bulk
//! actions), one user (limits, devices, links, history, logs), servers. Reads come from the
//! store; every change is an admin API call ([`Panel::call`]).

use std::convert::Infallible;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{Method, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use hy_api::devices::{Device, DeviceStatus};
use hy_api::page::PageQuery;
use hy_api::traffic::HistoryBy;
use hy_api::users::{AuthLogEntry, ResetStrategy, User, UserState};
use hy_common::units::bytes;
use serde::Deserialize;
use serde_json::json;

use super::session::{Form, Signed};
use super::{Panel, chart, error_page, redirect, render};

/// Users per page of the list.
const PAGE: u32 = 50;

#[derive(askama::Template)]
#[template(path = "panel/error.html")]
pub struct ErrorPage<'a> {
    pub title: &'a str,
    pub message: &'a str,
}

pub(super) fn unavailable(err: impl std::fmt::Display) -> Response {
    error_page(StatusCode::SERVICE_UNAVAILABLE, &err.to_string())
}

/// `2027-01-01 12:00 UTC`, or `-`.
pub(super) fn when(t: Option<jiff::Timestamp>) -> String {
    t.map_or_else(
        || "-".to_owned(),
        |t| t.strftime("%Y-%m-%d %H:%M UTC").to_string(),
    )
}

/// One figure of the overview, named for the live stream.
#[derive(Debug, Clone)]
pub struct Figure {
    pub key: String,
    pub label: String,
    pub value: String,
}

fn figure(key: &str, label: &str, value: impl ToString) -> Figure {
    Figure {
        key: key.to_owned(),
        label: label.to_owned(),
        value: value.to_string(),
    }
}

/// The overview's figures in groups, and the traffic per day of the last 30 days they sum
/// (the page charts it). Aggregates only: the cost does not grow with each user's activity,
/// only with the tables' sizes.
type Figures = (
    Vec<(&'static str, Vec<Figure>)>,
    Vec<hy_api::traffic::HistoryPoint>,
);

async fn figures(p: &Panel) -> Result<Figures, crate::db::DbError> {
    let now = p.app.now();
    let (users, servers) = p.app.store.fleet_counts(now).await?;
    let counts = p.app.store.scrape_counts(now).await?;
    let day = p
        .app
        .store
        .history(None, now - 86_400, now, HistoryBy::Hour)
        .await?;
    let month = p
        .app
        .store
        .history(None, now - 30 * 86_400, now, HistoryBy::Day)
        .await?;
    let versions = p.app.store.node_versions().await?;
    let total = |points: &[hy_api::traffic::HistoryPoint]| {
        points
            .iter()
            .map(|h| h.tx.saturating_add(h.rx))
            .sum::<u64>()
    };
    let mut users = users;
    let order = ["active", "limited", "expired", "on_hold", "disabled"];
    users.sort_by_key(|(state, _)| order.iter().position(|o| *o == state.as_str()));
    let users = users
        .iter()
        .map(|(state, n)| figure(&format!("users.{}", state.as_str()), state.as_str(), n))
        .collect();
    let nodes = servers
        .iter()
        .map(|(class, n)| figure(&format!("servers.{class}"), class, n))
        .collect();
    // Every state, so one that empties reads 0 rather than vanishing.
    let devices = ["active", "blocked", "expired", "not_yet_valid"]
        .into_iter()
        .map(|state| {
            let n = counts
                .devices
                .iter()
                .find(|(s, _)| s == state)
                .map_or(0, |(_, n)| *n);
            figure(&format!("devices.{state}"), state, n)
        })
        .collect();
    let groups = vec![
        ("Users", users),
        (
            "Traffic",
            vec![
                figure("traffic.day", "last 24 hours", bytes(total(&day))),
                figure("traffic.month", "last 30 days", bytes(total(&month))),
            ],
        ),
        (
            "Connected now",
            vec![figure(
                "connections",
                "connections on every node (devices online now)",
                counts.connections,
            )],
        ),
        ("Nodes by last contact", nodes),
        (
            "Nodes by agent version",
            versions
                .iter()
                .map(|(v, n, _)| {
                    let v = v.as_deref().unwrap_or("none seen");
                    figure(&format!("versions.{v}"), v, n)
                })
                .chain(std::iter::once(figure(
                    "lists.behind",
                    "with an older list than central's",
                    versions.iter().map(|(_, _, behind)| behind).sum::<i64>(),
                )))
                .collect(),
        ),
        ("Devices", devices),
    ];
    Ok((groups, month))
}

#[derive(askama::Template)]
#[template(path = "panel/overview.html")]
struct Overview<'a> {
    who: &'a Signed,
    groups: Vec<(&'static str, Vec<Figure>)>,
    chart: String,
    per_server: String,
    refusals: Vec<(String, usize)>,
}

pub async fn overview(State(p): State<Panel>, who: Signed) -> Response {
    let (groups, month) = match figures(&p).await {
        Ok(f) => f,
        Err(e) => return unavailable(e),
    };
    let now = p.app.now();
    let per_server = p
        .app
        .store
        .history(None, now - 30 * 86_400, now, HistoryBy::Server)
        .await
        .unwrap_or_default();
    let refusals = p
        .app
        .store
        .auth_log(crate::db::auth_log::Filter {
            user: None,
            refused: true,
            since: now - 86_400,
            limit: 1000,
            before: None,
        })
        .await
        .map(|(entries, _)| refusal_counts(&entries))
        .unwrap_or_default();
    render(&Overview {
        who: &who,
        groups,
        chart: chart::bars("Traffic per day, last 30 days", &month),
        per_server: chart::per_server("Traffic per server, last 30 days", &per_server),
        refusals,
    })
}

fn refusal_counts(entries: &[AuthLogEntry]) -> Vec<(String, usize)> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for e in entries {
        match counts.iter_mut().find(|(r, _)| *r == e.reason) {
            Some((_, n)) => *n += 1,
            None => counts.push((e.reason.clone(), 1)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    counts
}

/// The overview's figures as server-sent events, every two seconds while the page is open:
/// `panel.js` writes each into the element of the same `data-live` key.
pub async fn live(
    State(p): State<Panel>,
    _: Signed,
) -> Sse<impl futures_util::Stream<Item = Result<Event, Infallible>>> {
    let stream = futures_util::stream::unfold((p, true), |(p, first)| async move {
        if !first {
            tokio::time::sleep(Duration::from_secs(2)).await;
        }
        let data = match figures(&p).await {
            Ok((groups, _)) => {
                let map: serde_json::Map<String, serde_json::Value> = groups
                    .into_iter()
                    .flat_map(|(_, f)| f)
                    .map(|f| (f.key, serde_json::Value::String(f.value)))
                    .collect();
                serde_json::Value::Object(map).to_string()
            }
            Err(_) => "{}".to_owned(),
        };
        Some((Ok(Event::default().event("figures").data(data)), (p, false)))
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

#[derive(Debug, Deserialize)]
pub struct UsersQuery {
    q: Option<String>,
    state: Option<String>,
    after: Option<String>,
    sort: Option<String>,
    offset: Option<u32>,
}

/// A user's row in the list.
struct Row {
    id: String,
    state: &'static str,
    usage: String,
    expires: String,
    traffic: String,
}

#[derive(askama::Template)]
#[template(path = "panel/users.html")]
struct Users<'a> {
    who: &'a Signed,
    q: &'a str,
    state: &'a str,
    states: [&'static str; 5],
    rows: Vec<Row>,
    /// The next page's query string.
    next: Option<String>,
    sort: &'a str,
    sorts: Vec<(&'static str, &'static str)>,
    servers: Vec<String>,
    notice: Option<String>,
}

fn usage(u: &User) -> String {
    if u.data_limit == 0 {
        format!("{} of unlimited", bytes(u.period_used))
    } else {
        format!("{} of {}", bytes(u.period_used), bytes(u.data_limit))
    }
}

/// The named servers a bulk assignment may pick, by name: ids are credentials and stay out of
/// pages (an unnamed server is named first, on the servers page).
async fn server_choices(p: &Panel) -> Vec<String> {
    p.app
        .store
        .servers(PageQuery {
            limit: Some(1000),
            ..Default::default()
        })
        .await
        .map(|(servers, _)| servers.into_iter().filter_map(|s| s.name).collect())
        .unwrap_or_default()
}

/// The id of the server named `name`.
async fn server_named(p: &Panel, name: &str) -> Result<String, String> {
    let (servers, _) = p
        .app
        .store
        .servers(PageQuery {
            limit: Some(1000),
            q: Some(name.to_owned()),
            ..Default::default()
        })
        .await
        .map_err(|e| e.to_string())?;
    servers
        .into_iter()
        .find(|s| s.name.as_deref() == Some(name))
        .map(|s| s.id)
        .ok_or_else(|| {
            format!("No server is named {name:?}; name a server on the servers page first.")
        })
}

pub async fn users(State(p): State<Panel>, who: Signed, Query(q): Query<UsersQuery>) -> Response {
    users_page(&p, &who, &q, None).await
}

async fn users_page(p: &Panel, who: &Signed, q: &UsersQuery, notice: Option<String>) -> Response {
    let text = q.q.as_deref().map(str::trim).unwrap_or_default();
    let state_name = q.state.as_deref().unwrap_or_default();
    let state = match state_name {
        "" => None,
        s => match serde_json::from_value::<UserState>(json!(s)) {
            Ok(st) => Some(st),
            Err(_) => {
                return error_page(StatusCode::BAD_REQUEST, &format!("Unknown state {s:?}."));
            }
        },
    };
    let search = (!text.is_empty()).then(|| text.to_owned());
    let sort_name = q.sort.as_deref().unwrap_or_default();
    let sort = match sort_name {
        "" | "id" => None,
        s => match crate::db::users::UserSort::parse(s) {
            Some(sort) => Some(sort),
            None => {
                return error_page(StatusCode::BAD_REQUEST, &format!("Unknown order {s:?}."));
            }
        },
    };
    let enc = |s: &str| form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
    let base = format!(
        "q={}&state={}&sort={}",
        enc(text),
        enc(state_name),
        enc(sort_name)
    );
    let now = p.app.now();
    let (found, next) = match sort {
        // Id order pages by cursor: as fast on the last page as on the first.
        None => {
            let page = PageQuery {
                limit: Some(PAGE),
                after: q.after.clone().filter(|a| !a.is_empty()),
                q: search,
            };
            match p.app.store.users(now, state, page).await {
                Ok((found, next)) => (found, next.map(|n| format!("{base}&after={}", enc(&n)))),
                Err(e) => return unavailable(e),
            }
        }
        Some(sort) => {
            let offset = q.offset.unwrap_or(0);
            match p
                .app
                .store
                .users_sorted(now, state, search, sort, offset, PAGE + 1)
                .await
            {
                Ok(mut found) => {
                    let more = found.len() > PAGE as usize;
                    found.truncate(PAGE as usize);
                    let next = more.then(|| format!("{base}&offset={}", offset + PAGE));
                    (found, next)
                }
                Err(e) => return unavailable(e),
            }
        }
    };
    let rows = found
        .iter()
        .map(|u| Row {
            id: u.id.clone(),
            state: u.state.as_str(),
            usage: usage(u),
            expires: when(u.expires_at),
            traffic: bytes(u.traffic.total()),
        })
        .collect();
    render(&Users {
        who,
        q: text,
        state: state_name,
        states: ["active", "disabled", "expired", "limited", "on_hold"],
        rows,
        next,
        sort: sort_name,
        sorts: crate::db::users::UserSort::ALL
            .iter()
            .map(|(_, name, label)| (*name, *label))
            .collect(),
        servers: server_choices(p).await,
        notice,
    })
}

#[derive(askama::Template)]
#[template(path = "panel/confirm.html")]
struct Confirm<'a> {
    who: &'a Signed,
    what: String,
    fields: Vec<(String, String)>,
    users: Vec<String>,
}

/// What a bulk action's value field holds, checked before anything changes.
#[derive(Debug, Clone)]
enum BulkValue {
    None,
    Days(i64),
    Bytes(u64),
    Server(String),
}

fn bulk_value(action: &str, value: &str) -> Result<BulkValue, String> {
    Ok(match action {
        "enable" | "disable" | "reset" => BulkValue::None,
        "extend" => BulkValue::Days(
            value
                .parse()
                .ok()
                .filter(|d| (1..=3650).contains(d))
                .ok_or("Give the days to extend by, 1 to 3650.")?,
        ),
        "add_traffic" => match hy_common::units::size(value) {
            Ok(0) => return Err("Give the traffic to add, e.g. 10GiB.".into()),
            Ok(n) => BulkValue::Bytes(n),
            Err(e) => return Err(format!("Traffic to add: {e}")),
        },
        "assign" | "unassign" if value.is_empty() => {
            return Err("Give the name of the server.".into());
        }
        // Resolved to its id by the caller.
        "assign" | "unassign" => BulkValue::Server(value.to_owned()),
        other => return Err(format!("Unknown action {other:?}.")),
    })
}

/// One bulk action on a user: the API call it makes, or none when it does not apply (an
/// expiry to extend on a user who never expires, traffic to add to an unlimited one).
fn bulk_call(
    action: &str,
    value: &BulkValue,
    user: &User,
    now: i64,
) -> Option<(Method, String, Option<serde_json::Value>)> {
    let path = format!("/admin/users/{}", path_part(&user.id));
    Some(match (action, value) {
        ("enable", _) => (Method::PATCH, path, Some(json!({"enabled": true}))),
        ("disable", _) => (Method::PATCH, path, Some(json!({"enabled": false}))),
        ("reset", _) => (Method::POST, format!("{path}/reset"), None),
        (_, BulkValue::Days(days)) => {
            // From the current expiry, or from now for a user already expired.
            let from = user.expires_at?.as_second().max(now);
            let to = jiff::Timestamp::from_second(from + days * 86_400).ok()?;
            (Method::PATCH, path, Some(json!({"expires_at": to})))
        }
        (_, BulkValue::Bytes(add)) => {
            if user.data_limit == 0 {
                return None;
            }
            let limit = user.data_limit.saturating_add(*add);
            (Method::PATCH, path, Some(json!({"data_limit": limit})))
        }
        ("assign", BulkValue::Server(server)) => (
            Method::POST,
            format!("/admin/servers/{server}/users"),
            Some(json!({"id": user.id})),
        ),
        (_, BulkValue::Server(server)) => (
            Method::DELETE,
            format!("/admin/servers/{server}/users/{}", path_part(&user.id)),
            None,
        ),
        _ => return None,
    })
}

fn describe(action: &str, value: &str, n: usize) -> String {
    let users = if n == 1 {
        "1 user".to_owned()
    } else {
        format!("{n} users")
    };
    match action {
        "enable" => format!("Enable {users}"),
        "disable" => format!("Disable {users}"),
        "reset" => format!("Reset the usage of {users}"),
        "extend" => format!("Extend the expiry of {users} by {value} days"),
        "add_traffic" => format!("Add {value} to the data limit of {users}"),
        "assign" => format!("Assign {users} to server {value}"),
        "unassign" => format!("Remove {users} from server {value}"),
        _ => format!("Change {users}"),
    }
}

/// Bulk actions on a selection: first a page that says how many users change, then (with
/// `confirm`) the changes, each an API call.
pub async fn bulk(State(p): State<Panel>, who: Signed, body: Bytes) -> Response {
    let form = Form::parse(&body);
    if let Err(refused) = who.check(&form) {
        return refused.into_response();
    }
    let action = form.get("action").unwrap_or_default().to_owned();
    let value = form.get("value").unwrap_or_default().trim().to_owned();
    let selected = form.all("user");
    if selected.is_empty() {
        return error_page(StatusCode::BAD_REQUEST, "Select at least one user.");
    }
    if selected.len() > 1000 {
        return error_page(
            StatusCode::BAD_REQUEST,
            "At most 1,000 users at once; narrow the selection.",
        );
    }
    let what = describe(&action, &value, selected.len());
    let parsed = match bulk_value(&action, &value) {
        Ok(BulkValue::Server(name)) => match server_named(&p, &name).await {
            Ok(id) => BulkValue::Server(id),
            Err(m) => return error_page(StatusCode::BAD_REQUEST, &m),
        },
        Ok(v) => v,
        Err(m) => return error_page(StatusCode::BAD_REQUEST, &m),
    };
    if form.get("confirm") != Some("yes") {
        return render(&Confirm {
            who: &who,
            what,
            fields: vec![("action".into(), action), ("value".into(), value)],
            users: selected,
        });
    }
    let now = p.app.now();
    let (mut changed, mut skipped, mut failed) = (0, 0, Vec::new());
    for id in &selected {
        let user = match p.app.store.user(id.clone(), now).await {
            Ok(u) => u,
            Err(e) => {
                failed.push(format!("{id}: {e}"));
                continue;
            }
        };
        let Some((method, path, body)) = bulk_call(&action, &parsed, &user, now) else {
            skipped += 1;
            continue;
        };
        match p.call(&who, method, &path, body).await {
            Ok(_) => changed += 1,
            // A role that may not: nothing else would pass either.
            Err(f) if f.status == StatusCode::FORBIDDEN => return f.into_response(),
            Err(f) => failed.push(format!("{id}: {}", f.message)),
        }
    }
    let mut notice = format!("{what}: {changed} changed");
    if skipped > 0 {
        notice.push_str(&format!(
            ", {skipped} left as they were (no expiry, or no data limit)"
        ));
    }
    if !failed.is_empty() {
        notice.push_str(&format!(", {} failed: {}", failed.len(), failed.join("; ")));
    }
    let all = UsersQuery {
        q: None,
        state: None,
        after: None,
        sort: None,
        offset: None,
    };
    users_page(&p, &who, &all, Some(notice)).await
}

#[derive(askama::Template)]
#[template(path = "panel/new_user.html")]
struct NewUser<'a> {
    who: &'a Signed,
    error: Option<String>,
    id: String,
    data_limit: String,
    expires: String,
    note: String,
}

pub async fn new_user_form(who: Signed) -> Response {
    render(&NewUser {
        who: &who,
        error: None,
        id: String::new(),
        data_limit: String::new(),
        expires: String::new(),
        note: String::new(),
    })
}

/// A limit field of a form, as the API takes it: sizes like `50GiB`, dates like
/// `2027-01-01`; empty leaves it out.
fn limits_from(form: &Form) -> Result<serde_json::Map<String, serde_json::Value>, String> {
    let mut out = serde_json::Map::new();
    if let Some(v) = form.get("data_limit").map(str::trim) {
        let v = if v.is_empty() { "0" } else { v };
        let limit = hy_common::units::size(v).map_err(|e| format!("Data limit: {e}"))?;
        out.insert("data_limit".into(), json!(limit));
    }
    if let Some(v) = form.get("expires_at").map(str::trim) {
        let v = if v.is_empty() { "never" } else { v };
        let at = hy_common::units::expiry(v).map_err(|e| format!("Expiry: {e}"))?;
        out.insert("expires_at".into(), json!(at));
    }
    if let Some(v) = form.get("reset_strategy").map(str::trim) {
        // Passed as the API names it; the API says what the names are.
        out.insert("reset_strategy".into(), json!(v));
    }
    if let Some(v) = form.get("expire_after").map(str::trim) {
        let secs = if v.is_empty() {
            serde_json::Value::Null
        } else {
            let d = hy_common::units::duration(v)
                .map_err(|e| format!("Expire after first connection: {e}"))?;
            json!(d.as_secs())
        };
        out.insert("expire_after".into(), secs);
    }
    if let Some(v) = form.get("max_devices").map(str::trim) {
        let v = if v.is_empty() { "0" } else { v };
        let n: u32 = v
            .parse()
            .map_err(|_| format!("Device limit: {v:?} is not a whole number (0 for none)"))?;
        out.insert("max_devices".into(), json!(n));
    }
    if let Some(v) = form.get("allowed_ips") {
        let ips: Vec<&str> = v
            .split([',', '\n', ' '])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        out.insert("allowed_ips".into(), json!(ips));
    }
    for text in ["note", "email", "display_name"] {
        if let Some(v) = form.get(text) {
            out.insert(text.into(), json!(v.trim()));
        }
    }
    if let Some(v) = form.get("telegram_id").map(str::trim) {
        let id = if v.is_empty() {
            serde_json::Value::Null
        } else {
            json!(
                v.parse::<i64>()
                    .map_err(|_| format!("Telegram id: {v:?} is not a number"))?
            )
        };
        out.insert("telegram_id".into(), id);
    }
    if form.get("enabled_present").is_some() {
        out.insert("enabled".into(), json!(form.get("enabled") == Some("on")));
    }
    Ok(out)
}

pub async fn create_user(State(p): State<Panel>, who: Signed, body: Bytes) -> Response {
    let form = Form::parse(&body);
    if let Err(refused) = who.check(&form) {
        return refused.into_response();
    }
    let id = form.get("id").unwrap_or_default().trim().to_owned();
    let again = |error: String, status: StatusCode| {
        let mut resp = render(&NewUser {
            who: &who,
            error: Some(error),
            id: id.clone(),
            data_limit: form.get("data_limit").unwrap_or_default().to_owned(),
            expires: form.get("expires_at").unwrap_or_default().to_owned(),
            note: form.get("note").unwrap_or_default().to_owned(),
        });
        *resp.status_mut() = status;
        resp
    };
    let mut body = match limits_from(&form) {
        Ok(b) => b,
        Err(m) => return again(m, StatusCode::BAD_REQUEST),
    };
    body.insert("id".into(), json!(id));
    match p
        .call(
            &who,
            Method::POST,
            "/admin/users",
            Some(serde_json::Value::Object(body)),
        )
        .await
    {
        Ok(_) => redirect(&format!("/panel/users/{}", path_part(&id))),
        Err(f) if f.status == StatusCode::FORBIDDEN => f.into_response(),
        Err(f) => again(f.message, f.status),
    }
}

/// A path segment, percent-encoded.
pub(super) fn path_part(s: &str) -> String {
    percent_encoding::utf8_percent_encode(s, percent_encoding::NON_ALPHANUMERIC).to_string()
}

#[derive(askama::Template)]
#[template(path = "panel/user.html")]
struct UserPage<'a> {
    who: &'a Signed,
    u: &'a User,
    secret: String,
    revealed: bool,
    usage: String,
    percent: u64,
    limit_value: String,
    expires_value: String,
    expire_after_value: String,
    strategies: Vec<&'static str>,
    devices: Vec<Device>,
    links: Vec<(String, String, String)>,
    sub: Option<(String, String)>,
    chart: String,
    log: Vec<AuthLogEntry>,
    audit: Vec<hy_api::admins::AuditEntry>,
    error: Option<String>,
    notice: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct UserQuery {
    reveal: Option<String>,
    saved: Option<String>,
    by: Option<String>,
}

/// A user's traffic chart: per hour for two days, per day for 30 (the default), or per server
/// over 30 days.
async fn history_chart(p: &Panel, id: &str, by: &str, now: i64) -> String {
    let history = |since, by| p.app.store.history(Some(id.to_owned()), since, now, by);
    match by {
        "hour" => chart::bars(
            "Traffic per hour, last 48 hours",
            &history(now - 2 * 86_400, HistoryBy::Hour)
                .await
                .unwrap_or_default(),
        ),
        "server" => chart::per_server(
            "Traffic per server, last 30 days",
            &history(now - 30 * 86_400, HistoryBy::Server)
                .await
                .unwrap_or_default(),
        ),
        _ => chart::bars(
            "Traffic per day, last 30 days",
            &history(now - 30 * 86_400, HistoryBy::Day)
                .await
                .unwrap_or_default(),
        ),
    }
}

/// A size as the limits form shows it: in the largest binary unit that says it exactly (so
/// saving the form unchanged keeps it to the byte), empty for none.
fn exact_size(n: u64) -> String {
    if n == 0 {
        return String::new();
    }
    for (shift, unit) in [(40, "TiB"), (30, "GiB"), (20, "MiB"), (10, "KiB")] {
        if n.is_multiple_of(1 << shift) {
            return format!("{}{unit}", n >> shift);
        }
    }
    n.to_string()
}

/// How much of `limit` `used` is, 0 to 100 (0 without a limit).
pub(super) fn percent(used: u64, limit: u64) -> u64 {
    used.saturating_mul(100)
        .checked_div(limit)
        .map_or(0, |p| p.min(100))
}

fn masked(secret: &str) -> String {
    let shown: String = secret.chars().take(4).collect();
    format!("{shown}{}", "•".repeat(12))
}

pub(super) fn qr_svg(text: &str) -> String {
    match qrcode::QrCode::new(text.as_bytes()) {
        Ok(code) => code
            .render::<qrcode::render::svg::Color<'_>>()
            .min_dimensions(160, 160)
            .quiet_zone(true)
            .build(),
        Err(_) => String::new(),
    }
}

/// How a user's page is shown: secrets revealed or not, the chart's grouping, a message.
#[derive(Debug, Default)]
struct View<'a> {
    revealed: bool,
    by: &'a str,
    error: Option<String>,
    notice: Option<String>,
}

impl View<'_> {
    fn error(message: String) -> Self {
        Self {
            error: Some(message),
            ..Self::default()
        }
    }
}

async fn user_page(
    p: &Panel,
    who: &Signed,
    id: &str,
    view: View<'_>,
    headers: &axum::http::HeaderMap,
) -> Response {
    let View {
        revealed,
        by,
        error,
        notice,
    } = view;
    let now = p.app.now();
    let u = match p.app.store.user(id.to_owned(), now).await {
        Ok(u) => u,
        Err(crate::db::DbError::NotFound { .. }) => {
            return error_page(StatusCode::NOT_FOUND, &format!("No user {id:?}."));
        }
        Err(e) => return unavailable(e),
    };
    let devices = p
        .app
        .store
        .devices(id.to_owned(), now)
        .await
        .unwrap_or_default();
    let links = match p.app.store.user_links(id.to_owned(), now).await {
        Ok((user, servers)) => servers
            .into_iter()
            .filter_map(|(server_id, name, link)| {
                let label = name
                    .clone()
                    .or_else(|| link.host.clone())
                    .unwrap_or_default();
                let uri = hy_api::uri::build(user.secret.expose(), &link, &label)?;
                let qr = if revealed {
                    qr_svg(&uri)
                } else {
                    String::new()
                };
                Some((name.unwrap_or(server_id), uri, qr))
            })
            .collect(),
        Err(_) => Vec::new(),
    };
    let sub = match p
        .app
        .store
        .subscription(
            id.to_owned(),
            hy_common::random::token(crate::http::sub::TOKEN_LEN),
        )
        .await
    {
        Ok(state) => state.token.map(|t| {
            let url = format!("{}/sub/{t}", crate::http::sub::base(&p.app, headers));
            let qr = if revealed {
                qr_svg(&url)
            } else {
                String::new()
            };
            (url, qr)
        }),
        Err(_) => None,
    };
    let chart = history_chart(p, id, by, now).await;
    let log = p
        .app
        .store
        .auth_log(crate::db::auth_log::Filter {
            user: Some(id.to_owned()),
            refused: false,
            since: 0,
            limit: 20,
            before: None,
        })
        .await
        .map(|(e, _)| e)
        .unwrap_or_default();
    let audit = p
        .app
        .store
        .audit_log(crate::db::audit::Filter {
            since: 0,
            actor: None,
            path: Some(format!("/admin/users/{id}")),
            before: None,
            limit: 200,
        })
        .await
        .unwrap_or_default()
        .into_iter()
        // The store matches paths by substring: `/admin/users/al` would find alice's too.
        .filter(|e| {
            let own = format!("/admin/users/{id}");
            e.path == own || e.path.starts_with(&format!("{own}/"))
        })
        .take(20)
        .collect();
    let percent = percent(u.period_used, u.data_limit);
    render(&UserPage {
        who,
        secret: if revealed {
            u.secret.expose().to_owned()
        } else {
            masked(u.secret.expose())
        },
        revealed,
        usage: usage(&u),
        percent,
        limit_value: exact_size(u.data_limit),
        expires_value: u.expires_at.map(|t| t.to_string()).unwrap_or_default(),
        expire_after_value: u.expire_after.map(|s| format!("{s}s")).unwrap_or_default(),
        strategies: [
            ResetStrategy::None,
            ResetStrategy::Day,
            ResetStrategy::Week,
            ResetStrategy::Month,
            ResetStrategy::MonthRolling,
            ResetStrategy::Year,
        ]
        .iter()
        .map(|r| r.as_str())
        .collect(),
        u: &u,
        devices,
        links,
        sub,
        chart,
        log,
        audit,
        error,
        notice,
    })
}

pub async fn user(
    State(p): State<Panel>,
    who: Signed,
    Path(id): Path<String>,
    Query(q): Query<UserQuery>,
    headers: axum::http::HeaderMap,
) -> Response {
    let notice = q.saved.map(|_| "Saved.".to_owned());
    user_page(
        &p,
        &who,
        &id,
        View {
            revealed: q.reveal.is_some(),
            by: q.by.as_deref().unwrap_or("day"),
            error: None,
            notice,
        },
        &headers,
    )
    .await
}

/// Saves the limits form, or one of the user's actions (`do`): reset usage, rotate the
/// secret, end sessions, delete.
pub async fn update_user(
    State(p): State<Panel>,
    who: Signed,
    Path(id): Path<String>,
    headers: axum::http::HeaderMap,
    body: Bytes,
) -> Response {
    let form = Form::parse(&body);
    if let Err(refused) = who.check(&form) {
        return refused.into_response();
    }
    let path = format!("/admin/users/{}", path_part(&id));
    let call = match form.get("do").unwrap_or("save") {
        "save" => match limits_from(&form) {
            Ok(body) => (Method::PATCH, path, Some(serde_json::Value::Object(body))),
            Err(m) => {
                let mut resp = user_page(&p, &who, &id, View::error(m), &headers).await;
                *resp.status_mut() = StatusCode::BAD_REQUEST;
                return resp;
            }
        },
        "reset" => (Method::POST, format!("{path}/reset"), None),
        "rotate" => (Method::POST, format!("{path}/secret"), None),
        "kick" => (
            Method::POST,
            "/admin/sessions/kill".to_owned(),
            Some(json!({"user": id})),
        ),
        "delete" => (Method::DELETE, path, None),
        other => {
            return error_page(
                StatusCode::BAD_REQUEST,
                &format!("Unknown action {other:?}."),
            );
        }
    };
    let deleting = call.0 == Method::DELETE;
    match p.call(&who, call.0, &call.1, call.2).await {
        Ok(_) if deleting => redirect("/panel/users"),
        Ok(_) => redirect(&format!("/panel/users/{}?saved=1", path_part(&id))),
        Err(f) if f.status == StatusCode::FORBIDDEN || f.status == StatusCode::NOT_FOUND => {
            f.into_response()
        }
        Err(f) => {
            let mut resp = user_page(&p, &who, &id, View::error(f.message), &headers).await;
            *resp.status_mut() = f.status;
            resp
        }
    }
}

/// A device's actions: block, unblock, end its sessions, remove; or add a device.
pub async fn device_action(
    State(p): State<Panel>,
    who: Signed,
    Path(id): Path<String>,
    headers: axum::http::HeaderMap,
    body: Bytes,
) -> Response {
    let form = Form::parse(&body);
    if let Err(refused) = who.check(&form) {
        return refused.into_response();
    }
    let name = form.get("device").unwrap_or_default().trim().to_owned();
    let user = path_part(&id);
    let device = path_part(&name);
    let (method, path, body) = match form.get("do").unwrap_or_default() {
        "block" | "unblock" => {
            let status = if form.get("do") == Some("block") {
                DeviceStatus::Blocked
            } else {
                DeviceStatus::Active
            };
            (
                Method::PATCH,
                format!("/admin/users/{user}/devices/{device}"),
                Some(json!({ "status": status })),
            )
        }
        "kick" => (
            Method::POST,
            "/admin/sessions/kill".to_owned(),
            Some(json!({"user": id, "device": name})),
        ),
        "remove" => (
            Method::DELETE,
            format!("/admin/users/{user}/devices/{device}"),
            None,
        ),
        "add" => (
            Method::POST,
            format!("/admin/users/{user}/devices"),
            Some(json!({ "name": name })),
        ),
        other => {
            return error_page(
                StatusCode::BAD_REQUEST,
                &format!("Unknown action {other:?}."),
            );
        }
    };
    match p.call(&who, method, &path, body).await {
        Ok(_) => redirect(&format!("/panel/users/{user}?saved=1")),
        Err(f) if f.status == StatusCode::FORBIDDEN => f.into_response(),
        Err(f) => {
            let mut resp = user_page(&p, &who, &id, View::error(f.message), &headers).await;
            *resp.status_mut() = f.status;
            resp
        }
    }
}

/// Template filters: `{{ n|bytes }}` is `1.5 GiB`, `{{ secs|duration }}` is `1h 5m`.
pub(super) mod filters {
    #[askama::filter_fn]
    pub fn bytes<T: std::borrow::Borrow<u64>>(
        n: T,
        _: &dyn askama::Values,
    ) -> askama::Result<String> {
        Ok(hy_common::units::bytes(*n.borrow()))
    }

    #[askama::filter_fn]
    pub fn duration<T: std::borrow::Borrow<u64>>(
        secs: T,
        _: &dyn askama::Values,
    ) -> askama::Result<String> {
        let secs = *secs.borrow();
        let (h, m) = (secs / 3600, secs % 3600 / 60);
        Ok(match (h, m) {
            (0, 0) => format!("{secs}s"),
            (0, m) => format!("{m}m"),
            (h, m) => format!("{h}h {m}m"),
        })
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn sizes_in_the_form_read_back_to_the_byte() {
        for n in [
            1u64,
            1023,
            1024,
            1536,
            10 << 30,
            (1 << 40) + (1 << 30),
            3 << 40,
        ] {
            let shown = super::exact_size(n);
            assert_eq!(hy_common::units::size(&shown).unwrap(), n, "{shown}");
        }
        assert_eq!(super::exact_size(20 << 30), "20GiB");
        assert_eq!(super::exact_size(0), "");
    }
}
