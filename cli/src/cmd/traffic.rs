//! `hyctl traffic [USER] [--by server]`

use hy_api::traffic::{ServerTraffic, TrafficByUser};

use crate::cli::{TrafficBy, TrafficCommand};
use crate::ctx::Ctx;
use crate::error::CliError;
use crate::output::{bytes, masked};

/// Runs the traffic command.
pub async fn run(ctx: &Ctx, cmd: TrafficCommand) -> Result<(), CliError> {
    match (cmd.user, cmd.by) {
        (None, TrafficBy::User) => by_user(ctx, &ctx.client.traffic().await?),
        (Some(user), TrafficBy::User) => by_user(ctx, &ctx.client.user_traffic(&user).await?),
        (None, TrafficBy::Server) => by_server(ctx, &ctx.client.traffic_by_server().await?),
        (Some(user), TrafficBy::Server) => {
            by_server(ctx, &ctx.client.user_traffic_by_server(&user).await?)
        }
    }
}

fn by_user(ctx: &Ctx, traffic: &TrafficByUser) -> Result<(), CliError> {
    if ctx.out.json {
        return ctx.out.json(traffic);
    }
    if ctx.out.quiet {
        return ctx.out.lines(traffic.keys());
    }
    let mut table = ctx.out.table(&["USER", "UPLOAD", "DOWNLOAD", "TOTAL"]);
    for (id, t) in traffic {
        table.add_row([id.clone(), bytes(t.tx), bytes(t.rx), bytes(t.total())]);
    }
    ctx.out.print_table(&table)
}

fn by_server(ctx: &Ctx, traffic: &[ServerTraffic]) -> Result<(), CliError> {
    if ctx.out.json {
        return ctx.out.json(traffic);
    }
    let name = |s: &ServerTraffic| match (&s.name, &s.server_id) {
        (Some(n), _) => n.clone(),
        (None, Some(id)) => masked(id, false),
        (None, None) => "(deleted servers)".into(),
    };
    if ctx.out.quiet {
        return ctx
            .out
            .lines(traffic.iter().filter_map(|s| s.server_id.as_ref()));
    }
    let mut table = ctx.out.table(&["SERVER", "UPLOAD", "DOWNLOAD", "TOTAL"]);
    for s in traffic {
        table.add_row([
            name(s),
            bytes(s.tx),
            bytes(s.rx),
            bytes(s.tx.saturating_add(s.rx)),
        ]);
    }
    ctx.out.print_table(&table)
}
