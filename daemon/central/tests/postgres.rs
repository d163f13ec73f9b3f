//! PostgreSQL, on a real server (`scripts/with-postgres.sh`; skipped without it, outside CI):
//! the versioned migrations, the list-revision triggers and their change notifications, which
//! are what several centrals on one database wake each other's long polls with.

use std::time::Duration;

use hy_central::pg;
use hy_testkit::TestCentral;
use hy_testkit::postgres::TestDatabase;
use serde_json::json;

#[tokio::test]
async fn migrations_apply_once_even_when_two_centrals_start_together() {
    let Some(db) = TestDatabase::create("migrations_apply_once").await else {
        return;
    };
    let (a, b) = (db.target.pool(2).unwrap(), db.target.pool(2).unwrap());
    let (first, second) = tokio::join!(pg::migrate(&a), pg::migrate(&b));
    assert_eq!(
        first.unwrap() + second.unwrap(),
        pg::latest(),
        "each migration applied by one of the two"
    );
    assert_eq!(pg::migrate(&a).await.unwrap(), 0, "again: nothing to do");
    let client = a.get().await.unwrap();
    let applied: i64 = client
        .query_one("SELECT COUNT(*) FROM schema_migrations", &[])
        .await
        .unwrap()
        .get(0);
    assert_eq!(applied, pg::latest());
    // A database from a newer hyctl is refused, not guessed at.
    client
        .execute(
            "INSERT INTO schema_migrations (version, name) VALUES ($1, 'from the future')",
            &[&(pg::latest() + 1)],
        )
        .await
        .unwrap();
    let err = pg::migrate(&a).await.unwrap_err().to_string();
    assert!(err.contains("newer than this build"), "{err}");
    drop((client, a, b));
    db.drop_db().await;
}

async fn rev(c: &tokio_postgres::Client, server: i64) -> i64 {
    c.query_one(
        "SELECT rev FROM list_revisions WHERE server_pk = $1",
        &[&server],
    )
    .await
    .unwrap()
    .get(0)
}

async fn next(notes: &mut tokio::sync::mpsc::UnboundedReceiver<String>) -> String {
    tokio::time::timeout(Duration::from_secs(5), notes.recv())
        .await
        .expect("a notification within 5 s")
        .unwrap()
}

#[tokio::test]
async fn list_changes_bump_revisions_and_notify_at_commit() {
    let Some(db) = TestDatabase::create("list_changes_notify").await else {
        return;
    };
    let pool = db.target.pool(2).unwrap();
    pg::migrate(&pool).await.unwrap();

    // A listener, as every central holds one: notifications arrive on its connection.
    let (listener, mut heard) = db
        .target
        .listen("test-listener", &["list_changed"])
        .await
        .expect("a listening connection");
    let (notes_tx, mut notes) = tokio::sync::mpsc::unbounded_channel();
    tokio::spawn(async move {
        while let Some(Ok((_, payload))) = heard.recv().await {
            let _ = notes_tx.send(payload);
        }
    });

    let mut client = pool.get().await.unwrap();
    let server: i64 = client
        .query_one(
            "INSERT INTO servers (id, id_sha256, created_at) VALUES ('edge-1-id', '\\x00', 1)
             RETURNING pk",
            &[],
        )
        .await
        .unwrap()
        .get(0);
    assert_eq!(rev(&client, server).await, 1, "a new server starts a list");
    assert_eq!(next(&mut notes).await, server.to_string());

    // Inside a transaction nothing is told until it commits.
    let tx = client.transaction().await.unwrap();
    let user: i64 = tx
        .query_one(
            "INSERT INTO users (id, secret, secret_sha256, created_at, updated_at)
             VALUES ('alice', 'alice-secret', 'digest', 1, 1) RETURNING pk",
            &[],
        )
        .await
        .unwrap()
        .get(0);
    tx.execute(
        "INSERT INTO assignments (server_pk, user_pk, created_at) VALUES ($1, $2, 1)",
        &[&server, &user],
    )
    .await
    .unwrap();
    assert!(notes.try_recv().is_err(), "not before commit");
    tx.commit().await.unwrap();
    assert_eq!(next(&mut notes).await, server.to_string());
    assert_eq!(rev(&client, server).await, 2);
    let quota: i64 = client
        .query_one(
            "SELECT COUNT(*) FROM quota_usage WHERE user_pk = $1",
            &[&user],
        )
        .await
        .unwrap()
        .get(0);
    assert_eq!(quota, 1, "a new user gets its usage row");

    // Changes that affect admission bump (each column the trigger's WHEN names); a note, a
    // report's contact times or the same value again do not.
    for change in [
        "UPDATE users SET note = 'vip' WHERE pk = $1",
        "UPDATE users SET last_online_at = 50, first_connected_at = 40 WHERE pk = $1",
        "UPDATE users SET enabled = TRUE WHERE pk = $1",
    ] {
        client.execute(change, &[&user]).await.unwrap();
        assert_eq!(rev(&client, server).await, 2, "{change}");
    }
    for change in [
        "UPDATE users SET enabled = FALSE WHERE pk = $1",
        "UPDATE users SET data_limit = 10 WHERE pk = $1",
        "UPDATE users SET expires_at = 99 WHERE pk = $1",
        "UPDATE users SET max_devices = 2 WHERE pk = $1",
        "UPDATE users SET allowed_ips = '10.0.0.0/8' WHERE pk = $1",
        "UPDATE users SET secret_sha256 = 'other' WHERE pk = $1",
        "DELETE FROM assignments WHERE user_pk = $1",
    ] {
        let before = rev(&client, server).await;
        client.execute(change, &[&user]).await.unwrap();
        assert_eq!(rev(&client, server).await, before + 1, "{change}");
        assert_eq!(next(&mut notes).await, server.to_string(), "{change}");
    }
    drop((client, listener, pool));
    db.drop_db().await;
}

/// A SQLite installation moved to PostgreSQL arrives whole, is compared before it commits,
/// and a second move into the now full database is refused unless forced.
#[tokio::test]
async fn a_sqlite_installation_moves_to_postgresql_whole() {
    let Some(db) = TestDatabase::create("sqlite_moves_to_postgresql").await else {
        return;
    };
    // A small installation with a bit of everything.
    let c = hy_testkit::TestCentral::start_sqlite().await;
    let api = c.client();
    for id in ["alice", "bob", "carol"] {
        api.create_user(&hy_api::users::CreateUser {
            id: id.into(),
            ..Default::default()
        })
        .await
        .unwrap();
    }
    let server = api
        .create_server(&hy_api::servers::CreateServer {
            name: Some("edge-1".into()),
            ..Default::default()
        })
        .await
        .unwrap()
        .id;
    api.assign(&server, &["alice".into(), "bob".into()])
        .await
        .unwrap();
    let batch = hy_api::node::TrafficBatch {
        auth_log: vec![hy_api::node::AuthEvent {
            id: "e1".into(),
            at: jiff::Timestamp::now().as_second(),
            user: Some("alice".into()),
            addr: "203.0.113.7:1".into(),
            allowed: true,
            reason: "ok".into(),
        }],
        ..hy_api::node::TrafficBatch::new(
            "inst",
            3,
            [
                ("alice".to_owned(), hy_api::Traffic { tx: 1000, rx: 5000 }),
                ("bob".to_owned(), hy_api::Traffic { tx: 7, rx: 9 }),
            ]
            .into(),
        )
    };
    c.node_client().report(&server, &batch).await.unwrap();
    let token = c.token.clone();
    let path = c.db_path.clone();
    let _dir = c.stop().await;

    let moved = hy_central::move_to_pg::move_to(&path, &db.target, false)
        .await
        .unwrap();
    let rows = |t: &str| moved.rows.iter().find(|(n, _)| *n == t).unwrap().1;
    assert_eq!(
        (rows("users"), rows("servers"), rows("assignments")),
        (3, 1, 2)
    );
    assert_eq!(moved.traffic, (1007, 5009));
    assert_eq!(moved.history, (1007, 5009));
    assert_eq!(rows("auth_log"), 1);
    assert_eq!(rows("report_cursors"), 1);

    let pool = db.target.pool(1).unwrap();
    let client = pool.get().await.unwrap();
    let one = |sql: &'static str| {
        let client = &client;
        async move { client.query_one(sql, &[]).await.unwrap() }
    };
    let alice = one(
        "SELECT t.tx, t.rx FROM traffic t JOIN users u ON u.pk = t.user_pk WHERE u.id = 'alice'",
    )
    .await;
    assert_eq!(
        (alice.get::<_, i64>(0), alice.get::<_, i64>(1)),
        (1000, 5000)
    );
    let cursor = one("SELECT last_seq FROM report_cursors").await;
    assert_eq!(
        cursor.get::<_, i64>(0),
        3,
        "a repeated batch stays a repeat after the move"
    );
    // The list revision is the source's, not what the copy's own inserts made of it.
    let revs = one("SELECT rev FROM list_revisions").await.get::<_, i64>(0);
    let source_rev: i64 = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row("SELECT rev FROM list_revisions", [], |r| r.get(0))
        .unwrap();
    assert_eq!(revs, source_rev);
    // The admin token's digest came along: the same token will open a PostgreSQL central.
    let digest = one("SELECT value FROM meta WHERE key = 'admin_token_sha256'")
        .await
        .get::<_, String>(0);
    assert!(!digest.is_empty() && !digest.contains(&token));
    // New rows get keys past the copied ones.
    let next: i64 = client
        .query_one(
            "INSERT INTO users (id, secret, secret_sha256, created_at, updated_at)
             VALUES ('dave', 'dave-secret', 'x', 1, 1) RETURNING pk",
            &[],
        )
        .await
        .unwrap()
        .get(0);
    assert!(next > 3, "{next}");

    let again = hy_central::move_to_pg::move_to(&path, &db.target, false).await;
    assert!(
        matches!(
            again,
            Err(hy_central::move_to_pg::MoveError::NotEmpty {
                users: 4,
                servers: 1
            })
        ),
        "{again:?}"
    );
    let forced = hy_central::move_to_pg::move_to(&path, &db.target, true)
        .await
        .unwrap();
    assert_eq!(forced, moved);
    drop((client, pool));
    db.drop_db().await;
}

/// One central at a time holds the lease; another takes over once it lapses, at once when it
/// is given up, and the one that lost it hears so at its next renewal.
#[tokio::test]
async fn one_central_leads_and_another_takes_over_when_it_stops() {
    use hy_central::lease::Lease;
    let Some(db) = TestDatabase::create("lease_failover").await else {
        return;
    };
    let pool = db.target.pool(8).unwrap();
    pg::migrate(&pool).await.unwrap();
    let ttl = Duration::from_millis(400);
    let contenders: Vec<Lease> = (0..5).map(|_| Lease::shared(pool.clone(), ttl)).collect();
    let won = futures_util::future::join_all(contenders.iter().map(Lease::hold)).await;
    let leaders: Vec<usize> = won
        .iter()
        .enumerate()
        .filter(|(_, w)| *w.as_ref().unwrap())
        .map(|(i, _)| i)
        .collect();
    assert_eq!(leaders.len(), 1, "exactly one of five leads: {won:?}");
    let (leader, other) = (&contenders[leaders[0]], &contenders[(leaders[0] + 1) % 5]);
    assert!(leader.hold().await.unwrap(), "renewed");
    assert!(!other.hold().await.unwrap(), "held by the leader");

    // The leader stops renewing (it died): the other takes over once the lease lapses.
    let last_renewal = std::time::Instant::now();
    assert!(leader.hold().await.unwrap());
    hy_testkit::wait_until(
        "another central takes over",
        Duration::from_secs(10),
        || async { other.hold().await.unwrap() },
    )
    .await;
    assert!(
        last_renewal.elapsed() >= ttl - Duration::from_millis(50),
        "not before the lease lapsed: {:?}",
        last_renewal.elapsed()
    );
    assert!(
        !leader.hold().await.unwrap(),
        "the old leader learns it lost"
    );

    // Given up on shutdown: taken at once, no waiting for it to lapse.
    other.release().await.unwrap();
    assert!(leader.hold().await.unwrap());
    assert!(
        Lease::Always.hold().await.unwrap(),
        "SQLite: always the leader"
    );
    drop(contenders);
    drop(pool);
    db.drop_db().await;
}

/// The listener every central holds: a list change committed anywhere on the database wakes
/// this central's waiters, a server deleted anywhere wakes its node's poll (to learn it is
/// gone), and a moved expiry or reset wakes the schedule, even for a user on no server; when
/// its connection is cut, it reconnects and treats every list as changed, since notifications
/// may have been missed meanwhile.
#[tokio::test]
async fn the_change_listener_publishes_and_survives_a_lost_connection() {
    let Some(db) = TestDatabase::create("change_listener").await else {
        return;
    };
    let pool = db.target.pool(2).unwrap();
    pg::migrate(&pool).await.unwrap();
    let changes = hy_central::changes::ListChanges::default();
    let stop = tokio_util::sync::CancellationToken::new();
    let schedule = std::sync::Arc::<tokio::sync::Notify>::default();
    let listener = tokio::spawn(pg::listen_for_changes(
        db.target.clone(),
        changes.clone(),
        schedule.clone(),
        stop.clone(),
    ));
    // Connected and listening: it says so by treating every list as changed once.
    hy_testkit::wait_until(
        "the listener is listening",
        Duration::from_secs(10),
        || async { changes.generation(999_999) > 0 },
    )
    .await;
    let client = pool.get().await.unwrap();
    let server: i64 = client
        .query_one(
            "INSERT INTO servers (id, id_sha256, created_at) VALUES ('s-1-id', '\\x01', 1)
             RETURNING pk",
            &[],
        )
        .await
        .unwrap()
        .get(0);
    // A new server had no generation of its own before the insert, whenever the
    // notification arrives.
    let before = 0;
    hy_testkit::wait_until(
        "the change reaches this central",
        Duration::from_secs(10),
        || async { changes.generation(server) - changes.generation(999_999) > before },
    )
    .await;

    // The database cuts the listener off; it comes back and says everything may have changed.
    let everything = changes.generation(999_999);
    client
        .execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
             WHERE application_name = 'hyctl-central-listen'",
            &[],
        )
        .await
        .unwrap();
    hy_testkit::wait_until(
        "the listener reconnects",
        Duration::from_secs(10),
        || async { changes.generation(999_999) > everything },
    )
    .await;
    // And it listens again.
    let seen = changes.generation(server) - changes.generation(999_999);
    client
        .execute(
            "UPDATE list_revisions SET rev = rev + 1 WHERE server_pk = $1",
            &[&server],
        )
        .await
        .unwrap();
    hy_testkit::wait_until(
        "changes arrive after the reconnect",
        Duration::from_secs(10),
        || async { changes.generation(server) - changes.generation(999_999) > seen },
    )
    .await;

    // The schedule: woken once on (re)connecting, then by each moved expiry or reset.
    let woken = || tokio::time::timeout(Duration::from_secs(10), schedule.notified());
    woken().await.expect("woken on connecting");
    for change in [
        "INSERT INTO users (id, secret, secret_sha256, created_at, updated_at, expires_at)
         VALUES ('alice', 's', 'h', 1, 1, 5000)",
        "UPDATE users SET next_reset_at = 7000 WHERE id = 'alice'",
        "UPDATE users SET expires_at = NULL WHERE id = 'alice'",
    ] {
        client.batch_execute(change).await.unwrap();
        woken()
            .await
            .unwrap_or_else(|_| panic!("no wake-up for {change}"));
    }

    // A deleted server: its revision row goes, and its waiters hear of it.
    let seen = changes.generation(server) - changes.generation(999_999);
    client
        .execute("DELETE FROM servers WHERE pk = $1", &[&server])
        .await
        .unwrap();
    hy_testkit::wait_until(
        "the deletion reaches this central",
        Duration::from_secs(10),
        || async { changes.generation(server) - changes.generation(999_999) > seen },
    )
    .await;
    stop.cancel();
    listener.await.unwrap();
    drop((client, pool));
    db.drop_db().await;
}

/// The same installation read through both backends gives the same answers: a SQLite central
/// with traffic, moved to PostgreSQL, then every read of the storage layer compared.
#[tokio::test]
async fn both_backends_read_the_same_installation_alike() {
    use hy_central::store::Store;
    let Some(db) = TestDatabase::create("both_backends_alike").await else {
        return;
    };
    let c = hy_testkit::TestCentral::start_sqlite().await;
    let api = c.client();
    for id in ["alice", "bob", "idle"] {
        api.create_user(&hy_api::users::CreateUser {
            id: id.into(),
            ..Default::default()
        })
        .await
        .unwrap();
    }
    let mut servers = Vec::new();
    for name in ["edge-b", "edge-a"] {
        let id = api
            .create_server(&hy_api::servers::CreateServer {
                name: Some(name.into()),
                ..Default::default()
            })
            .await
            .unwrap()
            .id;
        api.assign(&id, &["alice".into(), "bob".into()])
            .await
            .unwrap();
        servers.push(id);
    }
    for (i, server) in servers.iter().enumerate() {
        let batch = hy_api::node::TrafficBatch::new(
            "inst",
            1,
            [
                (
                    "alice".to_owned(),
                    hy_api::Traffic {
                        tx: 100 * (i as u64 + 1),
                        rx: 7,
                    },
                ),
                ("bob".to_owned(), hy_api::Traffic { tx: 3, rx: 900 }),
            ]
            .into(),
        );
        c.node_client().report(server, &batch).await.unwrap();
    }
    api.delete_server(&servers[0]).await.unwrap();
    let path = c.db_path.clone();
    let _dir = c.stop().await;
    hy_central::move_to_pg::move_to(&path, &db.target, false)
        .await
        .unwrap();
    let sqlite = Store::Sqlite(hy_central::db::Db::open(&path).unwrap());
    let pool = db.target.pool(2).unwrap();
    let postgres = Store::Postgres(pool.clone().into());
    let now = jiff::Timestamp::now().as_second();
    for store in [&sqlite, &postgres] {
        assert_eq!(store.traffic_of_user("alice".into()).await.unwrap().tx, 300);
    }
    assert_eq!(
        sqlite.traffic_by_user().await.unwrap(),
        postgres.traffic_by_user().await.unwrap()
    );
    for user in [None, Some("alice".to_owned()), Some("idle".to_owned())] {
        assert_eq!(
            sqlite.traffic_by_server(user.clone()).await.unwrap(),
            postgres.traffic_by_server(user.clone()).await.unwrap(),
            "{user:?}"
        );
    }
    // History, closed hours included: the move closes nothing, but SQLite may have.
    for by in [
        hy_api::traffic::HistoryBy::Hour,
        hy_api::traffic::HistoryBy::Day,
        hy_api::traffic::HistoryBy::Server,
    ] {
        for user in [None, Some("alice".to_owned())] {
            let read = |store: &Store| {
                let (store, user) = (store.clone(), user.clone());
                async move { store.history(user, 0, now + 3600, by).await.unwrap() }
            };
            let (a, b) = (read(&sqlite).await, read(&postgres).await);
            assert!(!a.is_empty());
            assert_eq!(a, b, "{by:?} of {user:?}");
        }
    }
    let deleted = sqlite.traffic_by_server(None).await.unwrap();
    assert!(
        deleted.last().unwrap().server_id.is_none(),
        "a deleted server's traffic, last"
    );
    let page = hy_api::page::PageQuery::default();
    assert_eq!(
        sqlite.users(now, None, page.clone()).await.unwrap(),
        postgres.users(now, None, page.clone()).await.unwrap()
    );
    assert_eq!(
        sqlite.servers(page.clone()).await.unwrap(),
        postgres.servers(page).await.unwrap()
    );
    assert!(matches!(
        postgres.traffic_of_user("nobody".into()).await.unwrap_err(),
        hy_central::db::DbError::NotFound { .. }
    ));
    // A node list is the same bytes from either backend.
    let (pk, _) = sqlite.node(servers[1].clone()).await.unwrap().unwrap();
    let mut lists = Vec::new();
    for store in [&sqlite, &postgres] {
        let out = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let sink = std::sync::Arc::clone(&out);
        assert!(
            store
                .node_list(
                    pk,
                    now,
                    true,
                    |_| {},
                    move |p| sink.lock().unwrap().extend(p)
                )
                .await
                .unwrap()
        );
        lists.push(out.lock().unwrap().clone());
    }
    assert_eq!(lists[0], lists[1]);
    assert!(String::from_utf8_lossy(&lists[0]).contains("\"alice\""));
    drop((postgres, pool));
    db.drop_db().await;
}

/// Two centrals on one database, every batch of two nodes sent to both at once (a node that
/// timed out on one and retried on the other): each byte counted once, quota included, and
/// the reports that share users do not deadlock one another.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_centrals_given_the_same_batches_count_each_once() {
    use std::collections::BTreeMap;

    use hy_api::Traffic;
    use hy_api::servers::ServerKind;
    use hy_api::users::UserSettings;
    use hy_central::ingest::Report;
    use hy_central::store::Store;

    let Some(db) = TestDatabase::create("same_batches_twice").await else {
        return;
    };
    let pool = db.target.pool(8).unwrap();
    pg::migrate(&pool).await.unwrap();
    let centrals = [
        Store::Postgres(pool.clone().into()),
        Store::Postgres(db.target.pool(8).unwrap().into()),
    ];
    let now = 9_000_000;
    let users = ["alice", "bob", "carol"];
    for id in users {
        centrals[0]
            .create_user(
                id.into(),
                format!("{id}-secret-99"),
                UserSettings::default(),
                now,
            )
            .await
            .unwrap();
    }
    let mut nodes = vec![];
    for id in ["twice-node-one", "twice-node-two"] {
        centrals[1]
            .create_server(
                id.into(),
                None,
                ServerKind::Hysteria,
                1.5,
                Default::default(),
                now,
            )
            .await
            .unwrap();
        centrals[1]
            .assign(id.into(), users.map(String::from).to_vec(), now)
            .await
            .unwrap();
        nodes.push(centrals[0].node(id.into()).await.unwrap().unwrap().0);
    }
    const BATCHES: u64 = 40;
    let batch = move |server_pk: i64, seq: u64| Report {
        server_pk,
        sequence: Some((format!("instance-{server_pk}"), seq)),
        users: users
            .iter()
            .enumerate()
            .map(|(i, id)| {
                let bytes = 1000 * (i as u64 + 1) + seq;
                (id.to_string(), Traffic { tx: bytes, rx: 1 })
            })
            .collect::<BTreeMap<_, _>>(),
        seen: BTreeMap::new(),
        auth_log: vec![],
        devices: vec![],
        now: now + seq as i64,
    };
    // A node sends its next batch only once the previous one is acknowledged (its spool is
    // in order); the nodes themselves run at once, and their reports share every user.
    let mut sends = tokio::task::JoinSet::new();
    for &server_pk in &nodes {
        let centrals = centrals.clone();
        sends.spawn(async move {
            let mut applied = 0;
            for seq in 1..=BATCHES {
                let [a, b] = &centrals;
                let (x, y) = tokio::join!(
                    a.apply_report(batch(server_pk, seq)),
                    b.apply_report(batch(server_pk, seq))
                );
                let (x, y) = (x.unwrap().ack, y.unwrap().ack);
                assert_eq!((x.seq, y.seq), (Some(seq), Some(seq)));
                assert!(
                    x.applied != y.applied,
                    "batch {seq}: exactly one central counts it"
                );
                applied += 1;
            }
            applied
        });
    }
    let mut applied = 0;
    while let Some(n) = sends.join_next().await {
        applied += n.unwrap();
    }
    assert_eq!(applied, nodes.len() * BATCHES as usize, "each batch once");
    for (i, id) in users.iter().enumerate() {
        let per_batch_tx: u64 = (1..=BATCHES).map(|s| 1000 * (i as u64 + 1) + s).sum();
        let want = Traffic {
            tx: per_batch_tx * 2,
            rx: BATCHES * 2,
        };
        let user = centrals[1].user(id.to_string(), now).await.unwrap();
        assert_eq!(user.traffic, want, "{id}");
        let charged: u64 = (1..=BATCHES)
            .map(|s| {
                let t = Traffic {
                    tx: 1000 * (i as u64 + 1) + s,
                    rx: 1,
                };
                hy_central::db::traffic::weighted(t, 1.5) as u64
            })
            .sum::<u64>()
            * 2;
        assert_eq!(user.period_used, charged, "{id}: quota weighted, once");
    }
    drop(centrals);
    drop(pool);
    db.drop_db().await;
}

/// Two real centrals on one PostgreSQL database: one admin token for both, a change made on
/// one wakes a node's long poll held by the other, and a report taken by either is counted
/// once and seen by both.
#[tokio::test]
async fn two_centrals_serve_one_fleet_from_one_database() {
    use hy_api::users::CreateUser;

    let Some(db) = TestDatabase::create("two_centrals_one_fleet").await else {
        return;
    };
    let a = TestCentral::start_postgres(db.target.clone()).await;
    let mut b = TestCentral::start_postgres(db.target.clone()).await;
    assert!(!a.token.is_empty());
    assert!(
        b.token.is_empty(),
        "the second central made no token of its own"
    );
    b.token = a.token.clone();
    for c in [&a, &b] {
        assert_eq!(c.admin("GET", "/readyz", None).await.0, 200);
    }
    let (api_a, api_b) = (a.client(), b.client());
    api_a
        .create_user(&CreateUser {
            id: "alice".into(),
            ..Default::default()
        })
        .await
        .unwrap();
    let server = api_b
        .create_server(&hy_api::servers::CreateServer {
            name: Some("shared-edge".into()),
            ..Default::default()
        })
        .await
        .unwrap()
        .id;
    api_a.assign(&server, &["alice".into()]).await.unwrap();

    // The node polls central B; the change is made on A.
    let node = b.node_client();
    let first = node.node_list(&server, None, None).await.unwrap().unwrap();
    assert_eq!(first.users.len(), 1);
    let poll = {
        let (node, server, etag) = (node.clone(), server.clone(), first.revision.clone());
        tokio::spawn(async move {
            node.node_list(&server, Some(&etag), Some(Duration::from_secs(30)))
                .await
                .unwrap()
        })
    };
    b.wait_for_polls(1).await;
    api_a
        .create_user(&CreateUser {
            id: "bob".into(),
            ..Default::default()
        })
        .await
        .unwrap();
    api_a.assign(&server, &["bob".into()]).await.unwrap();
    let woken = tokio::time::timeout(Duration::from_secs(10), poll)
        .await
        .expect("the poll on B wakes for a change made on A")
        .unwrap()
        .expect("a new list, not a 304");
    let ids: Vec<_> = woken.users.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(ids, ["alice", "bob"]);

    // One batch, sent to both (a retry after a timeout): counted once, visible on both.
    let batch = hy_api::node::TrafficBatch::new(
        "edge-instance",
        1,
        [("alice".to_owned(), hy_api::Traffic { tx: 700, rx: 70 })].into(),
    );
    let acks = [
        a.node_client().report(&server, &batch).await.unwrap(),
        node.report(&server, &batch).await.unwrap(),
    ];
    assert_eq!(acks.iter().filter(|ack| ack.applied).count(), 1, "{acks:?}");
    for api in [&api_a, &api_b] {
        let alice = api.user("alice").await.unwrap();
        assert_eq!((alice.traffic.tx, alice.traffic.rx), (700, 70));
    }
    a.stop().await;
    b.stop().await;
    db.drop_db().await;
}

/// Two leaders overlapping (a lease renewal in flight) run the same due resets at once: each
/// user is reset once, with one entry in its reset history.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn overlapping_leaders_reset_each_due_user_once() {
    use hy_api::users::{ResetStrategy, UserSettings};
    use hy_central::store::Store;

    let Some(db) = TestDatabase::create("overlapping_resets").await else {
        return;
    };
    let pool = db.target.pool(8).unwrap();
    pg::migrate(&pool).await.unwrap();
    let created = 10 * 86_400 + 5;
    let store = Store::Postgres(pool.clone().into());
    for i in 0..50 {
        store
            .create_user(
                format!("user-{i}"),
                format!("secret-of-user-{i}"),
                UserSettings {
                    reset_strategy: Some(ResetStrategy::Day),
                    ..Default::default()
                },
                created,
            )
            .await
            .unwrap();
    }
    let due = 11 * 86_400;
    let leaders = [
        store.clone(),
        Store::Postgres(db.target.pool(8).unwrap().into()),
    ];
    let (a, b) = tokio::join!(
        leaders[0].process_due(created, due),
        leaders[1].process_due(created, due)
    );
    assert_eq!(a.unwrap() + b.unwrap(), 50, "each due reset ran once");
    let c = pool.get().await.unwrap();
    let resets: i64 = c
        .query_one("SELECT COUNT(*) FROM usage_resets", &[])
        .await
        .unwrap()
        .get(0);
    assert_eq!(resets, 50);
    drop((c, leaders, store, pool));
    db.drop_db().await;
}

/// A database that cannot be reached is "unavailable" (a 503 that tells the caller to retry),
/// not an internal error; readiness says so too.
#[tokio::test]
async fn an_unreachable_database_is_unavailable_not_an_internal_error() {
    use hy_central::db::DbError;
    use hy_central::store::Store;

    let dir = tempfile::tempdir().unwrap();
    let url = format!(
        "postgres://hyctl@localhost/hyctl?host={}&connect_timeout=2",
        dir.path().display()
    );
    let target = pg::Target::parse(&url, None).unwrap();
    let store = Store::Postgres(target.pool(1).unwrap().into());
    let err = store.user("alice".into(), 0).await.unwrap_err();
    assert!(matches!(err, DbError::Unavailable(_)), "{err:?}");
    let err = store.probe_write(0).await.unwrap_err();
    assert!(matches!(err, DbError::Unavailable(_)), "{err:?}");
    let api: hy_central::http::error::ApiError = err.into();
    let response = axum::response::IntoResponse::into_response(api);
    assert_eq!(response.status(), 503);
}

/// Every connection central holds to PostgreSQL is cut, three times, while a node reports
/// (what a database restart does to its clients): requests in the gap fail as 503, the node
/// resends the same batch as its spool would, and every byte is counted once. Changes made
/// afterwards still wake long polls (the listener reconnected).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cut_database_connections_lose_and_double_nothing() {
    use hy_api::users::CreateUser;

    let Some(db) = TestDatabase::create("cut_connections").await else {
        return;
    };
    let c = TestCentral::start_postgres(db.target.clone()).await;
    let api = c.client();
    api.create_user(&CreateUser {
        id: "alice".into(),
        ..Default::default()
    })
    .await
    .unwrap();
    let server = api.create_server(&Default::default()).await.unwrap().id;
    api.assign(&server, &["alice".into()]).await.unwrap();

    const BATCHES: u64 = 60;
    let node = c.node_client();
    let (progress, mut reported) = tokio::sync::watch::channel(0u64);
    let reporter = {
        let (node, server) = (node.clone(), server.clone());
        tokio::spawn(async move {
            let (mut failures, mut applied) = (0, 0);
            for seq in 1..=BATCHES {
                let batch = hy_api::node::TrafficBatch::new(
                    "cut-instance",
                    seq,
                    [("alice".to_owned(), hy_api::Traffic { tx: seq, rx: 1 })].into(),
                );
                // As the spool does: the same batch until central acknowledges it.
                loop {
                    match node.report(&server, &batch).await {
                        Ok(ack) => {
                            applied += u64::from(ack.applied);
                            break;
                        }
                        Err(_) => failures += 1,
                    }
                }
                progress.send_replace(seq);
            }
            (failures, applied)
        })
    };
    let admin = db.target.pool(1).unwrap();
    let dbname = db.target.dbname().to_owned();
    // Cut while reports flow: after the 10th, 25th and 40th batch.
    for after in [10, 25, 40] {
        reported.wait_for(|n| *n >= after).await.unwrap();
        let client = admin.get().await.unwrap();
        client
            .execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                 WHERE datname = $1 AND pid <> pg_backend_pid()",
                &[&dbname],
            )
            .await
            .unwrap();
    }
    let (failures, applied) = reporter.await.unwrap();
    eprintln!("{failures} sends failed while connections were cut");
    // A commit whose answer was cut is resent and acknowledged as a repeat, so `applied` may
    // be short by such sends; the totals below are the claim.
    assert!(applied <= BATCHES && applied + failures >= BATCHES);
    let alice = api.user("alice").await.unwrap();
    assert_eq!(
        (alice.traffic.tx, alice.traffic.rx),
        ((1..=BATCHES).sum::<u64>(), BATCHES)
    );

    // The listener came back: a change wakes a poll held now.
    let list = node.node_list(&server, None, None).await.unwrap().unwrap();
    let poll = {
        let (node, server, etag) = (node.clone(), server.clone(), list.revision.clone());
        tokio::spawn(async move {
            node.node_list(&server, Some(&etag), Some(Duration::from_secs(30)))
                .await
        })
    };
    c.wait_for_polls(1).await;
    api.create_user(&CreateUser {
        id: "bob".into(),
        ..Default::default()
    })
    .await
    .unwrap();
    api.assign(&server, &["bob".into()]).await.unwrap();
    let woken = tokio::time::timeout(Duration::from_secs(10), poll)
        .await
        .expect("the poll wakes after the connections were cut")
        .unwrap()
        .unwrap()
        .expect("a new list");
    assert_eq!(woken.users.len(), 2);
    drop(admin);
    c.stop().await;
    db.drop_db().await;
}

/// A database written at PostgreSQL schema 1 is upgraded in place by the next central to start
/// on it: its data intact, and what the later migrations added working on that data (here a
/// deleted server ending its node's long poll at once).
#[tokio::test]
async fn a_schema_1_database_is_upgraded_with_its_data() {
    let Some(db) = TestDatabase::create("pg_upgrade").await else {
        return;
    };
    let pool = db.target.pool(1).unwrap();
    assert_eq!(pg::migrate_to(&pool, 1).await.unwrap(), 1);
    let digest = hy_api::auth_digest("alice-secret");
    pool.get()
        .await
        .unwrap()
        .batch_execute(&format!(
            "INSERT INTO users (id, secret, secret_sha256, created_at, updated_at, data_limit)
             VALUES ('alice', 'alice-secret', '{digest}', 100, 100, 5000);
             INSERT INTO servers (id, id_sha256, name, created_at)
             VALUES ('x7k9m2p4q8r1w5', sha256('x7k9m2p4q8r1w5'), 'edge-1', 100);
             INSERT INTO assignments (server_pk, user_pk, created_at)
             SELECT s.pk, u.pk, 100 FROM servers s, users u;
             INSERT INTO traffic (server_pk, user_pk, tx, rx)
             SELECT s.pk, u.pk, 1000, 2000 FROM servers s, users u;
             UPDATE quota_usage SET period_used = 3000;
             INSERT INTO traffic_hourly (hour, server_pk, user_pk, tx, rx)
             SELECT floor(extract(epoch FROM now()) / 3600)::BIGINT - 4 + k, s.pk, u.pk, 9 + k, 1
             FROM servers s, users u, generate_series(1, 2) k;"
        ))
        .await
        .unwrap();
    drop(pool);

    let c = TestCentral::start_postgres(db.target.clone()).await;
    assert_eq!(
        c.admin("GET", "/admin/traffic", None).await.1,
        json!({"alice": {"tx": 1000, "rx": 2000}})
    );
    let (_, alice) = c.admin("GET", "/admin/users/alice", None).await;
    assert_eq!(alice["period_used"], 3000, "{alice}");
    // Schema 1's buckets were in an index over every hour; migration 0019 closes them into
    // the per-user index, through which one user's past hours are read.
    assert_eq!(c.store().await.open_buckets().await.unwrap(), 0);
    let since = format!(
        "since={}&by=hour",
        jiff::Timestamp::now() - jiff::SignedDuration::from_hours(24)
    );
    for q in [format!("{since}&user=alice"), since.clone()] {
        let (_, hours) = c.admin("GET", &format!("/admin/history?{q}"), None).await;
        let tx: Vec<_> = hours.as_array().unwrap().iter().map(|p| &p["tx"]).collect();
        assert_eq!(tx, [10, 11], "{q}: {hours}");
    }
    let server = c.client().server("x7k9m2p4q8r1w5").await.unwrap();
    assert_eq!((server.name.as_deref(), server.users), (Some("edge-1"), 1));
    let node = c.node_client();
    let list = node
        .node_list("x7k9m2p4q8r1w5", None, None)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(list.users.len(), 1);
    assert_eq!(list.users[0].auth_sha256, digest);

    let poll = {
        let (node, rev) = (node.clone(), list.revision.clone());
        tokio::spawn(async move {
            node.node_list("x7k9m2p4q8r1w5", Some(&rev), Some(Duration::from_secs(50)))
                .await
        })
    };
    c.wait_for_polls(1).await;
    c.client().delete_server("x7k9m2p4q8r1w5").await.unwrap();
    let gone = tokio::time::timeout(Duration::from_secs(10), poll)
        .await
        .expect("the deletion ends the poll at once")
        .unwrap();
    assert_eq!(gone.unwrap_err().code(), Some(hy_api::ErrorCode::NotFound));
    c.stop().await;
    db.drop_db().await;
}

/// TLS to the database: a server that takes TCP only with TLS is reached encrypted and
/// verified (the URL's `sslrootcert` or `--db-ca-file`), a whole central runs on it, and the
/// two ways of getting it wrong fail with a message that says so: no TLS asked for (the
/// server refuses) and a CA that did not sign the server's certificate (hyctl refuses).
#[tokio::test]
async fn tls_to_postgresql_is_verified_and_plaintext_is_refused() {
    use hy_testkit::cluster::PgCluster;
    let Some(cluster) = PgCluster::start("tls_to_postgresql", true).await else {
        return;
    };
    let ca = hy_testkit::fixture("ca.pem");
    let encrypted = |target: &pg::Target| {
        let pool = target.pool(1).unwrap();
        async move {
            let row = pool
                .get()
                .await
                .map_err(|e| format!("{e:?}"))?
                .query_one(
                    "SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()",
                    &[],
                )
                .await
                .map_err(|e| e.to_string())?;
            Ok::<_, String>((row.get::<_, bool>(0), row.get::<_, Option<String>>(1)))
        }
    };
    let by_url = pg::Target::parse(
        &cluster.url(
            "postgres",
            &format!("sslmode=verify-full&sslrootcert={}", ca.display()),
        ),
        None,
    )
    .unwrap();
    let (ssl, version) = encrypted(&by_url).await.unwrap();
    assert!(ssl, "the connection is encrypted");
    assert!(version.unwrap().starts_with("TLSv1."));
    assert!(encrypted(&cluster.target("postgres")).await.unwrap().0);

    let plain = pg::Target::parse(&cluster.url("postgres", ""), None).unwrap();
    let refused = encrypted(&plain).await.unwrap_err();
    assert!(refused.contains("no encryption"), "{refused}");
    let unknown_ca =
        pg::Target::parse(&cluster.url("postgres", "sslmode=verify-full"), None).unwrap();
    let refused = encrypted(&unknown_ca).await.unwrap_err();
    assert!(
        refused.to_lowercase().contains("certificate"),
        "the public roots do not know the test CA: {refused}"
    );

    // A whole central, its listener included, over that connection.
    let central = TestCentral::start_postgres(cluster.target("postgres")).await;
    let api = central.client();
    api.create_user(&hy_api::users::CreateUser {
        id: "alice".into(),
        ..Default::default()
    })
    .await
    .unwrap();
    let server = api
        .create_server(&hy_api::servers::CreateServer::default())
        .await
        .unwrap()
        .id;
    let node = central.node_client();
    let first = node.node_list(&server, None, None).await.unwrap().unwrap();
    let poll = {
        let (node, server, rev) = (node.clone(), server.clone(), first.revision.clone());
        tokio::spawn(async move {
            node.node_list(&server, Some(&rev), Some(Duration::from_secs(50)))
                .await
        })
    };
    central.wait_for_polls(1).await;
    api.assign(&server, &["alice".into()]).await.unwrap();
    let changed = tokio::time::timeout(Duration::from_secs(10), poll)
        .await
        .expect("the change notification arrives over TLS")
        .unwrap()
        .unwrap()
        .unwrap();
    assert_eq!(changed.users.len(), 1);
    central.stop().await;
}

/// A bulk import refreshes the planner's statistics at once (not a minute later, when
/// autovacuum would), so the node list of the users it brought is planned for their number.
#[tokio::test]
async fn a_bulk_import_leaves_fresh_planner_statistics() {
    let Some(db) = TestDatabase::create("bulk_statistics").await else {
        return;
    };
    let pool = db.target.pool(2).unwrap();
    pg::migrate(&pool).await.unwrap();
    let store = hy_central::store::Store::Postgres(pool.clone().into());
    let users = (0..1000)
        .map(|i| {
            (
                format!("u{i}"),
                format!("secret-{i:04}"),
                Default::default(),
            )
        })
        .collect();
    store.create_users(users, false, 100).await.unwrap();
    let rows: f32 = pool
        .get()
        .await
        .unwrap()
        .query_one(
            "SELECT reltuples FROM pg_class WHERE relname = 'users' AND relkind = 'r'",
            &[],
        )
        .await
        .unwrap()
        .get(0);
    assert_eq!(rows, 1000.0, "ANALYZE counted the imported users");
    drop((store, pool));
    db.drop_db().await;
}
