//! Setting hyctl up as the built binary: login and the config file, versions, live completion.

use super::admin::*;

#[tokio::test]
async fn login_saves_a_checked_config_and_the_token_file_is_found() {
    let c = TestCentral::start().await;
    let env = Env::bare();
    // Wrong token: nothing saved.
    let failed = env.run(&["login", &c.url, "--token", "wrong"]).await;
    assert_eq!(failed.code, 1);
    let config = env.home.path().join("config/hyctl/config.toml");
    assert!(!config.exists());
    let ok = env
        .run_with_stdin(&["login", &c.url], Some(&format!("{}\n", c.token)))
        .await
        .ok();
    assert!(ok.stdout.starts_with("logged in to "), "{}", ok.stdout);
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&config).unwrap().permissions().mode() & 0o777,
        0o600
    );
    env.run(&["user", "add", "alice"]).await.ok();
    let shown = env.run(&["config", "show"]).await.ok().stdout;
    assert!(
        shown.contains("token = \"***\"") && !shown.contains(&c.token),
        "{shown}"
    );
    assert_eq!(
        env.run(&["config", "path"]).await.ok().stdout.trim(),
        config.to_str().unwrap()
    );
    env.run(&["config", "unset", "token"]).await.ok();
    assert_eq!(
        env.run(&["user", "list"]).await.code,
        1,
        "no token any more"
    );

    // On central's host: the token file central wrote, found in the working directory.
    std::fs::write(
        env.home.path().join("central.db.admin-token"),
        format!("{}\n", c.token),
    )
    .unwrap();
    assert_eq!(
        env.run(&["user", "list", "-q"]).await.ok().stdout,
        "alice\n"
    );
    let elsewhere = tempfile::tempdir().unwrap();
    let token_file = elsewhere.path().join("t");
    std::fs::write(&token_file, &c.token).unwrap();
    std::fs::remove_file(env.home.path().join("central.db.admin-token")).unwrap();
    let via_flag = env
        .run(&[
            "user",
            "list",
            "-q",
            "--token-file",
            token_file.to_str().unwrap(),
        ])
        .await
        .ok();
    assert_eq!(via_flag.stdout, "alice\n");
    let missing = env
        .run(&["user", "list", "--token-file", "/nonexistent"])
        .await;
    assert_eq!(missing.code, 2);
    assert!(Path::new(&config).exists());
    c.stop().await;
}

#[tokio::test]
async fn version_reports_both_ends() {
    let c = TestCentral::start().await;
    let env = Env::new(&c);
    let out = env.run(&["version"]).await.ok().stdout;
    assert!(
        out.starts_with(concat!("hyctl ", env!("CARGO_PKG_VERSION"), "\ncentral ")),
        "{out}"
    );
    let mut down = Env::new(&c);
    down.vars[0].1 = "http://127.0.0.1:1".into();
    let unreachable = down.run(&["version"]).await;
    assert_eq!(unreachable.code, 3);
    assert_eq!(
        unreachable.stdout,
        concat!("hyctl ", env!("CARGO_PKG_VERSION"), "\n")
    );
    c.stop().await;
}

#[tokio::test]
async fn live_completion_offers_user_ids_and_server_names_from_central() {
    let c = TestCentral::start().await;
    let env = Env::new(&c);
    for id in ["alice", "albert", "bob"] {
        env.run(&["user", "add", id, "-q"]).await.ok();
    }
    env.add_server("edge-1").await;
    let complete = |line: &'static [&'static str]| {
        let mut cmd = env.command(&["--", "hyctl"]);
        cmd.args(line).env("COMPLETE", "fish").stdin(Stdio::null());
        cmd
    };
    let users = complete(&["user", "show", "al"]).output().await.unwrap();
    let users = String::from_utf8(users.stdout).unwrap();
    assert_eq!(users, "albert\t0 servers\nalice\t0 servers\n");
    let servers = complete(&["server", "assign", "e"]).output().await.unwrap();
    assert_eq!(
        String::from_utf8(servers.stdout).unwrap(),
        "edge-1\t0 users\n"
    );
    // Central unreachable: no candidates, no noise, no hang.
    let mut down = Env::new(&c);
    down.vars[0].1 = "http://127.0.0.1:1".into();
    let mut cmd = down.command(&["--", "hyctl", "user", "show", "a"]);
    let out = cmd
        .env("COMPLETE", "fish")
        .stdin(Stdio::null())
        .output()
        .await
        .unwrap();
    assert!(out.stdout.is_empty() && out.stderr.is_empty());
    c.stop().await;
}
