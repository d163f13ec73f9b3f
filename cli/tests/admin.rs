//! The admin commands, run as the built `hyctl` binary against a real central, in a scrubbed
//! environment: tables (snapshots), JSON, ids only, errors and exit codes, stdin, imports.

use std::path::Path;
use std::process::Stdio;

use hy_api::Traffic;
use hy_api::node::TrafficBatch;
use hy_testkit::TestCentral;
use tempfile::TempDir;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// What a run of hyctl produced.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    #[track_caller]
    pub fn ok(self) -> Self {
        assert_eq!(
            self.code, 0,
            "stdout: {}\nstderr: {}",
            self.stdout, self.stderr
        );
        self
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.stdout))
    }
}

/// A scrubbed environment pointed at one central.
pub struct Env {
    pub home: TempDir,
    pub vars: Vec<(String, String)>,
}

impl Env {
    pub fn new(central: &TestCentral) -> Self {
        let home = tempfile::tempdir().unwrap();
        let vars = vec![
            ("HYCTL_CENTRAL".into(), central.url.clone()),
            ("HYCTL_TOKEN".into(), central.token.clone()),
        ];
        Self { home, vars }
    }

    /// No central settings at all: only what the config file and cwd provide.
    pub fn bare() -> Self {
        Self {
            home: tempfile::tempdir().unwrap(),
            vars: vec![],
        }
    }

    pub async fn run(&self, args: &[&str]) -> Run {
        self.run_with_stdin(args, None).await
    }

    /// `hyctl server add --name NAME -q`: the new server's id.
    pub async fn add_server(&self, name: &str) -> String {
        let run = self.run(&["server", "add", "--name", name, "-q"]).await;
        run.ok().stdout.trim().to_owned()
    }

    pub async fn run_with_stdin(&self, args: &[&str], stdin: Option<&str>) -> Run {
        let mut cmd = self.command(args);
        cmd.stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        });
        let mut child = cmd.spawn().unwrap();
        if let Some(input) = stdin {
            let mut pipe = child.stdin.take().unwrap();
            pipe.write_all(input.as_bytes()).await.unwrap();
        }
        let out = child.wait_with_output().await.unwrap();
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8(out.stdout).unwrap(),
            stderr: String::from_utf8(out.stderr).unwrap(),
        }
    }

    pub fn command(&self, args: &[&str]) -> tokio::process::Command {
        let mut cmd = tokio::process::Command::new(env!("CARGO_BIN_EXE_hyctl"));
        cmd.args(args)
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("HOME", self.home.path())
            .env("XDG_CONFIG_HOME", self.home.path().join("config"))
            .env("NO_COLOR", "1")
            .env("COLUMNS", "100")
            .envs(self.vars.iter().map(|(k, v)| (k, v)))
            .current_dir(self.home.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        cmd
    }
}

/// Secrets, ids, their masked prefixes, ports and times vary per run.
macro_rules! snapshot {
    ($name:expr, $text:expr) => {{
        let text: String = $text;
        let mut settings = insta::Settings::clone_current();
        settings.set_snapshot_path("snapshots");
        settings.set_prepend_module_to_snapshot(false);
        settings.add_filter(r"[A-Za-z0-9_-]{32}", "[SECRET]");
        settings.add_filter(r"[A-Za-z0-9_-]{4}…", "[XXXX]…");
        settings.add_filter(r"http://127\.0\.0\.1:\d+", "[CENTRAL]");
        settings.add_filter(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", "[TIME]");
        settings.bind(|| insta::assert_snapshot!($name, text));
    }};
}

async fn report(c: &TestCentral, server: &str, users: &[(&str, u64, u64)]) {
    let users = users
        .iter()
        .map(|(id, tx, rx)| ((*id).to_owned(), Traffic { tx: *tx, rx: *rx }))
        .collect();
    let batch = TrafficBatch {
        agent_version: Some("0.1.0".into()),
        ..TrafficBatch::new("cli-test", 1, users)
    };
    c.node_client().report(server, &batch).await.unwrap();
}

#[tokio::test]
async fn a_tour_in_table_mode() {
    let c = TestCentral::start().await;
    let env = Env::new(&c);
    let added = env.run(&["user", "add", "alice"]).await.ok();
    snapshot!("user_add", added.stdout);
    env.run(&["user", "add", "bob", "--secret", "bob-chosen-secret"])
        .await
        .ok();
    let server = env.run(&["server", "add", "--name", "edge-1"]).await.ok();
    snapshot!("server_add", server.stdout);
    let server_id = env
        .run(&["server", "list", "-q"])
        .await
        .ok()
        .stdout
        .trim()
        .to_owned();
    let assigned = env
        .run(&["server", "assign", "edge-1", "alice", "bob"])
        .await
        .ok();
    snapshot!("server_assign", assigned.stdout);
    report(
        &c,
        &server_id,
        &[("alice", 1536, 5 * 1024 * 1024 * 1024), ("bob", 10, 20)],
    )
    .await;

    snapshot!("user_list", env.run(&["user", "list"]).await.ok().stdout);
    snapshot!(
        "server_list",
        env.run(&["server", "list"]).await.ok().stdout
    );
    snapshot!(
        "server_users",
        env.run(&["server", "users", "edge-1"]).await.ok().stdout
    );
    snapshot!("traffic", env.run(&["traffic"]).await.ok().stdout);
    snapshot!(
        "traffic_by_server",
        env.run(&["traffic", "--by", "server"]).await.ok().stdout
    );
    snapshot!(
        "user_show",
        env.run(&["user", "show", "alice"]).await.ok().stdout
    );
    snapshot!(
        "server_show",
        env.run(&["server", "show", "edge-1"]).await.ok().stdout
    );

    // Secrets are masked unless asked for.
    let listed = env.run(&["user", "list"]).await.ok().stdout;
    assert!(!listed.contains("bob-chosen-secret"));
    let shown = env
        .run(&["user", "list", "--show-secrets"])
        .await
        .ok()
        .stdout;
    assert!(shown.contains("bob-chosen-secret"));
    assert!(
        env.run(&["server", "list", "--show-ids"])
            .await
            .ok()
            .stdout
            .contains(&server_id)
    );

    let renamed = env
        .run(&["server", "rename", "edge-1", "edge-2"])
        .await
        .ok();
    assert_eq!(renamed.stdout, "renamed server edge-1 to edge-2\n");
    let rotated = env
        .run(&["user", "rotate-secret", "bob", "--yes"])
        .await
        .ok();
    assert!(rotated.stdout.starts_with("new secret for bob: "));
    let unassigned = env.run(&["server", "unassign", "edge-2", "bob"]).await.ok();
    assert_eq!(unassigned.stdout, "unassigned bob from edge-2\n");
    let deleted = env.run(&["user", "delete", "bob", "--yes"]).await.ok();
    assert_eq!(deleted.stdout, "deleted user bob\n");
    assert_eq!(
        env.run(&["server", "delete", "edge-2", "--yes"])
            .await
            .ok()
            .stdout,
        "deleted server edge-2\n"
    );
    c.stop().await;
}

#[tokio::test]
async fn json_mode_prints_only_json_with_raw_numbers() {
    let c = TestCentral::start().await;
    let env = Env::new(&c);
    let user = env.run(&["user", "add", "alice", "--json"]).await.ok();
    assert_eq!(user.json()["id"], "alice");
    assert_eq!(user.json()["secret"].as_str().unwrap().len(), 32);
    assert!(user.stderr.is_empty());
    let server = env
        .run(&["server", "add", "--name", "edge-1", "--json"])
        .await
        .ok()
        .json();
    let server_id = server["id"].as_str().unwrap().to_owned();
    assert_eq!(
        env.run(&["server", "assign", "edge-1", "alice", "--json"])
            .await
            .ok()
            .json()["assigned"][0],
        "alice"
    );
    report(&c, &server_id, &[("alice", 1536, 2048)]).await;

    let traffic = env.run(&["traffic", "--json"]).await.ok().json();
    assert_eq!(
        traffic,
        serde_json::json!({"alice": {"tx": 1536, "rx": 2048}})
    );
    let by_server = env
        .run(&["traffic", "--by", "server", "--json"])
        .await
        .ok()
        .json();
    assert_eq!(by_server[0]["server_id"], server_id.as_str());
    let users = env.run(&["user", "list", "--json"]).await.ok().json();
    assert_eq!(users[0]["traffic"]["rx"], 2048);
    assert!(
        users[0]["created_at"].as_str().unwrap().ends_with('Z'),
        "RFC 3339 UTC"
    );
    let servers = env.run(&["server", "list", "--json"]).await.ok().json();
    assert_eq!(servers[0]["users"], 1);
    assert_eq!(
        env.run(&["server", "show", &server_id, "--json"])
            .await
            .ok()
            .json()["name"],
        "edge-1"
    );
    assert_eq!(
        env.run(&["server", "users", "edge-1", "--json"])
            .await
            .ok()
            .json()[0]["id"],
        "alice"
    );
    assert_eq!(
        env.run(&["user", "show", "alice", "--json"])
            .await
            .ok()
            .json()["servers"],
        1
    );
    let version = env.run(&["version", "--json"]).await.ok().json();
    assert_eq!(version["client"], version["central"]);
    // Errors are JSON too, on stderr, and stdout stays empty.
    let missing = env.run(&["user", "show", "ghost", "--json"]).await;
    assert_eq!(missing.code, 4);
    assert!(missing.stdout.is_empty());
    let err: serde_json::Value = serde_json::from_str(missing.stderr.trim()).unwrap();
    assert_eq!(err["code"], "not_found");
    c.stop().await;
}

#[tokio::test]
async fn quiet_mode_prints_ids_only() {
    let c = TestCentral::start().await;
    let env = Env::new(&c);
    assert_eq!(
        env.run(&["user", "add", "alice", "-q"]).await.ok().stdout,
        "alice\n"
    );
    env.run(&["user", "add", "bob"]).await.ok();
    assert_eq!(
        env.run(&["user", "list", "-q"]).await.ok().stdout,
        "alice\nbob\n"
    );
    let id = env.run(&["server", "add", "-q"]).await.ok().stdout;
    assert_eq!(id.trim().len(), 32);
    assert_eq!(
        env.run(&["server", "assign", id.trim(), "alice", "-q"])
            .await
            .ok()
            .stdout,
        "alice\n"
    );
    assert_eq!(
        env.run(&["server", "users", id.trim(), "-q"])
            .await
            .ok()
            .stdout,
        "alice\n"
    );
    c.stop().await;
}

#[tokio::test]
async fn failures_have_distinct_exit_codes_and_name_the_fix() {
    let c = TestCentral::start().await;
    let env = Env::new(&c);
    let missing = env.run(&["user", "show", "ghost"]).await;
    assert_eq!(
        (missing.code, missing.stderr.as_str()),
        (4, "hyctl: error: no user named \"ghost\"\n")
    );
    let missing_server = env.run(&["server", "show", "nowhere"]).await;
    assert_eq!(missing_server.code, 4);
    assert!(
        missing_server.stderr.contains("hyctl server add"),
        "{}",
        missing_server.stderr
    );

    let mut down = Env::new(&c);
    down.vars[0].1 = "http://127.0.0.1:1".into();
    let unreachable = down.run(&["user", "list"]).await;
    assert_eq!(unreachable.code, 3);
    assert!(
        unreachable
            .stderr
            .contains("could not reach central at http://127.0.0.1:1"),
        "{}",
        unreachable.stderr
    );
    assert!(unreachable.stderr.contains("`hyctl central` starts it"));

    let mut wrong = Env::new(&c);
    wrong.vars[1].1 = "wrong-token".into();
    let denied = wrong.run(&["user", "list"]).await;
    assert_eq!(denied.code, 1);
    assert!(
        denied
            .stderr
            .contains("hint: pass the admin token with --token or HYCTL_TOKEN"),
        "{}",
        denied.stderr
    );

    // Local validation fails before any request; central's own validation is relayed verbatim.
    let invalid = env.run(&["user", "add", "bad id"]).await;
    assert_eq!(invalid.code, 1);
    assert!(
        invalid.stderr.contains("allowed are letters, digits"),
        "{}",
        invalid.stderr
    );
    env.run(&["user", "add", "alice"]).await.ok();
    let dup = env.run(&["user", "add", "alice"]).await;
    assert_eq!(
        (dup.code, dup.stderr.as_str()),
        (1, "hyctl: error: user \"alice\" already exists\n")
    );

    // Usage errors: clap's, and destructive commands off a terminal without --yes.
    assert_eq!(env.run(&["user", "add"]).await.code, 2);
    assert_eq!(env.run(&["user", "list", "--bogus"]).await.code, 2);
    let refused = env.run(&["user", "delete", "alice"]).await;
    assert_eq!(refused.code, 2);
    assert!(refused.stderr.contains("without --yes"));
    assert_eq!(
        env.run(&["user", "list", "-q"]).await.ok().stdout,
        "alice\n",
        "nothing was deleted"
    );
    let bad_url = env.run(&["user", "list", "--central", "ftp://x"]).await;
    assert_eq!(bad_url.code, 2);
    c.stop().await;
}

#[tokio::test]
async fn idempotent_forms_for_cron_jobs() {
    let c = TestCentral::start().await;
    let env = Env::new(&c);
    env.run(&["user", "add", "alice", "--if-not-exists"])
        .await
        .ok();
    let again = env
        .run(&["user", "add", "alice", "--if-not-exists"])
        .await
        .ok();
    assert_eq!(again.stdout, "user alice already exists\n");
    env.run(&["server", "add", "--name", "edge-1"]).await.ok();
    env.run(&["server", "assign", "edge-1", "alice"]).await.ok();
    let twice = env.run(&["server", "assign", "edge-1", "alice"]).await.ok();
    assert_eq!(twice.stdout, "alice was already assigned to edge-1\n");
    env.run(&["server", "unassign", "edge-1", "alice"])
        .await
        .ok();
    assert_eq!(
        env.run(&["server", "unassign", "edge-1", "alice"])
            .await
            .code,
        4
    );
    env.run(&["server", "unassign", "edge-1", "alice", "--if-exists"])
        .await
        .ok();
    env.run(&["user", "delete", "alice", "--yes"]).await.ok();
    assert_eq!(env.run(&["user", "delete", "alice", "--yes"]).await.code, 4);
    env.run(&["user", "delete", "alice", "--yes", "--if-exists"])
        .await
        .ok();
    env.run(&["server", "delete", "edge-1", "--yes"]).await.ok();
    env.run(&["server", "delete", "edge-1", "--yes", "--if-exists"])
        .await
        .ok();
    c.stop().await;
}

#[tokio::test]
async fn ids_can_come_from_stdin() {
    let c = TestCentral::start().await;
    let env = Env::new(&c);
    for id in ["alice", "bob", "carol"] {
        env.run(&["user", "add", id]).await.ok();
    }
    env.run(&["server", "add", "--name", "edge-1"]).await.ok();
    let assigned = env
        .run_with_stdin(
            &["server", "assign", "edge-1", "-", "-q"],
            Some("alice\n# comment\n\nbob\n"),
        )
        .await
        .ok();
    assert_eq!(assigned.stdout, "alice\nbob\n");
    let deleted = env
        .run_with_stdin(&["user", "delete", "-", "--yes", "-q"], Some("carol\n"))
        .await
        .ok();
    assert_eq!(deleted.stdout, "carol\n");
    let empty = env
        .run_with_stdin(&["server", "assign", "edge-1", "-"], Some(""))
        .await;
    assert_eq!(empty.code, 2);
    c.stop().await;
}

#[tokio::test]
async fn ten_thousand_users_import_in_batches_and_a_closed_pipe_is_fine() {
    let c = TestCentral::start().await;
    let env = Env::new(&c);
    let mut csv = String::from("id,secret\n");
    for i in 0..10_000 {
        csv.push_str(&format!("user{i:05}\n"));
    }
    let file = env.home.path().join("users.csv");
    std::fs::write(&file, &csv).unwrap();
    let started = std::time::Instant::now();
    let imported = env
        .run(&["user", "import", file.to_str().unwrap()])
        .await
        .ok();
    println!("imported 10,000 users in {:?}", started.elapsed());
    assert_eq!(imported.stdout, "imported 10000 users (0 skipped)\n");
    assert_eq!(c.client().users().await.unwrap().len(), 10_000);

    // A second run stops at the first batch (nothing created) and says how to resume.
    let again = env.run(&["user", "import", file.to_str().unwrap()]).await;
    assert_eq!(again.code, 1);
    assert!(again.stderr.contains("--skip-existing"), "{}", again.stderr);
    let resumed = env
        .run(&["user", "import", file.to_str().unwrap(), "--skip-existing"])
        .await
        .ok();
    assert_eq!(resumed.stdout, "imported 0 users (10000 skipped)\n");

    // JSON lines from stdin, with a chosen secret; --json returns the created users.
    let jsonl = "{\"id\":\"zed\",\"secret\":\"zed-secret-123\"}\n{\"id\":\"zoe\"}\n";
    let out = env
        .run_with_stdin(&["user", "import", "-", "--json"], Some(jsonl))
        .await
        .ok()
        .json();
    assert_eq!(out["created"][0]["secret"], "zed-secret-123");
    assert_eq!(out["created"][1]["secret"].as_str().unwrap().len(), 32);
    let bad = env
        .run_with_stdin(&["user", "import", "-"], Some("ok1\nnot ok\n"))
        .await;
    assert_eq!(bad.code, 1);
    assert!(bad.stderr.contains("line 2"), "{}", bad.stderr);

    // Listed 1,000 at a time behind the scenes, streamed as one JSON array; searched.
    let listed = env.run(&["user", "list", "--json"]).await.ok().json();
    assert_eq!(listed.as_array().unwrap().len(), 10_002);
    assert_eq!(listed[10_001]["id"], "zoe");
    let found = env
        .run(&["user", "list", "--search", "USER0999", "-q"])
        .await
        .ok();
    assert_eq!(
        found.stdout,
        "user09990\nuser09991\nuser09992\nuser09993\nuser09994\nuser09995\nuser09996\nuser09997\nuser09998\nuser09999\n"
    );
    let none = env
        .run(&["user", "list", "--search", "nobody", "--json"])
        .await
        .ok();
    assert_eq!(none.stdout, "[]\n");

    // Over 10,000 ids from stdin are assigned in batches (one request could not hold them).
    env.add_server("edge-1").await;
    let ids = env.run(&["user", "list", "-q"]).await.ok().stdout;
    assert_eq!(ids.lines().count(), 10_002);
    let assigned = env
        .run_with_stdin(&["server", "assign", "edge-1", "-", "-q"], Some(&ids))
        .await
        .ok();
    assert_eq!(assigned.stdout, ids);
    let server = env.run(&["server", "show", "edge-1", "--json"]).await.ok();
    assert_eq!(server.json()["users"], 10_002);
    let members = env.run(&["server", "users", "edge-1", "-q"]).await.ok();
    assert_eq!(members.stdout, ids, "a server's users, paged the same way");

    // `hyctl user list | head -1`: the reader goes away early; hyctl exits 0 quietly.
    let mut child = env
        .command(&["user", "list"])
        .stdin(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    let n = stdout.read(&mut first).await.unwrap();
    assert!(n > 0);
    drop(stdout);
    let out = child.wait_with_output().await.unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    c.stop().await;
}

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

#[tokio::test]
async fn limits_from_the_command_line() {
    let c = TestCentral::start().await;
    let env = Env::new(&c);
    let add = [
        "user",
        "add",
        "alice",
        "--limit",
        "50GiB",
        "--expires",
        "2030-01-01",
        "--reset",
        "month",
        "--max-devices",
        "3",
        "--allow-ip",
        "203.0.113.0/24",
        "--note",
        "vip",
        "--json",
    ];
    let alice = env.run(&add).await.ok().json();
    assert_eq!(alice["data_limit"], 50u64 << 30);
    assert_eq!(alice["expires_at"], "2030-01-01T00:00:00Z");
    assert_eq!(alice["reset_strategy"], "month");
    env.run(&[
        "user",
        "add",
        "trial",
        "--limit",
        "5GB",
        "--expire-after",
        "7d",
    ])
    .await
    .ok();
    assert_eq!(
        env.run(&["user", "list", "--state", "on_hold", "-q"])
            .await
            .ok()
            .stdout,
        "trial\n"
    );

    assert_eq!(
        env.run(&["user", "disable", "alice"]).await.ok().stdout,
        "disabled user alice (now disabled)\n"
    );
    assert_eq!(
        env.run(&["user", "list", "--state", "disabled", "-q"])
            .await
            .ok()
            .stdout,
        "alice\n"
    );
    assert_eq!(
        env.run(&["user", "enable", "alice"]).await.ok().stdout,
        "enabled user alice (now active)\n"
    );
    let reset = env.run(&["user", "reset-traffic", "alice"]).await.ok();
    assert_eq!(reset.stdout, "reset the usage of user alice (now active)\n");
    let updated = env
        .run(&[
            "user",
            "update",
            "alice",
            "--expires",
            "never",
            "--allow-ip",
            "any",
            "--json",
        ])
        .await
        .ok()
        .json();
    assert_eq!(
        (
            updated["expires_at"].clone(),
            updated["allowed_ips"].clone()
        ),
        (serde_json::json!(null), serde_json::json!([]))
    );
    // Without a calendar-dependent expiry, the table is stable enough to snapshot.
    snapshot!(
        "user_list_limits",
        env.run(&["user", "list"]).await.ok().stdout
    );

    // Mistakes name the fix before any request.
    let bad_size = env
        .run(&["user", "update", "alice", "--limit", "5 parsecs"])
        .await;
    assert_eq!(bad_size.code, 2);
    assert!(
        bad_size.stderr.contains("use B, KB, MB"),
        "{}",
        bad_size.stderr
    );
    let bad_ip = env
        .run(&["user", "update", "alice", "--allow-ip", "example.com"])
        .await;
    assert_eq!(bad_ip.code, 1);
    assert!(
        bad_ip.stderr.contains("is not an IP address or CIDR"),
        "{}",
        bad_ip.stderr
    );
    assert_eq!(
        env.run(&["user", "update", "alice"]).await.code,
        2,
        "nothing to change"
    );
    env.run(&["server", "add", "--name", "costly", "--multiplier", "1.5"])
        .await
        .ok();
    let set = env
        .run(&["server", "set-multiplier", "costly", "2"])
        .await
        .ok();
    assert_eq!(
        set.stdout,
        "traffic through costly now counts 2x against quotas\n"
    );
    c.stop().await;
}

#[tokio::test]
async fn share_links_and_qr_codes() {
    let c = TestCentral::start().await;
    let env = Env::new(&c);
    env.run(&["user", "add", "alice", "--secret", "alice-secret-1"])
        .await
        .ok();
    env.run(&[
        "server",
        "add",
        "--name",
        "edge-1",
        "--host",
        "2001:db8::1",
        "--ports",
        "443",
        "--pin-sha256",
        &"AB:".repeat(32)[..95],
    ])
    .await
    .ok();
    env.run(&["server", "add", "--name", "edge-2"]).await.ok();
    env.run(&["server", "assign", "edge-1", "alice"]).await.ok();
    env.run(&["server", "assign", "edge-2", "alice"]).await.ok();
    let uri = env.run(&["user", "uri", "alice"]).await.ok().stdout;
    assert_eq!(
        uri,
        format!(
            "hysteria2://alice-secret-1@[2001:db8::1]:443/?pinSHA256={}#edge-1\n",
            "ab".repeat(32)
        )
    );
    let missing = env
        .run(&["user", "uri", "alice", "--server", "edge-2"])
        .await;
    assert_eq!(missing.code, 4);
    assert!(
        missing.stderr.contains("hyctl server link"),
        "{}",
        missing.stderr
    );
    env.run(&[
        "server",
        "link",
        "edge-2",
        "--host",
        "edge2.example.com",
        "--obfs-password",
        "salty",
    ])
    .await
    .ok();
    let two = env
        .run(&["user", "uri", "alice", "--server", "edge-2"])
        .await
        .ok()
        .stdout;
    assert_eq!(
        two,
        "hysteria2://alice-secret-1@edge2.example.com/?obfs=salamander&obfs-password=salty#edge-2\n"
    );
    let qr = env
        .run(&["user", "uri", "alice", "--server", "edge-2", "--qr"])
        .await
        .ok()
        .stdout;
    assert!(qr.lines().count() > 10 && qr.contains('█'), "{qr}");
    let json = env
        .run(&["user", "uri", "alice", "--json"])
        .await
        .ok()
        .json();
    assert_eq!(json.as_array().unwrap().len(), 2);
    assert_eq!(
        env.run(&["server", "link", "edge-2", "--host", "bad host"])
            .await
            .code,
        1
    );
    env.run(&["server", "link", "edge-2", "--clear"]).await.ok();
    assert_eq!(
        env.run(&["user", "uri", "alice", "-q"])
            .await
            .ok()
            .stdout
            .lines()
            .count(),
        1
    );
    c.stop().await;
}

#[tokio::test]
async fn history_and_csv_from_the_command_line() {
    let c = TestCentral::start().await;
    let env = Env::new(&c);
    env.run(&["user", "add", "alice"]).await.ok();
    let server = env.add_server("edge-1").await;
    env.run(&["server", "assign", "edge-1", "alice"]).await.ok();
    report(&c, &server, &[("alice", 1000, 2000)]).await;
    let days = env
        .run(&["traffic", "alice", "--since", "7d", "--json"])
        .await
        .ok()
        .json();
    assert_eq!(
        (days[0]["tx"].clone(), days[0]["rx"].clone()),
        (serde_json::json!(1000), serde_json::json!(2000))
    );
    assert!(
        days[0]["start"].as_str().unwrap().ends_with("T00:00:00Z"),
        "a UTC day: {days}"
    );
    let hours = env
        .run(&["traffic", "--since", "2h", "--by", "hour", "--csv"])
        .await
        .ok()
        .stdout;
    let lines: Vec<&str> = hours.lines().collect();
    assert_eq!(lines[0], "start,tx,rx");
    assert!(lines[1].ends_with(":00:00Z,1000,2000"), "{hours}");
    let per_server = env
        .run(&[
            "traffic", "alice", "--since", "1d", "--by", "server", "--csv",
        ])
        .await
        .ok()
        .stdout;
    assert_eq!(per_server, "server,tx,rx\nedge-1,1000,2000\n");
    let totals = env.run(&["traffic", "--csv"]).await.ok().stdout;
    assert_eq!(totals, "user,tx,rx\nalice,1000,2000\n");
    assert_eq!(
        env.run(&["traffic", "--since", "last tuesday"]).await.code,
        2
    );
    assert_eq!(env.run(&["traffic", "--csv", "--json"]).await.code, 2);
    c.stop().await;
}

#[tokio::test]
async fn the_auth_log_from_the_command_line() {
    use hy_api::node::AuthEvent;
    let c = TestCentral::start().await;
    let env = Env::new(&c);
    env.run(&["user", "add", "alice"]).await.ok();
    let server = env.add_server("edge-1").await;
    let now = jiff::Timestamp::now().as_second();
    let event = |id: &str, allowed: bool, reason: &str| AuthEvent {
        id: id.into(),
        at: now,
        user: Some("alice".into()),
        addr: "203.0.113.7:4000".into(),
        allowed,
        reason: reason.into(),
    };
    let batch = TrafficBatch {
        auth_log: vec![event("a-1", true, "ok"), event("a-2", false, "quota")],
        ..TrafficBatch::new("log-test", 1, Default::default())
    };
    c.node_client().report(&server, &batch).await.unwrap();
    let all = env.run(&["log", "--json"]).await.ok().json();
    assert_eq!(all.as_array().unwrap().len(), 2);
    let refused = env.run(&["log", "--refused"]).await.ok().stdout;
    assert!(
        refused.contains("edge-1") && refused.contains("quota") && !refused.contains(" ok"),
        "{refused}"
    );
    assert_eq!(
        env.run(&["log", "--user", "bob", "-q"]).await.ok().stdout,
        ""
    );
    assert_eq!(env.run(&["log", "--since", "soon"]).await.code, 2);
    c.stop().await;
}

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
    let vars: std::collections::BTreeMap<String, String> = b["agent_env"]
        .as_str()
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
    let help = env.run(&["agent", "--help"]).await.ok().stdout;
    for key in vars.keys() {
        assert!(
            help.contains(&format!("[env: {key}")),
            "{key} is not an agent setting"
        );
    }
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
    let bootstrap = env.run(&["server", "bootstrap", "cam-1"]).await;
    assert_eq!(bootstrap.code, 1);
    assert!(
        bootstrap.stderr.contains("no node daemon for that kind"),
        "{}",
        bootstrap.stderr
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
