//! `hyctl token ...` and `hyctl whoami`: API tokens over `/admin/tokens`.

use hy_api::admins::{CreateToken, Role};

use crate::cli::{RoleArg, TokenAction};
use crate::ctx::Ctx;
use crate::error::CliError;
use crate::output::ago;

/// Runs a token command.
pub async fn run(ctx: &Ctx, action: TokenAction) -> Result<(), CliError> {
    match action {
        TokenAction::Create {
            name,
            role,
            expires,
        } => {
            hy_api::validate::token_name(&name).map_err(CliError::Failed)?;
            let role = match role {
                RoleArg::Viewer => Role::Viewer,
                RoleArg::Operator => Role::Operator,
                RoleArg::Admin => Role::Admin,
                RoleArg::Owner => Role::Owner,
            };
            let created = ctx
                .client
                .create_token(&CreateToken {
                    name,
                    role,
                    expires_in_days: expires,
                })
                .await?;
            ctx.out.show(&created, [&created.token], || {
                let until = created
                    .info
                    .expires_at
                    .map_or("until revoked".into(), |t| format!("until {t}"));
                vec![
                    created.token.clone(),
                    format!(
                        "(token {}, role {}, {until}; shown this once: store it now)",
                        created.info.name, created.info.role
                    ),
                ]
            })
        }
        TokenAction::List => {
            let tokens = ctx.client.tokens().await?;
            ctx.out.view(&tokens, tokens.iter().map(|t| &t.name), || {
                let mut table = ctx
                    .out
                    .table(&["NAME", "ROLE", "EXPIRES", "LAST USED", "CREATED"]);
                for t in &tokens {
                    table.add_row([
                        t.name.clone(),
                        t.role.to_string(),
                        t.expires_at.map_or("never".into(), |e| e.to_string()),
                        ago(t.last_used_at),
                        t.created_at.to_string(),
                    ]);
                }
                ctx.out.print_table(&table)
            })
        }
        TokenAction::Revoke { name } => {
            hy_api::validate::token_name(&name).map_err(CliError::Failed)?;
            ctx.client.revoke_token(&name).await?;
            ctx.out
                .view(&serde_json::json!({ "revoked": name }), [&name], || {
                    ctx.out.lines([format!("revoked token {name}")])
                })
        }
    }
}

/// `hyctl audit`.
pub async fn audit(ctx: &Ctx, c: crate::cli::AuditCommand) -> Result<(), CliError> {
    if let Some(user) = &c.user {
        hy_api::validate::user_id(user).map_err(CliError::Failed)?;
    }
    // A user's own path and everything under it (devices, subscription, secret, reset).
    let path = c.user.as_ref().map(|u| format!("/admin/users/{u}"));
    let mut entries = ctx
        .client
        .audit(c.since, c.actor.as_deref(), path.as_deref(), c.limit)
        .await?;
    if let Some(p) = &path {
        // `path` matches by substring: `/admin/users/al` would also find alice's.
        entries.retain(|e| e.path == *p || e.path.starts_with(&format!("{p}/")));
    }
    ctx.out
        .view(&entries, entries.iter().map(|e| e.id.to_string()), || {
            let mut table = ctx.out.table(&["WHEN", "WHO", "FROM", "CHANGE", "STATUS"]);
            for e in &entries {
                table.add_row([
                    e.at.to_string(),
                    e.actor.clone(),
                    e.addr.clone().unwrap_or_else(|| "-".into()),
                    format!("{} {}", e.method, e.path),
                    e.status.to_string(),
                ]);
            }
            ctx.out.print_table(&table)
        })
}

/// `hyctl events`: reads central's event stream and prints each event (a line of JSON with
/// --json, else `time type subject`), as it arrives.
pub async fn events(ctx: &Ctx, c: crate::cli::EventsCommand) -> Result<(), CliError> {
    use std::io::Write;
    if let Some(types) = &c.types
        && let Some(bad) = types
            .split(',')
            .map(str::trim)
            .find(|t| !hy_api::events::TYPES.contains(t))
    {
        return Err(CliError::Usage(format!(
            "unknown event type {bad:?}; types are {}",
            hy_api::events::TYPES.join(", ")
        )));
    }
    let since = c.since.or_else(|| {
        (!c.follow).then(|| jiff::Timestamp::now() - jiff::SignedDuration::from_hours(1))
    });
    let mut body = ctx
        .client
        .events(c.types.as_deref(), since, c.follow)
        .await?;
    let mut pending = String::new();
    let mut out = std::io::stdout().lock();
    while let Some(piece) = body.chunk().await? {
        pending.push_str(&String::from_utf8_lossy(&piece));
        // One event per blank-line-terminated block; only its `data:` line matters here.
        while let Some(end) = pending.find("\n\n") {
            let block: String = pending.drain(..end + 2).collect();
            let Some(data) = block.lines().find_map(|l| l.strip_prefix("data:")) else {
                continue;
            };
            let Ok(event) = serde_json::from_str::<hy_api::events::Event>(data.trim()) else {
                continue;
            };
            let line = if ctx.out.json {
                serde_json::to_string(&event).unwrap_or_default()
            } else {
                format!("{}  {:<16}  {}", event.at, event.kind, event.subject)
            };
            if writeln!(out, "{line}").and_then(|()| out.flush()).is_err() {
                // The reader went away (`| head`): done.
                return Ok(());
            }
        }
    }
    Ok(())
}

/// `hyctl session list`.
pub async fn sessions(ctx: &Ctx, action: crate::cli::SessionAction) -> Result<(), CliError> {
    let (user, server, kind) = match action {
        crate::cli::SessionAction::List { user, server, kind } => (user, server, kind),
        crate::cli::SessionAction::Kill {
            user,
            device,
            session,
        } => {
            hy_api::validate::user_id(&user).map_err(CliError::Failed)?;
            if let Some(d) = &device {
                hy_api::validate::device_name(d).map_err(CliError::Failed)?;
            }
            let body = hy_api::users::KillSessions {
                user: user.clone(),
                device: device.clone(),
                session: session.clone(),
            };
            ctx.client.kill_sessions(&body).await?;
            let what = match (session, device) {
                (Some(s), _) => format!("session {s} of {user}"),
                (None, d) => d.map_or(user.clone(), |d| hy_api::devices::node_id(&user, &d)),
            };
            return ctx
                .out
                .view(&serde_json::json!({ "killed": what }), [&what], || {
                    ctx.out.lines([format!(
                        "asked every node to close the connections of {what}"
                    )])
                });
        }
    };
    if let Some(u) = &user {
        hy_api::validate::user_id(u).map_err(CliError::Failed)?;
    }
    let list = ctx
        .client
        .sessions(user.as_deref(), server.as_deref(), kind)
        .await?;
    let id = |s: &hy_api::users::OnlineSession| match &s.device {
        Some(d) => hy_api::devices::node_id(&s.user, d),
        None => s.user.clone(),
    };
    if kind == Some(hy_api::servers::ServerKind::Stream) {
        return stream_sessions(ctx, &list, id);
    }
    ctx.out.view(&list, list.iter().map(id), || {
        let mut table = ctx
            .out
            .table(&["USER", "DEVICE", "SERVER", "CONNECTIONS", "SEEN"]);
        for s in &list {
            table.add_row([
                s.user.clone(),
                s.device.clone().unwrap_or_else(|| "(own secret)".into()),
                s.server_name.clone().unwrap_or_else(|| s.server_id.clone()),
                s.connections.to_string(),
                ago(Some(s.seen_at)),
            ]);
        }
        ctx.out.print_table(&table)
    })
}

/// `hyctl session list --kind stream`: a row per media session.
fn stream_sessions(
    ctx: &Ctx,
    list: &[hy_api::users::OnlineSession],
    id: impl Fn(&hy_api::users::OnlineSession) -> String,
) -> Result<(), CliError> {
    let ids = list
        .iter()
        .flat_map(|s| std::iter::repeat_n(id(s), s.streams.len()));
    ctx.out.view(&list, ids, || {
        let mut table = ctx.out.table(&[
            "USER", "DEVICE", "SERVER", "STREAM", "PROTO", "ADDRESS", "TIME", "BYTES", "SEEN",
        ]);
        for s in list {
            for x in &s.streams {
                table.add_row([
                    s.user.clone(),
                    s.device.clone().unwrap_or_else(|| "(own secret)".into()),
                    s.server_name.clone().unwrap_or_else(|| s.server_id.clone()),
                    if x.publish {
                        format!("{} (publish)", x.stream)
                    } else {
                        x.stream.clone()
                    },
                    x.proto.clone(),
                    x.address.clone(),
                    crate::units::human_secs(x.duration_secs),
                    crate::output::bytes(x.bytes),
                    ago(Some(x.last_seen_at)),
                ]);
            }
        }
        ctx.out.print_table(&table)
    })
}

/// `hyctl webhook ...`.
pub async fn webhooks(ctx: &Ctx, action: crate::cli::WebhookAction) -> Result<(), CliError> {
    use crate::cli::WebhookAction;
    match action {
        WebhookAction::Add { url, events } => {
            if let Some(bad) = events
                .iter()
                .find(|t| !hy_api::events::TYPES.contains(&t.as_str()))
            {
                return Err(CliError::Usage(format!(
                    "unknown event type {bad:?}; types are {}",
                    hy_api::events::TYPES.join(", ")
                )));
            }
            let created = ctx
                .client
                .create_webhook(&hy_api::events::CreateWebhook { url, types: events })
                .await?;
            ctx.out
                .show(&created, [created.webhook.id.to_string()], || {
                    vec![
                        format!(
                            "added webhook {} for {}",
                            created.webhook.id, created.webhook.url
                        ),
                        format!("signing secret (shown this once): {}", created.secret),
                    ]
                })
        }
        WebhookAction::List => {
            let hooks = ctx.client.webhooks().await?;
            ctx.out
                .view(&hooks, hooks.iter().map(|h| h.id.to_string()), || {
                    let mut table =
                        ctx.out
                            .table(&["ID", "URL", "EVENTS", "DELIVERED", "FAILURES"]);
                    for h in &hooks {
                        table.add_row([
                            h.id.to_string(),
                            h.url.clone(),
                            if h.types.is_empty() {
                                "all".into()
                            } else {
                                h.types.join(",")
                            },
                            h.delivered_through.to_string(),
                            h.failures.to_string(),
                        ]);
                    }
                    ctx.out.print_table(&table)
                })
        }
        WebhookAction::Deliveries { id } => {
            let log = ctx.client.webhook_deliveries(id).await?;
            ctx.out
                .view(&log, log.iter().map(|d| d.event_id.to_string()), || {
                    let mut table = ctx.out.table(&["WHEN", "EVENT", "STATUS", "ERROR"]);
                    for d in &log {
                        table.add_row([
                            d.at.to_string(),
                            d.event_id.to_string(),
                            d.status.to_string(),
                            d.error.clone().unwrap_or_else(|| "-".into()),
                        ]);
                    }
                    ctx.out.print_table(&table)
                })
        }
        WebhookAction::Remove { id } => {
            ctx.client.delete_webhook(id).await?;
            ctx.out.view(
                &serde_json::json!({ "removed": id }),
                [id.to_string()],
                || ctx.out.lines([format!("removed webhook {id}")]),
            )
        }
    }
}

/// `hyctl whoami`.
pub async fn whoami(ctx: &Ctx) -> Result<(), CliError> {
    let me = ctx.client.whoami().await?;
    ctx.out.show(&me, [&me.actor], || {
        vec![format!("{} ({})", me.actor, me.role)]
    })
}

/// A password: from the terminal without echo (asked twice when `confirm`), else the first
/// line of stdin.
pub fn read_password(prompt: &str, confirm: bool) -> Result<String, CliError> {
    use std::io::{BufRead, IsTerminal};
    let password = if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password(prompt)?;
        if confirm && rpassword::prompt_password("again: ")? != first {
            return Err(CliError::Usage("the two passwords differ".into()));
        }
        first
    } else {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        line.trim_end_matches(['\n', '\r']).to_owned()
    };
    let n = password.chars().count();
    if !(hy_api::admins::PASSWORD_MIN..=hy_api::admins::PASSWORD_MAX).contains(&n) {
        return Err(CliError::Usage(format!(
            "a password must be {} to {} characters long",
            hy_api::admins::PASSWORD_MIN,
            hy_api::admins::PASSWORD_MAX
        )));
    }
    Ok(password)
}

fn role(r: RoleArg) -> Role {
    match r {
        RoleArg::Viewer => Role::Viewer,
        RoleArg::Operator => Role::Operator,
        RoleArg::Admin => Role::Admin,
        RoleArg::Owner => Role::Owner,
    }
}

/// `hyctl logout`: ends the saved sign-in on central and forgets it.
pub async fn logout(ctx: &Ctx) -> Result<(), CliError> {
    let path = crate::config::path()?;
    let mut file = crate::config::load(&path)?;
    if file.refresh_token.is_none() {
        return Err(CliError::Usage(
            "no admin is signed in here (`hyctl login URL --user NAME` signs in)".into(),
        ));
    }
    ctx.client.logout().await?;
    file.refresh_token = None;
    crate::config::save(&path, &file)?;
    ctx.out.view(
        &serde_json::json!({ "signed_out": true }),
        ["signed out"],
        || ctx.out.lines(["signed out".to_owned()]),
    )
}

/// `hyctl admin ...`.
pub async fn admins(ctx: &Ctx, action: crate::cli::AdminAction) -> Result<(), CliError> {
    use crate::cli::AdminAction;
    use hy_api::admins::{CreateAdmin, UpdateAdmin};
    let check = |name: &str| {
        hy_api::validate::user_id(name)
            .map_err(|e| CliError::Failed(e.replace("user id", "admin name")))
    };
    match action {
        AdminAction::Add { name, role: r } => {
            check(&name)?;
            let password = read_password(&format!("password for {name}: "), true)?;
            let admin = ctx
                .client
                .create_admin(&CreateAdmin {
                    username: name,
                    password: password.into(),
                    role: role(r),
                })
                .await?;
            ctx.out.show(&admin, [&admin.username], || {
                vec![format!("added admin {} ({})", admin.username, admin.role)]
            })
        }
        AdminAction::List => {
            let admins = ctx.client.admins().await?;
            ctx.out
                .view(&admins, admins.iter().map(|a| &a.username), || {
                    let mut table =
                        ctx.out
                            .table(&["NAME", "ROLE", "TOTP", "LAST SIGN-IN", "SESSIONS"]);
                    for a in &admins {
                        table.add_row([
                            a.username.clone(),
                            a.role.to_string(),
                            if a.totp { "on" } else { "off" }.to_owned(),
                            ago(a.last_login_at),
                            a.sessions.to_string(),
                        ]);
                    }
                    ctx.out.print_table(&table)
                })
        }
        AdminAction::SetRole { name, role: r } => {
            check(&name)?;
            let change = UpdateAdmin {
                role: Some(role(r)),
                password: None,
            };
            let a = ctx.client.update_admin(&name, &change).await?;
            ctx.out.show(&a, [&a.username], || {
                vec![format!("{} is now {}", a.username, a.role)]
            })
        }
        AdminAction::Passwd { name } => {
            check(&name)?;
            let password = read_password(&format!("new password for {name}: "), true)?;
            let change = UpdateAdmin {
                role: None,
                password: Some(password.into()),
            };
            let a = ctx.client.update_admin(&name, &change).await?;
            ctx.out.show(&a, [&a.username], || {
                vec![format!(
                    "changed the password of {}; its sessions ended",
                    a.username
                )]
            })
        }
        AdminAction::Totp { name, off, qr } => {
            check(&name)?;
            if off {
                ctx.client.disable_totp(&name).await?;
                return ctx
                    .out
                    .view(&serde_json::json!({ "totp": false }), [&name], || {
                        ctx.out.lines([format!("TOTP is off for {name}")])
                    });
            }
            let setup = ctx.client.enable_totp(&name).await?;
            ctx.out.view(&setup, [&setup.otpauth_url], || {
                let mut lines = vec![
                    format!("TOTP is on for {name}; add it to an authenticator app:"),
                    format!("  seed: {}", setup.secret),
                    format!("  link: {}", setup.otpauth_url),
                ];
                if qr {
                    lines.push(crate::output::qr(&setup.otpauth_url)?);
                }
                ctx.out.lines(lines)
            })
        }
        AdminAction::Revoke { name } => {
            check(&name)?;
            let a = ctx.client.revoke_admin(&name).await?;
            ctx.out.show(&a, [&a.username], || {
                vec![format!("ended every session of {}", a.username)]
            })
        }
        AdminAction::Remove { name, yes } => {
            check(&name)?;
            super::confirm(&format!("Remove admin {name}?"), yes, "remove an admin")?;
            ctx.client.delete_admin(&name).await?;
            ctx.out
                .view(&serde_json::json!({ "removed": name }), [&name], || {
                    ctx.out.lines([format!("removed admin {name}")])
                })
        }
    }
}
