//! `hyctl server ...`

use hy_api::ErrorCode;
use hy_api::servers::{CreateServer, Server, UpdateServer};

use super::{check_user_ids, confirm, expand_ids};
use crate::cli::ServerAction;
use crate::ctx::Ctx;
use crate::error::CliError;
use crate::output::{ago, bytes, masked};

/// Finds a server by id, else by name.
pub async fn resolve(ctx: &Ctx, server: &str) -> Result<Server, CliError> {
    let servers = ctx.client.servers().await?;
    servers.iter().find(|s| s.id == server).or_else(|| servers.iter().find(|s| s.name.as_deref() == Some(server))).cloned().ok_or_else(|| {
        CliError::NotFound(format!(
            "no server with id or name {server:?} (`hyctl server list` shows them, `hyctl server add` creates one)"
        ))
    })
}

/// Ids sent per assignment request: central's limit per request.
const ASSIGN_BATCH: usize = 10_000;

/// [`resolve`], except that an argument central has never seen, which is a valid server id and
/// not a near miss of an existing server's name, is taken as a new server's id: central
/// registers it with the first assignment, as the original API does. True when it is new.
async fn resolve_or_register(ctx: &Ctx, server: &str) -> Result<(Server, bool), CliError> {
    let err = match resolve(ctx, server).await {
        Ok(s) => return Ok((s, false)),
        Err(CliError::NotFound(e)) => e,
        Err(e) => return Err(e),
    };
    if hy_api::validate::server_id(server).is_err() {
        return Err(CliError::NotFound(err));
    }
    let servers = ctx.client.servers().await?;
    let near = servers
        .iter()
        .filter_map(|s| s.name.as_deref())
        .find(|name| near_miss(name, server));
    if let Some(name) = near {
        return Err(CliError::NotFound(format!(
            "no server named {server:?}; did you mean {name:?}? (to register {server:?} as a new \
             server's id, run `hyctl server add --id {server}` first)"
        )));
    }
    let now = jiff::Timestamp::now();
    let new = Server {
        id: server.to_owned(),
        name: None,
        kind: hy_api::servers::ServerKind::Hysteria,
        users: 0,
        created_at: now,
        last_seen_at: None,
        agent_version: None,
        traffic: Default::default(),
        unattributed: Default::default(),
        traffic_multiplier: 1.0,
        link: Default::default(),
        list_lag: None,
    };
    Ok((new, true))
}

/// Whether `typed` is within two single-character edits of `name` (ignoring case): a typo.
fn near_miss(name: &str, typed: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (
        name.to_lowercase().chars().collect(),
        typed.to_lowercase().chars().collect(),
    );
    if a.len().abs_diff(b.len()) > 2 {
        return false;
    }
    // Levenshtein distance, one row at a time.
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            let next = (row[j + 1] + 1).min(row[j] + 1).min(prev + cost);
            prev = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()] <= 2
}

fn label(s: &Server) -> String {
    s.name.clone().unwrap_or_else(|| masked(&s.id, false))
}

/// Turns the link flags into settings, checked locally.
fn link_settings(args: crate::cli::LinkArgs) -> Result<hy_api::uri::LinkSettings, CliError> {
    let mut link = hy_api::uri::LinkSettings {
        host: args.host,
        ports: args.ports,
        sni: args.sni,
        obfs_password: args.obfs_password,
        insecure: args.insecure,
        pin_sha256: args.pin_sha256,
    };
    hy_api::uri::validate(&mut link).map_err(CliError::Failed)?;
    Ok(link)
}

/// Runs a server command.
pub async fn run(ctx: &Ctx, action: ServerAction) -> Result<(), CliError> {
    match action {
        ServerAction::Add {
            name,
            id,
            kind,
            multiplier,
            link,
        } => {
            let link = link_settings(link)?;
            if let Some(m) = multiplier {
                hy_api::validate::traffic_multiplier(m).map_err(CliError::Failed)?;
            }
            if let Some(n) = &name {
                hy_api::validate::server_name(n).map_err(CliError::Failed)?;
            }
            if let Some(i) = &id {
                hy_api::validate::server_id(i).map_err(CliError::Failed)?;
            }
            let new = CreateServer {
                id,
                name,
                kind: Some(kind),
                traffic_multiplier: multiplier,
                link: Some(link),
            };
            let server = ctx.client.create_server(&new).await?;
            ctx.out.show(&server, [&server.id], || {
                [
                    format!("created {} server {}", server.kind, label(&server)),
                    format!("id: {}", server.id),
                    "(the node's credential: give it to its node as --server-id;".into(),
                    format!(
                        " `hyctl server bootstrap {}` prints the rest)",
                        server.name.as_deref().unwrap_or(&server.id)
                    ),
                ]
                .into()
            })
        }
        ServerAction::List { show_ids } => {
            let servers = ctx.client.servers().await?;
            ctx.out.view(&servers, servers.iter().map(|s| &s.id), || {
                let mut table = ctx.out.table(&[
                    "NAME",
                    "ID",
                    "KIND",
                    "USERS",
                    "UPLOAD",
                    "DOWNLOAD",
                    "LAST CONTACT",
                    "AGENT",
                ]);
                for s in &servers {
                    table.add_row([
                        s.name.clone().unwrap_or_else(|| "-".into()),
                        masked(&s.id, show_ids),
                        s.kind.to_string(),
                        s.users.to_string(),
                        bytes(s.traffic.tx),
                        bytes(s.traffic.rx),
                        ago(s.last_seen_at),
                        s.agent_version.clone().unwrap_or_else(|| "-".into()),
                    ]);
                }
                ctx.out.print_table(&table)
            })
        }
        ServerAction::Show { server } => {
            let s = resolve(ctx, &server).await?;
            ctx.out.view(&s, [&s.id], || {
                ctx.out.lines([
                    format!("name:          {}", s.name.as_deref().unwrap_or("-")),
                    format!("id:            {}", s.id),
                    format!("kind:          {}", s.kind),
                    format!("users:         {}", s.users),
                    format!(
                        "upload:        {} ({} bytes)",
                        bytes(s.traffic.tx),
                        s.traffic.tx
                    ),
                    format!(
                        "download:      {} ({} bytes)",
                        bytes(s.traffic.rx),
                        s.traffic.rx
                    ),
                    format!(
                        "unattributed:  {} (traffic reported for deleted users)",
                        bytes(s.unattributed.total())
                    ),
                    format!("multiplier:    {}x (against quotas)", s.traffic_multiplier),
                    format!(
                        "public:        {}",
                        s.link.host.as_ref().map_or(
                            "- (no share links; `hyctl server link` sets it)".into(),
                            |h| { format!("{h}:{}", s.link.ports.as_deref().unwrap_or("443")) }
                        )
                    ),
                    format!("last contact:  {}", ago(s.last_seen_at)),
                    format!(
                        "agent:         {}",
                        s.agent_version.as_deref().unwrap_or("-")
                    ),
                    format!(
                        "list:          {}",
                        match s.list_lag {
                            None => "- (not polled with a revision yet)".to_owned(),
                            Some(0) => "up to date".to_owned(),
                            Some(n) => format!("{n} revisions behind central's"),
                        }
                    ),
                    format!(
                        "created:       {} ({})",
                        s.created_at,
                        ago(Some(s.created_at))
                    ),
                ])
            })
        }
        ServerAction::Rename {
            server,
            name,
            clear,
        } => {
            if let Some(n) = &name {
                hy_api::validate::server_name(n).map_err(CliError::Failed)?;
            }
            let s = resolve(ctx, &server).await?;
            let name = if clear { None } else { name };
            let renamed = ctx
                .client
                .update_server(
                    &s.id,
                    &UpdateServer {
                        name: Some(name),
                        traffic_multiplier: None,
                        link: None,
                    },
                )
                .await?;
            ctx.out.show(&renamed, [&renamed.id], || {
                [match &renamed.name {
                    Some(n) => format!("renamed server {} to {n}", label(&s)),
                    None => format!("removed the name of server {}", masked(&s.id, false)),
                }]
                .into()
            })
        }
        ServerAction::Link {
            server,
            link,
            clear,
        } => {
            let link = if clear {
                Default::default()
            } else {
                link_settings(link)?
            };
            if !clear && link.host.is_none() {
                return Err(CliError::Usage(
                    "give --host (or --clear to remove the link settings)".into(),
                ));
            }
            let s = resolve(ctx, &server).await?;
            let change = UpdateServer {
                name: None,
                traffic_multiplier: None,
                link: Some(link),
            };
            let changed = ctx.client.update_server(&s.id, &change).await?;
            ctx.out.view(&changed, [&changed.id], || {
                ctx.out
                    .lines([format!("updated the share-link settings of {}", label(&s))])
            })
        }
        ServerAction::Bootstrap {
            server,
            central_url,
            stats_listen,
            agent_listen,
            stream_listen,
        } => {
            super::bootstrap::run(
                ctx,
                &server,
                central_url,
                &stats_listen,
                &agent_listen,
                &stream_listen,
            )
            .await
        }
        ServerAction::SetMultiplier { server, factor } => {
            hy_api::validate::traffic_multiplier(factor).map_err(CliError::Failed)?;
            let s = resolve(ctx, &server).await?;
            let change = UpdateServer {
                name: None,
                traffic_multiplier: Some(factor),
                link: None,
            };
            let changed = ctx.client.update_server(&s.id, &change).await?;
            ctx.out.view(&changed, [&changed.id], || {
                let message = format!(
                    "traffic through {} now counts {factor}x against quotas",
                    label(&s)
                );
                ctx.out.lines([message])
            })
        }
        ServerAction::Delete {
            server,
            if_exists,
            yes,
        } => {
            let s = match resolve(ctx, &server).await {
                Ok(s) => s,
                Err(CliError::NotFound(_)) if if_exists => {
                    return ctx.out.lines(Vec::<String>::new());
                }
                Err(e) => return Err(e),
            };
            confirm(
                &format!("Delete server {}? Its agent will be refused.", label(&s)),
                yes,
                "delete the server",
            )?;
            ctx.client.delete_server(&s.id).await?;
            ctx.out
                .show(&serde_json::json!({ "deleted": s.id }), [&s.id], || {
                    [format!("deleted server {}", label(&s))].into()
                })
        }
        ServerAction::Assign { server, users } => {
            let users = expand_ids(users)?;
            check_user_ids(&users)?;
            let (s, registered) = resolve_or_register(ctx, &server).await?;
            let bar = ctx.out.progress_bar(users.len(), "users");
            let mut result = hy_api::servers::AssignResult {
                server_id: s.id.clone(),
                assigned: Vec::new(),
                unchanged: Vec::new(),
            };
            for chunk in users.chunks(ASSIGN_BATCH) {
                let done = match ctx.client.assign(&s.id, chunk).await {
                    Ok(done) => done,
                    Err(e) => {
                        bar.abandon();
                        if !result.assigned.is_empty() || !result.unchanged.is_empty() {
                            eprintln!(
                                "hyctl: {} users were assigned before this batch failed; assigning is idempotent, so rerun the same command",
                                result.assigned.len() + result.unchanged.len()
                            );
                        }
                        return Err(e.into());
                    }
                };
                bar.inc(chunk.len() as u64);
                result.assigned.extend(done.assigned);
                result.unchanged.extend(done.unchanged);
            }
            bar.finish_and_clear();
            if registered {
                eprintln!(
                    "hyctl: registered {} as a new hysteria server (central had never seen it)",
                    masked(&s.id, false)
                );
            }
            ctx.out.view(
                &result,
                result.assigned.iter().chain(&result.unchanged),
                || {
                    let mut lines: Vec<String> = result
                        .assigned
                        .iter()
                        .map(|u| format!("assigned {u} to {}", label(&s)))
                        .collect();
                    lines.extend(
                        result
                            .unchanged
                            .iter()
                            .map(|u| format!("{u} was already assigned to {}", label(&s))),
                    );
                    ctx.out.lines(lines)
                },
            )
        }
        ServerAction::Unassign {
            server,
            users,
            if_exists,
        } => {
            let users = expand_ids(users)?;
            check_user_ids(&users)?;
            let s = resolve(ctx, &server).await?;
            let mut removed = Vec::new();
            for user in users {
                match ctx.client.unassign(&s.id, &user).await {
                    Ok(()) => removed.push(user),
                    Err(e) if if_exists && e.code() == Some(ErrorCode::NotFound) => {}
                    Err(e) => return Err(e.into()),
                }
            }
            ctx.out.view(
                &serde_json::json!({ "server_id": s.id, "unassigned": removed }),
                &removed,
                || {
                    ctx.out.lines(
                        removed
                            .iter()
                            .map(|u| format!("unassigned {u} from {}", label(&s))),
                    )
                },
            )
        }
        ServerAction::Users { server } => {
            let s = resolve(ctx, &server).await?;
            let mut out = ctx.out.list();
            let mut page = hy_api::page::PageQuery {
                limit: Some(hy_api::page::MAX_PAGE),
                ..Default::default()
            };
            loop {
                let got = ctx.client.server_users_page(&s.id, &page).await?;
                out.page(got.items, |u| &u.id)?;
                match got.next {
                    Some(next) => page.after = Some(next),
                    None => break,
                }
            }
            let Some(users) = out.finish()? else {
                return Ok(());
            };
            let mut table = ctx.out.table(&["USER", "ASSIGNED"]);
            for u in &users {
                table.add_row([u.id.clone(), ago(Some(u.assigned_at))]);
            }
            ctx.out.print_table(&table)
        }
    }
}
