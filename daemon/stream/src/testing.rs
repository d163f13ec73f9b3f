//! What the adapters' tests share: a node holding a given list, and a call to a route.

use axum::Router;
use axum::body::Body;
use hy_api::node::{NodeList, NodeUser};
use hy_node::NodeState;
use tower::ServiceExt;

/// A node whose table holds `users`, as if central had sent them.
pub fn node(users: Vec<NodeUser>) -> NodeState {
    let state = NodeState::new("test", "media", "media", "hyctl_stream_test");
    let list = NodeList {
        revision: "1.1".into(),
        users,
        ..Default::default()
    };
    let (table, _) = hy_node::table::Table::from_json(&serde_json::to_vec(&list).unwrap()).unwrap();
    state.table.store(table);
    state
}

/// A list entry for `id` whose credential is `secret`.
pub fn entry(id: &str, secret: &str) -> NodeUser {
    NodeUser {
        id: id.into(),
        auth_sha256: hy_api::auth_digest(secret),
        ..Default::default()
    }
}

/// POSTs `body` as JSON to `path`: the status and the body.
pub async fn post_json(app: &Router, path: &str, body: serde_json::Value) -> (u16, String) {
    let resp = app
        .clone()
        .oneshot(
            axum::http::Request::post(path)
                .header("content-type", "application/json")
                .body(Body::from(body.to_string()))
                .unwrap(),
        )
        .await
        .unwrap();
    let status = resp.status().as_u16();
    let body = axum::body::to_bytes(resp.into_body(), 1 << 16)
        .await
        .unwrap();
    (status, String::from_utf8(body.to_vec()).unwrap())
}
