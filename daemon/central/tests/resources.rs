//! Users, servers, assignments and traffic views through the typed client.

use hy_api::servers::{CreateServer, UpdateServer};
use hy_api::users::{CreateUser, UpdateUser};
use hy_api::{ErrorCode, Traffic};
use serde_json::json;

use hy_testkit::{TestCentral, assert_error};

fn new_user(id: &str) -> CreateUser {
    CreateUser {
        id: id.into(),
        secret: None,
        ..Default::default()
    }
}

#[tokio::test]
async fn users_get_generated_secrets_that_can_be_set_and_rotated() {
    let c = TestCentral::start().await;
    let api = c.client();
    let alice = api.create_user(&new_user("alice")).await.unwrap();
    assert_eq!(alice.secret.expose().len(), 32);
    assert!(
        alice
            .secret
            .expose()
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    );
    let bob = api.create_user(&new_user("bob")).await.unwrap();
    assert_ne!(alice.secret, bob.secret);

    let chosen = CreateUser {
        id: "carol".into(),
        secret: Some("carol-chosen-secret".into()),
        ..Default::default()
    };
    assert_eq!(
        api.create_user(&chosen).await.unwrap().secret.expose(),
        "carol-chosen-secret"
    );

    let rotated = api.rotate_secret("alice").await.unwrap();
    assert_ne!(rotated.secret, alice.secret);
    assert_eq!(api.user("alice").await.unwrap().secret, rotated.secret);

    let set = api
        .update_user(
            "alice",
            &UpdateUser {
                secret: Some("alice-new-secret".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(set.secret.expose(), "alice-new-secret");
    assert!(set.updated_at >= set.created_at);

    // A secret names exactly one user.
    let err = api
        .update_user(
            "bob",
            &UpdateUser {
                secret: Some("alice-new-secret".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrorCode::Conflict));
    c.stop().await;
}

#[tokio::test]
async fn servers_can_be_created_named_renamed_and_deleted() {
    let c = TestCentral::start().await;
    let api = c.client();
    let a = api
        .create_server(&CreateServer {
            id: None,
            name: Some("edge-1".into()),
            kind: None,
            traffic_multiplier: None,
            link: None,
        })
        .await
        .unwrap();
    assert_eq!(a.id.len(), 32, "generated ids carry 192 bits");
    assert_eq!(a.name.as_deref(), Some("edge-1"));
    assert_eq!(a.last_seen_at, None);

    // An empty body is fine.
    let (status, b) = c.admin("POST", "/admin/servers", None).await;
    assert_eq!(status, 201);
    let b_id = b["id"].as_str().unwrap().to_owned();
    assert_eq!(b["name"], json!(null));

    let dup = api
        .create_server(&CreateServer {
            id: None,
            name: Some("edge-1".into()),
            kind: None,
            traffic_multiplier: None,
            link: None,
        })
        .await;
    assert_eq!(dup.unwrap_err().code(), Some(ErrorCode::Conflict));
    let shadow = api
        .update_server(
            &b_id,
            &UpdateServer {
                name: Some(Some(a.id.clone())),
                traffic_multiplier: None,
                link: None,
            },
        )
        .await;
    assert_eq!(
        shadow.unwrap_err().code(),
        Some(ErrorCode::Conflict),
        "a name may not be another server's id"
    );

    let renamed = api
        .update_server(
            &a.id,
            &UpdateServer {
                name: Some(Some("edge-9".into())),
                traffic_multiplier: None,
                link: None,
            },
        )
        .await
        .unwrap();
    assert_eq!(renamed.name.as_deref(), Some("edge-9"));
    let costly = UpdateServer {
        name: None,
        traffic_multiplier: Some(1.5),
        link: None,
    };
    assert_eq!(
        api.update_server(&a.id, &costly)
            .await
            .unwrap()
            .traffic_multiplier,
        1.5
    );
    let bad = UpdateServer {
        name: None,
        traffic_multiplier: Some(-1.0),
        link: None,
    };
    assert_eq!(
        api.update_server(&a.id, &bad).await.unwrap_err().code(),
        Some(ErrorCode::BadRequest)
    );
    let cleared = api
        .update_server(
            &a.id,
            &UpdateServer {
                name: Some(None),
                traffic_multiplier: None,
                link: None,
            },
        )
        .await
        .unwrap();
    assert_eq!(cleared.name, None);

    api.create_user(&new_user("alice")).await.unwrap();
    api.assign(&a.id, &["alice".into()]).await.unwrap();
    let listed = api.servers().await.unwrap();
    assert_eq!(listed.len(), 2);
    assert_eq!(listed.iter().find(|s| s.id == a.id).unwrap().users, 1);
    assert_eq!(api.user("alice").await.unwrap().servers, 1);

    api.delete_server(&a.id).await.unwrap();
    assert_eq!(
        api.server(&a.id).await.unwrap_err().code(),
        Some(ErrorCode::NotFound)
    );
    assert_eq!(api.user("alice").await.unwrap().servers, 0);
    assert_eq!(
        api.delete_server(&a.id).await.unwrap_err().code(),
        Some(ErrorCode::NotFound)
    );
    c.stop().await;
}

#[tokio::test]
async fn assignment_is_idempotent_and_all_or_nothing() {
    let c = TestCentral::start().await;
    let api = c.client();
    for id in ["alice", "bob"] {
        api.create_user(&new_user(id)).await.unwrap();
    }
    let server = api
        .create_server(&CreateServer::default())
        .await
        .unwrap()
        .id;
    let first = api
        .assign(&server, &["alice".into(), "bob".into()])
        .await
        .unwrap();
    assert_eq!(first.assigned, ["alice", "bob"]);
    let again = api.assign(&server, &["alice".into()]).await.unwrap();
    assert!(again.assigned.is_empty());
    assert_eq!(again.unchanged, ["alice"]);

    // One unknown id: nothing is assigned.
    api.create_user(&new_user("carol")).await.unwrap();
    let err = api
        .assign(&server, &["carol".into(), "ghost".into()])
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrorCode::NotFound));
    assert!(err.to_string().contains("ghost"), "{err}");
    let assigned: Vec<String> = api
        .server_users(&server)
        .await
        .unwrap()
        .into_iter()
        .map(|u| u.id)
        .collect();
    assert_eq!(assigned, ["alice", "bob"]);

    let err = api.unassign(&server, "carol").await.unwrap_err();
    assert_eq!(err.code(), Some(ErrorCode::NotFound));
    c.stop().await;
}

#[tokio::test]
async fn traffic_is_kept_per_server_and_survives_server_deletion() {
    let c = TestCentral::start().await;
    let api = c.client();
    let node = c.node_client();
    api.create_user(&new_user("alice")).await.unwrap();
    let a = api
        .create_server(&CreateServer {
            id: None,
            name: Some("a".into()),
            kind: None,
            traffic_multiplier: None,
            link: None,
        })
        .await
        .unwrap()
        .id;
    let b = api
        .create_server(&CreateServer {
            id: None,
            name: Some("b".into()),
            kind: None,
            traffic_multiplier: None,
            link: None,
        })
        .await
        .unwrap()
        .id;
    for (server, tx) in [(&a, 100), (&b, 10)] {
        let batch = hy_api::node::TrafficBatch {
            agent_version: Some("9.9.9".into()),
            ..hy_api::node::TrafficBatch::new(
                "inst",
                1,
                [("alice".to_owned(), Traffic { tx, rx: tx * 2 })].into(),
            )
        };
        node.report(server, &batch).await.unwrap();
    }
    assert_eq!(
        api.traffic().await.unwrap()["alice"],
        Traffic { tx: 110, rx: 220 }
    );
    let by_server = api.traffic_by_server().await.unwrap();
    assert_eq!(by_server.len(), 2);
    assert_eq!(
        (by_server[0].name.as_deref(), by_server[0].tx),
        (Some("a"), 100)
    );
    let per_user = api.user_traffic_by_server("alice").await.unwrap();
    assert_eq!(per_user.len(), 2);
    let server = api.server(&a).await.unwrap();
    assert_eq!(server.traffic, Traffic { tx: 100, rx: 200 });
    assert!(server.last_seen_at.is_some());
    // Not an agent: the CLI's product string is not an agent version.
    assert_eq!(server.agent_version, None);

    api.delete_server(&a).await.unwrap();
    assert_eq!(
        api.user_traffic("alice").await.unwrap()["alice"],
        Traffic { tx: 110, rx: 220 }
    );
    let by_server = api.traffic_by_server().await.unwrap();
    let deleted = by_server.iter().find(|s| s.server_id.is_none()).unwrap();
    assert_eq!(deleted.tx, 100);
    c.stop().await;
}

#[tokio::test]
async fn traffic_lists_every_user_including_idle_ones() {
    let c = TestCentral::start().await;
    c.client().create_user(&new_user("idle")).await.unwrap();
    assert_eq!(
        c.admin("GET", "/admin/traffic", None).await.1,
        json!({"idle": {"tx": 0, "rx": 0}})
    );
    c.stop().await;
}

#[tokio::test]
async fn users_are_created_in_batches_all_or_nothing() {
    use hy_api::users::CreateUsers;
    let c = TestCentral::start().await;
    let api = c.client();
    api.create_user(&new_user("u0")).await.unwrap();
    let batch = |ids: &[&str], skip_existing| CreateUsers {
        users: ids.iter().map(|id| new_user(id)).collect(),
        skip_existing,
    };
    let err = api
        .create_users(&batch(&["u1", "u0"], false))
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrorCode::Conflict));
    assert_eq!(
        api.users().await.unwrap().len(),
        1,
        "a failed batch creates nobody"
    );
    let done = api
        .create_users(&batch(&["u1", "u0", "u2"], true))
        .await
        .unwrap();
    assert_eq!(
        done.created
            .iter()
            .map(|u| u.id.as_str())
            .collect::<Vec<_>>(),
        ["u1", "u2"]
    );
    assert_eq!(done.skipped, ["u0"]);
    let err = api
        .create_users(&batch(&["u3", "u3"], false))
        .await
        .unwrap_err();
    assert!(err.to_string().contains("twice"), "{err}");
    let err = api
        .create_users(&batch(&["ok", "bad id"], false))
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrorCode::BadRequest));
    c.stop().await;
}

#[tokio::test]
async fn user_limits_are_validated_stored_and_filterable() {
    let c = TestCentral::start().await;
    let body = r#"{"id":"alice","data_limit":1000,"reset_strategy":"month_rolling","expires_at":"2030-01-01T00:00:00Z",
        "max_devices":3,"allowed_ips":["203.0.113.9/24","2001:db8::1"],"note":"vip"}"#;
    let (status, alice) = c.admin("POST", "/admin/users", Some(body)).await;
    assert_eq!(status, 201, "{alice}");
    assert_eq!(alice["state"], "active");
    assert_eq!(
        alice["allowed_ips"],
        json!(["203.0.113.0/24", "2001:db8::1/128"]),
        "normalised"
    );
    assert_eq!(alice["expires_at"], "2030-01-01T00:00:00Z");
    assert!(alice["next_reset_at"].is_string());
    c.admin(
        "POST",
        "/admin/users",
        Some(r#"{"id":"bob","enabled":false}"#),
    )
    .await;
    c.admin(
        "POST",
        "/admin/users",
        Some(r#"{"id":"carol","expire_after":86400}"#),
    )
    .await;
    let only = |state: &'static str| {
        let c = &c;
        async move {
            let (_, users) = c
                .admin("GET", &format!("/admin/users?state={state}"), None)
                .await;
            users
                .as_array()
                .unwrap()
                .iter()
                .map(|u| u["id"].as_str().unwrap().to_owned())
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(only("disabled").await, ["bob"]);
    assert_eq!(only("on_hold").await, ["carol"]);
    assert_eq!(only("active").await, ["alice"]);
    hy_testkit::assert_error(
        &c.admin("GET", "/admin/users?state=sleepy", None).await,
        400,
        "bad_request",
        "unknown state",
    );

    let patch = r#"{"expires_at":null,"allowed_ips":[],"enabled":false}"#;
    let (_, changed) = c.admin("PATCH", "/admin/users/alice", Some(patch)).await;
    assert_eq!(
        (
            changed["expires_at"].clone(),
            changed["allowed_ips"].clone()
        ),
        (json!(null), json!([]))
    );
    assert_eq!(changed["state"], "disabled");
    for (body, needle) in [
        (r#"{"allowed_ips":["example.com"]}"#, "allowed_ips"),
        (r#"{"reset_strategy":"fortnight"}"#, "reset_strategy"),
        (r#"{"expire_after":0}"#, "expire_after"),
        (r#"{"data_limit":-1}"#, "data_limit"),
        (r#"{"max_devices":"3"}"#, "max_devices"),
        (r#"{"id":"renamed"}"#, "cannot be changed"),
        (r#"{"enabeld":true}"#, "unknown field `enabeld`"),
    ] {
        hy_testkit::assert_error(
            &c.admin("PATCH", "/admin/users/alice", Some(body)).await,
            400,
            "bad_request",
            needle,
        );
    }
    let (status, reset) = c.admin("POST", "/admin/users/alice/reset", None).await;
    assert_eq!((status, reset["period_used"].clone()), (200, json!(0)));
    c.stop().await;
}

#[tokio::test]
async fn share_links_are_built_for_servers_with_a_public_host() {
    let c = TestCentral::start().await;
    let (_, alice) = c
        .admin(
            "POST",
            "/admin/users",
            Some(r#"{"id":"alice","secret":"alice-secret-1"}"#),
        )
        .await;
    assert_eq!(alice["id"], "alice");
    let body = r#"{"name":"edge-1","link":{"host":"edge1.example.com","ports":"443,5000-6000","sni":"real.example.com","obfs_password":"p&w","insecure":true}}"#;
    let (status, edge) = c.admin("POST", "/admin/servers", Some(body)).await;
    assert_eq!(status, 201, "{edge}");
    let edge_id = edge["id"].as_str().unwrap().to_owned();
    let (_, hidden) = c
        .admin("POST", "/admin/servers", Some(r#"{"name":"hidden"}"#))
        .await;
    for id in [&edge_id, hidden["id"].as_str().unwrap()] {
        c.admin(
            "POST",
            &format!("/admin/servers/{id}/users"),
            Some(r#"{"id":"alice"}"#),
        )
        .await;
    }
    let (status, links) = c.admin("GET", "/admin/users/alice/links", None).await;
    assert_eq!(status, 200);
    assert_eq!(
        links,
        json!([{"server_id": edge_id, "server_name": "edge-1",
            "uri": "hysteria2://alice-secret-1@edge1.example.com:443,5000-6000/?sni=real.example.com&insecure=1&obfs=salamander&obfs-password=p%26w#edge-1"}])
    );
    let bad = r#"{"link":{"host":"bad host"}}"#;
    hy_testkit::assert_error(
        &c.admin("PATCH", &format!("/admin/servers/{edge_id}"), Some(bad))
            .await,
        400,
        "bad_request",
        "`link`",
    );
    let typo = r#"{"link":{"hots":"x"}}"#;
    hy_testkit::assert_error(
        &c.admin("PATCH", &format!("/admin/servers/{edge_id}"), Some(typo))
            .await,
        400,
        "bad_request",
        "unknown field `hots`",
    );
    assert_eq!(
        c.admin("GET", "/admin/users/ghost/links", None).await.0,
        404
    );
    c.stop().await;
}

/// Every list pages with a stable cursor and searches; without `limit` it is the original array.
#[tokio::test]
async fn lists_page_through_a_stable_order_and_search() {
    let c = TestCentral::start().await;
    for i in 0..25 {
        let body = if i % 5 == 0 {
            format!(
                r#"{{"id":"u{i:02}","note":"VIP customer","enabled":{}}}"#,
                i % 2 == 0
            )
        } else {
            format!(r#"{{"id":"u{i:02}"}}"#)
        };
        assert_eq!(c.admin("POST", "/admin/users", Some(&body)).await.0, 201);
    }
    c.admin(
        "POST",
        "/admin/servers",
        Some(r#"{"name":"edge-1","id":"server-aaaa-0001"}"#),
    )
    .await;
    c.admin(
        "POST",
        "/admin/servers",
        Some(r#"{"name":"edge-2","id":"server-bbbb-0002"}"#),
    )
    .await;
    let all: Vec<String> = (0..25).map(|i| format!("u{i:02}")).collect();
    let ids = |v: &serde_json::Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|u| u["id"].as_str().unwrap().to_owned())
            .collect()
    };
    // Pages of 10: 10, 10, 5, following `next`, with nothing repeated or skipped.
    let mut seen = Vec::new();
    let mut after: Option<String> = None;
    let mut pages = 0;
    loop {
        let path = match &after {
            None => "/admin/users?limit=10".to_owned(),
            Some(a) => format!("/admin/users?limit=10&after={a}"),
        };
        let (status, page) = c.admin("GET", &path, None).await;
        assert_eq!(status, 200, "{page}");
        seen.extend(ids(&page["items"]));
        pages += 1;
        match page["next"].as_str() {
            Some(next) => after = Some(next.to_owned()),
            None => break,
        }
    }
    assert_eq!((pages, &seen), (3, &all));
    // A page that ends exactly at the end says there is no more.
    let (_, last) = c.admin("GET", "/admin/users?limit=5&after=u19", None).await;
    assert_eq!(
        (ids(&last["items"]).len(), last["next"].clone()),
        (5, json!(null))
    );
    // Search on id and note, ignoring case, combined with the state filter and paging.
    let (_, vip) = c.admin("GET", "/admin/users?q=vip", None).await;
    assert_eq!(ids(&vip), ["u00", "u05", "u10", "u15", "u20"]);
    let (_, off) = c
        .admin("GET", "/admin/users?q=VIP&state=disabled&limit=1", None)
        .await;
    assert_eq!(ids(&off["items"]), ["u05"]);
    let (_, off2) = c
        .admin(
            "GET",
            &format!(
                "/admin/users?q=VIP&state=disabled&limit=1&after={}",
                off["next"].as_str().unwrap()
            ),
            None,
        )
        .await;
    assert_eq!(
        (ids(&off2["items"]), off2["next"].clone()),
        (vec!["u15".to_owned()], json!(null))
    );
    let (_, u1) = c.admin("GET", "/admin/users?q=u1", None).await;
    assert_eq!(ids(&u1).len(), 10);
    // The original shape without `limit`.
    assert_eq!(ids(&c.admin("GET", "/admin/users", None).await.1), all);
    // Servers and a server's users page the same way.
    let (_, servers) = c.admin("GET", "/admin/servers?limit=1", None).await;
    assert_eq!(servers["items"][0]["id"], "server-aaaa-0001");
    assert_eq!(servers["next"], "server-aaaa-0001");
    let (_, by_name) = c.admin("GET", "/admin/servers?q=EDGE-2", None).await;
    assert_eq!(by_name[0]["name"], "edge-2");
    let body = json!({"ids": all}).to_string();
    let (status, _) = c
        .admin("POST", "/admin/servers/server-aaaa-0001/users", Some(&body))
        .await;
    assert_eq!(status, 201);
    let (_, assigned) = c
        .admin(
            "GET",
            "/admin/servers/server-aaaa-0001/users?limit=20&after=u02",
            None,
        )
        .await;
    assert_eq!(assigned["items"].as_array().unwrap().len(), 20);
    assert_eq!(assigned["next"], "u22");
    // Bad paging is a 400 naming the parameter.
    for (path, needle) in [
        ("/admin/users?limit=0", "`limit`"),
        ("/admin/users?limit=1001", "`limit`"),
        ("/admin/users?limit=ten", "limit"),
        ("/admin/servers?limit=-1", "limit"),
    ] {
        assert_error(
            &c.admin("GET", path, None).await,
            400,
            "bad_request",
            needle,
        );
    }
    c.stop().await;
}

/// A token rotated while central runs (here through the storage layer, as `hyctl central
/// rotate-token` or another central would) works at once, and the old one stops within the
/// digest's age, without a restart.
#[tokio::test]
async fn a_rotated_admin_token_replaces_the_old_one_without_a_restart() {
    use hy_central::clock::ManualClock;
    use hy_central::token::{DIGEST_MAX_AGE_MS, DIGEST_RECHECK_MS};

    let clock = ManualClock::new("2030-01-01T00:00:00Z".parse().unwrap());
    let mut c = TestCentral::start_with_clock(clock.clone()).await;
    let old = c.token.clone();
    assert_eq!(c.admin("GET", "/admin/users", None).await.0, 200);

    let store = c.store().await;
    let file = c.dir.path().join("rotated.admin-token");
    hy_central::token::rotate(&store, &file).await.unwrap();
    let new = std::fs::read_to_string(&file).unwrap().trim().to_owned();

    // Within the digest's age the old token still works, and a new one is not re-read for
    // every request.
    assert_eq!(c.admin("GET", "/admin/users", None).await.0, 200);
    c.token = new.clone();
    assert_eq!(c.admin("GET", "/admin/users", None).await.0, 401);
    clock.advance(jiff::SignedDuration::from_millis(DIGEST_RECHECK_MS));
    assert_eq!(
        c.admin("GET", "/admin/users", None).await.0,
        200,
        "an unknown token makes central read the digest again"
    );
    c.token = old.clone();
    assert_eq!(
        c.admin("GET", "/admin/users", None).await.0,
        401,
        "the old token stops once the new digest is read"
    );
    clock.advance(jiff::SignedDuration::from_millis(DIGEST_MAX_AGE_MS));
    c.token = new;
    assert_eq!(c.admin("GET", "/admin/users", None).await.0, 200);
    drop(store);
    c.stop().await;
}

/// Contact fields: optional, checked, searchable, cleared by `null` or `""`, and they change no
/// node's list (they are not admission).
#[tokio::test]
async fn contact_fields_are_checked_searched_and_cleared() {
    let c = TestCentral::start().await;
    let body = r#"{"id":"alice","email":"Alice@Example.com","display_name":"Alice Smith",
        "telegram_id":123456789}"#;
    let (status, alice) = c.admin("POST", "/admin/users", Some(body)).await;
    assert_eq!(status, 201, "{alice}");
    assert_eq!(
        (
            &alice["email"],
            &alice["display_name"],
            &alice["telegram_id"]
        ),
        (
            &json!("Alice@Example.com"),
            &json!("Alice Smith"),
            &json!(123456789)
        )
    );
    let (_, bob) = c
        .admin("POST", "/admin/users", Some(r#"{"id":"bob"}"#))
        .await;
    assert_eq!(
        (&bob["email"], &bob["display_name"], &bob["telegram_id"]),
        (&json!(null), &json!(null), &json!(null)),
        "never required"
    );
    // Search finds each field, ignoring case, and only the user who has it.
    for q in ["example.COM", "smith", "3456"] {
        let (_, found) = c.admin("GET", &format!("/admin/users?q={q}"), None).await;
        let ids: Vec<&str> = found
            .as_array()
            .unwrap()
            .iter()
            .map(|u| u["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids, ["alice"], "{q}");
    }
    // Bad values are refused with the field named, and change nothing.
    for (patch, says) in [
        (r#"{"email":"alice"}"#, "`email`"),
        (r#"{"email":"a@b"}"#, "`email`"),
        (r#"{"email":42}"#, "email"),
        (r#"{"display_name":"two\nlines"}"#, "display_name"),
        (r#"{"display_name":"   "}"#, "display_name"),
        (r#"{"telegram_id":0}"#, "telegram_id"),
        (r#"{"telegram_id":"123"}"#, "telegram_id"),
        (r#"{"telegram_id":9007199254740992}"#, "telegram_id"),
    ] {
        let (status, err) = c.admin("PATCH", "/admin/users/alice", Some(patch)).await;
        assert_eq!(status, 400, "{patch}: {err}");
        assert!(
            err["message"].as_str().unwrap().contains(says),
            "{patch}: {err}"
        );
    }
    let (_, same) = c.admin("GET", "/admin/users/alice", None).await;
    assert_eq!(same["email"], "Alice@Example.com");
    // A contact change is not an admission change: the node's list revision stays.
    c.admin(
        "POST",
        "/admin/servers",
        Some(r#"{"name":"edge","id":"server-contact-01"}"#),
    )
    .await;
    c.admin(
        "POST",
        "/admin/servers/server-contact-01/users",
        Some(r#"{"id":"alice"}"#),
    )
    .await;
    let revision = || async {
        let (status, list) = c.send("GET", "/auth/server-contact-01", None, None).await;
        assert_eq!(status, 200, "{list}");
        list["revision"].as_str().unwrap().to_owned()
    };
    let before = revision().await;
    let (status, _) = c
        .admin(
            "PATCH",
            "/admin/users/alice",
            Some(r#"{"display_name":"Alice S.","telegram_id":null,"email":""}"#),
        )
        .await;
    assert_eq!(status, 200);
    let (_, cleared) = c.admin("GET", "/admin/users/alice", None).await;
    assert_eq!(
        (
            &cleared["email"],
            &cleared["display_name"],
            &cleared["telegram_id"]
        ),
        (&json!(null), &json!("Alice S."), &json!(null))
    );
    assert_eq!(revision().await, before);
    c.stop().await;
}

/// The device API refuses what it cannot store, naming the problem, and changes nothing.
#[tokio::test]
async fn bad_device_requests_are_refused_with_the_field_named() {
    let c = TestCentral::start().await;
    let alice = r#"{"id":"alice","secret":"alice-secret-001"}"#;
    assert_eq!(c.admin("POST", "/admin/users", Some(alice)).await.0, 201);
    let add = |body: &str| {
        let body = body.to_owned();
        let c = &c;
        async move {
            c.admin("POST", "/admin/users/alice/devices", Some(&body))
                .await
        }
    };
    for (body, status, code, says) in [
        (r#"{"name":"default"}"#, 400, "bad_request", "another name"),
        (
            r#"{"name":"-x"}"#,
            400,
            "bad_request",
            "start with a letter",
        ),
        (r#"{"name":"a:b"}"#, 400, "bad_request", "contains ':'"),
        (
            r#"{"name":"tv","colour":"red"}"#,
            400,
            "bad_request",
            "colour",
        ),
        (
            r#"{"name":"tv","secret":"short"}"#,
            400,
            "bad_request",
            "secret",
        ),
        (
            r#"{"name":"tv","secret":"alice-secret-001"}"#,
            409,
            "conflict",
            "already used",
        ),
        (
            r#"{"name":"tv","valid_from":"2030-02-01T00:00:00Z","valid_until":"2030-01-01T00:00:00Z"}"#,
            400,
            "bad_request",
            "must be after",
        ),
        (
            r#"{"name":"tv","allowed_ips":["nowhere"]}"#,
            400,
            "bad_request",
            "allowed_ips",
        ),
        (
            r#"{"name":"tv","status":"paused"}"#,
            400,
            "bad_request",
            "status",
        ),
        (
            r#"{"name":"tv","allowed_streams":["live/**"]}"#,
            400,
            "bad_request",
            "allowed_streams",
        ),
        (
            r#"{"name":"tv","allowed_streams":["a,b"]}"#,
            400,
            "bad_request",
            "commas",
        ),
        (
            r#"{"name":"tv","publisher":"yes"}"#,
            400,
            "bad_request",
            "publisher",
        ),
    ] {
        assert_error(&add(body).await, status, code, says);
    }
    assert_error(
        &c.admin(
            "POST",
            "/admin/users/ghost/devices",
            Some(r#"{"name":"tv"}"#),
        )
        .await,
        404,
        "not_found",
        "ghost",
    );
    assert_eq!(
        add(r#"{"name":"tv","valid_from":"2030-02-01T00:00:00Z"}"#)
            .await
            .0,
        201
    );
    assert_error(&add(r#"{"name":"tv"}"#).await, 409, "conflict", "tv");
    // Streams: normalised (duplicates dropped, a lone `*` is any), and publishing is off
    // unless asked for.
    let (status, cam) =
        add(r#"{"name":"cam","allowed_streams":["live/*","news","news"],"publisher":true}"#).await;
    assert_eq!(status, 201);
    assert_eq!(
        (&cam["allowed_streams"], &cam["publisher"]),
        (&json!(["live/*", "news"]), &json!(true))
    );
    let (_, cam) = c
        .admin(
            "PATCH",
            "/admin/users/alice/devices/cam",
            Some(r#"{"allowed_streams":["*"],"publisher":false}"#),
        )
        .await;
    assert_eq!(
        (&cam["allowed_streams"], &cam["publisher"]),
        (&json!([]), &json!(false))
    );
    c.admin("DELETE", "/admin/users/alice/devices/cam", None)
        .await;
    // A change of one end of the window is checked against the stored other end.
    let patch = |body: &str| {
        let body = body.to_owned();
        let c = &c;
        async move {
            c.admin("PATCH", "/admin/users/alice/devices/tv", Some(&body))
                .await
        }
    };
    assert_error(
        &patch(r#"{"valid_until":"2030-01-01T00:00:00Z"}"#).await,
        400,
        "bad_request",
        "must be after",
    );
    assert_error(&patch("{}").await, 400, "bad_request", "nothing to change");
    assert_error(
        &patch(r#"{"name":"radio"}"#).await,
        400,
        "bad_request",
        "cannot be changed",
    );
    let (_, tv) = c.admin("GET", "/admin/users/alice/devices/tv", None).await;
    assert_eq!(
        (&tv["valid_until"], &tv["state"]),
        (&json!(null), &json!("not_yet_valid")),
        "nothing was changed"
    );
    // At most 100 devices per user.
    for i in 1..100 {
        assert_eq!(add(&format!(r#"{{"name":"d{i}"}}"#)).await.0, 201);
    }
    assert_error(
        &add(r#"{"name":"one-more"}"#).await,
        409,
        "conflict",
        "100 devices",
    );
    c.stop().await;
}
