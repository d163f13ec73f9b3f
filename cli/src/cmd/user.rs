//! `hyctl user ...`

use std::io::Read;
use std::path::Path;

use hy_api::ErrorCode;
use hy_api::client::ClientError;
use hy_api::users::{
    CreateUser, CreateUsers, CreatedUsers, ResetStrategy, UpdateUser, User, UserSettings,
};

use super::{check_user_ids, confirm, expand_ids};
use crate::cli::{ImportFormat, LimitArgs, ResetArg, StateArg, UserAction};
use crate::ctx::Ctx;
use crate::error::CliError;
use crate::output::{ago, bytes, masked};
use crate::units::human_secs;
use hy_api::page::{MAX_PAGE, PageQuery};

/// Runs a user command.
pub async fn run(ctx: &Ctx, action: UserAction) -> Result<(), CliError> {
    match action {
        UserAction::Add {
            id,
            secret,
            disabled,
            limits,
            if_not_exists,
        } => {
            let mut settings = settings(limits)?;
            if disabled {
                settings.enabled = Some(false);
            }
            add(
                ctx,
                CreateUser {
                    id,
                    secret: secret.map(Into::into),
                    settings,
                },
                if_not_exists,
            )
            .await
        }
        UserAction::List {
            state,
            search,
            show_secrets,
        } => {
            let mut out = ctx.out.list();
            let mut page = PageQuery {
                limit: Some(MAX_PAGE),
                after: None,
                q: search,
            };
            loop {
                let got = ctx.client.users_page(state.map(state_name), &page).await?;
                out.page(got.items, |u| &u.id)?;
                match got.next {
                    Some(next) => page.after = Some(next),
                    None => break,
                }
            }
            match out.finish()? {
                Some(users) => print_users(ctx, &users, show_secrets),
                None => Ok(()),
            }
        }
        UserAction::Show { id, show_secret } => {
            let user = ctx.client.user(&id).await?;
            print_user(ctx, &user, show_secret)
        }
        UserAction::Update { id, secret, limits } => {
            if let Some(s) = &secret {
                hy_api::validate::secret(s).map_err(CliError::Failed)?;
            }
            let change = UpdateUser {
                secret: secret.map(Into::into),
                settings: settings(limits)?,
            };
            if change == UpdateUser::default() {
                return Err(CliError::Usage(
                    "nothing to change: give --secret or a limit (see --help)".into(),
                ));
            }
            let user = ctx.client.update_user(&id, &change).await?;
            done(
                ctx,
                &user,
                &format!("updated user {} (now {})", user.id, user.state.as_str()),
            )
        }
        UserAction::Disable { ids } => switch(ctx, ids, false).await,
        UserAction::Enable { ids } => switch(ctx, ids, true).await,
        UserAction::ResetTraffic { ids } => {
            let ids = expand_ids(ids)?;
            check_user_ids(&ids)?;
            let mut reset = Vec::new();
            for id in &ids {
                reset.push(ctx.client.reset_usage(id).await?);
            }
            report_each(ctx, &reset, "reset the usage of")
        }
        UserAction::RotateSecret { id, yes } => {
            confirm(
                &format!("Replace {id}'s secret? Its clients will be disconnected."),
                yes,
                "rotate the secret",
            )?;
            let user = ctx.client.rotate_secret(&id).await?;
            ctx.out.show(&user, [&user.id], || {
                vec![format!(
                    "new secret for {}: {}",
                    user.id,
                    user.secret.expose()
                )]
            })
        }
        UserAction::Delete {
            ids,
            if_exists,
            yes,
        } => {
            let ids = expand_ids(ids)?;
            confirm(
                &format!("Delete {} with their traffic?", ids.join(", ")),
                yes,
                "delete users",
            )?;
            let mut deleted = Vec::new();
            for id in ids {
                match ctx.client.delete_user(&id).await {
                    Ok(()) => deleted.push(id),
                    Err(e) if if_exists && e.code() == Some(ErrorCode::NotFound) => {}
                    Err(e) => return Err(e.into()),
                }
            }
            ctx.out
                .view(&serde_json::json!({ "deleted": deleted }), &deleted, || {
                    ctx.out
                        .lines(deleted.iter().map(|id| format!("deleted user {id}")))
                })
        }
        UserAction::Uri { id, server, qr } => uri(ctx, &id, server.as_deref(), qr).await,
        UserAction::Sub {
            id,
            qr,
            rotate,
            revoke,
            format,
        } => sub(ctx, &id, qr, rotate, revoke, format.as_deref()).await,
        UserAction::Import {
            file,
            format,
            skip_existing,
            batch_size,
        } => import(ctx, &file, format, skip_existing, usize::from(batch_size)).await,
    }
}

/// `hyctl user uri`: the user's share links, optionally for one server, optionally as QR codes.
async fn uri(ctx: &Ctx, id: &str, server: Option<&str>, qr: bool) -> Result<(), CliError> {
    let mut links = ctx.client.user_links(id).await?;
    if let Some(server) = server {
        let s = super::server::resolve(ctx, server).await?;
        links.retain(|l| l.server_id == s.id);
        if links.is_empty() {
            return Err(CliError::NotFound(format!(
                "{id} has no link on {server}: is the user assigned there, and does the server have a public host (`hyctl server link`)?"
            )));
        }
    }
    ctx.out.json_or(&links, || {
        if links.is_empty() && !ctx.out.quiet {
            eprintln!("hyctl: {id} has no share links: assign the user to a server that has a public host (`hyctl server link SERVER --host ...`)");
        }
        let mut lines = Vec::new();
        for link in &links {
            lines.push(link.uri.clone());
            if qr && !ctx.out.quiet {
                lines.push(crate::output::qr(&link.uri)?);
            }
        }
        ctx.out.lines(lines)
    })
}

/// `hyctl user sub`: show (issuing on first use), rotate or revoke a subscription link.
async fn sub(
    ctx: &Ctx,
    id: &str,
    qr: bool,
    rotate: bool,
    revoke: bool,
    format: Option<&str>,
) -> Result<(), CliError> {
    hy_api::validate::user_id(id).map_err(CliError::Failed)?;
    const FORMATS: [&str; 5] = ["uri", "base64", "hysteria", "sing-box", "clash"];
    if let Some(f) = format.filter(|f| !FORMATS.contains(f)) {
        return Err(CliError::Usage(format!(
            "unknown format {f:?}; use {}",
            FORMATS.join(", ")
        )));
    }
    if revoke {
        ctx.client.revoke_subscription(id).await?;
        return ctx
            .out
            .view(&serde_json::json!({ "revoked": id }), [id], || {
                ctx.out
                    .lines([format!("revoked the subscription link of {id}")])
            });
    }
    let got = if rotate {
        ctx.client.rotate_subscription(id).await?
    } else {
        ctx.client.subscription(id).await?
    };
    let url = match format {
        None => got.url.clone(),
        Some(f) => Some(got.formats.get(f).cloned().ok_or_else(|| {
            CliError::Usage(format!(
                "unknown format {f:?}; use uri, base64, hysteria, sing-box or clash"
            ))
        })?),
    };
    let Some(url) = url else {
        return Err(CliError::Failed(format!(
            "{id}'s subscription link was revoked; `hyctl user sub {id} --rotate` issues a new one"
        )));
    };
    ctx.out.view(&got, [url.as_str()], || {
        let mut lines = vec![url.clone()];
        if qr && !ctx.out.quiet {
            lines.push(crate::output::qr(&url)?);
        }
        ctx.out.lines(lines)
    })
}

/// Turns the limit flags into settings, checking them locally first.
pub fn settings(limits: LimitArgs) -> Result<UserSettings, CliError> {
    let allowed_ips = match limits.allow_ip.as_slice() {
        [] => None,
        [any] if any == "any" => Some(vec![]),
        ips => Some(hy_api::validate::allowed_ips(ips).map_err(CliError::Failed)?),
    };
    if let Some(note) = &limits.note {
        hy_api::validate::note(note).map_err(CliError::Failed)?;
    }
    if let Some(crate::cli::Clearable(Some(email))) = &limits.email {
        hy_api::validate::email(email).map_err(CliError::Failed)?;
    }
    if let Some(crate::cli::Clearable(Some(name))) = &limits.display_name {
        hy_api::validate::display_name(name).map_err(CliError::Failed)?;
    }
    Ok(UserSettings {
        enabled: None,
        data_limit: limits.limit,
        reset_strategy: limits.reset.map(|r| match r {
            ResetArg::None => ResetStrategy::None,
            ResetArg::Day => ResetStrategy::Day,
            ResetArg::Week => ResetStrategy::Week,
            ResetArg::Month => ResetStrategy::Month,
            ResetArg::MonthRolling => ResetStrategy::MonthRolling,
            ResetArg::Year => ResetStrategy::Year,
        }),
        expires_at: limits.expires.map(|e| e.0),
        expire_after: limits.expire_after.map(|e| e.0),
        max_devices: limits.max_devices,
        allowed_ips,
        note: limits.note,
        email: limits.email.map(|c| c.0),
        display_name: limits.display_name.map(|c| c.0),
        telegram_id: limits.telegram_id.map(|c| c.0),
    })
}

fn state_name(s: StateArg) -> &'static str {
    match s {
        StateArg::Active => "active",
        StateArg::Disabled => "disabled",
        StateArg::Expired => "expired",
        StateArg::Limited => "limited",
        StateArg::OnHold => "on_hold",
    }
}

/// `1.5 GiB / 50.0 GiB (3%)`, or just the usage without a limit.
fn usage(u: &User) -> String {
    if u.data_limit == 0 {
        return bytes(u.period_used);
    }
    let pct = (u.period_used as f64 / u.data_limit as f64 * 100.0).min(999.0);
    format!(
        "{} / {} ({pct:.0}%)",
        bytes(u.period_used),
        bytes(u.data_limit)
    )
}

/// `in 3d 4h`, `2d ago`, `never`, `30d after first use`.
fn expiry(u: &User) -> String {
    let now = jiff::Timestamp::now();
    match (u.expires_at, u.expire_after) {
        (Some(t), _) if t > now => format!("in {}", human_secs((t - now).get_seconds() as u64)),
        (Some(t), _) => format!("{} ago", human_secs((now - t).get_seconds().max(0) as u64)),
        (None, Some(d)) => format!("{} after first use", human_secs(d)),
        (None, None) => "never".into(),
    }
}

/// `user enable` / `user disable`: the admin's switch, for each user given.
async fn switch(ctx: &Ctx, ids: Vec<String>, enabled: bool) -> Result<(), CliError> {
    let settings = UserSettings {
        enabled: Some(enabled),
        ..Default::default()
    };
    let verb = if enabled { "enabled" } else { "disabled" };
    update_each(
        ctx,
        ids,
        UpdateUser {
            secret: None,
            settings,
        },
        verb,
    )
    .await
}

/// Applies `change` to each user in turn, then prints the results.
async fn update_each(
    ctx: &Ctx,
    ids: Vec<String>,
    change: UpdateUser,
    verb: &str,
) -> Result<(), CliError> {
    let ids = expand_ids(ids)?;
    check_user_ids(&ids)?;
    let mut changed = Vec::new();
    for id in &ids {
        changed.push(ctx.client.update_user(id, &change).await?);
    }
    report_each(ctx, &changed, verb)
}

fn report_each(ctx: &Ctx, users: &[User], verb: &str) -> Result<(), CliError> {
    ctx.out.view(users, users.iter().map(|u| &u.id), || {
        ctx.out.lines(
            users
                .iter()
                .map(|u| format!("{verb} user {} (now {})", u.id, u.state.as_str())),
        )
    })
}

async fn add(ctx: &Ctx, new: CreateUser, if_not_exists: bool) -> Result<(), CliError> {
    hy_api::validate::user_id(&new.id).map_err(CliError::Failed)?;
    if let Some(s) = &new.secret {
        hy_api::validate::secret(s.expose()).map_err(CliError::Failed)?;
    }
    let id = new.id.clone();
    let user = match ctx.client.create_user(&new).await {
        Ok(user) => user,
        Err(ClientError::Api { body, .. })
            if if_not_exists
                && body.code == ErrorCode::Conflict
                && body.message.contains("already exists") =>
        {
            let user = ctx.client.user(&id).await?;
            return ctx.out.show(&user, [&user.id], || {
                vec![format!("user {id} already exists")]
            });
        }
        Err(e) => return Err(e.into()),
    };
    ctx.out.show(&user, [&user.id], || {
        vec![
            format!("created user {}", user.id),
            format!("secret: {}", user.secret.expose()),
            "(the auth string of the user's Hysteria clients; `hyctl user show --show-secret` shows it again)".into(),
        ]
    })
}

/// A mutation's result: the object in JSON mode, the id with `-q`, else `message`.
fn done(ctx: &Ctx, user: &User, message: &str) -> Result<(), CliError> {
    ctx.out.show(user, [&user.id], || vec![message.to_owned()])
}

fn print_users(ctx: &Ctx, users: &[User], show_secrets: bool) -> Result<(), CliError> {
    ctx.out.view(users, users.iter().map(|u| &u.id), || {
        let mut table = ctx.out.table(&[
            "ID", "STATE", "USAGE", "EXPIRES", "DEVICES", "SERVERS", "SECRET",
        ]);
        for u in users {
            table.add_row([
                u.id.clone(),
                u.state.as_str().to_owned(),
                usage(u),
                expiry(u),
                if u.max_devices == 0 {
                    "-".into()
                } else {
                    u.max_devices.to_string()
                },
                u.servers.to_string(),
                masked(u.secret.expose(), show_secrets),
            ]);
        }
        ctx.out.print_table(&table)
    })
}

fn print_user(ctx: &Ctx, u: &User, show_secret: bool) -> Result<(), CliError> {
    ctx.out.view(u, [&u.id], || {
        let time = |t: Option<jiff::Timestamp>| {
            t.map_or_else(|| "-".to_owned(), |t| format!("{t} ({})", ago(Some(t))))
        };
        let next_reset = u
            .next_reset_at
            .map_or(String::new(), |t| format!(", next at {t}"));
        let devices = if u.max_devices == 0 {
            "no limit".into()
        } else {
            u.max_devices.to_string()
        };
        let ips = if u.allowed_ips.is_empty() {
            "any".into()
        } else {
            u.allowed_ips.join(", ")
        };
        ctx.out.lines([
            format!("id:              {}", u.id),
            format!("state:           {}", u.state.as_str()),
            format!(
                "secret:          {}",
                masked(u.secret.expose(), show_secret)
            ),
            format!("usage:           {}", usage(u)),
            format!("resets:          {}{next_reset}", u.reset_strategy.as_str()),
            format!("expires:         {}", expiry(u)),
            format!("max devices:     {devices}"),
            format!("allowed ips:     {ips}"),
            format!("servers:         {}", u.servers),
            format!(
                "lifetime upload: {} ({} bytes)",
                bytes(u.traffic.tx),
                u.traffic.tx
            ),
            format!(
                "lifetime down:   {} ({} bytes)",
                bytes(u.traffic.rx),
                u.traffic.rx
            ),
            format!("first connected: {}", time(u.first_connected_at)),
            format!("last online:     {}", time(u.last_online_at)),
            format!(
                "note:            {}",
                if u.note.is_empty() { "-" } else { &u.note }
            ),
            format!("email:           {}", u.email.as_deref().unwrap_or("-")),
            format!(
                "display name:    {}",
                u.display_name.as_deref().unwrap_or("-")
            ),
            format!(
                "telegram id:     {}",
                u.telegram_id.map_or("-".into(), |id| id.to_string())
            ),
            format!("created:         {}", time(Some(u.created_at))),
            format!("updated:         {}", time(Some(u.updated_at))),
        ])
    })
}

/// Parses an import file into users, naming the line of any problem.
pub fn parse_import(text: &str, format: Option<ImportFormat>) -> Result<Vec<CreateUser>, CliError> {
    let records: Vec<(usize, &str)> = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
        .collect();
    let format = format.unwrap_or(match records.first() {
        Some((_, l)) if l.starts_with('{') => ImportFormat::Jsonl,
        _ => ImportFormat::Csv,
    });
    let mut users = Vec::with_capacity(records.len());
    for (n, (line, record)) in records.into_iter().enumerate() {
        let user = match format {
            ImportFormat::Jsonl => serde_json::from_str::<CreateUser>(record)
                .map_err(|e| CliError::Failed(format!("line {line}: not a user object: {e}")))?,
            ImportFormat::Csv => {
                let mut fields = record.split(',').map(str::trim);
                let id = fields.next().unwrap_or("").to_owned();
                let secret = fields.next().filter(|s| !s.is_empty()).map(str::to_owned);
                if fields.next().is_some() {
                    return Err(CliError::Failed(format!(
                        "line {line}: expected `id` or `id,secret`"
                    )));
                }
                if n == 0 && id == "id" {
                    continue;
                }
                CreateUser {
                    id,
                    secret: secret.map(Into::into),
                    ..Default::default()
                }
            }
        };
        hy_api::validate::user_id(&user.id)
            .map_err(|e| CliError::Failed(format!("line {line}: {e}")))?;
        if let Some(s) = &user.secret {
            hy_api::validate::secret(s.expose())
                .map_err(|e| CliError::Failed(format!("line {line}: {e}")))?;
        }
        users.push(user);
    }
    Ok(users)
}

async fn import(
    ctx: &Ctx,
    file: &Path,
    format: Option<ImportFormat>,
    skip_existing: bool,
    batch_size: usize,
) -> Result<(), CliError> {
    let mut text = String::new();
    if file == Path::new("-") {
        std::io::stdin().lock().read_to_string(&mut text)?;
    } else {
        text = std::fs::read_to_string(file)
            .map_err(|e| CliError::Usage(format!("could not read {}: {e}", file.display())))?;
    }
    let users = parse_import(&text, format)?;
    check_user_ids(&users.iter().map(|u| u.id.clone()).collect::<Vec<_>>())?;
    let bar = ctx.out.progress_bar(users.len(), "users");
    let mut result = CreatedUsers::default();
    for chunk in users.chunks(batch_size) {
        let batch = CreateUsers {
            users: chunk.to_vec(),
            skip_existing,
        };
        let done = match ctx.client.create_users(&batch).await {
            Ok(done) => done,
            Err(e) => {
                bar.abandon();
                eprintln!(
                    "hyctl: {} users created before this batch failed; rerun with --skip-existing to resume",
                    result.created.len()
                );
                return Err(e.into());
            }
        };
        bar.inc(chunk.len() as u64);
        result.created.extend(done.created);
        result.skipped.extend(done.skipped);
    }
    bar.finish_and_clear();
    ctx.out
        .view(&result, result.created.iter().map(|u| &u.id), || {
            ctx.out.lines([format!(
                "imported {} users ({} skipped)",
                result.created.len(),
                result.skipped.len()
            )])
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_and_jsonl_imports_parse_and_name_bad_lines() {
        let csv = "id,secret\n# comment\nalice,alice-secret-1\n\nbob\n";
        let users = parse_import(csv, None).unwrap();
        assert_eq!(users.len(), 2);
        assert_eq!(
            users[0].secret.as_ref().map(|s| s.expose()),
            Some("alice-secret-1")
        );
        assert_eq!(users[1].secret, None);
        let jsonl = "{\"id\":\"alice\"}\n{\"id\":\"bob\",\"secret\":\"bob-secret-1\"}\n";
        assert_eq!(parse_import(jsonl, None).unwrap().len(), 2);
        let err = parse_import("alice\nbad id\n", None)
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("line 2:"), "{err}");
        let err = parse_import("a,b,c\n", Some(ImportFormat::Csv))
            .unwrap_err()
            .to_string();
        assert!(err.contains("line 1"), "{err}");
        let err = parse_import("{\"id\":1}\n", None).unwrap_err().to_string();
        assert!(err.contains("line 1"), "{err}");
    }
}
