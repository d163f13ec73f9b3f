//! A typed HTTP client for central, used by `hyctl`'s admin commands and by the agent.
//!
//! A non-2xx answer is decoded back into the server's [`ErrorBody`], so its message reaches the
//! user word for word; failures to reach central at all are a separate class, so callers can tell
//! "central said no" from "central is not there".

use std::path::{Path, PathBuf};
use std::time::Duration;

use reqwest::{Method, StatusCode, header};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::admins::{
    Admin, ApiToken, AuditEntry, CreateAdmin, CreateToken, CreatedToken, Login, Refresh, Session,
    TotpSetup, UpdateAdmin, WhoAmI,
};
use crate::devices::{CreateDevice, Device, UpdateDevice};
use crate::events::{CreateWebhook, CreatedWebhook, Delivery, Webhook};
use crate::node::{NodeList, ReportAck, TrafficBatch};
use crate::page::{Page, PageQuery};
use crate::servers::{
    AssignResult, AssignUsers, AssignedUser, CreateServer, Server, UpdateServer, UserLink,
};
use crate::traffic::{HistoryBy, HistoryPoint, ServerTraffic, TrafficByUser};
use crate::users::{
    AuthLogEntry, CreateUser, CreateUsers, CreatedUsers, OnlineSession, Subscription, UpdateUser,
    User,
};
use crate::{ErrorBody, ErrorCode, VERSION};

/// Why a request to central failed.
#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    /// Central could not be reached: connection refused, DNS, TLS or a timeout.
    #[error("could not reach central at {url}: {reason}")]
    Unreachable {
        /// The URL that was tried.
        url: String,
        /// What went wrong, as reqwest tells it.
        reason: String,
    },
    /// Central answered with an error.
    #[error("{}", body.message)]
    Api {
        /// The HTTP status.
        status: u16,
        /// The decoded error body.
        body: ErrorBody,
    },
    /// Central answered with something this client cannot read.
    #[error("unexpected answer from central at {url}: {reason}")]
    Protocol {
        /// The URL that was requested.
        url: String,
        /// What was wrong with the answer.
        reason: String,
    },
    /// The client could not be set up (bad URL, unreadable CA file).
    #[error("{0}")]
    Config(String),
}

impl ClientError {
    /// The error code central sent, if it sent one.
    pub fn code(&self) -> Option<ErrorCode> {
        match self {
            Self::Api { body, .. } => Some(body.code),
            _ => None,
        }
    }
}

/// How to reach central.
#[derive(Debug, Clone)]
pub struct ClientConfig {
    /// Base URL, e.g. `http://127.0.0.1:9090` (a trailing slash is ignored).
    pub base_url: String,
    /// Admin token, sent as `Authorization: Bearer`; node endpoints need none.
    pub token: Option<crate::Secret>,
    /// Extra PEM CA certificate(s) to trust, for a central with a private CA.
    pub ca_file: Option<PathBuf>,
    /// Timeout of a whole request (long polls add their wait to it).
    pub timeout: Duration,
    /// `User-Agent` product, e.g. `hyctl-agent`.
    pub user_agent: &'static str,
    /// The kind of node this client speaks for, sent in `Hyctl-Node-Kind` so central can
    /// refuse a node of another kind than its server; `None` for admin clients.
    pub node_kind: Option<crate::servers::ServerKind>,
}

impl ClientConfig {
    /// A config with a 30 s timeout and no token or CA.
    pub fn new(base_url: impl Into<String>) -> Self {
        Self {
            base_url: base_url.into(),
            token: None,
            ca_file: None,
            timeout: Duration::from_secs(30),
            user_agent: "hyctl",
            node_kind: None,
        }
    }
}

/// Typed client for central's HTTP API. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Client {
    http: reqwest::Client,
    base: String,
    token: Option<crate::Secret>,
    timeout: Duration,
}

/// Reads PEM certificates from `path` for use as extra trust roots.
fn load_ca(path: &Path) -> Result<Vec<reqwest::Certificate>, ClientError> {
    let pem = std::fs::read(path).map_err(|e| {
        ClientError::Config(format!("could not read CA file {}: {e}", path.display()))
    })?;
    let certs = reqwest::Certificate::from_pem_bundle(&pem).map_err(|e| {
        ClientError::Config(format!(
            "CA file {} holds no usable PEM certificate: {e}",
            path.display()
        ))
    })?;
    if certs.is_empty() {
        return Err(ClientError::Config(format!(
            "CA file {} holds no PEM certificate",
            path.display()
        )));
    }
    Ok(certs)
}

impl Client {
    /// Builds a client; fails on an unusable URL or CA file.
    pub fn new(config: &ClientConfig) -> Result<Self, ClientError> {
        let base = config.base_url.trim_end_matches('/').to_owned();
        let parsed = reqwest::Url::parse(&base)
            .map_err(|e| ClientError::Config(format!("invalid central URL {base:?}: {e}")))?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err(ClientError::Config(format!(
                "invalid central URL {base:?}: use http:// or https://"
            )));
        }
        let mut builder = reqwest::Client::builder()
            .user_agent(format!("{}/{VERSION}", config.user_agent))
            .connect_timeout(Duration::from_secs(10))
            .use_rustls_tls();
        if let Some(kind) = config.node_kind {
            let mut headers = reqwest::header::HeaderMap::new();
            headers.insert(
                crate::servers::NODE_KIND_HEADER,
                reqwest::header::HeaderValue::from_static(kind.as_str()),
            );
            builder = builder.default_headers(headers);
        }
        if let Some(ca) = &config.ca_file {
            for cert in load_ca(ca)? {
                builder = builder.add_root_certificate(cert);
            }
        }
        let http = builder
            .build()
            .map_err(|e| ClientError::Config(format!("could not set up HTTP client: {e}")))?;
        Ok(Self {
            http,
            base,
            token: config.token.clone(),
            timeout: config.timeout,
        })
    }

    /// The base URL requests go to.
    pub fn base_url(&self) -> &str {
        &self.base
    }

    fn request(&self, method: Method, path: &str) -> reqwest::RequestBuilder {
        self.request_url(method, &format!("{}{path}", self.base))
    }

    fn request_url(&self, method: Method, url: &str) -> reqwest::RequestBuilder {
        let mut req = self.http.request(method, url).timeout(self.timeout);
        if let Some(token) = &self.token {
            req = req.bearer_auth(token.expose());
        }
        req
    }

    fn unreachable(&self, err: &reqwest::Error) -> ClientError {
        // reqwest's own message is "error sending request for url (...)"; the root cause
        // ("Connection refused", "invalid peer certificate: UnknownIssuer") is what helps.
        let mut root: &dyn std::error::Error = err;
        while let Some(s) = root.source() {
            root = s;
        }
        let mut reason = root.to_string();
        if err.is_timeout() {
            reason = format!("timed out after {:?}", self.timeout);
        }
        ClientError::Unreachable {
            url: self.base.clone(),
            reason,
        }
    }

    async fn send(&self, req: reqwest::RequestBuilder) -> Result<reqwest::Response, ClientError> {
        let resp = req.send().await.map_err(|e| self.unreachable(&e))?;
        let status = resp.status();
        if status.is_success() || status == StatusCode::NOT_MODIFIED {
            return Ok(resp);
        }
        let url = resp.url().to_string();
        let bytes = resp.bytes().await.map_err(|e| self.unreachable(&e))?;
        let body = serde_json::from_slice::<ErrorBody>(&bytes).unwrap_or_else(|_| ErrorBody {
            code: ErrorCode::Unknown,
            message: format!(
                "{url} answered {status} with a body that is not an error document: {}",
                String::from_utf8_lossy(&bytes[..bytes.len().min(200)])
            ),
        });
        Err(ClientError::Api {
            status: status.as_u16(),
            body,
        })
    }

    async fn json<T: DeserializeOwned>(
        &self,
        req: reqwest::RequestBuilder,
    ) -> Result<T, ClientError> {
        let resp = self.send(req).await?;
        let url = resp.url().to_string();
        let bytes = resp.bytes().await.map_err(|e| self.unreachable(&e))?;
        serde_json::from_slice(&bytes).map_err(|e| ClientError::Protocol {
            url,
            reason: format!("invalid JSON: {e}"),
        })
    }

    async fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T, ClientError> {
        self.json(self.request(Method::GET, path)).await
    }

    async fn with_body<B: Serialize, T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        body: &B,
    ) -> Result<T, ClientError> {
        self.json(self.request(method, path).json(body)).await
    }

    async fn delete(&self, path: &str) -> Result<(), ClientError> {
        self.send(self.request(Method::DELETE, path))
            .await
            .map(drop)
    }

    /// `GET /healthz`.
    pub async fn health(&self) -> Result<serde_json::Value, ClientError> {
        self.get("/healthz").await
    }

    /// `GET /admin/users`.
    pub async fn users(&self) -> Result<Vec<User>, ClientError> {
        self.get("/admin/users").await
    }

    /// `POST /admin/users`.
    pub async fn create_user(&self, new: &CreateUser) -> Result<User, ClientError> {
        self.with_body(Method::POST, "/admin/users", new).await
    }

    /// `POST /admin/batch/users`.
    pub async fn create_users(&self, batch: &CreateUsers) -> Result<CreatedUsers, ClientError> {
        self.with_body(Method::POST, "/admin/batch/users", batch)
            .await
    }

    /// `GET /admin/users/{id}`.
    pub async fn user(&self, id: &str) -> Result<User, ClientError> {
        self.get(&format!("/admin/users/{}", seg(id))).await
    }

    /// `PATCH /admin/users/{id}`.
    pub async fn update_user(&self, id: &str, change: &UpdateUser) -> Result<User, ClientError> {
        self.with_body(Method::PATCH, &format!("/admin/users/{}", seg(id)), change)
            .await
    }

    /// `GET /admin/users?state=...`: users in one state.
    pub async fn users_in_state(&self, state: &str) -> Result<Vec<User>, ClientError> {
        self.get(&format!("/admin/users?state={}", seg(state)))
            .await
    }

    /// `GET /admin/users?limit=...`: one page of users, optionally in one state.
    pub async fn users_page(
        &self,
        state: Option<&str>,
        page: &PageQuery,
    ) -> Result<Page<User>, ClientError> {
        let mut query = page_query(page);
        if let Some(state) = state {
            query.push_str(&format!("&state={}", seg(state)));
        }
        self.get(&format!("/admin/users?{query}")).await
    }

    /// `GET /admin/servers/{id}/users?limit=...`: one page of a server's users.
    pub async fn server_users_page(
        &self,
        id: &str,
        page: &PageQuery,
    ) -> Result<Page<AssignedUser>, ClientError> {
        self.get(&format!(
            "/admin/servers/{}/users?{}",
            seg(id),
            page_query(page)
        ))
        .await
    }

    /// `GET /admin/users/{id}/links`: the user's share links, one per server with a public host.
    pub async fn user_links(&self, id: &str) -> Result<Vec<UserLink>, ClientError> {
        self.get(&format!("/admin/users/{}/links", seg(id))).await
    }

    /// `POST /admin/users/{id}/reset`: starts a new usage period now.
    pub async fn reset_usage(&self, id: &str) -> Result<User, ClientError> {
        self.json(self.request(Method::POST, &format!("/admin/users/{}/reset", seg(id))))
            .await
    }

    /// `POST /admin/users/{id}/secret`: replaces the secret with a generated one.
    pub async fn rotate_secret(&self, id: &str) -> Result<User, ClientError> {
        self.json(self.request(Method::POST, &format!("/admin/users/{}/secret", seg(id))))
            .await
    }

    /// `DELETE /admin/users/{id}`.
    pub async fn delete_user(&self, id: &str) -> Result<(), ClientError> {
        self.delete(&format!("/admin/users/{}", seg(id))).await
    }

    /// `POST /admin/login`.
    pub async fn login(&self, login: &Login) -> Result<Session, ClientError> {
        self.with_body(Method::POST, "/admin/login", login).await
    }

    /// `POST /admin/refresh`: an access token for a session's refresh token.
    pub async fn refresh(&self, refresh_token: &str) -> Result<Session, ClientError> {
        let body = Refresh {
            refresh_token: refresh_token.into(),
        };
        self.with_body(Method::POST, "/admin/refresh", &body).await
    }

    /// `POST /admin/logout`.
    pub async fn logout(&self) -> Result<(), ClientError> {
        self.send(self.request(Method::POST, "/admin/logout"))
            .await
            .map(drop)
    }

    /// `GET /admin/admins`.
    pub async fn admins(&self) -> Result<Vec<Admin>, ClientError> {
        self.get("/admin/admins").await
    }

    /// `POST /admin/admins`.
    pub async fn create_admin(&self, new: &CreateAdmin) -> Result<Admin, ClientError> {
        self.with_body(Method::POST, "/admin/admins", new).await
    }

    /// `PATCH /admin/admins/{username}`.
    pub async fn update_admin(
        &self,
        name: &str,
        change: &UpdateAdmin,
    ) -> Result<Admin, ClientError> {
        self.with_body(
            Method::PATCH,
            &format!("/admin/admins/{}", seg(name)),
            change,
        )
        .await
    }

    /// `DELETE /admin/admins/{username}`.
    pub async fn delete_admin(&self, name: &str) -> Result<(), ClientError> {
        self.delete(&format!("/admin/admins/{}", seg(name))).await
    }

    /// `POST /admin/admins/{username}/revoke`.
    pub async fn revoke_admin(&self, name: &str) -> Result<Admin, ClientError> {
        self.json(self.request(Method::POST, &format!("/admin/admins/{}/revoke", seg(name))))
            .await
    }

    /// `POST /admin/admins/{username}/totp`.
    pub async fn enable_totp(&self, name: &str) -> Result<TotpSetup, ClientError> {
        self.json(self.request(Method::POST, &format!("/admin/admins/{}/totp", seg(name))))
            .await
    }

    /// `DELETE /admin/admins/{username}/totp`.
    pub async fn disable_totp(&self, name: &str) -> Result<(), ClientError> {
        self.delete(&format!("/admin/admins/{}/totp", seg(name)))
            .await
    }

    /// `GET /admin/tokens`.
    pub async fn tokens(&self) -> Result<Vec<ApiToken>, ClientError> {
        self.get("/admin/tokens").await
    }

    /// `POST /admin/tokens`: the answer holds the token, shown this once.
    pub async fn create_token(&self, new: &CreateToken) -> Result<CreatedToken, ClientError> {
        self.with_body(Method::POST, "/admin/tokens", new).await
    }

    /// `DELETE /admin/tokens/{name}`.
    pub async fn revoke_token(&self, name: &str) -> Result<(), ClientError> {
        self.delete(&format!("/admin/tokens/{}", seg(name))).await
    }

    /// `GET /admin/whoami`.
    pub async fn whoami(&self) -> Result<WhoAmI, ClientError> {
        self.get("/admin/whoami").await
    }

    /// `GET /admin/users/{id}/subscription` (issued on the first ask).
    pub async fn subscription(&self, user: &str) -> Result<Subscription, ClientError> {
        self.get(&format!("/admin/users/{}/subscription", seg(user)))
            .await
    }

    /// `POST /admin/users/{id}/subscription`: a new link, the old one dead.
    pub async fn rotate_subscription(&self, user: &str) -> Result<Subscription, ClientError> {
        self.json(self.request(
            Method::POST,
            &format!("/admin/users/{}/subscription", seg(user)),
        ))
        .await
    }

    /// `DELETE /admin/users/{id}/subscription`.
    pub async fn revoke_subscription(&self, user: &str) -> Result<(), ClientError> {
        self.delete(&format!("/admin/users/{}/subscription", seg(user)))
            .await
    }

    /// `GET /admin/users/{id}/devices`.
    pub async fn devices(&self, user: &str) -> Result<Vec<Device>, ClientError> {
        self.get(&format!("/admin/users/{}/devices", seg(user)))
            .await
    }

    /// `GET /admin/users/{id}/devices/{name}`.
    pub async fn device(&self, user: &str, name: &str) -> Result<Device, ClientError> {
        self.get(&format!("/admin/users/{}/devices/{}", seg(user), seg(name)))
            .await
    }

    /// `POST /admin/users/{id}/devices`.
    pub async fn create_device(
        &self,
        user: &str,
        new: &CreateDevice,
    ) -> Result<Device, ClientError> {
        self.with_body(
            Method::POST,
            &format!("/admin/users/{}/devices", seg(user)),
            new,
        )
        .await
    }

    /// `PATCH /admin/users/{id}/devices/{name}`.
    pub async fn update_device(
        &self,
        user: &str,
        name: &str,
        change: &UpdateDevice,
    ) -> Result<Device, ClientError> {
        self.with_body(
            Method::PATCH,
            &format!("/admin/users/{}/devices/{}", seg(user), seg(name)),
            change,
        )
        .await
    }

    /// `POST /admin/users/{id}/devices/{name}/secret`.
    pub async fn rotate_device_secret(
        &self,
        user: &str,
        name: &str,
    ) -> Result<Device, ClientError> {
        self.json(self.request(
            Method::POST,
            &format!("/admin/users/{}/devices/{}/secret", seg(user), seg(name)),
        ))
        .await
    }

    /// `DELETE /admin/users/{id}/devices/{name}`.
    pub async fn delete_device(&self, user: &str, name: &str) -> Result<(), ClientError> {
        self.delete(&format!("/admin/users/{}/devices/{}", seg(user), seg(name)))
            .await
    }

    /// `GET /admin/servers`.
    pub async fn servers(&self) -> Result<Vec<Server>, ClientError> {
        self.get("/admin/servers").await
    }

    /// `POST /admin/servers`.
    pub async fn create_server(&self, new: &CreateServer) -> Result<Server, ClientError> {
        self.with_body(Method::POST, "/admin/servers", new).await
    }

    /// `GET /admin/servers/{id}`.
    pub async fn server(&self, id: &str) -> Result<Server, ClientError> {
        self.get(&format!("/admin/servers/{}", seg(id))).await
    }

    /// `PATCH /admin/servers/{id}`.
    pub async fn update_server(
        &self,
        id: &str,
        change: &UpdateServer,
    ) -> Result<Server, ClientError> {
        self.with_body(
            Method::PATCH,
            &format!("/admin/servers/{}", seg(id)),
            change,
        )
        .await
    }

    /// `DELETE /admin/servers/{id}`.
    pub async fn delete_server(&self, id: &str) -> Result<(), ClientError> {
        self.delete(&format!("/admin/servers/{}", seg(id))).await
    }

    /// `GET /admin/servers/{id}/users`.
    pub async fn server_users(&self, id: &str) -> Result<Vec<AssignedUser>, ClientError> {
        self.get(&format!("/admin/servers/{}/users", seg(id))).await
    }

    /// `POST /admin/servers/{id}/users` with several ids.
    pub async fn assign(
        &self,
        server: &str,
        users: &[String],
    ) -> Result<AssignResult, ClientError> {
        let body = AssignUsers {
            id: None,
            ids: Some(users.to_vec()),
        };
        self.with_body(
            Method::POST,
            &format!("/admin/servers/{}/users", seg(server)),
            &body,
        )
        .await
    }

    /// `DELETE /admin/servers/{id}/users/{user}`.
    pub async fn unassign(&self, server: &str, user: &str) -> Result<(), ClientError> {
        self.delete(&format!(
            "/admin/servers/{}/users/{}",
            seg(server),
            seg(user)
        ))
        .await
    }

    /// `GET /admin/traffic`: totals per user over all servers.
    pub async fn traffic(&self) -> Result<TrafficByUser, ClientError> {
        self.get("/admin/traffic").await
    }

    /// `GET /admin/traffic?by=server`: totals per server.
    pub async fn traffic_by_server(&self) -> Result<Vec<ServerTraffic>, ClientError> {
        self.get("/admin/traffic?by=server").await
    }

    /// `GET /admin/history`: traffic in hourly or daily buckets, or per server, over a range.
    pub async fn history(
        &self,
        user: Option<&str>,
        since: jiff::Timestamp,
        by: HistoryBy,
    ) -> Result<Vec<HistoryPoint>, ClientError> {
        let by = match by {
            HistoryBy::Hour => "hour",
            HistoryBy::Day => "day",
            HistoryBy::Server => "server",
        };
        let mut path = format!("/admin/history?by={by}&since={}", seg(&since.to_string()));
        if let Some(user) = user {
            path.push_str(&format!("&user={}", seg(user)));
        }
        self.get(&path).await
    }

    /// `GET /admin/log`: auth decisions of the nodes, newest first.
    pub async fn auth_log(
        &self,
        user: Option<&str>,
        refused: bool,
        since: jiff::Timestamp,
        limit: u32,
    ) -> Result<Vec<AuthLogEntry>, ClientError> {
        let mut path = format!("/admin/log?since={}&limit={limit}", seg(&since.to_string()));
        if let Some(user) = user {
            path.push_str(&format!("&user={}", seg(user)));
        }
        if refused {
            path.push_str("&refused=true");
        }
        self.get(&path).await
    }

    /// `GET /admin/sessions`: who is connected now.
    pub async fn sessions(
        &self,
        user: Option<&str>,
        server: Option<&str>,
        kind: Option<crate::servers::ServerKind>,
    ) -> Result<Vec<OnlineSession>, ClientError> {
        let mut path = "/admin/sessions?".to_owned();
        if let Some(u) = user {
            path.push_str(&format!("user={}&", seg(u)));
        }
        if let Some(s) = server {
            path.push_str(&format!("server={}&", seg(s)));
        }
        if let Some(k) = kind {
            path.push_str(&format!("kind={}&", k.as_str()));
        }
        self.get(path.trim_end_matches(['&', '?'])).await
    }

    /// `POST /admin/sessions/kill`.
    pub async fn kill_sessions(
        &self,
        body: &crate::users::KillSessions,
    ) -> Result<(), ClientError> {
        self.send(
            self.request(Method::POST, "/admin/sessions/kill")
                .json(body),
        )
        .await
        .map(drop)
    }

    /// `GET /admin/webhooks`.
    pub async fn webhooks(&self) -> Result<Vec<Webhook>, ClientError> {
        self.get("/admin/webhooks").await
    }

    /// `POST /admin/webhooks`: the answer holds the signing secret, shown this once.
    pub async fn create_webhook(&self, new: &CreateWebhook) -> Result<CreatedWebhook, ClientError> {
        self.with_body(Method::POST, "/admin/webhooks", new).await
    }

    /// `DELETE /admin/webhooks/{id}`.
    pub async fn delete_webhook(&self, id: i64) -> Result<(), ClientError> {
        self.delete(&format!("/admin/webhooks/{id}")).await
    }

    /// `GET /admin/webhooks/{id}/deliveries`.
    pub async fn webhook_deliveries(&self, id: i64) -> Result<Vec<Delivery>, ClientError> {
        self.get(&format!("/admin/webhooks/{id}/deliveries")).await
    }

    /// `GET /admin/events`: server-sent events, as a stream of pieces (see
    /// [`crate::events`]); `follow` keeps it open.
    pub async fn events(
        &self,
        types: Option<&str>,
        since: Option<jiff::Timestamp>,
        follow: bool,
    ) -> Result<ListBody, ClientError> {
        let mut path = format!("/admin/events?follow={follow}");
        if let Some(t) = types {
            path.push_str(&format!("&types={}", seg(t)));
        }
        if let Some(since) = since {
            path.push_str(&format!("&since={}", seg(&since.to_string())));
        }
        // Followed for as long as the caller wants; the server sends a keep-alive every 15 s.
        let req = self
            .request(Method::GET, &path)
            .timeout(Duration::from_secs(100 * 365 * 86_400));
        let resp = self.send(req).await?;
        Ok(ListBody {
            url: resp.url().to_string(),
            resp,
            client: self.clone(),
        })
    }

    /// `GET /admin/traffic/export`: hourly history as CSV or JSON, as a stream of pieces.
    pub async fn traffic_export(
        &self,
        since: jiff::Timestamp,
        until: jiff::Timestamp,
        json: bool,
        user: Option<&str>,
    ) -> Result<ListBody, ClientError> {
        let mut path = format!(
            "/admin/traffic/export?since={}&until={}&format={}",
            seg(&since.to_string()),
            seg(&until.to_string()),
            if json { "json" } else { "csv" }
        );
        if let Some(user) = user {
            path.push_str(&format!("&user={}", seg(user)));
        }
        let req = self
            .request(Method::GET, &path)
            .timeout(Duration::from_secs(24 * 3600));
        let resp = self.send(req).await?;
        Ok(ListBody {
            url: resp.url().to_string(),
            resp,
            client: self.clone(),
        })
    }

    /// `GET /admin/audit`: the audit trail, newest first.
    pub async fn audit(
        &self,
        since: jiff::Timestamp,
        actor: Option<&str>,
        path: Option<&str>,
        limit: u32,
    ) -> Result<Vec<AuditEntry>, ClientError> {
        let mut url = format!(
            "/admin/audit?since={}&limit={limit}",
            seg(&since.to_string())
        );
        if let Some(actor) = actor {
            url.push_str(&format!("&actor={}", seg(actor)));
        }
        if let Some(path) = path {
            url.push_str(&format!("&path={}", seg(path)));
        }
        self.get(&url).await
    }

    /// `GET /admin/traffic/{user}`.
    pub async fn user_traffic(&self, user: &str) -> Result<TrafficByUser, ClientError> {
        self.get(&format!("/admin/traffic/{}", seg(user))).await
    }

    /// `GET /admin/traffic/{user}?by=server`.
    pub async fn user_traffic_by_server(
        &self,
        user: &str,
    ) -> Result<Vec<ServerTraffic>, ClientError> {
        self.get(&format!("/admin/traffic/{}?by=server", seg(user)))
            .await
    }

    /// `GET /auth/{server_id}`: `Ok(None)` when `etag` is still current (304). With `wait`, central
    /// holds the request open until the list changes or the wait ends.
    pub async fn node_list(
        &self,
        server_id: &str,
        etag: Option<&str>,
        wait: Option<Duration>,
    ) -> Result<Option<NodeList>, ClientError> {
        let url = node_url(&format!("{}/auth", self.base), server_id);
        self.node_list_at(&url, etag, wait).await
    }

    /// [`Client::node_list`] at a full URL (`--central-server-auth` + `/` + server id).
    pub async fn node_list_at(
        &self,
        url: &str,
        etag: Option<&str>,
        wait: Option<Duration>,
    ) -> Result<Option<NodeList>, ClientError> {
        let Some((url, bytes)) = self.node_list_raw_at(url, etag, wait).await? else {
            return Ok(None);
        };
        serde_json::from_slice(&bytes)
            .map(Some)
            .map_err(|e| ClientError::Protocol {
                url,
                reason: format!("invalid node list: {e}"),
            })
    }

    /// [`Client::node_list_at`] as a stream of the body's pieces, for a node that writes the
    /// list to disk as it arrives and parses it from there: at a million users the list is
    /// about 100 MB, which a node must not hold in memory beside two tables.
    pub async fn node_list_stream_at(
        &self,
        url: &str,
        etag: Option<&str>,
        wait: Option<Duration>,
    ) -> Result<Option<ListBody>, ClientError> {
        // Devices too: this client's table checks what a device entry adds. Central's of the
        // original system ignores the parameter.
        let mut url = format!("{url}?devices=1");
        let mut req_timeout = self.timeout;
        if let Some(wait) = wait {
            url.push_str(&format!("&wait={}", wait.as_secs()));
            req_timeout += wait;
        }
        let mut req = self.request_url(Method::GET, &url).timeout(req_timeout);
        if let Some(etag) = etag {
            req = req.header(header::IF_NONE_MATCH, format!("\"{etag}\""));
        }
        let resp = self.send(req).await?;
        if resp.status() == StatusCode::NOT_MODIFIED {
            return Ok(None);
        }
        Ok(Some(ListBody {
            url: resp.url().to_string(),
            resp,
            client: self.clone(),
        }))
    }

    /// [`Client::node_list_at`] without parsing: the final URL and the JSON body as received,
    /// for a caller that builds its own structure from it or keeps it.
    pub async fn node_list_raw_at(
        &self,
        url: &str,
        etag: Option<&str>,
        wait: Option<Duration>,
    ) -> Result<Option<(String, bytes::Bytes)>, ClientError> {
        let Some(mut body) = self.node_list_stream_at(url, etag, wait).await? else {
            return Ok(None);
        };
        // Gathered into one buffer as the pieces arrive, not collected and then copied: the
        // list is megabytes, and central streams it without a length, so the collected pieces
        // would be thousands of small allocations left to fragment the heap.
        let mut all = Vec::with_capacity(body.resp.content_length().unwrap_or(0) as usize);
        while let Some(piece) = body.chunk().await? {
            all.extend_from_slice(&piece);
        }
        Ok(Some((body.url, all.into())))
    }

    /// `POST /traffic/{server_id}` with a numbered batch.
    pub async fn report(
        &self,
        server_id: &str,
        batch: &TrafficBatch,
    ) -> Result<ReportAck, ClientError> {
        let url = node_url(&format!("{}/traffic", self.base), server_id);
        self.report_at(&url, batch).await
    }

    /// [`Client::report`] at a full URL (`--central-server-traffic` + `/` + server id).
    pub async fn report_at(
        &self,
        url: &str,
        batch: &TrafficBatch,
    ) -> Result<ReportAck, ClientError> {
        self.json(self.request_url(Method::POST, url).json(batch))
            .await
    }
}

impl Client {
    /// `GET /devices/{server_id}` at a full URL: device-limited users' devices on other nodes.
    pub async fn devices_elsewhere_at(
        &self,
        url: &str,
    ) -> Result<std::collections::BTreeMap<String, u64>, ClientError> {
        self.json(self.request_url(Method::GET, url)).await
    }

    /// `POST /devices/{server_id}` at a full URL: this node's devices per device-limited user.
    pub async fn report_devices_at(
        &self,
        url: &str,
        counts: &std::collections::BTreeMap<String, u64>,
    ) -> Result<(), ClientError> {
        self.send(self.request_url(Method::POST, url).json(counts))
            .await
            .map(drop)
    }

    /// `POST /sessions/{server_id}` at a full URL: this media node's live sessions.
    pub async fn report_sessions_at(
        &self,
        url: &str,
        sessions: &[crate::node::NodeSession],
    ) -> Result<(), ClientError> {
        self.send(self.request_url(Method::POST, url).json(sessions))
            .await
            .map(drop)
    }
}

/// The URL of a node endpoint: `base` (e.g. `http://central:9090/auth`) + `/` + the server id.
pub fn node_url(base: &str, server_id: &str) -> String {
    format!("{}/{}", base.trim_end_matches('/'), seg(server_id))
}

/// Percent-encodes one path segment. Ids are validated to URL-safe alphabets, but a user typo
/// like `a/b` must reach central as one segment and be refused there, not route elsewhere.
/// A node list's body, arriving; see [`Client::node_list_stream_at`].
#[derive(Debug)]
pub struct ListBody {
    /// The final URL (after redirects), for error messages.
    pub url: String,
    resp: reqwest::Response,
    client: Client,
}

impl ListBody {
    /// The next piece of the body; `None` at its end.
    pub async fn chunk(&mut self) -> Result<Option<bytes::Bytes>, ClientError> {
        self.resp
            .chunk()
            .await
            .map_err(|e| self.client.unreachable(&e))
    }
}

/// `limit=..&after=..&q=..` of a page request.
fn page_query(page: &PageQuery) -> String {
    let mut parts = Vec::new();
    if let Some(limit) = page.limit {
        parts.push(format!("limit={limit}"));
    }
    if let Some(after) = &page.after {
        parts.push(format!("after={}", seg(after)));
    }
    if let Some(q) = &page.q {
        parts.push(format!("q={}", seg(q)));
    }
    parts.join("&")
}

fn seg(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b'@') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
