//! Central's OpenAPI document as a contract the test suite checks on every request it sends
//! through [`crate::TestCentral::send`]: the response must be documented for its status and
//! match its schema, and a request central accepted (2xx) must match the documented request
//! body, which must not be required when none was sent. So the document cannot drift from the
//! code again: a field, a status or a constraint the code has and the document lacks fails the
//! test that exercises it.
//!
//! Schemas are JSON Schema 2020-12 (OpenAPI 3.1), with formats asserted (`date-time`).

use std::sync::OnceLock;

use serde_json::{Value, json};

/// The document, built in-process from the same handler list as the router.
fn doc() -> &'static Value {
    static DOC: OnceLock<Value> = OnceLock::new();
    DOC.get_or_init(hy_central::http::openapi)
}

/// The operation a request hits: its path template's object and the method's operation.
fn operation(method: &str, path: &str) -> Option<(&'static str, &'static Value)> {
    let path = path.split('?').next().unwrap_or(path);
    let segments: Vec<&str> = path.split('/').collect();
    let paths = doc()["paths"].as_object()?;
    // A literal segment beats a parameter (`/admin/batch/users` is not `/admin/{x}/users`).
    let score = |template: &str| {
        let parts: Vec<&str> = template.split('/').collect();
        if parts.len() != segments.len() {
            return None;
        }
        let mut literal = 0;
        for (t, s) in parts.iter().zip(&segments) {
            if t.starts_with('{') && t.ends_with('}') {
                if s.is_empty() {
                    return None;
                }
            } else if t == s {
                literal += 1;
            } else {
                return None;
            }
        }
        Some(literal)
    };
    let (template, item) = paths
        .iter()
        .filter_map(|(t, item)| score(t).map(|s| (s, t, item)))
        .max_by_key(|(s, _, _)| *s)
        .map(|(_, t, item)| (t.as_str(), item))?;
    item.get(method.to_ascii_lowercase())
        .map(|op| (template, op))
}

/// Validates `instance` against `schema` (which may `$ref` the document's components).
fn check_schema(what: &str, schema: &Value, instance: &Value) {
    let root = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "components": doc()["components"],
        "allOf": [schema],
    });
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&root)
        .unwrap_or_else(|e| panic!("{what}: the documented schema does not compile: {e}"));
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{what} does not match the OpenAPI document:\n  {}\ninstance: {instance}\nschema: {schema}",
        errors.join("\n  ")
    );
}

/// Checks one exchange against the document; see the module note.
pub fn check(method: &str, path: &str, request: Option<&str>, status: u16, response: &Value) {
    let Some((template, op)) = operation(method, path) else {
        // No such route or method: central's own 404/405, which no operation documents.
        assert!(
            matches!(status, 404 | 405),
            "{method} {path} answered {status} but is not in the OpenAPI document"
        );
        return;
    };
    let what = format!("{method} {template}");
    let responses = &op["responses"];
    let documented = responses
        .get(status.to_string())
        .or_else(|| responses.get("default"))
        .unwrap_or_else(|| panic!("{what}: status {status} is not documented ({response})"));
    if let Some(schema) = documented.pointer("/content/application~1json/schema") {
        check_schema(&format!("{what} → {status}"), schema, response);
    } else if !response.is_null() && template != "/openapi.json" {
        panic!(
            "{what} → {status}: answered a JSON body the document does not describe: {response}"
        );
    }
    if !(200..300).contains(&status) {
        return;
    }
    let body = request.map(str::trim).filter(|b| !b.is_empty());
    match (body, op.get("requestBody")) {
        (None, Some(rb)) if rb["required"] == true => {
            panic!("{what}: the document requires a body, yet central accepted none")
        }
        (Some(body), Some(rb)) => {
            let Ok(value) = serde_json::from_str::<Value>(body) else {
                return;
            };
            if let Some(schema) = rb.pointer("/content/application~1json/schema") {
                check_schema(&format!("{what} request"), schema, &value);
            }
        }
        _ => {}
    }
}

/// Whether the document accepts `body` for `method path` (for tests that a constraint central
/// enforces is also documented).
pub fn request_is_valid(method: &str, path: &str, body: &Value) -> bool {
    let (_, op) =
        operation(method, path).unwrap_or_else(|| panic!("{method} {path} is not documented"));
    let schema = op
        .pointer("/requestBody/content/application~1json/schema")
        .unwrap_or_else(|| panic!("{method} {path} documents no body"));
    let root = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "components": doc()["components"],
        "allOf": [schema],
    });
    jsonschema::options()
        .should_validate_formats(true)
        .build(&root)
        .expect("the documented schema compiles")
        .is_valid(body)
}
