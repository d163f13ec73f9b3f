//! `hyctl traffic [USER] [--by user|server|hour|day] [--since WHEN] [--csv]`

use hy_api::traffic::{HistoryBy, HistoryPoint, ServerTraffic, TrafficByUser};

use crate::cli::{TrafficBy, TrafficCommand};
use crate::ctx::Ctx;
use crate::error::CliError;
use crate::output::{bytes, masked};

/// Runs the traffic command.
pub async fn run(ctx: &Ctx, cmd: TrafficCommand) -> Result<(), CliError> {
    if let Some(crate::cli::TrafficAction::Export { since, until, user }) = cmd.action {
        return export(ctx, since, until, user).await;
    }
    let user = cmd.user.as_deref();
    let history = |by, default_secs: i64| async move {
        let since = cmd.since.unwrap_or_else(|| {
            jiff::Timestamp::now() - jiff::SignedDuration::from_secs(default_secs)
        });
        ctx.client.history(user, since, by).await
    };
    match (cmd.by, cmd.since) {
        (Some(TrafficBy::Hour), _) => {
            print_history(ctx, &history(HistoryBy::Hour, 86_400).await?, cmd.csv)
        }
        (Some(TrafficBy::Day), _) | (None | Some(TrafficBy::User), Some(_)) => {
            print_history(ctx, &history(HistoryBy::Day, 7 * 86_400).await?, cmd.csv)
        }
        (Some(TrafficBy::Server), Some(_)) => {
            print_history(ctx, &history(HistoryBy::Server, 0).await?, cmd.csv)
        }
        (None | Some(TrafficBy::User), None) => {
            let totals = match user {
                Some(u) => ctx.client.user_traffic(u).await?,
                None => ctx.client.traffic().await?,
            };
            by_user(ctx, &totals, cmd.csv)
        }
        (Some(TrafficBy::Server), None) => {
            let totals = match user {
                Some(u) => ctx.client.user_traffic_by_server(u).await?,
                None => ctx.client.traffic_by_server().await?,
            };
            by_server(ctx, &totals, cmd.csv)
        }
    }
}

fn server_label(id: Option<&String>, name: Option<&String>) -> String {
    match (name, id) {
        (Some(n), _) => n.clone(),
        (None, Some(id)) => masked(id, false),
        (None, None) => "(deleted servers)".into(),
    }
}

/// A CSV field: quoted when it holds a separator, a quote or a line break.
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

fn by_user(ctx: &Ctx, traffic: &TrafficByUser, csv: bool) -> Result<(), CliError> {
    ctx.out.view(traffic, traffic.keys(), || {
        if csv {
            let rows = traffic
                .iter()
                .map(|(id, t)| format!("{},{},{}", csv_field(id), t.tx, t.rx));
            return ctx
                .out
                .lines(std::iter::once("user,tx,rx".to_owned()).chain(rows));
        }
        let mut table = ctx.out.table(&["USER", "UPLOAD", "DOWNLOAD", "TOTAL"]);
        for (id, t) in traffic {
            table.add_row([id.clone(), bytes(t.tx), bytes(t.rx), bytes(t.total())]);
        }
        ctx.out.print_table(&table)
    })
}

fn by_server(ctx: &Ctx, traffic: &[ServerTraffic], csv: bool) -> Result<(), CliError> {
    ctx.out.view(
        traffic,
        traffic.iter().filter_map(|s| s.server_id.as_ref()),
        || {
            if csv {
                let rows = traffic.iter().map(|s| {
                    let id = s.server_id.as_deref().unwrap_or("");
                    let name = s.name.as_deref().unwrap_or("");
                    format!("{},{},{},{}", csv_field(id), csv_field(name), s.tx, s.rx)
                });
                return ctx
                    .out
                    .lines(std::iter::once("server_id,server_name,tx,rx".to_owned()).chain(rows));
            }
            let mut table = ctx.out.table(&["SERVER", "UPLOAD", "DOWNLOAD", "TOTAL"]);
            for s in traffic {
                let name = server_label(s.server_id.as_ref(), s.name.as_ref());
                table.add_row([
                    name,
                    bytes(s.tx),
                    bytes(s.rx),
                    bytes(s.tx.saturating_add(s.rx)),
                ]);
            }
            ctx.out.print_table(&table)
        },
    )
}

fn print_history(ctx: &Ctx, points: &[HistoryPoint], csv: bool) -> Result<(), CliError> {
    ctx.out.json_or(points, || {
        let when = |p: &HistoryPoint| match p.start {
            Some(t) => t.to_string(),
            None => server_label(p.server_id.as_ref(), p.server_name.as_ref()),
        };
        if csv {
            let header = if points.iter().any(|p| p.start.is_none()) {
                "server,tx,rx"
            } else {
                "start,tx,rx"
            };
            let rows = points
                .iter()
                .map(|p| format!("{},{},{}", csv_field(&when(p)), p.tx, p.rx));
            return ctx
                .out
                .lines(std::iter::once(header.to_owned()).chain(rows));
        }
        let first = if points.iter().any(|p| p.start.is_none()) {
            "SERVER"
        } else {
            "START (UTC)"
        };
        let mut table = ctx.out.table(&[first, "UPLOAD", "DOWNLOAD", "TOTAL"]);
        for p in points {
            table.add_row([
                when(p),
                bytes(p.tx),
                bytes(p.rx),
                bytes(p.tx.saturating_add(p.rx)),
            ]);
        }
        ctx.out.print_table(&table)
    })
}

/// `hyctl traffic export`: central's stream, copied to stdout as it arrives (`--json` for JSON).
async fn export(
    ctx: &Ctx,
    since: jiff::Timestamp,
    until: Option<jiff::Timestamp>,
    user: Option<String>,
) -> Result<(), CliError> {
    use std::io::Write;
    if let Some(u) = &user {
        hy_api::validate::user_id(u).map_err(CliError::Failed)?;
    }
    let until = until.unwrap_or_else(jiff::Timestamp::now);
    let mut body = ctx
        .client
        .traffic_export(since, until, ctx.out.json, user.as_deref())
        .await?;
    let mut out = std::io::stdout().lock();
    while let Some(piece) = body.chunk().await? {
        match out.write_all(&piece) {
            Ok(()) => {}
            // A closed pipe (`| head`) is the reader's choice, not a failure.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(()),
            Err(e) => return Err(e.into()),
        }
    }
    out.flush().or_else(|e| {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            Ok(())
        } else {
            Err(e)
        }
    })?;
    Ok(())
}
