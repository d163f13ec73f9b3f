//! Signing in to the panel and staying signed in: the session cookie (`HttpOnly`,
//! `SameSite=Strict`, `Secure` and `__Host-` over TLS), idle and absolute timeouts, the CSRF
//! token every form carries, and the form bodies themselves.
//!
//! The cookie holds a random token; the database holds its digest (`db::panel`), so a
//! sign-out, a password change, `hyctl admin revoke` or a rotated admin token ends the session
//! on every central. The CSRF token is derived from the cookie's token, so it needs no storage
//! and a page from another site cannot know it.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{ConnectInfo, FromRequestParts, Query, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use hy_api::admins::Role;
use serde::Deserialize;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use super::{Panel, error_page, redirect, render};
use crate::db::panel::{ABSOLUTE_SECS, END, IDLE_SECS, TOUCH};

/// The cookie's name: `__Host-` over TLS (the browser then insists on `Secure`, `Path=/` and
/// no `Domain`), plain otherwise (browsers refuse `__Host-` cookies without TLS).
fn cookie_name(tls: bool) -> &'static str {
    if tls {
        "__Host-hyctl_panel"
    } else {
        "hyctl_panel"
    }
}

/// A signed-in admin, from the session cookie.
#[derive(Debug, Clone)]
pub struct Signed {
    pub pk: i64,
    /// `admin:<name>` or `admin-token`, as the API's audit trail names them.
    pub actor: Arc<str>,
    /// What the header shows.
    pub name: String,
    pub role: Role,
    /// The token every form of this session must carry.
    pub csrf: String,
    /// The browser's address, for the audit trail.
    pub addr: Option<SocketAddr>,
}

impl Signed {
    /// May make changes to users and devices.
    pub fn can_edit(&self) -> bool {
        self.role >= Role::Operator
    }

    /// Refuses a form without this session's CSRF token.
    pub fn check(&self, form: &Form) -> Result<(), super::Failure> {
        let sent = form.get("csrf").unwrap_or_default();
        if bool::from(sent.as_bytes().ct_eq(self.csrf.as_bytes())) {
            Ok(())
        } else {
            tracing::warn!(actor = %self.actor, "panel: a form without this session's CSRF token was refused");
            Err(super::Failure {
                status: StatusCode::FORBIDDEN,
                message: "This form is stale or did not come from this panel (its CSRF token is \
                          missing or wrong). Reload the page and try again."
                    .into(),
            })
        }
    }
}

fn csrf_of(token: &str) -> String {
    let d = Sha256::digest(format!("hyctl panel csrf:{token}").as_bytes());
    hex::encode(&d[..16])
}

fn cookie_token(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_owned())
}

/// A request from another origin (a browser sends `Origin` with every POST): refused before
/// anything else, with or without a session.
fn foreign_origin(parts: &Parts) -> bool {
    let (Some(origin), Some(host)) = (
        parts
            .headers
            .get(header::ORIGIN)
            .and_then(|v| v.to_str().ok()),
        parts
            .headers
            .get(header::HOST)
            .and_then(|v| v.to_str().ok()),
    ) else {
        return false;
    };
    let origin_host = origin.split_once("://").map_or(origin, |(_, rest)| rest);
    origin != "null" && origin_host != host
}

impl FromRequestParts<Panel> for Signed {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, p: &Panel) -> Result<Self, Response> {
        if parts.method != Method::GET && foreign_origin(parts) {
            return Err(error_page(
                StatusCode::FORBIDDEN,
                "This request came from another site and was refused.",
            ));
        }
        let to_login = |parts: &Parts| {
            if parts.method == Method::GET {
                let next = parts.uri.path_and_query().map_or("/panel", |p| p.as_str());
                let next: String = form_urlencoded::byte_serialize(next.as_bytes()).collect();
                redirect(&format!("/panel/login?next={next}"))
            } else {
                error_page(
                    StatusCode::UNAUTHORIZED,
                    "Your session has ended. Sign in again.",
                )
            }
        };
        let Some(token) = cookie_token(&parts.headers, cookie_name(p.app.tls)) else {
            return Err(to_login(parts));
        };
        let now = p.app.now();
        let found = p
            .app
            .store
            .panel_session(crate::accounts::digest_hex(&token))
            .await
            .map_err(|e| error_page(StatusCode::SERVICE_UNAVAILABLE, &e.to_string()))?;
        let Some(session) = found else {
            return Err(to_login(parts));
        };
        if now >= session.expires_at || now >= session.seen_at + IDLE_SECS {
            let _ = p.app.store.mark_panel_session(END, session.pk, now).await;
            return Err(to_login(parts));
        }
        // A write at most once a minute per session, not on every page.
        if now - session.seen_at >= 60 {
            let _ = p.app.store.mark_panel_session(TOUCH, session.pk, now).await;
        }
        let (actor, name) = match &session.username {
            Some(n) => (format!("admin:{n}"), n.clone()),
            None => ("admin-token".to_owned(), "admin token".to_owned()),
        };
        Ok(Signed {
            pk: session.pk,
            actor: actor.into(),
            name,
            role: session.role,
            csrf: csrf_of(&token),
            addr: parts
                .extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map(|c| c.0),
        })
    }
}

/// A form body: its fields in order, repeated keys kept (a bulk selection is `user=a&user=b`).
#[derive(Debug, Default)]
pub struct Form(pub Vec<(String, String)>);

impl Form {
    /// Parses an `application/x-www-form-urlencoded` body.
    pub fn parse(body: &[u8]) -> Self {
        Self(form_urlencoded::parse(body).into_owned().collect())
    }

    /// The first value of `key`.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Every value of `key`.
    pub fn all(&self, key: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .collect()
    }
}

#[derive(askama::Template)]
#[template(path = "panel/login.html")]
struct LoginPage<'a> {
    next: &'a str,
    error: Option<&'a str>,
    username: &'a str,
}

#[derive(Debug, Deserialize)]
pub struct Next {
    next: Option<String>,
}

/// Only paths inside the panel: a `next` elsewhere would make the sign-in page an open
/// redirect.
fn safe_next(next: Option<&str>) -> &str {
    match next {
        Some(n) if n.starts_with("/panel") && !n.starts_with("//") => n,
        _ => "/panel",
    }
}

pub async fn login_form(Query(q): Query<Next>) -> Response {
    render(&LoginPage {
        next: safe_next(q.next.as_deref()),
        error: None,
        username: "",
    })
}

/// Signs in with a username, password and TOTP code (the API's own checks and rate limits),
/// or with the admin token (the owner).
pub async fn login(State(p): State<Panel>, parts: Parts, body: Bytes) -> Response {
    if foreign_origin(&parts) {
        return error_page(
            StatusCode::FORBIDDEN,
            "This request came from another site and was refused.",
        );
    }
    let form = Form::parse(&body);
    let next = safe_next(form.get("next")).to_owned();
    let username = form.get("username").unwrap_or_default().trim().to_owned();
    let ip = parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    let failed = |status: StatusCode, message: &str| {
        let mut resp = render(&LoginPage {
            next: &next,
            error: Some(message),
            username: &username,
        });
        *resp.status_mut() = status;
        resp
    };
    let now = p.app.now();
    let token = form.get("token").map(str::trim).unwrap_or_default();
    let (admin_pk, token_sha256) = if !token.is_empty() {
        if ip.is_some_and(|ip| p.app.login_by_addr.check_key(&ip).is_err()) {
            return failed(
                StatusCode::TOO_MANY_REQUESTS,
                "Too many sign-in attempts; wait a minute.",
            );
        }
        let digest: [u8; 32] = Sha256::digest(token.as_bytes()).into();
        if !p.app.admin_digest.accepts(&digest).await {
            tracing::warn!(?ip, "panel sign-in with a wrong admin token refused");
            return failed(StatusCode::UNAUTHORIZED, "That is not the admin token.");
        }
        tracing::info!(?ip, "panel: signed in with the admin token");
        (None, Some(hex::encode(digest)))
    } else {
        let req = hy_api::admins::Login {
            username: username.clone(),
            password: form.get("password").unwrap_or_default().to_owned().into(),
            totp: form
                .get("totp")
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_owned),
        };
        match crate::http::admins::check_sign_in(&p.app, ip, &req).await {
            Ok(creds) => (Some(creds.pk), None),
            Err(err) => {
                let resp = err.into_response();
                let status = resp.status();
                let message = match status {
                    StatusCode::TOO_MANY_REQUESTS => "Too many sign-in attempts; wait a minute.",
                    _ if req.totp.is_none() && status == StatusCode::UNAUTHORIZED => {
                        "Wrong username or password, or this account also needs its TOTP code."
                    }
                    _ => "Wrong username, password or TOTP code.",
                };
                return failed(status, message);
            }
        }
    };
    let (cookie, digest) = crate::accounts::new_token("hyp_");
    if let Err(err) = p
        .app
        .store
        .open_panel_session(digest, admin_pk, token_sha256, now, now + ABSOLUTE_SECS)
        .await
    {
        return error_page(StatusCode::SERVICE_UNAVAILABLE, &err.to_string());
    }
    let mut resp = redirect(&next);
    set_cookie(&mut resp, p.app.tls, &cookie, ABSOLUTE_SECS);
    resp
}

fn set_cookie(resp: &mut Response, tls: bool, value: &str, max_age: i64) {
    let secure = if tls { "; Secure" } else { "" };
    let cookie = format!(
        "{}={value}; Path=/; HttpOnly; SameSite=Strict; Max-Age={max_age}{secure}",
        cookie_name(tls)
    );
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        resp.headers_mut().append(header::SET_COOKIE, v);
    }
}

/// Ends this session (the CSRF token proves the form is ours).
pub async fn logout(State(p): State<Panel>, who: Signed, body: Bytes) -> Response {
    if let Err(refused) = who.check(&Form::parse(&body)) {
        return refused.into_response();
    }
    let _ = p.app.store.mark_panel_session(END, who.pk, 0).await;
    tracing::info!(actor = %who.actor, "panel: signed out");
    let mut resp = redirect("/panel/login");
    set_cookie(&mut resp, p.app.tls, "", 0);
    resp
}
