//! The OpenAPI document as served: what utoipa derives from the handler list, finished with what
//! the derive cannot say, in one place. The test suite validates its real requests and
//! responses against the result (hy-testkit's `openapi`), so every line here is checked.
//!
//! - Bodies built with `#[serde(flatten)]` (`CreateUser`, `UpdateUser`) derive as `allOf` of
//!   parts, one of which forbids additional properties: no body could validate. They become one
//!   object with every property and `additionalProperties: false`, which is what central parses.
//! - Constraints central enforces are stated: id, name and secret patterns (the same rules as
//!   `hy_api::validate`, tested against each other there), multiplier bounds, list and note
//!   limits, query-parameter enums and formats, and `minProperties` for `PATCH` bodies.
//! - Statuses every operation of a kind can answer: `401` and `403` where a credential is needed, `413`
//!   where a body is read; and the two shapes of the traffic answers.

use hy_api::validate;
use serde_json::{Map, Value, json};

/// The finished document.
pub fn finish(doc: utoipa::openapi::OpenApi) -> Value {
    let mut v = serde_json::to_value(doc).unwrap_or_default();
    let components = v["components"]["schemas"].clone();
    if let Some(schemas) = v["components"]["schemas"].as_object_mut() {
        for schema in schemas.values_mut() {
            flatten_all_of(schema, &components);
        }
    }
    constraints(&mut v);
    statuses(&mut v);
    v
}

/// `allOf` of objects (inline or `$ref`) → one object.
fn flatten_all_of(schema: &mut Value, components: &Value) {
    let Some(parts) = schema.get("allOf").and_then(Value::as_array).cloned() else {
        return;
    };
    let (mut properties, mut required) = (Map::new(), Vec::<Value>::new());
    for part in &parts {
        let part = match part.get("$ref").and_then(Value::as_str) {
            Some(r) => &components[r.trim_start_matches("#/components/schemas/")],
            None => part,
        };
        if let Some(p) = part["properties"].as_object() {
            properties.extend(p.clone());
        }
        if let Some(r) = part["required"].as_array() {
            required.extend(r.iter().cloned());
        }
    }
    let description = schema.get("description").cloned();
    *schema = json!({
        "type": "object",
        "properties": properties,
        "additionalProperties": false,
    });
    if !required.is_empty() {
        schema["required"] = Value::Array(required);
    }
    if let Some(d) = description {
        schema["description"] = d;
    }
}

fn set(v: &mut Value, pointer: &str, key: &str, value: Value) {
    if let Some(target) = v.pointer_mut(pointer).and_then(Value::as_object_mut) {
        target.insert(key.to_owned(), value);
    }
}

/// The schema of query parameter `name` of `op` (a pointer to an operation).
fn param<'a>(v: &'a mut Value, op: &str, name: &str) -> Option<&'a mut Value> {
    v.pointer_mut(&format!("{op}/parameters"))?
        .as_array_mut()?
        .iter_mut()
        .find(|p| p["name"] == name)
        .map(|p| &mut p["schema"])
}

fn constraints(v: &mut Value) {
    let schemas = "/components/schemas";
    for (schema, field, pattern) in [
        ("CreateUser", "id", validate::USER_ID_PATTERN),
        ("CreateUser", "secret", validate::SECRET_PATTERN),
        ("UpdateUser", "secret", validate::SECRET_PATTERN),
        ("CreateServer", "id", validate::SERVER_ID_PATTERN),
        ("CreateServer", "name", validate::SERVER_NAME_PATTERN),
        ("UpdateServer", "name", validate::SERVER_NAME_PATTERN),
    ] {
        set(
            v,
            &format!("{schemas}/{schema}/properties/{field}"),
            "pattern",
            json!(pattern),
        );
    }
    for schema in ["CreateUser", "UpdateUser", "UserSettings"] {
        let props = format!("{schemas}/{schema}/properties");
        set(
            v,
            &format!("{props}/note"),
            "maxLength",
            json!(validate::NOTE_MAX),
        );
        set(
            v,
            &format!("{props}/allowed_ips"),
            "maxItems",
            json!(validate::ALLOWED_IPS_MAX),
        );
        set(
            v,
            &format!("{props}/data_limit"),
            "maximum",
            json!(i64::MAX),
        );
    }
    for schema in ["CreateServer", "UpdateServer"] {
        let m = format!("{schemas}/{schema}/properties/traffic_multiplier");
        set(v, &m, "minimum", json!(0));
        set(v, &m, "maximum", json!(100));
    }
    for schema in ["UpdateUser", "UpdateServer"] {
        set(v, &format!("{schemas}/{schema}"), "minProperties", json!(1));
    }
    let op = |path: &str, method: &str| format!("/paths/{}/{method}", path.replace('/', "~1"));
    for (path, name, values) in [
        ("/admin/traffic", "by", &["user", "server"][..]),
        ("/admin/traffic/{user_id}", "by", &["user", "server"]),
        ("/admin/history", "by", &["hour", "day", "server"]),
    ] {
        if let Some(s) = param(v, &op(path, "get"), name) {
            s["enum"] = json!(values);
        }
    }
    let states = hy_api::users::UserState::ALL.map(hy_api::users::UserState::as_str);
    if let Some(s) = param(v, &op("/admin/users", "get"), "state") {
        s["enum"] = json!(states);
    }
    for (path, name) in [
        ("/admin/history", "since"),
        ("/admin/history", "until"),
        ("/admin/log", "since"),
    ] {
        if let Some(s) = param(v, &op(path, "get"), name) {
            s["format"] = json!("date-time");
        }
    }
    // `POST /admin/servers` takes an empty body (every field has a default).
    set(v, &op("/admin/servers", "post"), "requestBody", {
        let mut rb = v
            .pointer(&format!("{}/requestBody", op("/admin/servers", "post")))
            .cloned()
            .unwrap_or_default();
        rb["required"] = json!(false);
        rb
    });
    // The traffic answers are a map per user by default and a list with `by=server`.
    let by_user =
        json!({"type": "object", "additionalProperties": {"$ref": "#/components/schemas/Traffic"}});
    let by_server =
        json!({"type": "array", "items": {"$ref": "#/components/schemas/ServerTraffic"}});
    // Reports are a numbered batch or the original bare map of user id to counters.
    set(
        v,
        &format!(
            "{}/requestBody/content/application~1json",
            op("/traffic/{server_id}", "post")
        ),
        "schema",
        json!({"oneOf": [{"$ref": "#/components/schemas/TrafficBatch"}, by_user]}),
    );
    for path in ["/admin/traffic", "/admin/traffic/{user_id}"] {
        let ok = format!("{}/responses/200", op(path, "get"));
        set(
            v,
            &ok,
            "description",
            json!("per user (default), or per server with `by=server`"),
        );
        set(
            v,
            &format!("{ok}/content/application~1json"),
            "schema",
            json!({"oneOf": [by_user, by_server]}),
        );
    }
}

fn statuses(v: &mut Value) {
    let error = json!({"content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}}});
    let Some(paths) = v["paths"].as_object_mut() else {
        return;
    };
    for item in paths.values_mut() {
        let Some(item) = item.as_object_mut() else {
            continue;
        };
        for op in item.values_mut() {
            let secured = op.get("security").is_some();
            let has_body = op.get("requestBody").is_some();
            let Some(responses) = op.get_mut("responses").and_then(Value::as_object_mut) else {
                continue;
            };
            if secured {
                responses.entry("401").or_insert_with(|| {
                    let mut r = error.clone();
                    r["description"] = json!("missing or wrong admin token");
                    r
                });
                responses.entry("403").or_insert_with(|| {
                    let mut r = error.clone();
                    r["description"] = json!("the credential's role may not do this");
                    r
                });
            }
            if has_body {
                responses.entry("413").or_insert_with(|| {
                    let mut r = error.clone();
                    r["description"] =
                        json!("body too large (admin bodies: 1 MiB, reports: 64 MiB)");
                    r
                });
            }
        }
    }
}
