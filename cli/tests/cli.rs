//! Tests of the built `hyctl` binary. One test binary; each file below is a module.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[macro_use]
mod admin;
mod agent_auth;
mod daemons;
mod devices;
mod exactness;
mod fake_hysteria;
mod generated;
mod limits;
mod media;
mod revocation;
mod servers;
mod setup;
mod traffic;
mod users;

#[test]
fn cli_is_well_formed() {
    use clap::CommandFactory;
    hyctl::Cli::command().debug_assert();
}

#[test]
fn no_forgotten_test_files() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let declared = include_str!("cli.rs");
    for entry in std::fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if let Some(module) = name.strip_suffix(".rs")
            && module != "cli"
        {
            let declaration = format!("mod {module};");
            assert!(
                declared.contains(&declaration),
                "tests/{name} is not declared in cli.rs"
            );
        }
    }
}
