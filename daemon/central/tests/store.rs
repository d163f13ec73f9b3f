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
            $case(&Store::Postgres(pool.clone())).await;
            drop(pool);
            db.drop_db().await;
        }
    };
}

on_both!(users_on_sqlite, users_on_postgres, users);

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
