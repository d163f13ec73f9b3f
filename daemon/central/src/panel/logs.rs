//! The record pages: the auth log (what nodes admitted and refused), the audit trail (what
//! admins changed), and who is connected now, with a way to end their sessions.

use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Response};
use hy_api::users::{AuthLogEntry, OnlineSession};
use serde::Deserialize;
use serde_json::json;

use super::pages::unavailable;
use super::session::{Form, Signed};
use super::{Panel, error_page, redirect, render};

/// Entries per page of either log.
const PAGE: u32 = 100;

#[derive(Debug, Default, Deserialize)]
pub struct LogQuery {
    user: Option<String>,
    refused: Option<String>,
    before: Option<String>,
}

#[derive(askama::Template)]
#[template(path = "panel/log.html")]
struct Log<'a> {
    who: &'a Signed,
    user: &'a str,
    refused: bool,
    entries: Vec<AuthLogEntry>,
    next: Option<String>,
}

pub async fn auth_log(State(p): State<Panel>, who: Signed, Query(q): Query<LogQuery>) -> Response {
    let user = q.user.as_deref().map(str::trim).unwrap_or_default();
    if !user.is_empty() && hy_api::validate::user_id(user).is_err() {
        return error_page(
            StatusCode::BAD_REQUEST,
            &format!("{user:?} is not a user id."),
        );
    }
    let before = match q.before.as_deref().filter(|b| !b.is_empty()) {
        None => None,
        Some(b) => match crate::db::auth_log::Cursor::parse(b) {
            Some(c) => Some(c),
            None => return error_page(StatusCode::BAD_REQUEST, "That page does not exist."),
        },
    };
    let refused = q.refused.is_some_and(|r| r == "on" || r == "1");
    let found = p
        .app
        .store
        .auth_log(crate::db::auth_log::Filter {
            user: (!user.is_empty()).then(|| user.to_owned()),
            refused,
            since: 0,
            limit: PAGE,
            before,
        })
        .await;
    let (entries, next) = match found {
        Ok(f) => f,
        Err(e) => return unavailable(e),
    };
    render(&Log {
        who: &who,
        user,
        refused,
        entries,
        next: next.map(|c| c.to_string()),
    })
}

#[derive(Debug, Default, Deserialize)]
pub struct AuditQuery {
    actor: Option<String>,
    path: Option<String>,
    before: Option<i64>,
}

/// An audit entry as the page shows it: a change to a server names the route, not the path,
/// whose id is that node's credential.
struct AuditRow {
    at: String,
    actor: String,
    addr: String,
    what: String,
    status: u16,
    change: String,
}

#[derive(askama::Template)]
#[template(path = "panel/audit.html")]
struct Audit<'a> {
    who: &'a Signed,
    actor: &'a str,
    path: &'a str,
    rows: Vec<AuditRow>,
    next: Option<i64>,
}

pub async fn audit(State(p): State<Panel>, who: Signed, Query(q): Query<AuditQuery>) -> Response {
    let actor = q.actor.as_deref().map(str::trim).unwrap_or_default();
    let path = q.path.as_deref().map(str::trim).unwrap_or_default();
    let found = p
        .app
        .store
        .audit_log(crate::db::audit::Filter {
            since: 0,
            actor: (!actor.is_empty()).then(|| actor.to_owned()),
            path: (!path.is_empty()).then(|| path.to_owned()),
            before: q.before,
            limit: i64::from(PAGE),
        })
        .await;
    let entries = match found {
        Ok(e) => e,
        Err(e) => return unavailable(e),
    };
    let next = (entries.len() == PAGE as usize)
        .then(|| entries.last().map(|e| e.id))
        .flatten();
    let rows = entries
        .into_iter()
        .map(|e| {
            let server = e.route.starts_with("/admin/servers");
            let shown = if server { &e.route } else { &e.path };
            let show = |v: &Option<serde_json::Value>| {
                v.as_ref().map(|v| {
                    let mut v = v.clone();
                    if server {
                        without_ids(&mut v);
                    }
                    v.to_string()
                })
            };
            let change = match (show(&e.before), show(&e.after)) {
                (Some(b), Some(a)) => format!("{b} → {a}"),
                (None, Some(a)) => a,
                _ => show(&e.request).unwrap_or_default(),
            };
            AuditRow {
                at: super::pages::when(Some(e.at)),
                actor: e.actor,
                addr: e.addr.unwrap_or_default(),
                what: format!("{} {shown}", e.method),
                status: e.status,
                change,
            }
        })
        .collect();
    render(&Audit {
        who: &who,
        actor,
        path,
        rows,
        next,
    })
}

/// Drops every server id (a node's credential) from a recorded server change.
fn without_ids(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(map) => {
            map.remove("id");
            map.remove("server_id");
            map.values_mut().for_each(without_ids);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(without_ids),
        _ => {}
    }
}

use super::pages::filters;

#[derive(askama::Template)]
#[template(path = "panel/sessions.html")]
struct Sessions<'a> {
    who: &'a Signed,
    sessions: Vec<OnlineSession>,
    notice: Option<&'a str>,
}

#[derive(Debug, Default, Deserialize)]
pub struct SessionsQuery {
    ended: Option<String>,
}

pub async fn sessions(
    State(p): State<Panel>,
    who: Signed,
    Query(q): Query<SessionsQuery>,
) -> Response {
    let now = p.app.now();
    match p.app.store.sessions(now, None, None, None).await {
        Ok(sessions) => render(&Sessions {
            who: &who,
            sessions,
            notice: q
                .ended
                .is_some()
                .then_some("Asked every node to end those sessions."),
        }),
        Err(e) => unavailable(e),
    }
}

/// Ends a user's (or one device's) sessions on every node.
pub async fn kill(State(p): State<Panel>, who: Signed, body: Bytes) -> Response {
    let form = Form::parse(&body);
    if let Err(refused) = who.check(&form) {
        return refused.into_response();
    }
    let mut req = json!({ "user": form.get("user").unwrap_or_default() });
    if let Some(d) = form.get("device").filter(|d| !d.is_empty()) {
        req["device"] = json!(d);
    }
    match p
        .call(&who, Method::POST, "/admin/sessions/kill", Some(req))
        .await
    {
        Ok(_) => redirect("/panel/sessions?ended=1"),
        Err(f) => f.into_response(),
    }
}
