//! The owners' page: admin accounts (add, change role, end sessions, TOTP on and off, remove)
//! and API tokens (create, shown once; revoke). The API refuses every change here to anyone
//! but an owner; the page is not even shown to others.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Response};
use hy_api::admins::{Admin, ApiToken, Role};
use serde_json::json;

use super::pages::{path_part, qr_svg, unavailable};
use super::session::{Form, Signed};
use super::{Panel, error_page, render};

#[derive(askama::Template)]
#[template(path = "panel/admins.html")]
struct Admins<'a> {
    who: &'a Signed,
    admins: Vec<Admin>,
    tokens: Vec<ApiToken>,
    roles: [&'static str; 4],
    /// What to show once: a new token, or a TOTP seed with its QR code.
    once: Option<(String, String, String)>,
    notice: Option<String>,
    error: Option<String>,
}

fn owners_only(who: &Signed) -> Option<Response> {
    (who.role < Role::Owner).then(|| {
        error_page(
            StatusCode::FORBIDDEN,
            &format!(
                "Your role ({}) may not manage admins and tokens; that needs owner.",
                who.role
            ),
        )
    })
}

async fn page(
    p: &Panel,
    who: &Signed,
    once: Option<(String, String, String)>,
    notice: Option<String>,
    error: Option<String>,
) -> Response {
    let now = p.app.now();
    let admins = match p.app.store.admins(now).await {
        Ok(a) => a,
        Err(e) => return unavailable(e),
    };
    let tokens = match p.app.store.tokens().await {
        Ok(t) => t,
        Err(e) => return unavailable(e),
    };
    render(&Admins {
        who,
        admins,
        tokens,
        roles: ["viewer", "operator", "admin", "owner"],
        once,
        notice,
        error,
    })
}

pub async fn admins(State(p): State<Panel>, who: Signed) -> Response {
    if let Some(refused) = owners_only(&who) {
        return refused;
    }
    page(&p, &who, None, None, None).await
}

pub async fn action(State(p): State<Panel>, who: Signed, body: Bytes) -> Response {
    let form = Form::parse(&body);
    if let Err(refused) = who.check(&form) {
        return refused.into_response();
    }
    if let Some(refused) = owners_only(&who) {
        return refused;
    }
    let name = form.get("name").unwrap_or_default().trim().to_owned();
    let admin = path_part(&name);
    let (method, path, body, done) = match form.get("do").unwrap_or_default() {
        "add_admin" => (
            Method::POST,
            "/admin/admins".to_owned(),
            Some(json!({
                "username": name,
                "password": form.get("password").unwrap_or_default(),
                "role": form.get("role").unwrap_or("viewer"),
            })),
            format!("Added admin {name}."),
        ),
        "role" => (
            Method::PATCH,
            format!("/admin/admins/{admin}"),
            Some(json!({ "role": form.get("role").unwrap_or_default() })),
            format!("Changed {name}'s role."),
        ),
        "revoke" => (
            Method::POST,
            format!("/admin/admins/{admin}/revoke"),
            None,
            format!("Ended {name}'s sessions."),
        ),
        "remove" => (
            Method::DELETE,
            format!("/admin/admins/{admin}"),
            None,
            format!("Removed admin {name}."),
        ),
        "totp_on" => (
            Method::POST,
            format!("/admin/admins/{admin}/totp"),
            None,
            format!("TOTP is on for {name}."),
        ),
        "totp_off" => (
            Method::DELETE,
            format!("/admin/admins/{admin}/totp"),
            None,
            format!("TOTP is off for {name}."),
        ),
        "add_token" => {
            let days = match form.get("days").map(str::trim).unwrap_or_default() {
                "" => None,
                d => match d.parse::<u32>() {
                    Ok(n) => Some(n),
                    Err(_) => {
                        return page(
                            &p,
                            &who,
                            None,
                            None,
                            Some(format!("Expires in days: {d:?} is not a whole number.")),
                        )
                        .await;
                    }
                },
            };
            (
                Method::POST,
                "/admin/tokens".to_owned(),
                Some(json!({
                    "name": name,
                    "role": form.get("role").unwrap_or("viewer"),
                    "expires_in_days": days,
                })),
                format!("Created token {name}."),
            )
        }
        "remove_token" => (
            Method::DELETE,
            format!("/admin/tokens/{}", path_part(&name)),
            None,
            format!("Revoked token {name}."),
        ),
        other => {
            return error_page(
                StatusCode::BAD_REQUEST,
                &format!("Unknown action {other:?}."),
            );
        }
    };
    let what = form.get("do").unwrap_or_default().to_owned();
    match p.call(&who, method, &path, body).await {
        Ok(answer) => {
            // Shown once: a new token, or a new TOTP seed (with its QR code for the app).
            let once = match what.as_str() {
                "add_token" => answer["token"].as_str().map(|t| {
                    (
                        format!("The token {name} (shown once; central keeps only its hash)"),
                        t.to_owned(),
                        String::new(),
                    )
                }),
                "totp_on" => answer["secret"].as_str().map(|seed| {
                    let url = answer["otpauth_url"].as_str().unwrap_or_default();
                    (
                        format!("{name}'s TOTP seed (shown once): scan or type it into an authenticator app"),
                        seed.to_owned(),
                        qr_svg(url),
                    )
                }),
                _ => None,
            };
            page(&p, &who, once, Some(done), None).await
        }
        Err(f) if f.status == StatusCode::FORBIDDEN => f.into_response(),
        Err(f) => {
            let mut resp = page(&p, &who, None, None, Some(f.message)).await;
            *resp.status_mut() = f.status;
            resp
        }
    }
}
