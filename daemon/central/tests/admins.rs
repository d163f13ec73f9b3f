//! Admin accounts: sign-in with a password and TOTP, roles from the account, refresh, logout,
//! password change and revocation ending sessions (on every central of one database), and
//! sign-in limits.

use std::time::Duration;

use hy_testkit::postgres::TestDatabase;
use hy_testkit::{TestCentral, assert_error, wait_until};
use serde_json::{Value, json};

const PASSWORD: &str = "correct horse battery staple";

async fn add_admin(c: &TestCentral, name: &str, role: &str) {
    let body = json!({"username": name, "password": PASSWORD, "role": role}).to_string();
    let (status, admin) = c.admin("POST", "/admin/admins", Some(&body)).await;
    assert_eq!(status, 201, "{admin}");
    assert_eq!(admin["role"], role);
    assert!(!admin.to_string().contains("argon2"), "{admin}");
}

async fn login(c: &TestCentral, name: &str, password: &str, totp: Option<&str>) -> (u16, Value) {
    let mut body = json!({"username": name, "password": password});
    if let Some(code) = totp {
        body["totp"] = json!(code);
    }
    c.send("POST", "/admin/login", Some(&body.to_string()), None)
        .await
}

#[tokio::test]
async fn admins_sign_in_with_their_role_and_their_sessions_end_when_told() {
    let c = TestCentral::start().await;
    add_admin(&c, "ops", "operator").await;
    let dup = json!({"username": "ops", "password": PASSWORD, "role": "viewer"}).to_string();
    assert_error(
        &c.admin("POST", "/admin/admins", Some(&dup)).await,
        409,
        "conflict",
        "ops",
    );
    let short = json!({"username": "x", "password": "short", "role": "viewer"}).to_string();
    assert_error(
        &c.admin("POST", "/admin/admins", Some(&short)).await,
        400,
        "bad_request",
        "12 to 256",
    );

    // Wrong password and unknown name: the same answer.
    let wrong = login(&c, "ops", "not the password", None).await;
    let nobody = login(&c, "nobody", PASSWORD, None).await;
    assert_error(&wrong, 401, "unauthorized", "wrong username, password");
    assert_eq!(wrong.1, nobody.1);

    let (status, session) = login(&c, "ops", PASSWORD, None).await;
    assert_eq!(status, 200, "{session}");
    let access = session["access_token"].as_str().unwrap().to_owned();
    let refresh = session["refresh_token"].as_str().unwrap().to_owned();
    assert!(access.starts_with("hya_") && refresh.starts_with("hyr_"));
    assert_eq!(session["expires_in"], 900);
    let (_, me) = c.send("GET", "/admin/whoami", None, Some(&access)).await;
    assert_eq!(me, json!({"actor": "admin:ops", "role": "operator"}));
    // The account's role holds: users yes, servers no, admins no.
    assert_eq!(
        c.send(
            "POST",
            "/admin/users",
            Some(r#"{"id":"alice"}"#),
            Some(&access)
        )
        .await
        .0,
        201
    );
    assert_eq!(
        c.send("POST", "/admin/servers", Some("{}"), Some(&access))
            .await
            .0,
        403
    );
    assert_eq!(
        c.send("GET", "/admin/admins", None, Some(&access)).await.0,
        403
    );

    // Refresh: a new access token; logout ends the session, refresh included.
    let body = json!({"refresh_token": refresh}).to_string();
    let (status, renewed) = c.send("POST", "/admin/refresh", Some(&body), None).await;
    assert_eq!(status, 200, "{renewed}");
    let access2 = renewed["access_token"].as_str().unwrap().to_owned();
    assert_ne!(access2, access);
    assert_eq!(
        c.send("GET", "/admin/users", None, Some(&access2)).await.0,
        200
    );
    assert_eq!(
        c.send("POST", "/admin/logout", None, Some(&access2))
            .await
            .0,
        204
    );
    assert_eq!(
        c.send("GET", "/admin/users", None, Some(&access2)).await.0,
        401
    );
    assert_error(
        &c.send("POST", "/admin/refresh", Some(&body), None).await,
        401,
        "unauthorized",
        "sign in again",
    );

    // A password change ends every session; the old password stops working.
    let (_, s1) = login(&c, "ops", PASSWORD, None).await;
    let (_, s2) = login(&c, "ops", PASSWORD, None).await;
    let (a1, a2) = (
        s1["access_token"].as_str().unwrap().to_owned(),
        s2["access_token"].as_str().unwrap().to_owned(),
    );
    let (_, admins) = c.admin("GET", "/admin/admins", None).await;
    assert_eq!(admins[0]["sessions"], 2);
    let change = json!({"old_password": PASSWORD, "new_password": "a new long passphrase"});
    assert_eq!(
        c.send(
            "POST",
            "/admin/me/password",
            Some(&change.to_string()),
            Some(&a1)
        )
        .await
        .0,
        204
    );
    for a in [&a1, &a2] {
        assert_eq!(c.send("GET", "/admin/users", None, Some(a)).await.0, 401);
    }
    assert_eq!(login(&c, "ops", PASSWORD, None).await.0, 401);
    let (status, s3) = login(&c, "ops", "a new long passphrase", None).await;
    assert_eq!(status, 200);
    let a3 = s3["access_token"].as_str().unwrap().to_owned();

    // Revoked by the owner: refused; removed: cannot sign in.
    let (status, revoked) = c.admin("POST", "/admin/admins/ops/revoke", None).await;
    assert_eq!((status, revoked["sessions"].clone()), (200, json!(0)));
    assert_eq!(c.send("GET", "/admin/users", None, Some(&a3)).await.0, 401);
    assert_eq!(c.admin("DELETE", "/admin/admins/ops", None).await.0, 204);
    assert_eq!(login(&c, "ops", "a new long passphrase", None).await.0, 401);

    // Nothing secret in the audit trail of all this.
    let (_, trail) = c.admin("GET", "/admin/audit", None).await;
    let text = trail.to_string();
    for secret in [
        PASSWORD,
        "a new long passphrase",
        &access[4..],
        &refresh[4..],
    ] {
        assert!(!text.contains(secret), "{secret} in {text}");
    }
    c.stop().await;
}

#[tokio::test]
async fn totp_is_required_once_on_and_sign_in_attempts_are_limited() {
    let c = TestCentral::start().await;
    add_admin(&c, "root2", "owner").await;
    let (status, setup) = c.admin("POST", "/admin/admins/root2/totp", None).await;
    assert_eq!(status, 200);
    let seed = setup["secret"].as_str().unwrap().to_owned();
    assert!(
        setup["otpauth_url"]
            .as_str()
            .unwrap()
            .starts_with("otpauth://totp/hyctl:root2?secret="),
        "{setup}"
    );
    assert_error(
        &login(&c, "root2", PASSWORD, None).await,
        401,
        "unauthorized",
        "TOTP code",
    );
    assert_eq!(login(&c, "root2", PASSWORD, Some("000000")).await.0, 401);
    let now = jiff::Timestamp::now().as_second();
    let code = hy_central::accounts::totp_code(&seed, now).unwrap();
    let (status, session) = login(&c, "root2", PASSWORD, Some(&code)).await;
    assert_eq!(status, 200, "{session}");
    let (_, admins) = c.admin("GET", "/admin/admins", None).await;
    assert_eq!(admins[0]["totp"], true);
    assert_eq!(
        c.admin("DELETE", "/admin/admins/root2/totp", None).await.0,
        204
    );
    assert_eq!(login(&c, "root2", PASSWORD, None).await.0, 200);

    // Ten attempts a minute per account (those above included), then 429 whatever the
    // password.
    let mut statuses = vec![];
    for _ in 0..10 {
        statuses.push(login(&c, "root2", "wrong password here", None).await.0);
    }
    assert!(
        statuses.contains(&401) && statuses.last() == Some(&429),
        "{statuses:?}"
    );
    let limited = login(&c, "root2", PASSWORD, None).await;
    assert_error(&limited, 429, "too_many_requests", "wait a minute");
    c.stop().await;
}

#[tokio::test]
async fn two_centrals_on_one_database_agree_on_sessions() {
    let Some(db) = TestDatabase::create("admin_sessions_two_centrals").await else {
        return;
    };
    let a = TestCentral::start_postgres(db.target.clone()).await;
    let mut b = TestCentral::start_postgres(db.target.clone()).await;
    b.token = a.token.clone();
    add_admin(&a, "ops", "admin").await;
    let (_, session) = login(&a, "ops", PASSWORD, None).await;
    let access = session["access_token"].as_str().unwrap().to_owned();
    assert_eq!(
        b.send("GET", "/admin/users", None, Some(&access)).await.0,
        200
    );
    // Revoked through A: B refuses within about 2 seconds (its held session expires).
    assert_eq!(
        a.admin("POST", "/admin/admins/ops/revoke", None).await.0,
        200
    );
    wait_until(
        "B refuses the revoked session",
        Duration::from_secs(5),
        || async { b.send("GET", "/admin/users", None, Some(&access)).await.0 == 401 },
    )
    .await;
    a.stop().await;
    b.stop().await;
    db.drop_db().await;
}
