//! `hyctl version`, `hyctl login`, `hyctl config`, `hyctl completions`.

use std::io::{BufRead, IsTerminal};

use clap::CommandFactory;

use crate::cli::{Cli, ConfigAction, ConfigKey, LogCommand, LoginCommand, VersionCommand};
use crate::config::{self, FileConfig};
use crate::ctx::Ctx;
use crate::error::CliError;
use crate::output::Output;

/// `hyctl version`: this client's version, then central's (exit 3 if central is unreachable).
pub async fn version(cmd: &VersionCommand) -> Result<(), CliError> {
    let ctx = Ctx::new(&cmd.admin)?;
    let central = ctx.client.health().await;
    let central_version = central
        .as_ref()
        .ok()
        .and_then(|h| h["version"].as_str().map(str::to_owned));
    let value = serde_json::json!({
        "client": hy_api::VERSION,
        "central": central_version,
        "central_url": ctx.client.base_url(),
    });
    ctx.out.json_or(&value, || {
        let mut lines = vec![format!("hyctl {}", hy_api::VERSION)];
        if let Some(v) = &central_version {
            lines.push(format!("central {v} at {}", ctx.client.base_url()));
        }
        ctx.out.lines(lines)
    })?;
    central.map(drop).map_err(CliError::from)
}

/// `hyctl log`: the nodes' auth decisions, newest first.
pub async fn log(ctx: &Ctx, cmd: LogCommand) -> Result<(), CliError> {
    let entries = ctx
        .client
        .auth_log(cmd.user.as_deref(), cmd.refused, cmd.since, cmd.limit)
        .await?;
    ctx.out.view(
        &entries,
        entries.iter().filter_map(|e| e.user.as_ref()),
        || {
            let mut table = ctx.out.table(&[
                "TIME (UTC)",
                "SERVER",
                "USER",
                "ADDRESS",
                "RESULT",
                "REASON",
            ]);
            for e in &entries {
                let server = match (&e.server_name, &e.server_id) {
                    (Some(n), _) => n.clone(),
                    (None, Some(id)) => crate::output::masked(id, false),
                    (None, None) => "(deleted)".into(),
                };
                table.add_row([
                    e.at.to_string(),
                    server,
                    e.user.clone().unwrap_or_else(|| "-".into()),
                    e.addr.clone(),
                    if e.allowed {
                        "allowed".into()
                    } else {
                        "refused".into()
                    },
                    e.reason.clone(),
                ]);
            }
            ctx.out.print_table(&table)
        },
    )
}

/// `hyctl login URL`: checks the URL and token against central, then saves them.
pub async fn login(cmd: &LoginCommand) -> Result<(), CliError> {
    let mut admin = cmd.admin.clone();
    admin.central = Some(cmd.url.trim_end_matches('/').to_owned());
    if let Some(user) = &cmd.user {
        return login_as(cmd, admin, user).await;
    }
    if admin.token.is_none() && admin.token_file.is_none() {
        if std::io::stdin().is_terminal() {
            return Err(CliError::Usage(
                "give the admin token with --token, --token-file, or on stdin (`hyctl login URL < token-file`)".into(),
            ));
        }
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        let token = line.trim().to_owned();
        if token.is_empty() {
            return Err(CliError::Usage("no token on stdin".into()));
        }
        admin.token = Some(token.into());
    }
    let ctx = Ctx::new(&admin)?;
    // An admin endpoint: proves both the URL and the token.
    ctx.client.servers().await?;
    let path = config::path()?;
    let mut file = config::load(&path)?;
    file.central = admin.central;
    file.token = admin.token.map(|t| t.expose().to_owned());
    file.token_file = admin.token_file;
    if admin.ca_file.is_some() {
        file.ca_file = admin.ca_file;
    }
    config::save(&path, &file)?;
    ctx.out.json_or(
        &serde_json::json!({ "central": file.central, "config": path }),
        || {
            ctx.out.lines([format!(
                "logged in to {}; saved to {}",
                cmd.url,
                path.display()
            )])
        },
    )
}

/// `hyctl login URL --user NAME`: signs in and saves the session's refresh token (the config
/// file is 0600), replacing a saved token.
async fn login_as(
    cmd: &LoginCommand,
    mut admin: crate::cli::AdminArgs,
    user: &str,
) -> Result<(), CliError> {
    use std::io::IsTerminal;
    hy_api::validate::user_id(user)
        .map_err(|e| CliError::Failed(e.replace("user id", "admin name")))?;
    let password = super::token::read_password(&format!("password for {user}: "), false)?;
    admin.token = None;
    admin.token_file = None;
    let mut config = crate::ctx::client_config(&admin)?;
    config.token = None;
    let client = hy_api::client::Client::new(&config)?;
    let mut request = hy_api::admins::Login {
        username: user.to_owned(),
        password: password.into(),
        totp: cmd.totp.clone(),
    };
    let session = match client.login(&request).await {
        Err(e)
            if request.totp.is_none()
                && e.to_string().contains("TOTP code")
                && std::io::stdin().is_terminal() =>
        {
            request.totp = Some(rpassword::prompt_password("TOTP code: ")?);
            client.login(&request).await?
        }
        other => other?,
    };
    let path = config::path()?;
    let mut file = config::load(&path)?;
    file.central = admin.central.clone();
    file.token = None;
    file.token_file = None;
    file.refresh_token = Some(session.refresh_token.clone());
    if admin.ca_file.is_some() {
        file.ca_file = admin.ca_file.clone();
    }
    config::save(&path, &file)?;
    let out = crate::output::Output::new(&admin);
    out.json_or(
        &serde_json::json!({
            "central": file.central, "config": path, "username": session.username, "role": session.role,
        }),
        || {
            out.lines([format!(
                "signed in to {} as {} ({}); saved to {}",
                cmd.url,
                session.username,
                session.role,
                path.display()
            )])
        },
    )
}

fn redacted(mut file: FileConfig) -> FileConfig {
    if file.token.is_some() {
        file.token = Some("***".into());
    }
    if file.refresh_token.is_some() {
        file.refresh_token = Some("***".into());
    }
    file
}

/// `hyctl config ...`
pub fn config(out: Output, action: ConfigAction) -> Result<(), CliError> {
    let path = config::path()?;
    match action {
        ConfigAction::Path => out.lines([path.display().to_string()]),
        ConfigAction::Show => {
            let file = redacted(config::load(&path)?);
            if out.json {
                return out.json(&file);
            }
            let text = toml::to_string(&file).map_err(|e| CliError::Failed(e.to_string()))?;
            out.lines(text.lines())
        }
        ConfigAction::Set { key, value } => {
            let mut file = config::load(&path)?;
            match key {
                ConfigKey::Central => file.central = Some(value),
                ConfigKey::Token => file.token = Some(value),
                ConfigKey::TokenFile => file.token_file = Some(value.into()),
                ConfigKey::CaFile => file.ca_file = Some(value.into()),
            }
            config::save(&path, &file)?;
            out.lines([format!("saved to {}", path.display())])
        }
        ConfigAction::Unset { key } => {
            let mut file = config::load(&path)?;
            match key {
                ConfigKey::Central => file.central = None,
                ConfigKey::Token => file.token = None,
                ConfigKey::TokenFile => file.token_file = None,
                ConfigKey::CaFile => file.ca_file = None,
            }
            config::save(&path, &file)?;
            out.lines([format!("saved to {}", path.display())])
        }
    }
}

/// `hyctl completions SHELL`
pub fn completions(shell: clap_complete::Shell) -> Result<(), CliError> {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "hyctl", &mut buf);
    use std::io::Write;
    std::io::stdout().lock().write_all(&buf)?;
    Ok(())
}
