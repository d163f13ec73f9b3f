//! The end users' portal, `/u/<subscription token>`: what a user needs to connect and nothing
//! more (their usage against quota, expiry, servers, links and QR codes for each client
//! format, the subscription link), in their language. The token is the credential, as for
//! `/sub/<token>`, with the same per-address limit; no admin data, nobody else's.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::Response;
use hy_common::units::bytes;
use serde::Deserialize;

use super::i18n::{LANGUAGES, Words, pick};
use super::pages::{percent, qr_svg};
use super::{Panel, error_page, render};

#[derive(Debug, Deserialize)]
pub struct PortalQuery {
    lang: Option<String>,
}

#[derive(askama::Template)]
#[template(path = "panel/portal.html")]
struct Portal<'a> {
    w: &'a Words,
    languages: [(&'static str, &'static str); 2],
    name: String,
    state: &'static str,
    may_connect: bool,
    usage: String,
    percent: u64,
    limited: bool,
    expires: String,
    sub_url: String,
    sub_qr: String,
    formats: Vec<(&'static str, String, String)>,
    servers: Vec<(String, String, String)>,
}

pub async fn page(
    State(p): State<Panel>,
    Path(token): Path<String>,
    Query(q): Query<PortalQuery>,
    headers: HeaderMap,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
) -> Response {
    let s = &p.app;
    if s.sub_limiter.check_key(&peer.ip()).is_err() {
        tracing::warn!(ip = %peer.ip(), "portal refused: too many requests from this address");
        return error_page(
            StatusCode::TOO_MANY_REQUESTS,
            "Too many requests from this address; try again in a minute.",
        );
    }
    let w = pick(
        q.lang.as_deref(),
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok()),
    );
    let now = s.now();
    let found = if token.len() == crate::http::sub::TOKEN_LEN {
        s.store
            .subscriber(hy_api::auth_digest(&token), now)
            .await
            .ok()
            .flatten()
    } else {
        None
    };
    let Some((user, links)) = found else {
        tracing::warn!(ip = %peer.ip(), "portal refused: unknown token");
        return error_page(StatusCode::NOT_FOUND, "No such page.");
    };
    let may_connect = user.state.may_connect();
    let sub_url = format!("{}/sub/{token}", crate::http::sub::base(s, &headers));
    let endpoints = if may_connect {
        crate::subscription::endpoints(links)
    } else {
        Vec::new()
    };
    let servers = endpoints
        .iter()
        .filter_map(|e| {
            let uri = hy_api::uri::build(user.secret.expose(), &e.link, &e.name)?;
            let qr = qr_svg(&uri);
            Some((e.name.clone(), uri, qr))
        })
        .collect();
    let formats = [
        ("sing-box", "sing-box"),
        ("clash", "Clash Meta / mihomo"),
        ("hysteria", "Hysteria 2"),
        ("base64", "v2rayN (base64)"),
        ("uri", "URI list"),
    ]
    .into_iter()
    .map(|(f, label)| {
        let url = format!("{sub_url}?format={f}");
        let qr = qr_svg(&url);
        (label, url, qr)
    })
    .collect();
    let limited = user.data_limit > 0;
    let usage = if limited {
        format!(
            "{} {} {}",
            bytes(user.period_used),
            w.of,
            bytes(user.data_limit)
        )
    } else {
        format!("{} ({})", bytes(user.period_used), w.unlimited)
    };
    render(&Portal {
        w,
        languages: LANGUAGES,
        name: user.display_name.clone().unwrap_or_else(|| user.id.clone()),
        state: user.state.as_str(),
        may_connect,
        usage,
        percent: percent(user.period_used, user.data_limit),
        limited,
        expires: user.expires_at.map_or_else(
            || w.never.to_owned(),
            |t| t.strftime("%Y-%m-%d %H:%M UTC").to_string(),
        ),
        sub_qr: qr_svg(&sub_url),
        sub_url,
        formats,
        servers,
    })
}
