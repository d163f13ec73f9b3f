//! An HTTP proxy between agents and central that misbehaves on purpose: it can lose central's
//! answer to a traffic report after central applied it, or deliver a report to central twice.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use tokio::net::TcpListener;

/// What the proxy does to the n-th traffic report (1-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// Pass it through.
    None,
    /// Forward it, then answer 502 as a gateway whose upstream connection broke: central
    /// applied the batch but the agent never learns it.
    LoseResponse,
    /// Send it to central twice and answer with the second response.
    Duplicate,
}

type Plan = Arc<dyn Fn(u64) -> Fault + Send + Sync>;

/// The proxy.
#[derive(Clone)]
pub struct FlakyProxy {
    /// Base URL to give agents as `--central`.
    pub url: String,
    upstream: Arc<Mutex<String>>,
    http: reqwest::Client,
    plan: Plan,
    reports: Arc<AtomicU64>,
    /// How many reports suffered each fault: (lost, duplicated).
    faults: Arc<Mutex<(u64, u64)>>,
}

impl std::fmt::Debug for FlakyProxy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FlakyProxy")
            .field("url", &self.url)
            .finish_non_exhaustive()
    }
}

impl FlakyProxy {
    /// Starts a proxy to `upstream` that applies `plan` to each traffic report.
    pub async fn start(
        upstream: &str,
        plan: impl Fn(u64) -> Fault + Send + Sync + 'static,
    ) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let proxy = Self {
            url: format!("http://{}", listener.local_addr().unwrap()),
            upstream: Arc::new(Mutex::new(upstream.to_owned())),
            http: reqwest::Client::new(),
            plan: Arc::new(plan),
            reports: Arc::default(),
            faults: Arc::default(),
        };
        let app = axum::Router::new()
            .fallback(forward)
            .with_state(proxy.clone());
        tokio::spawn(async move { axum::serve(listener, app).await });
        proxy
    }

    /// (lost responses, duplicated requests) so far.
    pub fn faults(&self) -> (u64, u64) {
        *self.faults.lock().unwrap()
    }

    async fn send(
        &self,
        method: &axum::http::Method,
        path: &str,
        headers: &axum::http::HeaderMap,
        body: &Bytes,
    ) -> Result<(StatusCode, Vec<(String, String)>, Bytes), String> {
        let url = format!("{}{path}", self.upstream.lock().unwrap());
        let mut req = self.http.request(method.clone(), url).body(body.clone());
        for (k, v) in headers {
            if k != "host" && k != "content-length" {
                req = req.header(k, v);
            }
        }
        let resp = req.send().await.map_err(|e| e.to_string())?;
        let status = StatusCode::from_u16(resp.status().as_u16()).unwrap();
        let headers = resp
            .headers()
            .iter()
            .filter(|(k, _)| *k != "content-length" && *k != "transfer-encoding")
            .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or("").to_owned()))
            .collect();
        Ok((
            status,
            headers,
            resp.bytes().await.map_err(|e| e.to_string())?,
        ))
    }
}

async fn forward(State(p): State<FlakyProxy>, req: Request) -> Response {
    let method = req.method().clone();
    let path = req
        .uri()
        .path_and_query()
        .map(|pq| pq.to_string())
        .unwrap_or_default();
    let headers = req.headers().clone();
    let body = axum::body::to_bytes(req.into_body(), 64 << 20)
        .await
        .unwrap_or_default();
    let fault = if method == "POST" && path.starts_with("/traffic/") {
        (p.plan)(p.reports.fetch_add(1, Ordering::SeqCst) + 1)
    } else {
        Fault::None
    };
    let first = p.send(&method, &path, &headers, &body).await;
    let result = match fault {
        Fault::None => first,
        Fault::LoseResponse => {
            if first.is_ok() {
                p.faults.lock().unwrap().0 += 1;
            }
            return (StatusCode::BAD_GATEWAY, "upstream connection reset\n").into_response();
        }
        Fault::Duplicate => {
            p.faults.lock().unwrap().1 += 1;
            p.send(&method, &path, &headers, &body).await
        }
    };
    match result {
        Ok((status, headers, bytes)) => {
            let mut resp = Response::new(Body::from(bytes));
            *resp.status_mut() = status;
            for (k, v) in headers {
                if let (Ok(k), Ok(v)) = (
                    axum::http::HeaderName::try_from(k),
                    axum::http::HeaderValue::try_from(v),
                ) {
                    resp.headers_mut().insert(k, v);
                }
            }
            resp
        }
        Err(e) => (StatusCode::BAD_GATEWAY, format!("{e}\n")).into_response(),
    }
}
