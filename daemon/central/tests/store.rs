//! The storage layer's conformance suite: every case runs on SQLite and on PostgreSQL (a
//! database of its own on the test server; skipped without one, outside CI), from the same
//! code, so the two backends cannot drift apart.

use hy_api::page::PageQuery;
use hy_api::users::{User, UserSettings, UserState};
use hy_central::db::{Db, DbError};
use hy_central::store::Store;
use hy_testkit::postgres::TestDatabase;

/// Runs `case` on a fresh SQLite store and, when a test server runs, a fresh PostgreSQL one.
macro_rules! on_both {
    ($sqlite:ident, $postgres:ident, $case:ident) => {
        #[tokio::test]
        async fn $sqlite() {
            let dir = tempfile::tempdir().unwrap();
            let db = Db::open(&dir.path().join("c.db")).unwrap();
            $case(&Store::Sqlite(db)).await;
        }

        #[tokio::test]
        async fn $postgres() {
            let Some(db) = TestDatabase::create(stringify!($postgres)).await else {
                return;
            };
            let pool = db.target.pool(4).unwrap();
            hy_central::pg::migrate(&pool).await.unwrap();
            $case(&Store::Postgres(pool.clone().into())).await;
            drop(pool);
            db.drop_db().await;
        }
    };
}

on_both!(users_on_sqlite, users_on_postgres, users);
on_both!(
    user_changes_on_sqlite,
    user_changes_on_postgres,
    user_changes
);

/// Changing a user's secret and settings, and resetting their usage.
async fn user_changes(store: &Store) {
    let now = 2_000_000;
    for (id, secret) in [("alice", "alice-secret-1"), ("bob", "bob-secret-12")] {
        store
            .create_user(id.into(), secret.into(), UserSettings::default(), now)
            .await
            .unwrap();
    }
    let changed = store
        .update_user(
            "alice".into(),
            Some("alice-secret-2".into()),
            UserSettings {
                max_devices: Some(3),
                note: Some("moved".into()),
                reset_strategy: Some(hy_api::users::ResetStrategy::Month),
                expires_at: Some(Some(jiff::Timestamp::from_second(now + 10).unwrap())),
                ..Default::default()
            },
            now + 1,
        )
        .await
        .unwrap();
    assert_eq!(changed.secret.expose(), "alice-secret-2");
    assert_eq!((changed.max_devices, changed.note.as_str()), (3, "moved"));
    assert!(changed.next_reset_at.is_some());
    assert_eq!(changed.updated_at.as_second(), now + 1);
    let at_expiry = store.user("alice".into(), now + 10).await.unwrap();
    assert_eq!(
        at_expiry.state,
        UserState::Expired,
        "the state is derived at the time asked"
    );
    // Clearing with null, through the same settings.
    let cleared = store
        .update_user(
            "alice".into(),
            None,
            UserSettings {
                expires_at: Some(None),
                ..Default::default()
            },
            now + 2,
        )
        .await
        .unwrap();
    assert_eq!(
        (cleared.expires_at, cleared.state),
        (None, UserState::Active)
    );
    let taken = store
        .update_user(
            "bob".into(),
            Some("alice-secret-2".into()),
            UserSettings::default(),
            now,
        )
        .await
        .unwrap_err();
    assert!(
        matches!(taken, DbError::Conflict(ref m) if m.contains("secret")),
        "{taken}"
    );
    assert!(matches!(
        store
            .update_user("nobody".into(), None, UserSettings::default(), now)
            .await
            .unwrap_err(),
        DbError::NotFound { .. }
    ));
    let reset = store
        .reset_usage("bob".into(), now + 5, "admin")
        .await
        .unwrap();
    assert_eq!(reset.period_used, 0);
    assert_eq!(reset.period_start.map(|t| t.as_second()), Some(now + 5));
    assert!(matches!(
        store
            .reset_usage("nobody".into(), now, "admin")
            .await
            .unwrap_err(),
        DbError::NotFound { .. }
    ));
}

/// Creating, reading, paging, filtering by state and deleting users.
pub async fn users(store: &Store) {
    let now = 1_000_000;
    let settings = |f: fn(&mut UserSettings)| {
        let mut s = UserSettings::default();
        f(&mut s);
        s
    };
    let alice = store
        .create_user(
            "alice".into(),
            "alice-secret-1".into(),
            Default::default(),
            now,
        )
        .await
        .unwrap();
    assert_eq!(
        (alice.id.as_str(), alice.state),
        ("alice", UserState::Active)
    );
    assert_eq!(alice.secret.expose(), "alice-secret-1");
    assert_eq!((alice.servers, alice.traffic.total()), (0, 0));
    store
        .create_user(
            "bob".into(),
            "bob-secret-12".into(),
            settings(|s| s.enabled = Some(false)),
            now,
        )
        .await
        .unwrap();
    let carol = store
        .create_user(
            "carol".into(),
            "carol-secret-1".into(),
            settings(|s| {
                s.data_limit = Some(10);
                s.reset_strategy = Some(hy_api::users::ResetStrategy::Day);
                s.allowed_ips = Some(vec!["203.0.113.0/24".into()]);
                s.note = Some("VIP".into());
                s.max_devices = Some(2);
                s.expire_after = Some(Some(86_400));
            }),
            now,
        )
        .await
        .unwrap();
    assert_eq!(carol.state, UserState::OnHold);
    assert_eq!(carol.data_limit, 10);
    assert_eq!(carol.allowed_ips, ["203.0.113.0/24"]);
    assert_eq!((carol.note.as_str(), carol.max_devices), ("VIP", 2));
    assert!(
        carol.next_reset_at.is_some(),
        "the schedule comes with the strategy"
    );
    let dup = store
        .create_user(
            "alice".into(),
            "another-secret".into(),
            Default::default(),
            now,
        )
        .await
        .unwrap_err();
    assert!(
        matches!(dup, DbError::Conflict(ref m) if m.contains("already exists")),
        "{dup}"
    );
    let dup = store
        .create_user(
            "dave".into(),
            "alice-secret-1".into(),
            Default::default(),
            now,
        )
        .await
        .unwrap_err();
    assert!(
        matches!(dup, DbError::Conflict(ref m) if m.contains("secret")),
        "{dup}"
    );

    assert_eq!(
        store.user("bob".into(), now).await.unwrap().state,
        UserState::Disabled
    );
    assert!(matches!(
        store.user("nobody".into(), now).await.unwrap_err(),
        DbError::NotFound { .. }
    ));
    let ids = |v: &[User]| v.iter().map(|u| u.id.clone()).collect::<Vec<_>>();
    let (all, next) = store.users(now, None, PageQuery::default()).await.unwrap();
    assert_eq!(
        (ids(&all), next),
        (vec!["alice".into(), "bob".into(), "carol".into()], None)
    );
    let page = PageQuery {
        limit: Some(2),
        ..Default::default()
    };
    let (first, next) = store.users(now, None, page.clone()).await.unwrap();
    assert_eq!(
        (ids(&first), next.as_deref()),
        (vec!["alice".into(), "bob".into()], Some("bob"))
    );
    let (rest, next) = store
        .users(
            now,
            None,
            PageQuery {
                after: Some("bob".into()),
                ..page
            },
        )
        .await
        .unwrap();
    assert_eq!((ids(&rest), next), (vec!["carol".into()], None));
    let (vip, _) = store
        .users(
            now,
            None,
            PageQuery {
                q: Some("vip".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(ids(&vip), ["carol"]);
    let (off, _) = store
        .users(now, Some(UserState::Disabled), PageQuery::default())
        .await
        .unwrap();
    assert_eq!(ids(&off), ["bob"]);

    store.delete_user("bob".into()).await.unwrap();
    assert!(matches!(
        store.delete_user("bob".into()).await.unwrap_err(),
        DbError::NotFound { .. }
    ));
    let (left, _) = store.users(now, None, PageQuery::default()).await.unwrap();
    assert_eq!(ids(&left), ["alice", "carol"]);
}

on_both!(servers_on_sqlite, servers_on_postgres, servers);

/// Servers, their names and kinds, and assignments (with the original's registration of an
/// unseen id by its first assignment).
async fn servers(store: &Store) {
    use hy_api::servers::ServerKind;
    let now = 3_000_000;
    for id in ["alice", "bob"] {
        store
            .create_user(
                id.into(),
                format!("{id}-secret-99"),
                UserSettings::default(),
                now,
            )
            .await
            .unwrap();
    }
    let link = hy_api::uri::LinkSettings {
        host: Some("edge.example".into()),
        ..Default::default()
    };
    let edge = store
        .create_server(
            "server-edge-0001".into(),
            Some("edge-1".into()),
            ServerKind::Stream,
            1.5,
            link.clone(),
            now,
        )
        .await
        .unwrap();
    assert_eq!(
        (
            edge.name.as_deref(),
            edge.kind,
            edge.traffic_multiplier,
            edge.users
        ),
        (Some("edge-1"), ServerKind::Stream, 1.5, 0)
    );
    assert_eq!(edge.link.host, link.host);
    for (id, name, needle) in [
        ("server-edge-0001", None, "already exists"),
        ("server-edge-0002", Some("edge-1"), "named"),
        (
            "server-edge-0003",
            Some("server-edge-0001"),
            "another server's id",
        ),
    ] {
        let err = store
            .create_server(
                id.into(),
                name.map(Into::into),
                ServerKind::Hysteria,
                1.0,
                Default::default(),
                now,
            )
            .await
            .unwrap_err();
        assert!(
            matches!(err, DbError::Conflict(ref m) if m.contains(needle)),
            "{id}: {err}"
        );
    }
    let (result, created) = store
        .assign(
            "server-edge-0001".into(),
            vec!["alice".into(), "bob".into(), "alice".into()],
            now,
        )
        .await
        .unwrap();
    assert!(!created);
    assert_eq!(
        (result.assigned, result.unchanged),
        (vec!["alice".to_owned(), "bob".to_owned()], vec![])
    );
    let (again, _) = store
        .assign("server-edge-0001".into(), vec!["bob".into()], now)
        .await
        .unwrap();
    assert_eq!(again.unchanged, ["bob"]);
    // All or nothing: an unknown user assigns nobody, and registers no server.
    let err = store
        .assign(
            "server-edge-0009".into(),
            vec!["alice".into(), "ghost".into()],
            now,
        )
        .await
        .unwrap_err();
    assert!(matches!(err, DbError::NotFound { .. }), "{err}");
    assert!(matches!(
        store.server("server-edge-0009".into()).await.unwrap_err(),
        DbError::NotFound { .. }
    ));
    // The original's way: a server id never seen is registered by its first assignment.
    let (_, created) = store
        .assign("old-node-from-panel".into(), vec!["alice".into()], now)
        .await
        .unwrap();
    assert!(created);
    let old = store.server("old-node-from-panel".into()).await.unwrap();
    assert_eq!(
        (old.kind, old.users, old.name),
        (ServerKind::Hysteria, 1, None)
    );

    let (members, next) = store
        .assigned_users(
            "server-edge-0001".into(),
            PageQuery {
                limit: Some(1),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!((members.len(), next.as_deref()), (1, Some("alice")));
    store
        .unassign("server-edge-0001".into(), "bob".into())
        .await
        .unwrap();
    let err = store
        .unassign("server-edge-0001".into(), "bob".into())
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            DbError::NotFound {
                kind: "assignment of user",
                ..
            }
        ),
        "{err}"
    );
    assert_eq!(
        store.server("server-edge-0001".into()).await.unwrap().users,
        1
    );
    let (all, _) = store.servers(PageQuery::default()).await.unwrap();
    let ids: Vec<_> = all.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        ["server-edge-0001", "old-node-from-panel"],
        "named first, by name"
    );
    let (found, _) = store
        .servers(PageQuery {
            q: Some("EDGE-1".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(found.len(), 1);
    // Renamed, re-weighted, relinked in one change; a name that is an id or taken is refused.
    let changed = store
        .update_server(
            "server-edge-0001".into(),
            Some(Some("edge-one".into())),
            Some(2.0),
            Some(Default::default()),
        )
        .await
        .unwrap();
    assert_eq!(
        (
            changed.name.as_deref(),
            changed.traffic_multiplier,
            changed.link.host
        ),
        (Some("edge-one"), 2.0, None)
    );
    let err = store
        .update_server(
            "old-node-from-panel".into(),
            Some(Some("edge-one".into())),
            None,
            None,
        )
        .await
        .unwrap_err();
    assert!(
        matches!(err, DbError::Conflict(ref m) if m.contains("named")),
        "{err}"
    );
    let err = store
        .update_server(
            "old-node-from-panel".into(),
            Some(Some("server-edge-0001".into())),
            None,
            None,
        )
        .await
        .unwrap_err();
    assert!(matches!(err, DbError::Conflict(ref m) if m.contains("another server's id")));
    let unnamed = store
        .update_server("server-edge-0001".into(), Some(None), None, None)
        .await
        .unwrap();
    assert_eq!(unnamed.name, None);
    assert!(matches!(
        store
            .update_server("nope-nope-nope".into(), None, Some(1.0), None)
            .await
            .unwrap_err(),
        DbError::NotFound { .. }
    ));
    store
        .delete_server("old-node-from-panel".into())
        .await
        .unwrap();
    assert!(matches!(
        store
            .delete_server("old-node-from-panel".into())
            .await
            .unwrap_err(),
        DbError::NotFound { .. }
    ));
}

on_both!(
    batches_and_links_on_sqlite,
    batches_and_links_on_postgres,
    batches_and_links
);

/// Users created in a batch (all or nothing, or skipping ids taken), and the servers a user's
/// share links are built from.
async fn batches_and_links(store: &Store) {
    let now = 4_000_000;
    let batch = |ids: &[&str]| -> Vec<(String, String, UserSettings)> {
        ids.iter()
            .map(|id| {
                (
                    id.to_string(),
                    format!("{id}-secret-42"),
                    UserSettings::default(),
                )
            })
            .collect()
    };
    let (created, skipped) = store
        .create_users(batch(&["a1", "a2", "a3"]), false, now)
        .await
        .unwrap();
    assert_eq!((created.len(), skipped.len()), (3, 0));
    // A taken id fails the whole batch: nothing of it is written.
    let err = store
        .create_users(batch(&["b1", "a2"]), false, now)
        .await
        .unwrap_err();
    assert!(matches!(err, DbError::Conflict(_)), "{err}");
    assert!(matches!(
        store.user("b1".into(), now).await.unwrap_err(),
        DbError::NotFound { .. }
    ));
    let (created, skipped) = store
        .create_users(batch(&["b1", "a2"]), true, now)
        .await
        .unwrap();
    assert_eq!(
        (
            created.iter().map(|u| u.id.clone()).collect::<Vec<_>>(),
            skipped
        ),
        (vec!["b1".to_owned()], vec!["a2".to_owned()])
    );

    let host = |h: &str| hy_api::uri::LinkSettings {
        host: Some(h.into()),
        ..Default::default()
    };
    for (id, name, link) in [
        ("server-zz-0001", Some("zeta"), host("z.example")),
        ("server-aa-0002", Some("alpha"), host("a.example")),
        ("server-mm-0003", None, Default::default()),
    ] {
        store
            .create_server(
                id.into(),
                name.map(Into::into),
                hy_api::servers::ServerKind::Hysteria,
                1.0,
                link,
                now,
            )
            .await
            .unwrap();
        store
            .assign(id.into(), vec!["a1".into()], now)
            .await
            .unwrap();
    }
    let (user, links) = store.user_links("a1".into(), now).await.unwrap();
    assert_eq!(user.id, "a1");
    let order: Vec<_> = links.iter().map(|(id, _, _)| id.as_str()).collect();
    assert_eq!(
        order,
        ["server-aa-0002", "server-zz-0001", "server-mm-0003"],
        "by name"
    );
    assert_eq!(links[0].2.host.as_deref(), Some("a.example"));
    assert!(matches!(
        store.user_links("nobody".into(), now).await.unwrap_err(),
        DbError::NotFound { .. }
    ));
}

on_both!(nodes_on_sqlite, nodes_on_postgres, nodes);

/// What node requests use: the server by its credential, contact, list revisions that move
/// with assignments, device counts across nodes; and the fleet counts of the metrics.
async fn nodes(store: &Store) {
    use hy_api::servers::ServerKind;
    let now = 5_000_000;
    for (id, devices) in [("alice", 2), ("bob", 0)] {
        store
            .create_user(
                id.into(),
                format!("{id}-secret-77"),
                UserSettings {
                    max_devices: Some(devices),
                    ..Default::default()
                },
                now,
            )
            .await
            .unwrap();
    }
    for id in ["node-one-credential", "node-two-credential"] {
        store
            .create_server(
                id.into(),
                None,
                ServerKind::Proxy,
                1.0,
                Default::default(),
                now,
            )
            .await
            .unwrap();
        store
            .assign(id.into(), vec!["alice".into(), "bob".into()], now)
            .await
            .unwrap();
    }
    let (one, kind) = store
        .node("node-one-credential".into())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(kind, ServerKind::Proxy);
    let (two, _) = store
        .node("node-two-credential".into())
        .await
        .unwrap()
        .unwrap();
    assert!(store.node("nobody-at-all".into()).await.unwrap().is_none());
    let rev = store.list_revision(one).await.unwrap().unwrap();
    store
        .unassign("node-one-credential".into(), "bob".into())
        .await
        .unwrap();
    assert!(store.list_revision(one).await.unwrap().unwrap() > rev);

    store
        .touch(one, Some("1.2.3".into()), None, now)
        .await
        .unwrap();
    store.touch(one, None, None, now + 1).await.unwrap();
    let seen = store.server("node-one-credential".into()).await.unwrap();
    assert_eq!(
        (
            seen.agent_version.as_deref(),
            seen.last_seen_at.map(|t| t.as_second())
        ),
        (Some("1.2.3"), Some(now + 1)),
        "a contact without a version keeps the last one"
    );

    // Devices: what one node says, the other hears, for users with a limit only.
    let counts = [
        ("alice".to_owned(), 1),
        ("bob".to_owned(), 4),
        ("ghost".to_owned(), 9),
    ];
    store
        .report_devices(two, counts.into_iter().collect(), now)
        .await
        .unwrap();
    let elsewhere = store.devices_elsewhere(one, now + 10).await.unwrap();
    assert_eq!(
        elsewhere.into_iter().collect::<Vec<_>>(),
        [("alice".to_owned(), 1)]
    );
    assert!(
        store.devices_elsewhere(two, now).await.unwrap().is_empty(),
        "not its own"
    );
    assert!(
        store
            .devices_elsewhere(one, now + 10_000)
            .await
            .unwrap()
            .is_empty(),
        "stale counts are left out"
    );
    store
        .report_devices(two, Default::default(), now)
        .await
        .unwrap();
    assert!(store.devices_elsewhere(one, now).await.unwrap().is_empty());

    let (states, fresh) = store.fleet_counts(now + 30).await.unwrap();
    let n = |s: UserState| states.iter().find(|(x, _)| *x == s).unwrap().1;
    assert_eq!((n(UserState::Active), n(UserState::Disabled)), (2, 0));
    assert_eq!(states.len(), UserState::ALL.len());
    let f = |c: &str| fresh.iter().find(|(x, _)| *x == c).unwrap().1;
    assert_eq!((f("fresh"), f("never")), (1, 1));
}

on_both!(auth_log_on_sqlite, auth_log_on_postgres, auth_log);

/// Nodes' auth events: stored once per event id, filtered by user and refusals, newest first,
/// paged through a cursor that keeps the order within one second.
async fn auth_log(store: &Store) {
    use hy_api::node::AuthEvent;
    use hy_central::db::auth_log::Filter;
    let now = 6_000_000;
    store
        .create_server(
            "log-node-credential".into(),
            Some("log-node".into()),
            hy_api::servers::ServerKind::Hysteria,
            1.0,
            Default::default(),
            now,
        )
        .await
        .unwrap();
    let (pk, _) = store
        .node("log-node-credential".into())
        .await
        .unwrap()
        .unwrap();
    let event = |i: i64, user: &str, allowed: bool| AuthEvent {
        id: format!("e{i}"),
        at: now + i.min(3),
        user: Some(user.into()),
        addr: format!("203.0.113.{i}:1"),
        allowed,
        reason: if allowed { "ok" } else { "quota" }.into(),
    };
    let events: Vec<_> = (0..5)
        .map(|i| event(i, if i < 3 { "alice" } else { "bob" }, i % 2 == 0))
        .collect();
    store.record_auth_events(pk, events.clone()).await.unwrap();
    store
        .record_auth_events(pk, events[..2].to_vec())
        .await
        .unwrap();
    let filter = |limit: u32| Filter {
        user: None,
        refused: false,
        since: now - 1,
        limit,
        before: None,
    };
    let (all, next) = store.auth_log(filter(100)).await.unwrap();
    assert_eq!(
        (all.len(), next),
        (5, None),
        "a resent event is stored once"
    );
    let addrs: Vec<_> = all.iter().map(|e| e.addr.as_str()).collect();
    assert_eq!(
        addrs,
        [
            "203.0.113.4:1",
            "203.0.113.3:1",
            "203.0.113.2:1",
            "203.0.113.1:1",
            "203.0.113.0:1"
        ]
    );
    assert_eq!(all[0].server_name.as_deref(), Some("log-node"));
    let (page, next) = store.auth_log(filter(2)).await.unwrap();
    assert_eq!(page.len(), 2);
    let (rest, last) = store
        .auth_log(Filter {
            before: next,
            ..filter(10)
        })
        .await
        .unwrap();
    assert_eq!((rest.len(), last), (3, None));
    assert_eq!(rest[0].addr, "203.0.113.2:1");
    let (alice, _) = store
        .auth_log(Filter {
            user: Some("alice".into()),
            ..filter(10)
        })
        .await
        .unwrap();
    assert_eq!(alice.len(), 3);
    let (refused, _) = store
        .auth_log(Filter {
            refused: true,
            ..filter(10)
        })
        .await
        .unwrap();
    assert!(refused.iter().all(|e| !e.allowed) && refused.len() == 2);
    let (recent, _) = store
        .auth_log(Filter {
            since: now + 3,
            ..filter(10)
        })
        .await
        .unwrap();
    assert_eq!(recent.len(), 2);
}

on_both!(node_lists_on_sqlite, node_lists_on_postgres, node_lists);

/// A node list: only who may connect, with what the node enforces, under its revision.
async fn node_lists(store: &Store) {
    let now = 7_000_000;
    let cast = [
        ("alice", UserSettings::default()),
        (
            "bob-off",
            UserSettings {
                enabled: Some(false),
                ..Default::default()
            },
        ),
        (
            "carol-gone",
            UserSettings {
                expires_at: Some(Some(jiff::Timestamp::from_second(now - 1).unwrap())),
                ..Default::default()
            },
        ),
        (
            "dave",
            UserSettings {
                data_limit: Some(1000),
                max_devices: Some(2),
                allowed_ips: Some(vec!["203.0.113.0/24".into(), "2001:db8::/32".into()]),
                expires_at: Some(Some(jiff::Timestamp::from_second(now + 100).unwrap())),
                ..Default::default()
            },
        ),
    ];
    let ids: Vec<String> = cast.iter().map(|(id, _)| id.to_string()).collect();
    for (id, settings) in cast {
        store
            .create_user(id.into(), format!("{id}-secret-55"), settings, now - 10)
            .await
            .unwrap();
    }
    store
        .create_server(
            "list-node-credential".into(),
            None,
            hy_api::servers::ServerKind::Hysteria,
            2.0,
            Default::default(),
            now,
        )
        .await
        .unwrap();
    store
        .assign("list-node-credential".into(), ids, now)
        .await
        .unwrap();
    let (pk, _) = store
        .node("list-node-credential".into())
        .await
        .unwrap()
        .unwrap();
    let read = |store: &Store| {
        let store = store.clone();
        async move {
            let (rev_tx, rev_rx) = std::sync::mpsc::channel();
            let pieces = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
            let sink = std::sync::Arc::clone(&pieces);
            let found = store
                .node_list(
                    pk,
                    now,
                    true,
                    move |rev| rev_tx.send(rev).unwrap(),
                    move |p| sink.lock().unwrap().extend(p),
                )
                .await
                .unwrap();
            assert!(found);
            let json = pieces.lock().unwrap().clone();
            (rev_rx.recv().unwrap(), json)
        }
    };
    let (rev, json) = read(store).await;
    assert_eq!(Some(rev), store.list_revision(pk).await.unwrap());
    let list: hy_api::node::NodeList = serde_json::from_slice(&json).unwrap();
    assert_eq!(list.revision, format!("{pk}.{rev}.d"));
    let users: Vec<_> = list.users.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(
        users,
        ["alice", "dave"],
        "neither the disabled nor the expired"
    );
    let dave = &list.users[1];
    assert_eq!(
        (
            dave.remaining,
            dave.multiplier,
            dave.max_devices,
            dave.expires_at
        ),
        (Some(1000), Some(2.0), Some(2), Some(now + 100))
    );
    assert_eq!(dave.allowed_ips, ["203.0.113.0/24", "2001:db8::/32"]);
    assert_eq!(dave.auth_sha256, hy_api::auth_digest("dave-secret-55"));
    assert!(list.end_sessions.is_empty());

    // Sessions asked to end one by one: each ask moves the list, which names it until it is
    // older than SESSION_END_KEPT_SECS; pruning forgets only those.
    let kept = hy_api::node::SESSION_END_KEPT_SECS;
    for (key, at) in [("s-old", now - kept), ("s-new", now - 1)] {
        let before = store.list_revision(pk).await.unwrap();
        store
            .end_media_session("list-node-credential".into(), key.into(), at)
            .await
            .unwrap();
        assert!(store.list_revision(pk).await.unwrap() > before, "{key}");
    }
    let (_, json) = read(store).await;
    let list: hy_api::node::NodeList = serde_json::from_slice(&json).unwrap();
    assert_eq!(list.end_sessions, ["s-new"]);
    assert_eq!(store.prune_session_ends(now).await.unwrap(), 1);
    assert_eq!(store.prune_session_ends(now).await.unwrap(), 0);
    assert!(matches!(
        store
            .end_media_session("no-such-server".into(), "s".into(), now)
            .await,
        Err(DbError::NotFound { kind: "server", .. })
    ));
    let none = store
        .node_list(
            pk + 1000,
            now,
            true,
            |_| panic!("no revision"),
            |_| panic!("no piece"),
        )
        .await
        .unwrap();
    assert!(!none, "no such server");
}

on_both!(reports_on_sqlite, reports_on_postgres, reports);

/// Applies an unnumbered report of one user's bytes on server `server_pk` at `at`.
async fn count(store: &Store, server_pk: i64, user: &str, traffic: hy_api::Traffic, at: i64) {
    store
        .apply_report(hy_central::ingest::Report {
            server_pk,
            sequence: None,
            users: [(user.to_owned(), traffic)].into(),
            seen: Default::default(),
            auth_log: vec![],
            devices: vec![],
            now: at,
        })
        .await
        .unwrap();
}

/// A node report counts once: raw bytes to lifetime traffic, weighted bytes to quota, bytes of
/// unknown ids to the server's unattributed counter; a repeated batch counts nothing but still
/// stores its admissions and events; a user running out bumps the lists of all their servers.
async fn reports(store: &Store) {
    use std::collections::BTreeMap;

    use hy_api::Traffic;
    use hy_api::node::AuthEvent;
    use hy_api::servers::ServerKind;
    use hy_central::ingest::Report;

    let now = 8_000_000;
    let limited = UserSettings {
        data_limit: Some(1000),
        ..Default::default()
    };
    let on_hold = UserSettings {
        expire_after: Some(Some(86_400)),
        ..Default::default()
    };
    for (id, settings) in [("alice", limited), ("bob", on_hold)] {
        store
            .create_user(id.into(), format!("{id}-secret-88"), settings, now)
            .await
            .unwrap();
    }
    for (id, multiplier) in [("report-node-double", 2.0), ("report-node-plain", 1.0)] {
        store
            .create_server(
                id.into(),
                None,
                ServerKind::Hysteria,
                multiplier,
                Default::default(),
                now,
            )
            .await
            .unwrap();
        store
            .assign(id.into(), vec!["alice".into(), "bob".into()], now)
            .await
            .unwrap();
    }
    let (double, _) = store
        .node("report-node-double".into())
        .await
        .unwrap()
        .unwrap();
    let (plain, _) = store
        .node("report-node-plain".into())
        .await
        .unwrap()
        .unwrap();
    let bytes = |pairs: &[(&str, u64, u64)]| -> BTreeMap<String, Traffic> {
        pairs
            .iter()
            .map(|(id, tx, rx)| (id.to_string(), Traffic { tx: *tx, rx: *rx }))
            .collect()
    };
    let event = |id: &str| AuthEvent {
        id: id.into(),
        at: now,
        user: Some("bob".into()),
        addr: "198.51.100.7:4000".into(),
        allowed: true,
        reason: "ok".into(),
    };
    let report = |seq: u64, users, seen: &[&str], events: Vec<AuthEvent>| Report {
        server_pk: double,
        sequence: Some(("instance-a".into(), seq)),
        users,
        seen: seen.iter().map(|id| (id.to_string(), now + 5)).collect(),
        auth_log: events,
        devices: vec![],
        now: now + 5,
    };

    let first = store
        .apply_report(report(
            1,
            bytes(&[("alice", 100, 50), ("bob", 7, 3), ("ghost", 11, 13)]),
            &["bob"],
            vec![event("e1")],
        ))
        .await
        .unwrap();
    assert!(first.ack.applied);
    assert_eq!(first.ack.unknown_users, ["ghost"]);
    assert!(
        first.clocks_started,
        "bob's first connection starts his clock"
    );
    let alice = store.user("alice".into(), now + 5).await.unwrap();
    assert_eq!(
        (alice.traffic, alice.period_used),
        (Traffic { tx: 100, rx: 50 }, 300),
        "lifetime raw, quota weighted by the server's 2.0"
    );
    let bob = store.user("bob".into(), now + 5).await.unwrap();
    assert_eq!(
        bob.expires_at.map(|t| t.as_second()),
        Some(now + 5 + 86_400)
    );
    assert_eq!(bob.last_online_at.map(|t| t.as_second()), Some(now + 5));
    let server = store.server("report-node-double".into()).await.unwrap();
    assert_eq!(server.unattributed, Traffic { tx: 11, rx: 13 });

    // The same batch again (a retry after a lost answer), carrying one more event.
    let again = store
        .apply_report(report(
            1,
            bytes(&[("alice", 100, 50), ("bob", 7, 3), ("ghost", 11, 13)]),
            &["bob"],
            vec![event("e1"), event("e2")],
        ))
        .await
        .unwrap();
    assert!(!again.ack.applied);
    assert!(!again.clocks_started);
    let alice = store.user("alice".into(), now + 5).await.unwrap();
    assert_eq!((alice.traffic.total(), alice.period_used), (150, 300));
    let (log, _) = store
        .auth_log(hy_central::db::auth_log::Filter {
            since: 0,
            user: None,
            refused: false,
            limit: 10,
            before: None,
        })
        .await
        .unwrap();
    assert_eq!(log.len(), 2, "e1 once, and e2 from the repeat");

    // Crossing the limit: 300 + 2 * 400 >= 1000 moves both servers' lists.
    let revs = [
        store.list_revision(double).await.unwrap().unwrap(),
        store.list_revision(plain).await.unwrap().unwrap(),
    ];
    let crossing = store
        .apply_report(report(2, bytes(&[("alice", 400, 0)]), &[], vec![]))
        .await
        .unwrap();
    assert!(crossing.ack.applied);
    assert_eq!(
        store.user("alice".into(), now + 5).await.unwrap().state,
        UserState::Limited
    );
    for (pk, rev) in [double, plain].into_iter().zip(revs) {
        assert!(store.list_revision(pk).await.unwrap().unwrap() > rev);
    }
    // An older batch from the same instance is a repeat too; unnumbered reports always count.
    let old = store
        .apply_report(report(1, bytes(&[("alice", 1, 1)]), &[], vec![]))
        .await
        .unwrap();
    assert!(!old.ack.applied);
    let unnumbered = store
        .apply_report(Report {
            server_pk: plain,
            sequence: None,
            users: bytes(&[("alice", 5, 5)]),
            seen: BTreeMap::new(),
            auth_log: vec![],
            devices: vec![],
            now: now + 6,
        })
        .await
        .unwrap();
    assert!(unnumbered.ack.applied);
    let alice = store.user("alice".into(), now + 6).await.unwrap();
    assert_eq!((alice.traffic.total(), alice.period_used), (560, 1110));
    let per_server = store.traffic_by_server(Some("alice".into())).await.unwrap();
    let totals: Vec<u64> = per_server.iter().map(|s| s.tx + s.rx).collect();
    assert_eq!(totals.iter().sum::<u64>(), 560);

    // What a central remembers of users between reports (PostgreSQL keeps their keys) never
    // outlives a change: a limit set after bob's last report is the one his next crosses...
    let on_plain = |users| Report {
        server_pk: plain,
        sequence: None,
        users,
        seen: BTreeMap::new(),
        auth_log: vec![],
        devices: vec![],
        now: now + 7,
    };
    store
        .update_user(
            "bob".into(),
            None,
            UserSettings {
                data_limit: Some(50),
                ..Default::default()
            },
            now + 7,
        )
        .await
        .unwrap();
    let rev = store.list_revision(plain).await.unwrap().unwrap();
    let bobs = store
        .apply_report(on_plain(bytes(&[("bob", 40, 0)])))
        .await
        .unwrap();
    assert!(bobs.ack.applied);
    assert!(
        store.list_revision(plain).await.unwrap().unwrap() > rev,
        "20 + 40 crosses bob's new 50"
    );
    // ...a user deleted and made again under the same id is counted as the new one...
    store.delete_user("alice".into()).await.unwrap();
    store
        .create_user(
            "alice".into(),
            "alice-secret-99".into(),
            UserSettings::default(),
            now + 7,
        )
        .await
        .unwrap();
    let new_alice = store
        .apply_report(on_plain(bytes(&[("alice", 9, 9)])))
        .await
        .unwrap();
    assert!(new_alice.ack.unknown_users.is_empty());
    let alice = store.user("alice".into(), now + 7).await.unwrap();
    assert_eq!((alice.traffic.total(), alice.period_used), (18, 18));
    // ...and one deleted for good is unknown, its bytes unattributed.
    store.delete_user("bob".into()).await.unwrap();
    let gone = store
        .apply_report(on_plain(bytes(&[("bob", 3, 4)])))
        .await
        .unwrap();
    assert_eq!(gone.ack.unknown_users, ["bob"]);
    let server = store.server("report-node-plain".into()).await.unwrap();
    assert_eq!(server.unattributed, Traffic { tx: 3, rx: 4 });
}

on_both!(history_on_sqlite, history_on_postgres, history);

/// Hourly history written by reports, read by hour, day and server, for everyone or one user,
/// with a deleted server's hours kept and listed last.
async fn history(store: &Store) {
    use hy_api::Traffic;
    use hy_api::servers::ServerKind;
    use hy_api::traffic::HistoryBy;

    // Hour 0 of day 100, and two hours into day 101.
    let day = 100 * 86_400;
    for id in ["alice", "bob"] {
        store
            .create_user(
                id.into(),
                format!("{id}-secret-66"),
                UserSettings::default(),
                day,
            )
            .await
            .unwrap();
    }
    let mut pks = vec![];
    for (id, name) in [("history-node-b", "b-edge"), ("history-node-a", "a-edge")] {
        store
            .create_server(
                id.into(),
                Some(name.into()),
                ServerKind::Hysteria,
                1.0,
                Default::default(),
                day,
            )
            .await
            .unwrap();
        pks.push(store.node(id.into()).await.unwrap().unwrap().0);
    }
    let (b, a) = (pks[0], pks[1]);
    for (server_pk, at, user, tx) in [
        (b, day + 10, "alice", 100),
        (b, day + 20, "bob", 1),
        (a, day + 3600, "alice", 200),
        (a, day + 86_400 + 7200, "alice", 400),
        (b, day + 86_400 + 7200, "bob", 2),
    ] {
        count(store, server_pk, user, Traffic { tx, rx: 1 }, at).await;
    }
    let points = |ps: Vec<hy_api::traffic::HistoryPoint>| -> Vec<(String, u64, u64)> {
        ps.into_iter()
            .map(|p| {
                let key = p
                    .start
                    .map(|t| t.as_second().to_string())
                    .or(p.server_name)
                    .or(p.server_id)
                    .unwrap_or_else(|| "deleted".into());
                (key, p.tx, p.rx)
            })
            .collect()
    };
    let h = |s: i64| s.to_string();
    let all_hours = store
        .history(None, day, day + 2 * 86_400, HistoryBy::Hour)
        .await
        .unwrap();
    assert_eq!(
        points(all_hours),
        [
            (h(day), 101, 2),
            (h(day + 3600), 200, 1),
            (h(day + 86_400 + 7200), 402, 2)
        ]
    );
    let alices_days = store
        .history(Some("alice".into()), day, day + 2 * 86_400, HistoryBy::Day)
        .await
        .unwrap();
    assert_eq!(
        points(alices_days),
        [(h(day), 300, 2), (h(day + 86_400), 400, 1)]
    );
    let one_hour = store
        .history(
            Some("alice".into()),
            day + 3600,
            day + 3600,
            HistoryBy::Hour,
        )
        .await
        .unwrap();
    assert_eq!(points(one_hour), [(h(day + 3600), 200, 1)]);

    // Closing the first day's hours (in ranges of one user key: several transactions an
    // hour) moves them into the per-user index; every read answers the same before and after.
    let reads = || async {
        let mut all = vec![];
        for user in [None, Some("alice"), Some("bob")] {
            for by in [HistoryBy::Hour, HistoryBy::Server] {
                let user = user.map(str::to_owned);
                all.push(points(
                    store
                        .history(user, day, day + 2 * 86_400, by)
                        .await
                        .unwrap(),
                ));
            }
        }
        all
    };
    let before = reads().await;
    assert_eq!(store.open_buckets().await.unwrap(), 5);
    let closed = hy_central::schedule::close_hours(store, (day + 86_400) / 3600, 1)
        .await
        .unwrap();
    assert_eq!(closed.buckets, 3, "the first day's buckets");
    assert!(closed.transactions >= 4, "{closed:?}");
    assert_eq!(store.open_buckets().await.unwrap(), 2, "the second day's");
    assert_eq!(reads().await, before);
    let again = hy_central::schedule::close_past_hours(store, (day + 86_400) / 3600)
        .await
        .unwrap();
    assert_eq!(again.buckets, 0, "nothing left to close");
    let closed = hy_central::schedule::close_past_hours(store, (day + 3 * 86_400) / 3600)
        .await
        .unwrap();
    assert_eq!(closed.buckets, 2);
    assert_eq!(store.open_buckets().await.unwrap(), 0);
    assert_eq!(reads().await, before);

    // A user's deletion takes their buckets, closed and open, and nobody else's.
    store
        .create_user(
            "carol".into(),
            "carol-secret-66".into(),
            UserSettings::default(),
            day,
        )
        .await
        .unwrap();
    for (at, user) in [
        (day + 30, "carol"),
        (day + 4 * 86_400, "carol"),
        (day + 4 * 86_400, "bob"),
    ] {
        count(store, a, user, Traffic { tx: 5, rx: 5 }, at).await;
    }
    store.delete_user("carol".into()).await.unwrap();
    let everyone = store
        .history(None, day, day + 5 * 86_400, HistoryBy::Hour)
        .await
        .unwrap();
    assert_eq!(
        points(everyone),
        [
            (h(day), 101, 2),
            (h(day + 3600), 200, 1),
            (h(day + 86_400 + 7200), 402, 2),
            (h(day + 4 * 86_400), 5, 5)
        ],
        "carol's closed bucket (day 100) and open one (day 104) are gone, bob's stays"
    );

    store.delete_server("history-node-b".into()).await.unwrap();
    let by_server = store
        .history(None, day, day + 2 * 86_400, HistoryBy::Server)
        .await
        .unwrap();
    assert_eq!(
        points(by_server),
        [("a-edge".into(), 600, 2), ("deleted".into(), 103, 3)],
        "a deleted server's hours stay, last"
    );
    assert!(matches!(
        store
            .history(Some("nobody".into()), 0, day, HistoryBy::Day)
            .await,
        Err(DbError::NotFound { .. })
    ));
}

on_both!(schedule_on_sqlite, schedule_on_postgres, schedule);

/// What the scheduler does at its moments: a passed expiry bumps the user's servers' lists, a
/// due reset empties the period (a limited user is back on the lists) and schedules the
/// next; and pruning drops old history and auth events only.
async fn schedule(store: &Store) {
    use hy_api::Traffic;
    use hy_api::node::AuthEvent;
    use hy_api::servers::ServerKind;
    use hy_api::traffic::HistoryBy;
    use hy_central::ingest::Report;

    let created = 50 * 86_400 + 600;
    let expires = created + 1000;
    let cast = [
        (
            "daily",
            UserSettings {
                data_limit: Some(100),
                reset_strategy: Some(hy_api::users::ResetStrategy::Day),
                ..Default::default()
            },
        ),
        (
            "leaving",
            UserSettings {
                expires_at: Some(Some(jiff::Timestamp::from_second(expires).unwrap())),
                ..Default::default()
            },
        ),
    ];
    for (id, settings) in cast {
        store
            .create_user(id.into(), format!("{id}-secret-44"), settings, created)
            .await
            .unwrap();
    }
    store
        .create_server(
            "schedule-node".into(),
            None,
            ServerKind::Hysteria,
            1.0,
            Default::default(),
            created,
        )
        .await
        .unwrap();
    store
        .assign(
            "schedule-node".into(),
            vec!["daily".into(), "leaving".into()],
            created,
        )
        .await
        .unwrap();
    let (pk, _) = store.node("schedule-node".into()).await.unwrap().unwrap();
    store
        .apply_report(Report {
            server_pk: pk,
            sequence: None,
            users: [("daily".to_owned(), Traffic { tx: 150, rx: 0 })].into(),
            seen: Default::default(),
            auth_log: vec![AuthEvent {
                id: "old-event".into(),
                at: created,
                user: Some("daily".into()),
                addr: "192.0.2.1:1".into(),
                allowed: true,
                reason: "ok".into(),
            }],
            devices: vec![],
            now: created,
        })
        .await
        .unwrap();
    let daily = store.user("daily".into(), created).await.unwrap();
    assert_eq!(daily.state, UserState::Limited);
    let reset_at = daily.next_reset_at.unwrap().as_second();
    assert_eq!(reset_at, 51 * 86_400);
    assert_eq!(
        store.next_due(created).await.unwrap(),
        Some(expires),
        "the expiry comes first"
    );

    let rev = store.list_revision(pk).await.unwrap().unwrap();
    assert_eq!(store.process_due(created, expires - 1).await.unwrap(), 0);
    assert_eq!(store.list_revision(pk).await.unwrap().unwrap(), rev);
    assert!(store.process_due(expires - 1, expires).await.unwrap() >= 1);
    let rev2 = store.list_revision(pk).await.unwrap().unwrap();
    assert!(rev2 > rev, "the expiry bumps the list");
    assert_eq!(store.next_due(expires).await.unwrap(), Some(reset_at));

    assert_eq!(store.process_due(expires, reset_at).await.unwrap(), 1);
    let daily = store.user("daily".into(), reset_at).await.unwrap();
    assert_eq!((daily.state, daily.period_used), (UserState::Active, 0));
    assert_eq!(
        daily.next_reset_at.map(|t| t.as_second()),
        Some(52 * 86_400)
    );
    assert!(store.list_revision(pk).await.unwrap().unwrap() > rev2);
    assert_eq!(daily.traffic.tx, 150, "lifetime traffic stays");

    // A node silent for ten minutes is told stale once per silence, whatever the windows
    // the scheduler asks about (it restarts from the epoch); a node never seen, never.
    let seen = reset_at + 100;
    store.touch(pk, None, None, seen).await.unwrap();
    store
        .create_server(
            "never-seen".into(),
            None,
            ServerKind::Hysteria,
            1.0,
            Default::default(),
            seen,
        )
        .await
        .unwrap();
    let told = async || -> Vec<(String, i64)> {
        let events = store.events_after(0, 1000).await.unwrap();
        events
            .into_iter()
            .filter(|e| e.kind.starts_with("server."))
            .map(|e| (e.kind, e.at.as_second()))
            .collect()
    };
    store.process_due(reset_at, seen + 599).await.unwrap();
    assert!(told().await.iter().all(|(k, _)| k != "server.stale"));
    store.process_due(seen + 599, seen + 660).await.unwrap();
    store.process_due(0, seen + 700).await.unwrap();
    let stale = ("server.stale".to_owned(), seen + 660);
    assert_eq!(
        told()
            .await
            .iter()
            .filter(|(k, _)| k == "server.stale")
            .collect::<Vec<_>>(),
        [&stale]
    );
    store.touch(pk, None, None, seen + 900).await.unwrap();
    store.process_due(seen + 700, seen + 1600).await.unwrap();
    store.process_due(0, seen + 1700).await.unwrap();
    assert_eq!(
        told().await[1..],
        [
            stale,
            ("server.up".to_owned(), seen + 900),
            ("server.stale".to_owned(), seen + 1600)
        ],
        "silent, back, silent again"
    );

    // Keeping 30 days, 31 days on: the day-50 hour and event go, nothing else.
    let later = created + 31 * 86_400;
    assert_eq!(store.prune(later, 60, 60).await.unwrap(), (0, 0));
    assert_eq!(store.prune(later, 30, 30).await.unwrap(), (1, 1));
    assert!(
        store
            .history(None, 0, later, HistoryBy::Day)
            .await
            .unwrap()
            .is_empty()
    );
}

on_both!(meta_on_sqlite, meta_on_postgres, meta);

/// The admin token's digest: the first stored wins unless replaced on purpose; and the
/// readiness probe writes.
async fn meta(store: &Store) {
    assert_eq!(store.admin_token_digest().await.unwrap(), None);
    let (first, second) = (store.clone(), store.clone());
    let (a, b) = tokio::join!(
        first.set_admin_token_digest("aa".repeat(32), false),
        second.set_admin_token_digest("bb".repeat(32), false)
    );
    assert!(
        a.unwrap() != b.unwrap(),
        "exactly one of two starts stores its digest"
    );
    let kept = store.admin_token_digest().await.unwrap().unwrap();
    assert!(kept == "aa".repeat(32) || kept == "bb".repeat(32));
    assert!(
        store
            .set_admin_token_digest("cc".repeat(32), true)
            .await
            .unwrap()
    );
    assert_eq!(
        store.admin_token_digest().await.unwrap(),
        Some("cc".repeat(32))
    );
    store.probe_write(1).await.unwrap();
    store.probe_write(2).await.unwrap();
}

on_both!(long_lists_on_sqlite, long_lists_on_postgres, long_lists);

/// A list long enough to be read in two halves at once (its users' keys span more than
/// `SPLIT_SPAN`) comes out whole: every admitted user once, in key order, the refused left out
/// on both sides of the split, one valid JSON text.
async fn long_lists(store: &Store) {
    let now = 9_000_000;
    let n = 20_000;
    let ids: Vec<String> = (0..n).map(|i| format!("u{i:05}")).collect();
    for chunk in ids.chunks(5000) {
        let users = chunk
            .iter()
            .map(|id| (id.clone(), format!("{id}-secret"), UserSettings::default()))
            .collect();
        store.create_users(users, false, now).await.unwrap();
    }
    let off: Vec<&String> = ids.iter().step_by(997).collect();
    for id in &off {
        store
            .update_user(
                (*id).clone(),
                None,
                UserSettings {
                    enabled: Some(false),
                    ..Default::default()
                },
                now,
            )
            .await
            .unwrap();
    }
    store
        .create_server(
            "long-list-node".into(),
            None,
            hy_api::servers::ServerKind::Hysteria,
            1.0,
            Default::default(),
            now,
        )
        .await
        .unwrap();
    for chunk in ids.chunks(10_000) {
        store
            .assign("long-list-node".into(), chunk.to_vec(), now)
            .await
            .unwrap();
    }
    let (pk, _) = store.node("long-list-node".into()).await.unwrap().unwrap();
    let pieces = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let sink = std::sync::Arc::clone(&pieces);
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
    let json = pieces.lock().unwrap().clone();
    let list: hy_api::node::NodeList = serde_json::from_slice(&json).unwrap();
    let got: Vec<&str> = list.users.iter().map(|u| u.id.as_str()).collect();
    let want: Vec<&str> = ids
        .iter()
        .filter(|id| !off.contains(id))
        .map(String::as_str)
        .collect();
    assert_eq!(got.len(), want.len());
    assert!(got == want, "every admitted user once, in key order");
}

on_both!(devices_on_sqlite, devices_on_postgres, devices);

/// Devices: added, listed, changed, removed; a secret names one credential across users and
/// devices; a node list carries a user's admitted devices after the user; a report's device
/// rows count once towards their user and device, and say where the device was last seen.
async fn devices(store: &Store) {
    use hy_api::Traffic;
    use hy_api::devices::{DeviceSettings, DeviceState, DeviceStatus};
    use hy_api::node::AuthEvent;
    use hy_api::servers::ServerKind;
    use hy_central::ingest::{Report, fold_devices};

    let now = 9_000_000;
    for id in ["alice", "bob"] {
        store
            .create_user(
                id.into(),
                format!("{id}-secret-77"),
                Default::default(),
                now,
            )
            .await
            .unwrap();
    }
    let phone = store
        .create_device(
            "alice".into(),
            "phone".into(),
            "alice-phone-secret".into(),
            DeviceSettings {
                max_sessions: Some(2),
                allowed_ips: Some(vec!["192.0.2.0/24".into()]),
                ..Default::default()
            },
            now,
        )
        .await
        .unwrap();
    assert_eq!(
        (phone.node_id.as_str(), phone.state, phone.max_sessions),
        ("alice:phone", DeviceState::Active, 2)
    );
    // One name per user; one secret across users and devices, both ways.
    fn taken<T>(r: Result<T, DbError>) -> bool {
        matches!(r, Err(DbError::Conflict(_)))
    }
    assert!(taken(
        store
            .create_device(
                "alice".into(),
                "phone".into(),
                "other-secret-1".into(),
                Default::default(),
                now
            )
            .await
    ));
    assert!(taken(
        store
            .create_device(
                "bob".into(),
                "tablet".into(),
                "alice-secret-77".into(),
                Default::default(),
                now
            )
            .await
    ));
    assert!(taken(
        store
            .update_user(
                "bob".into(),
                Some("alice-phone-secret".into()),
                Default::default(),
                now
            )
            .await
    ));
    assert!(taken(
        store
            .create_user(
                "carol".into(),
                "alice-phone-secret".into(),
                Default::default(),
                now
            )
            .await
    ));
    assert!(matches!(
        store
            .create_device(
                "nobody".into(),
                "x".into(),
                "other-secret-2".into(),
                Default::default(),
                now
            )
            .await,
        Err(DbError::NotFound { kind: "user", .. })
    ));
    store
        .create_device(
            "alice".into(),
            "laptop".into(),
            "alice-laptop-secret".into(),
            Default::default(),
            now,
        )
        .await
        .unwrap();
    let names: Vec<String> = store
        .devices("alice".into(), now)
        .await
        .unwrap()
        .into_iter()
        .map(|d| d.name)
        .collect();
    assert_eq!(names, ["laptop", "phone"]);

    // On a node's list, after their user; a blocked one leaves it, the others stay.
    store
        .create_server(
            "device-node-1".into(),
            None,
            ServerKind::Hysteria,
            1.0,
            Default::default(),
            now,
        )
        .await
        .unwrap();
    store
        .assign(
            "device-node-1".into(),
            vec!["alice".into(), "bob".into()],
            now,
        )
        .await
        .unwrap();
    let (pk, _) = store.node("device-node-1".into()).await.unwrap().unwrap();
    let list = |devices: bool| {
        let store = store.clone();
        async move {
            let text = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
            let sink = std::sync::Arc::clone(&text);
            store
                .node_list(
                    pk,
                    now,
                    devices,
                    |_| {},
                    move |p| sink.lock().unwrap().extend(p),
                )
                .await
                .unwrap();
            let list: hy_api::node::NodeList =
                serde_json::from_slice(&text.lock().unwrap()).unwrap();
            list.users.into_iter().map(|u| u.id).collect::<Vec<_>>()
        }
    };
    assert_eq!(
        list(true).await,
        ["alice", "alice:laptop", "alice:phone", "bob"]
    );
    assert_eq!(
        list(false).await,
        ["alice", "bob"],
        "only nodes that ask get devices"
    );
    let rev = store.list_revision(pk).await.unwrap();
    let blocked = store
        .update_device(
            "alice".into(),
            "laptop".into(),
            None,
            DeviceSettings {
                status: Some(DeviceStatus::Blocked),
                ..Default::default()
            },
            now,
        )
        .await
        .unwrap();
    assert_eq!(blocked.state, DeviceState::Blocked);
    assert!(
        store.list_revision(pk).await.unwrap() > rev,
        "blocking moves the list"
    );
    assert_eq!(list(true).await, ["alice", "alice:phone", "bob"]);
    // What a media node admits moves the list too, and is kept as given.
    let rev = store.list_revision(pk).await.unwrap();
    let streams = store
        .update_device(
            "alice".into(),
            "phone".into(),
            None,
            DeviceSettings {
                allowed_streams: Some(vec!["live/*".into(), "news".into()]),
                publisher: Some(true),
                ..Default::default()
            },
            now,
        )
        .await
        .unwrap();
    assert_eq!(
        (streams.allowed_streams.as_slice(), streams.publisher),
        (["live/*".to_owned(), "news".to_owned()].as_slice(), true)
    );
    assert!(
        store.list_revision(pk).await.unwrap() > rev,
        "streams move the list"
    );
    // ... and ride in the device's entry, for media nodes.
    let text = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let sink = std::sync::Arc::clone(&text);
    store
        .node_list(
            pk,
            now,
            true,
            |_| {},
            move |p| sink.lock().unwrap().extend(p),
        )
        .await
        .unwrap();
    let entries: hy_api::node::NodeList = serde_json::from_slice(&text.lock().unwrap()).unwrap();
    let phone_entry = entries
        .users
        .iter()
        .find(|u| u.id == "alice:phone")
        .and_then(|u| u.device.clone())
        .unwrap();
    assert_eq!(
        (
            phone_entry.allowed_streams.as_slice(),
            phone_entry.publisher
        ),
        (["live/*".to_owned(), "news".to_owned()].as_slice(), true)
    );
    let rev = store.list_revision(pk).await.unwrap();
    let note = DeviceSettings {
        note: Some("kitchen".into()),
        ..Default::default()
    };
    let phone = store
        .update_device("alice".into(), "phone".into(), None, note, now)
        .await
        .unwrap();
    assert_eq!(
        store.list_revision(pk).await.unwrap(),
        rev,
        "a note does not"
    );
    assert_eq!(phone.allowed_streams.len(), 2);

    // A report: the device's bytes count towards alice (and her phone) once.
    let users = [
        ("alice".to_owned(), Traffic { tx: 10, rx: 1 }),
        ("alice:phone".to_owned(), Traffic { tx: 100, rx: 20 }),
        ("alice:gone".to_owned(), Traffic { tx: 5, rx: 0 }),
    ]
    .into();
    let seen = [("alice:phone".to_owned(), now)].into();
    let events = vec![AuthEvent {
        id: "ev-1".into(),
        at: now,
        user: Some("alice:phone".into()),
        addr: "192.0.2.9:5000".into(),
        allowed: true,
        reason: "ok".into(),
    }];
    let (folded, seen, devices) = fold_devices(users, seen, &events);
    assert_eq!(folded["alice"], Traffic { tx: 115, rx: 21 });
    let report = |seq| Report {
        server_pk: pk,
        sequence: Some(("dev-instance".into(), seq)),
        users: folded.clone(),
        seen: seen.clone(),
        auth_log: events.clone(),
        devices: devices.clone(),
        now: now + 1,
    };
    assert!(store.apply_report(report(1)).await.unwrap().ack.applied);
    assert!(!store.apply_report(report(1)).await.unwrap().ack.applied);
    let alice = store.user("alice".into(), now + 1).await.unwrap();
    assert_eq!(alice.traffic, Traffic { tx: 115, rx: 21 });
    let phone = store
        .device("alice".into(), "phone".into(), now + 1)
        .await
        .unwrap();
    assert_eq!(phone.traffic, Traffic { tx: 100, rx: 20 }, "counted once");
    assert_eq!(
        (
            phone.last_seen_at.map(|t| t.as_second()),
            phone.last_seen_server.as_deref(),
            phone.last_seen_addr.as_deref(),
        ),
        (Some(now + 1), Some("device-node-1"), Some("192.0.2.9:5000"))
    );
    assert_eq!(phone.first_seen_at, phone.last_seen_at);

    // Removed: off the list; a user's removal takes their devices with them.
    store
        .delete_device("alice".into(), "phone".into())
        .await
        .unwrap();
    assert!(matches!(
        store.device("alice".into(), "phone".into(), now).await,
        Err(DbError::NotFound { kind: "device", .. })
    ));
    assert_eq!(list(true).await, ["alice", "bob"]);
    store.delete_user("alice".into()).await.unwrap();
    assert!(matches!(
        store.devices("alice".into(), now).await,
        Err(DbError::NotFound { kind: "user", .. })
    ));
}

on_both!(audit_on_sqlite, audit_on_postgres, audit);

/// The audit trail stores and filters entries alike on both backends.
async fn audit(store: &Store) {
    use hy_central::db::audit::{Filter, NewEntry};
    for (i, actor) in ["admin-token", "token:a", "admin-token"].iter().enumerate() {
        store
            .audit(NewEntry {
                at: 1000 + i as i64,
                actor: (*actor).into(),
                addr: Some("127.0.0.1".into()),
                method: "PATCH".into(),
                route: "/admin/users/{id}".into(),
                path: format!("/admin/users/u{i}"),
                status: 200,
                request: Some(r#"{"note":"x"}"#.into()),
                before: None,
                after: Some("{}".into()),
            })
            .await
            .unwrap();
    }
    let all = store
        .audit_log(Filter {
            since: 0,
            limit: 10,
            ..Default::default()
        })
        .await
        .unwrap();
    let paths: Vec<&str> = all.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(
        paths,
        ["/admin/users/u2", "/admin/users/u1", "/admin/users/u0"]
    );
    let by = store
        .audit_log(Filter {
            since: 0,
            actor: Some("token:a".into()),
            path: Some("u1".into()),
            limit: 10,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(by.len(), 1);
    assert_eq!(by[0].request, Some(serde_json::json!({"note": "x"})));
    assert_eq!(store.prune_audit(1002 + 86_400, 1).await.unwrap(), 2);
}

on_both!(user_sorts_on_sqlite, user_sorts_on_postgres, user_sorts);

/// The panel's orders: by usage, expiry, last online and age, paged by offset, with the
/// state filter and the search applying as in id order.
async fn user_sorts(store: &Store) {
    use hy_central::db::users::UserSort;
    let now = 2_000_000_000;
    let at = |s: i64| Some(Some(jiff::Timestamp::from_second(s).unwrap()));
    let cast = [
        ("a-never", None, true),
        ("b-soon", at(now + 100), true),
        ("c-later", at(now + 1000), true),
        ("d-off", at(now + 50), false),
    ];
    for (i, (id, expires, enabled)) in cast.into_iter().enumerate() {
        let settings = UserSettings {
            expires_at: expires,
            enabled: Some(enabled),
            note: Some(format!("plan-{}", i % 2)),
            ..Default::default()
        };
        store
            .create_user(
                id.into(),
                format!("{id}-secret-000"),
                settings,
                now + i as i64,
            )
            .await
            .unwrap();
    }
    let ids = |users: Vec<User>| users.into_iter().map(|u| u.id).collect::<Vec<_>>();
    let sorted = |state, q: Option<&str>, sort, offset, limit| {
        let store = store.clone();
        let q = q.map(str::to_owned);
        async move {
            ids(store
                .users_sorted(now, state, q, sort, offset, limit)
                .await
                .unwrap())
        }
    };
    assert_eq!(
        sorted(None, None, UserSort::Expiry, 0, 10).await,
        ["d-off", "b-soon", "c-later", "a-never"],
        "soonest first, never last"
    );
    assert_eq!(
        sorted(None, None, UserSort::Newest, 1, 2).await,
        ["c-later", "b-soon"],
        "paged by offset"
    );
    assert_eq!(
        sorted(Some(UserState::Active), None, UserSort::Expiry, 0, 10).await,
        ["b-soon", "c-later", "a-never"]
    );
    assert_eq!(
        sorted(None, Some("PLAN-1"), UserSort::Newest, 0, 10).await,
        ["d-off", "b-soon"],
        "the search ignores case and reads the note"
    );
    // Ties (no usage yet) fall back to id order; the most used comes first.
    assert_eq!(
        sorted(None, None, UserSort::Usage, 0, 10).await,
        ["a-never", "b-soon", "c-later", "d-off"]
    );
    store
        .create_server(
            "sorts-node".into(),
            None,
            hy_api::servers::ServerKind::Hysteria,
            1.0,
            Default::default(),
            now,
        )
        .await
        .unwrap();
    store
        .assign("sorts-node".into(), vec!["c-later".into()], now)
        .await
        .unwrap();
    let (pk, _) = store.node("sorts-node".into()).await.unwrap().unwrap();
    store
        .apply_report(hy_central::ingest::Report {
            server_pk: pk,
            sequence: None,
            users: [("c-later".to_owned(), hy_api::Traffic { tx: 5, rx: 5 })].into(),
            seen: Default::default(),
            auth_log: vec![],
            devices: vec![],
            now,
        })
        .await
        .unwrap();
    assert_eq!(
        sorted(None, None, UserSort::Usage, 0, 2).await,
        ["c-later", "a-never"]
    );
}
