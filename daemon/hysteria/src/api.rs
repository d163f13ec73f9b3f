//! Client of Hysteria's Traffic Stats API, exactly as upstream serves it: plain HTTP, the raw
//! secret in `Authorization` (no `Bearer `), `/traffic?clear=1`, `/online`, `POST /kick`; and
//! the node runtime's [`Plane`] over it.

use std::time::Duration;

use hy_api::Secret;
use hy_node::spool::Deltas;
use hy_node::{Online, Plane, PlaneError};
use reqwest::StatusCode;

/// How long one call to Hysteria may take.
const TIMEOUT: Duration = Duration::from_secs(5);

/// Why a call to Hysteria failed.
#[derive(Debug, thiserror::Error)]
pub enum HysteriaError {
    /// Could not connect, or no answer in time.
    #[error("could not reach Hysteria's traffic stats API at {url}: {reason}")]
    Unreachable {
        /// The URL tried.
        url: String,
        /// Why.
        reason: String,
    },
    /// 401: the secret does not match Hysteria's `trafficStats.secret`.
    #[error(
        "Hysteria refused the API secret (401); --secret must equal trafficStats.secret in Hysteria's config"
    )]
    Unauthorized,
    /// 404 on a path every supported Hysteria serves.
    #[error(
        "Hysteria answered 404 for {path}; it needs trafficStats enabled (and 2.4.4+ for /online)"
    )]
    NotFound {
        /// The path.
        path: &'static str,
    },
    /// Anything else unexpected.
    #[error("unexpected answer from Hysteria for {path}: {reason}")]
    Protocol {
        /// The path.
        path: &'static str,
        /// What was wrong.
        reason: String,
    },
}

/// The two API bases (they may differ, as in the original flags) and the secret.
#[derive(Debug, Clone)]
pub struct Hysteria {
    http: reqwest::Client,
    traffic_base: String,
    proxy_base: String,
    secret: Secret,
}

impl Hysteria {
    /// A client for the given API bases.
    pub fn new(traffic_base: String, proxy_base: String, secret: Secret) -> anyhow::Result<Self> {
        let http = reqwest::Client::builder()
            .timeout(TIMEOUT)
            .user_agent(concat!("hyctl-agent/", env!("CARGO_PKG_VERSION")))
            .build()?;
        Ok(Self {
            http,
            traffic_base,
            proxy_base,
            secret,
        })
    }

    async fn call(
        &self,
        req: reqwest::RequestBuilder,
        base: &str,
        path: &'static str,
    ) -> Result<axum::body::Bytes, HysteriaError> {
        let resp = req
            .header("Authorization", self.secret.expose())
            .send()
            .await
            .map_err(|e| HysteriaError::Unreachable {
                url: format!("{base}{path}"),
                reason: chain(&e),
            })?;
        match resp.status() {
            StatusCode::OK => resp.bytes().await.map_err(|e| HysteriaError::Unreachable {
                url: format!("{base}{path}"),
                reason: chain(&e),
            }),
            StatusCode::UNAUTHORIZED => Err(HysteriaError::Unauthorized),
            StatusCode::NOT_FOUND => Err(HysteriaError::NotFound { path }),
            other => {
                let body = resp.text().await.unwrap_or_default();
                Err(HysteriaError::Protocol {
                    path,
                    reason: format!("{other}: {}", body.trim()),
                })
            }
        }
    }

    /// `GET /traffic?clear=1`: bytes per id since the last clear; Hysteria zeroes its counters
    /// in the same step, so the caller now owns this delta.
    pub async fn take_traffic(&self) -> Result<Deltas, HysteriaError> {
        let url = format!("{}/traffic?clear=1", self.traffic_base);
        let body = self
            .call(self.http.get(url), &self.traffic_base, "/traffic")
            .await?;
        serde_json::from_slice(&body).map_err(|e| HysteriaError::Protocol {
            path: "/traffic",
            reason: e.to_string(),
        })
    }

    /// `GET /online`: connected client instances per id (ids at zero are absent).
    pub async fn online(&self) -> Result<Online, HysteriaError> {
        let url = format!("{}/online", self.proxy_base);
        let body = self
            .call(self.http.get(url), &self.proxy_base, "/online")
            .await?;
        serde_json::from_slice(&body).map_err(|e| HysteriaError::Protocol {
            path: "/online",
            reason: e.to_string(),
        })
    }

    /// `POST /kick`: marks the ids; each mark closes one connection on its next traffic.
    pub async fn kick(&self, ids: &[String]) -> Result<(), HysteriaError> {
        let url = format!("{}/kick", self.proxy_base);
        self.call(self.http.post(url).json(ids), &self.proxy_base, "/kick")
            .await
            .map(drop)
    }
}

/// `/kick` is lazy: the runtime's enforcer reads `/online` again and kicks again while an id
/// is still online, which is exactly what Hysteria's semantics need.
impl Plane for Hysteria {
    fn name(&self) -> &'static str {
        "hysteria"
    }

    fn display(&self) -> &'static str {
        "Hysteria's API"
    }

    async fn take_traffic(&self) -> Result<Deltas, PlaneError> {
        Ok(Hysteria::take_traffic(self).await?)
    }

    async fn online(&self) -> Result<Online, PlaneError> {
        Ok(Hysteria::online(self).await?)
    }

    async fn close(&self, users: &[String]) -> Result<(), PlaneError> {
        Ok(self.kick(users).await?)
    }
}

fn chain(err: &reqwest::Error) -> String {
    let mut out = err.to_string();
    let mut source = std::error::Error::source(err);
    while let Some(s) = source {
        out = format!("{out}: {s}");
        source = s.source();
    }
    out
}
