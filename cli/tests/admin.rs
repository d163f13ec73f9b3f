//! The admin commands, run as the built `hyctl` binary against a real central, in a scrubbed
//! environment: the harness every CLI test module shares ([`Env`], [`Run`], `snapshot!`), and
//! the output modes (tables as snapshots, JSON, ids only), errors and exit codes, stdin.

// Re-exported: every CLI test module works with these (`use super::admin::*`).
pub use std::path::Path;
pub use std::process::Stdio;

pub use hy_api::Traffic;
pub use hy_api::node::TrafficBatch;
pub use hy_testkit::TestCentral;
pub use tempfile::TempDir;
pub use tokio::io::{AsyncReadExt, AsyncWriteExt};

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

pub async fn report(c: &TestCentral, server: &str, users: &[(&str, u64, u64)]) {
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

/// Starts the built `hyctl` with `args` (a daemon logging JSON) in a scrubbed environment;
/// returns it and the address it listens on, once its log line starting with `ready` says so.
/// Its stderr keeps being drained so it never blocks on a full pipe.
pub fn spawn_daemon(args: &[String], ready: &str) -> (std::process::Child, String) {
    use std::io::{BufRead, BufReader};
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_hyctl"))
        .args(args)
        .env_clear()
        .env("RUST_LOG", "info")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let addr = loop {
        let line = lines
            .next()
            .unwrap_or_else(|| panic!("{} exited before listening", args[0]))
            .unwrap();
        let event: serde_json::Value = serde_json::from_str(&line).unwrap_or_default();
        if event["message"]
            .as_str()
            .unwrap_or_default()
            .starts_with(ready)
        {
            break event["addr"].as_str().unwrap().to_owned();
        }
    };
    std::thread::spawn(move || for _ in lines {});
    (child, addr)
}
