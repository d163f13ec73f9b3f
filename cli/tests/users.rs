//! `hyctl user ...` as the built binary: imports and paged lists at ten thousand users, limits,
//! share links and QR codes.

use super::admin::*;

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

    // Contact fields: set, shown, searched, removed; a bad one is refused before any request.
    env.run(&[
        "user",
        "update",
        "alice",
        "--email",
        "alice@example.com",
        "--display-name",
        "Alice Smith",
        "--telegram-id",
        "123456789",
    ])
    .await
    .ok();
    let show = env.run(&["user", "show", "alice"]).await.ok().stdout;
    for line in [
        "email:           alice@example.com",
        "display name:    Alice Smith",
        "telegram id:     123456789",
    ] {
        assert!(show.contains(line), "{line}\n{show}");
    }
    assert_eq!(
        env.run(&["user", "list", "--search", "smith", "-q"])
            .await
            .ok()
            .stdout,
        "alice\n"
    );
    let cleared = env
        .run(&[
            "user",
            "update",
            "alice",
            "--email",
            "none",
            "--telegram-id",
            "none",
            "--json",
        ])
        .await
        .ok()
        .json();
    assert_eq!(
        (
            &cleared["email"],
            &cleared["telegram_id"],
            &cleared["display_name"]
        ),
        (
            &serde_json::json!(null),
            &serde_json::json!(null),
            &serde_json::json!("Alice Smith")
        )
    );
    let bad_email = env
        .run(&["user", "update", "alice", "--email", "alice.example.com"])
        .await;
    assert_eq!(bad_email.code, 1);
    assert!(
        bad_email.stderr.contains("has no @"),
        "{}",
        bad_email.stderr
    );
    let bad_tg = env
        .run(&["user", "update", "alice", "--telegram-id", "@alice"])
        .await;
    assert_eq!(bad_tg.code, 2);
    assert!(
        bad_tg.stderr.contains("use its digits"),
        "{}",
        bad_tg.stderr
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
async fn subscription_links_from_the_command_line() {
    let c = TestCentral::start().await;
    let env = Env::new(&c);
    env.run(&["user", "add", "alice"]).await.ok();
    let url = env.run(&["user", "sub", "alice"]).await.ok().stdout;
    assert!(url.starts_with(&format!("{}/sub/", c.url)), "{url}");
    assert_eq!(env.run(&["user", "sub", "alice"]).await.ok().stdout, url);
    let clash = env
        .run(&["user", "sub", "alice", "--format", "clash"])
        .await
        .ok()
        .stdout;
    assert_eq!(clash, format!("{}?format=clash\n", url.trim()));
    let qr = env.run(&["user", "sub", "alice", "--qr"]).await.ok().stdout;
    assert!(qr.lines().count() > 10, "{qr}");
    let rotated = env
        .run(&["user", "sub", "alice", "--rotate", "--json"])
        .await
        .ok()
        .json();
    assert_ne!(rotated["url"].as_str().unwrap(), url.trim());
    env.run(&["user", "sub", "alice", "--revoke"]).await.ok();
    let gone = env.run(&["user", "sub", "alice"]).await;
    assert_eq!(gone.code, 1);
    assert!(gone.stderr.contains("--rotate"), "{}", gone.stderr);
    let bad = env
        .run(&["user", "sub", "alice", "--rotate", "--format", "yaml"])
        .await;
    assert_eq!(bad.code, 2);
    c.stop().await;
}

#[tokio::test]
async fn a_viewer_token_for_a_monitoring_script() {
    let c = TestCentral::start().await;
    let env = Env::new(&c);
    let out = env
        .run(&[
            "token",
            "create",
            "--name",
            "monitoring",
            "--role",
            "viewer",
            "--expires",
            "90d",
        ])
        .await
        .ok()
        .stdout;
    let token = out.lines().next().unwrap().to_owned();
    assert!(token.starts_with("hyt_"), "{out}");
    assert!(out.contains("shown this once"), "{out}");
    let listed = env.run(&["token", "list", "--json"]).await.ok().json();
    assert_eq!(listed[0]["name"], "monitoring");
    assert_eq!(listed[0]["role"], "viewer");
    assert!(!listed.to_string().contains(&token));

    // The script reads with it, and is refused a change with a message that says why.
    let mut script = Env::new(&c);
    script.vars[1].1 = token.clone();
    assert_eq!(
        script.run(&["whoami"]).await.ok().stdout,
        "token:monitoring (viewer)\n"
    );
    script.run(&["user", "list", "--json"]).await.ok();
    let refused = script.run(&["user", "add", "mallory"]).await;
    assert_eq!(refused.code, 1);
    assert!(
        refused.stderr.contains("role (viewer) may not POST"),
        "{}",
        refused.stderr
    );
    let bad = env
        .run(&[
            "token",
            "create",
            "--name",
            "x",
            "--role",
            "viewer",
            "--expires",
            "36h",
        ])
        .await;
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("whole days"), "{}", bad.stderr);

    env.run(&["token", "revoke", "monitoring"]).await.ok();
    assert_eq!(script.run(&["user", "list"]).await.code, 1);

    // The audit trail has the refused attempt, and the revocation.
    let trail = env
        .run(&["audit", "--actor", "token:monitoring", "--json"])
        .await
        .ok()
        .json();
    assert_eq!(trail[0]["path"], "/admin/users");
    assert_eq!(trail[0]["status"], 403);
    let table = env.run(&["audit"]).await.ok().stdout;
    assert!(table.contains("DELETE /admin/tokens/monitoring"), "{table}");
    c.stop().await;
}

#[tokio::test]
async fn a_second_admin_with_totp_signs_in_from_the_command_line() {
    let c = TestCentral::start().await;
    let owner = Env::new(&c);
    let pw = "a long enough passphrase\n";
    owner
        .run_with_stdin(&["admin", "add", "ops", "--role", "admin"], Some(pw))
        .await
        .ok();
    let setup = owner
        .run(&["admin", "totp", "ops", "--json"])
        .await
        .ok()
        .json();
    let seed = setup["secret"].as_str().unwrap().to_owned();

    // A fresh machine: no token anywhere, only the sign-in.
    let laptop = Env::bare();
    let no_code = laptop
        .run_with_stdin(&["login", &c.url, "--user", "ops"], Some(pw))
        .await;
    assert_eq!(no_code.code, 1);
    assert!(no_code.stderr.contains("TOTP code"), "{}", no_code.stderr);
    let code = hy_central::accounts::totp_code(&seed, jiff::Timestamp::now().as_second()).unwrap();
    let signed = laptop
        .run_with_stdin(
            &["login", &c.url, "--user", "ops", "--totp", &code],
            Some(pw),
        )
        .await
        .ok();
    assert!(
        signed.stdout.contains("as ops (admin)"),
        "{}",
        signed.stdout
    );
    let config = laptop.run(&["config", "show"]).await.ok().stdout;
    assert!(config.contains("refresh-token = \"***\""), "{config}");
    assert_eq!(
        laptop.run(&["whoami"]).await.ok().stdout,
        "admin:ops (admin)\n"
    );
    laptop.run(&["user", "add", "bob"]).await.ok();
    let not_owner = laptop.run(&["admin", "list"]).await;
    assert_eq!(not_owner.code, 1);
    let listed = owner.run(&["admin", "list", "--json"]).await.ok().json();
    assert_eq!(listed[0]["totp"], true);
    assert!(listed[0]["sessions"].as_u64().unwrap() >= 1);

    // Revoked by the owner: the laptop's next command says to sign in again.
    owner.run(&["admin", "revoke", "ops"]).await.ok();
    let ended = laptop.run(&["whoami"]).await;
    assert_eq!(ended.code, 1);
    assert!(ended.stderr.contains("sign in again"), "{}", ended.stderr);
    let short = owner
        .run_with_stdin(&["admin", "passwd", "ops"], Some("short\n"))
        .await;
    assert_eq!(short.code, 2);
    owner.run(&["admin", "remove", "ops", "--yes"]).await.ok();
    c.stop().await;
}

#[tokio::test]
async fn events_are_followed_from_the_command_line() {
    use tokio::io::AsyncBufReadExt;
    let c = TestCentral::start().await;
    let env = Env::new(&c);
    let mut follow = env.command(&["events", "--follow", "--types", "user.created,user.deleted"]);
    let mut child = follow.spawn().unwrap();
    let mut lines = tokio::io::BufReader::new(child.stdout.take().unwrap()).lines();
    // The follower is from now on: a change made after it connected shows up.
    let mut seen = Vec::new();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let mut n = 0;
    while seen.len() < 2 && std::time::Instant::now() < deadline {
        n += 1;
        env.run(&["user", "add", &format!("u{n}")]).await.ok();
        if let Ok(Ok(Some(line))) =
            tokio::time::timeout(std::time::Duration::from_millis(700), lines.next_line()).await
        {
            seen.push(line);
        }
    }
    child.kill().await.unwrap();
    assert!(seen.len() >= 2, "{seen:?}");
    assert!(
        seen[0].contains("user.created") && seen[0].contains(" u"),
        "{seen:?}"
    );
    // Without --follow: the last hour, then done.
    let recent = env.run(&["events", "--json"]).await.ok().stdout;
    assert!(recent.lines().count() >= 2, "{recent}");
    let first: serde_json::Value = serde_json::from_str(recent.lines().next().unwrap()).unwrap();
    assert_eq!(first["type"], "user.created");
    assert_eq!(
        env.run(&["events", "--types", "user.sneezed"]).await.code,
        2
    );
    c.stop().await;
}

#[tokio::test]
async fn webhooks_from_the_command_line() {
    let c = TestCentral::start().await;
    let env = Env::new(&c);
    let added = env
        .run(&[
            "webhook",
            "add",
            "http://127.0.0.1:9/nowhere",
            "--events",
            "user.limited,user.expired",
            "--json",
        ])
        .await
        .ok()
        .json();
    assert_eq!(
        added["types"],
        serde_json::json!(["user.limited", "user.expired"])
    );
    assert_eq!(added["secret"].as_str().unwrap().len(), 40);
    let id = added["id"].to_string();
    let list = env.run(&["webhook", "list"]).await.ok().stdout;
    assert!(list.contains("user.limited,user.expired"), "{list}");
    assert!(!list.contains(added["secret"].as_str().unwrap()));
    env.run(&["webhook", "deliveries", &id]).await.ok();
    assert_eq!(
        env.run(&["webhook", "add", "http://x/", "--events", "user.sneezed"])
            .await
            .code,
        2
    );
    env.run(&["webhook", "remove", &id]).await.ok();
    assert_eq!(env.run(&["webhook", "deliveries", &id]).await.code, 4);
    c.stop().await;
}
