//! `hyctl device ...`: a user's devices, over `/admin/users/{id}/devices`.

use hy_api::devices::{CreateDevice, Device, DeviceSettings, DeviceStatus, UpdateDevice};

use super::confirm;
use crate::cli::{DeviceAction, DeviceLimitArgs};
use crate::ctx::Ctx;
use crate::error::CliError;
use crate::output::{ago, bytes, masked};

/// Runs a device command.
pub async fn run(ctx: &Ctx, action: DeviceAction) -> Result<(), CliError> {
    match action {
        DeviceAction::Add {
            user,
            name,
            secret,
            blocked,
            limits,
        } => {
            check(&user, &name)?;
            if let Some(s) = &secret {
                hy_api::validate::secret(s).map_err(CliError::Failed)?;
            }
            let mut settings = settings(limits)?;
            if blocked {
                settings.status = Some(DeviceStatus::Blocked);
            }
            let new = CreateDevice {
                name,
                secret: secret.map(Into::into),
                settings,
            };
            let d = ctx.client.create_device(&user, &new).await?;
            ctx.out.show(&d, [&d.node_id], || {
                vec![
                    format!("added device {} ({})", d.node_id, d.state.as_str()),
                    format!("secret: {}", d.secret.expose()),
                ]
            })
        }
        DeviceAction::List { user, show_secrets } => {
            hy_api::validate::user_id(&user).map_err(CliError::Failed)?;
            let devices = ctx.client.devices(&user).await?;
            print_devices(ctx, &devices, show_secrets)
        }
        DeviceAction::Show {
            user,
            name,
            show_secret,
        } => {
            check(&user, &name)?;
            let d = ctx.client.device(&user, &name).await?;
            print_device(ctx, &d, show_secret)
        }
        DeviceAction::Update {
            user,
            name,
            secret,
            limits,
        } => {
            check(&user, &name)?;
            if let Some(s) = &secret {
                hy_api::validate::secret(s).map_err(CliError::Failed)?;
            }
            let change = UpdateDevice {
                secret: secret.map(Into::into),
                settings: settings(limits)?,
            };
            if change == UpdateDevice::default() {
                return Err(CliError::Usage(
                    "nothing to change: give --secret or a limit (see --help)".into(),
                ));
            }
            let d = ctx.client.update_device(&user, &name, &change).await?;
            done(
                ctx,
                &d,
                &format!("updated device {} ({})", d.node_id, d.state.as_str()),
            )
        }
        DeviceAction::Block { user, name } => {
            status(ctx, &user, &name, DeviceStatus::Blocked).await
        }
        DeviceAction::Unblock { user, name } => {
            status(ctx, &user, &name, DeviceStatus::Active).await
        }
        DeviceAction::RotateSecret { user, name, yes } => {
            check(&user, &name)?;
            confirm(
                &format!(
                    "Replace the secret of {user}'s {name}? Its clients must be given the new one."
                ),
                yes,
                "rotate a secret",
            )?;
            let d = ctx.client.rotate_device_secret(&user, &name).await?;
            ctx.out.show(&d, [&d.node_id], || {
                vec![format!(
                    "new secret of {}: {}",
                    d.node_id,
                    d.secret.expose()
                )]
            })
        }
        DeviceAction::Remove { user, name, yes } => {
            check(&user, &name)?;
            confirm(
                &format!("Remove {user}'s device {name}?"),
                yes,
                "remove a device",
            )?;
            ctx.client.delete_device(&user, &name).await?;
            let node_id = hy_api::devices::node_id(&user, &name);
            ctx.out.view(
                &serde_json::json!({ "removed": node_id }),
                [&node_id],
                || ctx.out.lines([format!("removed device {node_id}")]),
            )
        }
    }
}

/// Checks the path parts before a round trip, with the server's messages.
fn check(user: &str, name: &str) -> Result<(), CliError> {
    hy_api::validate::user_id(user).map_err(CliError::Failed)?;
    hy_api::validate::device_name(name).map_err(CliError::Failed)
}

async fn status(ctx: &Ctx, user: &str, name: &str, to: DeviceStatus) -> Result<(), CliError> {
    check(user, name)?;
    let change = UpdateDevice {
        secret: None,
        settings: DeviceSettings {
            status: Some(to),
            ..Default::default()
        },
    };
    let d = ctx.client.update_device(user, name, &change).await?;
    let verb = match to {
        DeviceStatus::Blocked => "blocked",
        DeviceStatus::Active => "unblocked",
    };
    done(
        ctx,
        &d,
        &format!("{verb} device {} (now {})", d.node_id, d.state.as_str()),
    )
}

/// Turns the limit flags into settings, checking them locally first.
fn settings(limits: DeviceLimitArgs) -> Result<DeviceSettings, CliError> {
    let allowed_ips = match limits.allow_ip.as_slice() {
        [] => None,
        [any] if any == "any" => Some(vec![]),
        ips => Some(hy_api::validate::allowed_ips(ips).map_err(CliError::Failed)?),
    };
    let allowed_streams = match limits.allow_stream.as_slice() {
        [] => None,
        streams => Some(hy_api::validate::allowed_streams(streams).map_err(CliError::Failed)?),
    };
    let publisher = match (limits.publisher, limits.no_publisher) {
        (true, _) => Some(true),
        (_, true) => Some(false),
        _ => None,
    };
    if let Some(note) = &limits.note {
        hy_api::validate::note(note).map_err(CliError::Failed)?;
    }
    Ok(DeviceSettings {
        status: None,
        valid_from: limits.valid_from.map(|e| e.0),
        valid_until: limits.valid_until.map(|e| e.0),
        allowed_ips,
        max_sessions: limits.max_sessions,
        allowed_streams,
        publisher,
        note: limits.note,
    })
}

/// A mutation's result: the object in JSON mode, the node id with `-q`, else `message`.
fn done(ctx: &Ctx, d: &Device, message: &str) -> Result<(), CliError> {
    ctx.out.show(d, [&d.node_id], || vec![message.to_owned()])
}

fn last_seen(d: &Device) -> String {
    match (d.last_seen_at, &d.last_seen_server) {
        (Some(at), Some(server)) => format!("{} on {server}", ago(Some(at))),
        (Some(at), None) => ago(Some(at)),
        (None, _) => "never".into(),
    }
}

fn print_devices(ctx: &Ctx, devices: &[Device], show_secrets: bool) -> Result<(), CliError> {
    ctx.out
        .view(devices, devices.iter().map(|d| &d.node_id), || {
            let mut table = ctx
                .out
                .table(&["NAME", "STATE", "LAST SEEN", "TRAFFIC", "SECRET"]);
            for d in devices {
                table.add_row([
                    d.name.clone(),
                    d.state.as_str().to_owned(),
                    last_seen(d),
                    bytes(d.traffic.total()),
                    masked(d.secret.expose(), show_secrets),
                ]);
            }
            ctx.out.print_table(&table)
        })
}

fn print_device(ctx: &Ctx, d: &Device, show_secret: bool) -> Result<(), CliError> {
    ctx.out.view(d, [&d.node_id], || {
        let time = |t: Option<jiff::Timestamp>| {
            t.map_or_else(|| "-".to_owned(), |t| format!("{t} ({})", ago(Some(t))))
        };
        // A window's ends may lie ahead: shown as times, not as "ago".
        let at = |t: Option<jiff::Timestamp>| t.map_or_else(|| "-".to_owned(), |t| t.to_string());
        ctx.out.lines([
            format!("device:          {}", d.node_id),
            format!("state:           {}", d.state.as_str()),
            format!(
                "secret:          {}",
                masked(d.secret.expose(), show_secret)
            ),
            format!("valid from:      {}", at(d.valid_from)),
            format!("valid until:     {}", at(d.valid_until)),
            format!(
                "allowed ips:     {}",
                if d.allowed_ips.is_empty() {
                    "any (the user's list applies)".into()
                } else {
                    d.allowed_ips.join(", ")
                }
            ),
            format!(
                "max sessions:    {}",
                if d.max_sessions == 0 {
                    "-".into()
                } else {
                    d.max_sessions.to_string()
                }
            ),
            format!(
                "streams:         {}{}",
                if d.allowed_streams.is_empty() {
                    "any".into()
                } else {
                    d.allowed_streams.join(", ")
                },
                if d.publisher {
                    " (may publish)"
                } else {
                    " (play only)"
                }
            ),
            format!(
                "upload:          {} ({} bytes)",
                bytes(d.traffic.tx),
                d.traffic.tx
            ),
            format!(
                "download:        {} ({} bytes)",
                bytes(d.traffic.rx),
                d.traffic.rx
            ),
            format!(
                "first seen:      {}{}",
                time(d.first_seen_at),
                d.first_seen_server
                    .as_ref()
                    .map_or(String::new(), |s| format!(" on {s}"))
            ),
            format!("last seen:       {}", last_seen(d)),
            format!(
                "last address:    {}",
                d.last_seen_addr.as_deref().unwrap_or("-")
            ),
            format!(
                "note:            {}",
                if d.note.is_empty() { "-" } else { &d.note }
            ),
            format!("created:         {}", time(Some(d.created_at))),
        ])
    })
}
