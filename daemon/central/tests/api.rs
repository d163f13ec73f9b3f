//! Integration tests of central: the real daemon on `127.0.0.1:0` with a temporary database,
//! driven over HTTP. One test binary; each file below is a module.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod admins;
mod audit;
mod errors;
mod events;
mod nodes;
mod original;
mod panel;
mod postgres;
mod resources;
mod roles;
mod schema;
mod store;
mod subscriptions;
mod tls;
mod webhooks;

#[test]
fn no_forgotten_test_files() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let declared = include_str!("api.rs");
    for entry in std::fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if let Some(module) = name.strip_suffix(".rs")
            && module != "api"
        {
            let declaration = format!("mod {module};");
            assert!(
                declared.contains(&declaration),
                "tests/{name} is not declared in api.rs"
            );
        }
    }
}
