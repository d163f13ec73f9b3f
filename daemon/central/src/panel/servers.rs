//! The servers pages: the list with health and traffic, adding a server (its id and the
//! node's bootstrap instructions shown once), editing its name, multiplier and share-link
//! settings, deleting it after a confirmation.
//!
//! A server's id is the node's credential, so it never appears in a URL: each server's
//! actions are forms that carry the id in their body.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use hy_api::admins::Role;
use hy_api::page::PageQuery;
use hy_api::servers::{Server, ServerKind};
use hy_api::traffic::HistoryBy;
use hy_common::units::bytes;
use serde_json::json;

use super::pages::{unavailable, when};
use super::session::{Form, Signed};
use super::{Panel, chart, error_page, redirect, render};

/// A server's row.
struct Row {
    id: String,
    name: String,
    kind: &'static str,
    health: &'static str,
    last_contact: String,
    version: String,
    users: u64,
    traffic: String,
    list: String,
}

#[derive(askama::Template)]
#[template(path = "panel/servers.html")]
struct Servers<'a> {
    who: &'a Signed,
    rows: Vec<Row>,
    kinds: Vec<&'static str>,
    chart: String,
    notice: Option<String>,
    error: Option<String>,
}

fn health(s: &Server, now: i64) -> &'static str {
    match s.last_seen_at.map(|t| now - t.as_second()) {
        None => "never seen",
        Some(age) if age < 60 => "fresh",
        Some(age) if age < 600 => "recent",
        Some(_) => "stale",
    }
}

fn label(s: &Server) -> String {
    s.name.clone().unwrap_or_else(|| "unnamed".into())
}

async fn list(p: &Panel) -> Result<Vec<Server>, crate::db::DbError> {
    p.app
        .store
        .servers(PageQuery {
            limit: Some(1000),
            ..Default::default()
        })
        .await
        .map(|(list, _)| list)
}

async fn servers_page(
    p: &Panel,
    who: &Signed,
    notice: Option<String>,
    error: Option<String>,
) -> Response {
    let now = p.app.now();
    let servers = match list(p).await {
        Ok(l) => l,
        Err(e) => return unavailable(e),
    };
    let per_server = p
        .app
        .store
        .history(None, now - 30 * 86_400, now, HistoryBy::Server)
        .await
        .unwrap_or_default();
    let rows = servers
        .iter()
        .map(|s| Row {
            id: s.id.clone(),
            name: label(s),
            kind: s.kind.as_str(),
            health: health(s, now),
            last_contact: when(s.last_seen_at),
            version: s.agent_version.clone().unwrap_or_else(|| "-".into()),
            users: s.users,
            traffic: bytes(s.traffic.total()),
            list: match s.list_lag {
                None => "-".into(),
                Some(0) => "up to date".into(),
                Some(n) => format!("{n} behind"),
            },
        })
        .collect();
    render(&Servers {
        who,
        rows,
        kinds: ServerKind::ALL.iter().map(|k| k.as_str()).collect(),
        chart: chart::per_server("Traffic per server, last 30 days", &per_server),
        notice,
        error,
    })
}

#[derive(askama::Template)]
#[template(path = "panel/server_added.html")]
struct Added<'a> {
    who: &'a Signed,
    name: String,
    id: String,
    kind: &'static str,
    bootstrap: Option<hy_common::bootstrap::Bootstrap>,
    stream_bootstrap: Option<hy_common::bootstrap::StreamBootstrap>,
}

#[derive(askama::Template)]
#[template(path = "panel/server_edit.html")]
struct Edit<'a> {
    who: &'a Signed,
    s: Server,
    name: String,
    error: Option<String>,
}

#[derive(askama::Template)]
#[template(path = "panel/server_delete.html")]
struct Delete<'a> {
    who: &'a Signed,
    id: String,
    name: String,
    users: u64,
}

/// The server a form names, by id (from the form's body).
async fn named(p: &Panel, form: &Form) -> Result<Server, Response> {
    let id = form.get("server").unwrap_or_default();
    if hy_api::validate::server_id(id).is_err() {
        return Err(error_page(StatusCode::BAD_REQUEST, "No such server."));
    }
    match p.app.store.server(id.to_owned()).await {
        Ok(s) => Ok(s),
        Err(crate::db::DbError::NotFound { .. }) => {
            Err(error_page(StatusCode::NOT_FOUND, "No such server."))
        }
        Err(e) => Err(unavailable(e)),
    }
}

fn text(form: &Form, key: &str) -> Option<String> {
    form.get(key)
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
}

/// Every server action: `add`, `edit` (the form), `save`, `delete` (asks), `delete` with
/// `confirm`.
pub async fn action(
    State(p): State<Panel>,
    who: Signed,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let form = Form::parse(&body);
    if let Err(refused) = who.check(&form) {
        return refused.into_response();
    }
    match form.get("do").unwrap_or_default() {
        "add" => {
            let kind = form.get("kind").unwrap_or("hysteria");
            let mut body = json!({ "kind": kind });
            if let Some(name) = text(&form, "name") {
                body["name"] = json!(name);
            }
            if let Some(host) = text(&form, "host") {
                body["link"] = json!({ "host": host });
            }
            match p
                .call(&who, Method::POST, "/admin/servers", Some(body))
                .await
            {
                Ok(created) => {
                    let s: Server = match serde_json::from_value(created) {
                        Ok(s) => s,
                        Err(e) => return unavailable(e),
                    };
                    let central = crate::http::sub::base(&p.app, &headers);
                    let bootstrap = (s.kind == ServerKind::Hysteria).then(|| {
                        hy_common::bootstrap::render(
                            &s.id,
                            &central,
                            "127.0.0.1:9999",
                            "127.0.0.1:8080",
                        )
                    });
                    let stream_bootstrap = (s.kind == ServerKind::Stream).then(|| {
                        hy_common::bootstrap::render_stream(&s.id, &central, "127.0.0.1:8081")
                    });
                    render(&Added {
                        who: &who,
                        name: label(&s),
                        kind: s.kind.as_str(),
                        id: s.id,
                        bootstrap,
                        stream_bootstrap,
                    })
                }
                Err(f) if f.status == StatusCode::FORBIDDEN => f.into_response(),
                Err(f) => {
                    let mut resp = servers_page(&p, &who, None, Some(f.message)).await;
                    *resp.status_mut() = f.status;
                    resp
                }
            }
        }
        "edit" => match named(&p, &form).await {
            Ok(s) => render(&Edit {
                who: &who,
                name: s.name.clone().unwrap_or_default(),
                s,
                error: None,
            }),
            Err(resp) => resp,
        },
        "save" => {
            let s = match named(&p, &form).await {
                Ok(s) => s,
                Err(resp) => return resp,
            };
            let multiplier = match form.get("multiplier").map(str::trim) {
                None | Some("") => None,
                Some(v) => match v.parse::<f64>() {
                    Ok(m) => Some(m),
                    Err(_) => {
                        return edit_again(
                            &who,
                            s,
                            &form,
                            format!("Traffic multiplier: {v:?} is not a number"),
                        )
                        .await;
                    }
                },
            };
            let mut body = json!({
                "name": text(&form, "name"),
                "link": {
                    "host": text(&form, "host"),
                    "ports": text(&form, "ports"),
                    "sni": text(&form, "sni"),
                    "obfs_password": text(&form, "obfs_password"),
                    "insecure": form.get("insecure") == Some("on"),
                },
            });
            if let Some(m) = multiplier {
                body["traffic_multiplier"] = json!(m);
            }
            let path = format!("/admin/servers/{}", s.id);
            match p.call(&who, Method::PATCH, &path, Some(body)).await {
                Ok(_) => redirect("/panel/servers?saved=1"),
                Err(f) if f.status == StatusCode::FORBIDDEN => f.into_response(),
                Err(f) => edit_again(&who, s, &form, f.message).await,
            }
        }
        "delete" => {
            let s = match named(&p, &form).await {
                Ok(s) => s,
                Err(resp) => return resp,
            };
            if form.get("confirm") != Some("yes") {
                return render(&Delete {
                    who: &who,
                    name: label(&s),
                    users: s.users,
                    id: s.id,
                });
            }
            let path = format!("/admin/servers/{}", s.id);
            match p.call(&who, Method::DELETE, &path, None).await {
                Ok(_) => {
                    servers_page(
                        &p,
                        &who,
                        Some(format!("Deleted server {}.", label(&s))),
                        None,
                    )
                    .await
                }
                Err(f) => f.into_response(),
            }
        }
        other => error_page(
            StatusCode::BAD_REQUEST,
            &format!("Unknown action {other:?}."),
        ),
    }
}

async fn edit_again(who: &Signed, s: Server, form: &Form, error: String) -> Response {
    let mut resp = render(&Edit {
        who,
        name: form.get("name").unwrap_or_default().to_owned(),
        s,
        error: Some(error),
    });
    *resp.status_mut() = StatusCode::BAD_REQUEST;
    resp
}

#[derive(Debug, serde::Deserialize)]
pub struct Saved {
    saved: Option<String>,
}

pub async fn servers(
    State(p): State<Panel>,
    who: Signed,
    axum::extract::Query(q): axum::extract::Query<Saved>,
) -> Response {
    let notice = q.saved.map(|_| "Saved.".to_owned());
    servers_page(&p, &who, notice, None).await
}
