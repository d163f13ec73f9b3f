//! The web panel (`/panel`) and the end users' portal (`/u/<subscription token>`): HTML that
//! central renders itself, from templates compiled into the binary, with one small script of
//! its own and nothing loaded from anywhere else.
//!
//! Every change the panel makes goes through the admin API, in process ([`Panel::call`]), as
//! the signed-in admin: the same validation and messages, the same role checks, the same audit
//! trail and events as `hyctl`. The panel only turns forms into API requests and answers into
//! pages, so there is no second rule to drift.

mod admins;
mod assets;
mod chart;
mod i18n;
mod logs;
mod pages;
mod portal;
mod servers;
mod session;

use std::net::SocketAddr;

use axum::Router;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use tower::ServiceExt;

use crate::http::extract::{AdminAuth, PanelCaller};
use crate::state::AppState;

pub use session::Signed;

/// What the panel's handlers reach: central's state, and the admin API to call into.
#[derive(Clone, Debug)]
pub struct Panel {
    /// Central's state (reads go to the store directly).
    pub app: AppState,
    /// The admin API's router, for every change.
    api: Router,
}

/// The panel's and the portal's routes.
pub fn routes(app: AppState, api: Router) -> Router {
    let panel = Panel { app, api };
    Router::new()
        .route("/panel", get(pages::overview))
        .route("/panel/", get(|| async { redirect("/panel") }))
        .route(
            "/panel/login",
            get(session::login_form).post(session::login),
        )
        .route("/panel/logout", post(session::logout))
        .route("/panel/live", get(pages::live))
        .route("/panel/users", get(pages::users).post(pages::bulk))
        .route(
            "/panel/users/new",
            get(pages::new_user_form).post(pages::create_user),
        )
        .route(
            "/panel/users/{id}",
            get(pages::user).post(pages::update_user),
        )
        .route("/panel/users/{id}/devices", post(pages::device_action))
        .route(
            "/panel/servers",
            get(servers::servers).post(servers::action),
        )
        .route("/panel/admins", get(admins::admins).post(admins::action))
        .route("/panel/log", get(logs::auth_log))
        .route("/panel/audit", get(logs::audit))
        .route("/panel/sessions", get(logs::sessions).post(logs::kill))
        .route("/panel/assets/{name}", get(assets::serve))
        .route("/u/{token}", get(portal::page))
        .layer(axum::middleware::map_response(security_headers))
        .with_state(panel)
}

/// Headers on every panel and portal answer: no script but our own file, no framing, no
/// referrer (the portal's URL is a credential), no caching of pages that show secrets.
async fn security_headers(mut resp: Response) -> Response {
    let h = resp.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
             connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    if !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    resp
}

/// A 303 to `to`: what a form's POST answers, so a reload does not send it again.
pub fn redirect(to: &str) -> Response {
    let mut resp = StatusCode::SEE_OTHER.into_response();
    if let Ok(v) = HeaderValue::from_str(to) {
        resp.headers_mut().insert(header::LOCATION, v);
    }
    resp
}

/// The admin API's refusal of a panel request: its status and message, shown as they are.
#[derive(Debug, Clone)]
pub struct Failure {
    pub status: StatusCode,
    pub message: String,
}

impl Panel {
    /// Calls the admin API as `who`: `path` with an optional JSON body. The answer's JSON on
    /// success; the API's status and message otherwise.
    pub async fn call(
        &self,
        who: &Signed,
        method: Method,
        path: &str,
        body: Option<serde_json::Value>,
    ) -> Result<serde_json::Value, Failure> {
        let mut req = Request::builder()
            .method(method)
            .uri(path)
            .header(header::CONTENT_TYPE, "application/json")
            .body(match body {
                Some(v) => Body::from(v.to_string()),
                None => Body::empty(),
            })
            .map_err(|e| Failure {
                status: StatusCode::BAD_REQUEST,
                message: format!("cannot build the request: {e}"),
            })?;
        req.extensions_mut().insert(PanelCaller(AdminAuth {
            actor: who.actor.clone(),
            role: who.role,
            session: None,
        }));
        if let Some(addr) = who.addr {
            req.extensions_mut()
                .insert(axum::extract::ConnectInfo::<SocketAddr>(addr));
        }
        let resp = match self.api.clone().oneshot(req).await {
            Ok(resp) => resp,
            Err(never) => match never {},
        };
        let status = resp.status();
        // The API's own answer, whatever its size (a user's full record, a page of a list).
        let bytes = axum::body::to_bytes(resp.into_body(), usize::MAX)
            .await
            .unwrap_or_default();
        let json: serde_json::Value = if bytes.is_empty() {
            serde_json::Value::Null
        } else {
            serde_json::from_slice(&bytes).unwrap_or(serde_json::Value::Null)
        };
        if status.is_success() {
            Ok(json)
        } else {
            Err(Failure {
                status,
                message: json["message"]
                    .as_str()
                    .or_else(|| json["error"].as_str())
                    .unwrap_or("the request failed")
                    .to_owned(),
            })
        }
    }
}

/// A page that says what went wrong, with the status it deserves.
pub fn error_page(status: StatusCode, message: &str) -> Response {
    let page = pages::ErrorPage {
        title: status.canonical_reason().unwrap_or("Error"),
        message,
    };
    (status, render(&page)).into_response()
}

/// Renders a template, or says it could not (a bug, never bad input).
pub fn render<T: askama::Template>(t: &T) -> Response {
    match t.render() {
        Ok(html) => Html(html).into_response(),
        Err(err) => {
            tracing::error!(error = %err, "panel template failed to render");
            (StatusCode::INTERNAL_SERVER_ERROR, "template error").into_response()
        }
    }
}

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        error_page(self.status, &self.message)
    }
}
