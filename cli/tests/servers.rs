//! `hyctl server ...` as the built binary: bootstrap output, kinds, and assigning to ids
//! central has never seen.

use super::admin::*;

#[tokio::test]
async fn bootstrap_prints_a_complete_node_setup() {
    let c = TestCentral::start().await;
    let env = Env::new(&c);
    env.run(&["server", "add", "--name", "edge-1"]).await.ok();
    let out = env
        .run(&[
            "server",
            "bootstrap",
            "edge-1",
            "--central-url",
            "https://central.example:9090",
        ])
        .await
        .ok();
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.add_filter(r"[A-Za-z0-9_-]{32}", "[SECRET]");
    settings.add_filter(
        r"(AUTH_PATH=|:8080/|--auth-path )[A-Za-z0-9_-]{24}",
        "${1}[AUTH_PATH]",
    );
    settings.bind(|| insta::assert_snapshot!("server_bootstrap", out.stdout));
    let json = env
        .run(&["server", "bootstrap", "edge-1", "--json"])
        .await
        .ok();
    assert!(json.stderr.contains("loopback address"), "{}", json.stderr);
    let b = json.json();
    // Every variable of the env file is one `hyctl agent` reads, and the pieces agree.
    let vars = env_file(&env, b["agent_env"].as_str().unwrap(), "agent").await;
    let yaml = b["hysteria_config"].as_str().unwrap();
    assert!(yaml.contains(&format!("secret: {}", vars["HYCTL_AGENT_SECRET"])));
    assert!(yaml.contains(&format!(
        "url: http://127.0.0.1:8080/{}",
        vars["HYCTL_AGENT_AUTH_PATH"]
    )));
    assert!(
        b["systemd_unit"]
            .as_str()
            .unwrap()
            .contains("EnvironmentFile=/etc/hyctl/agent.env")
    );
    c.stop().await;
}

#[tokio::test]
async fn servers_have_a_kind_and_unseen_ids_are_registered_by_assignment() {
    let c = TestCentral::start().await;
    let env = Env::new(&c);
    env.run(&["user", "add", "alice", "-q"]).await.ok();
    let stream = env
        .run(&[
            "server", "add", "--name", "cam-1", "--kind", "stream", "--json",
        ])
        .await
        .ok()
        .json();
    assert_eq!(stream["kind"], "stream");
    let bad = env.run(&["server", "add", "--kind", "ftp"]).await;
    assert_eq!(bad.code, 2, "a usage error");
    assert!(
        bad.stderr.contains("hysteria, stream, proxy, gateway"),
        "{}",
        bad.stderr
    );
    let shown = env.run(&["server", "show", "cam-1"]).await.ok().stdout;
    assert!(shown.contains("kind:          stream"), "{shown}");
    // A media node's files: every variable one `hyctl stream` reads, the media servers' lines
    // at its secret prefix, and a command line hyctl accepts.
    let b = env
        .run(&[
            "server",
            "bootstrap",
            "cam-1",
            "--central-url",
            "https://central.example:9090",
            "--json",
        ])
        .await
        .ok()
        .json();
    let vars = env_file(&env, b["stream_env"].as_str().unwrap(), "stream").await;
    assert_eq!(
        vars["HYCTL_AGENT_SERVER_ID"],
        stream["id"].as_str().unwrap()
    );
    let prefix = &vars["HYCTL_STREAM_PATH_PREFIX"];
    let config = b["media_server_config"].as_str().unwrap();
    for route in ["flussonic", "mediamtx", "srs", "nginx-rtmp"] {
        let url = format!("http://127.0.0.1:8081/{prefix}/{route}");
        assert!(config.contains(&url), "{url} in {config}");
    }
    let unit = b["systemd_unit"].as_str().unwrap();
    assert!(
        unit.contains("EnvironmentFile=/etc/hyctl/stream.env"),
        "{unit}"
    );
    assert!(
        unit.contains("ExecStart=/usr/local/bin/hyctl stream"),
        "{unit}"
    );
    let line = b["command_line"].as_str().unwrap();
    assert!(
        <hyctl::Cli as clap::Parser>::try_parse_from(line.split_whitespace()).is_ok(),
        "{line}"
    );

    // The original API's way: assigning to an id central has never seen registers it.
    let migrated = "node-from-the-old-panel-01";
    let run = env.run(&["server", "assign", migrated, "alice"]).await.ok();
    assert!(run.stderr.contains("registered node"), "{}", run.stderr);
    assert!(run.stderr.contains("new hysteria server"), "{}", run.stderr);
    let servers = c.client().servers().await.unwrap();
    let new = servers.iter().find(|s| s.id == migrated).unwrap();
    assert_eq!((new.users, new.kind.as_str()), (1, "hysteria"));
    // Again: it exists now, so nothing is said.
    let again = env.run(&["server", "assign", migrated, "alice"]).await.ok();
    assert!(again.stderr.is_empty(), "{}", again.stderr);

    // Names stay protected: a typo of a name, or something that is no valid id, is not found.
    env.add_server("frankfurt-2").await;
    let typo = env.run(&["server", "assign", "frankfrut-2", "alice"]).await;
    assert_eq!(typo.code, 4, "{}", typo.stderr);
    assert!(
        typo.stderr.contains("did you mean \"frankfurt-2\""),
        "{}",
        typo.stderr
    );
    let short = env.run(&["server", "assign", "edge-9", "alice"]).await;
    assert_eq!(short.code, 4, "{}", short.stderr);
    assert_eq!(c.client().servers().await.unwrap().len(), 3);
    c.stop().await;
}

/// A bootstrap env file's variables, each checked to be one `hyctl <daemon>` reads.
async fn env_file(
    env: &Env,
    text: &str,
    daemon: &str,
) -> std::collections::BTreeMap<String, String> {
    let vars: std::collections::BTreeMap<String, String> = text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
    let help = env.run(&[daemon, "--help"]).await.ok().stdout;
    for key in vars.keys() {
        assert!(
            help.contains(&format!("[env: {key}")),
            "{key} is not a `hyctl {daemon}` setting"
        );
    }
    vars
}
