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

/// `hyctl whoami`.
pub async fn whoami(ctx: &Ctx) -> Result<(), CliError> {
    let me = ctx.client.whoami().await?;
    ctx.out.show(&me, [&me.actor], || {
        vec![format!("{} ({})", me.actor, me.role)]
    })
}
