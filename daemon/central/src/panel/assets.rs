//! The panel's static files, compiled into the binary: one stylesheet and one script, both
//! ours (nothing third-party, so nothing to pin, hash or refresh).

use axum::extract::Path;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

const FILES: &[(&str, &str, &str)] = &[
    (
        "panel.css",
        "text/css; charset=utf-8",
        include_str!("../../assets/panel.css"),
    ),
    (
        "panel.js",
        "text/javascript; charset=utf-8",
        include_str!("../../assets/panel.js"),
    ),
];

pub async fn serve(Path(name): Path<String>) -> Response {
    let Some((_, kind, body)) = FILES.iter().find(|(n, _, _)| *n == name) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let mut resp = (*body).into_response();
    let h = resp.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    // Short: a new build's files reach open browsers within minutes.
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=300"),
    );
    resp
}
