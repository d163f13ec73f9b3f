//! Live shell completion of user ids and server names from central, for shells set up with
//! `source <(COMPLETE=bash hyctl)` (clap_complete's dynamic engine). Completion must never hang
//! or print errors into the shell: any failure yields no candidates.

use std::time::Duration;

use clap_complete::CompletionCandidate;

use crate::cli::{AdminArgs, ColorChoice};
use crate::ctx;

/// Connection settings from the environment and config file (flags are not parsed yet).
fn admin_args() -> AdminArgs {
    let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    AdminArgs {
        central: var("HYCTL_CENTRAL"),
        token: var("HYCTL_TOKEN").map(Into::into),
        token_file: var("HYCTL_TOKEN_FILE").map(Into::into),
        ca_file: var("HYCTL_CA_FILE").map(Into::into),
        timeout: Duration::from_secs(2),
        json: false,
        quiet: true,
        color: ColorChoice::Never,
    }
}

fn fetch<T>(f: impl AsyncFnOnce(&hy_api::client::Client) -> Option<T>) -> Option<T> {
    let ctx = ctx::Ctx::new(&admin_args()).ok()?;
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .ok()?;
    rt.block_on(f(&ctx.client))
}

/// User ids.
pub fn users() -> Vec<CompletionCandidate> {
    fetch(async |c| c.users().await.ok())
        .unwrap_or_default()
        .into_iter()
        .map(|u| CompletionCandidate::new(u.id).help(Some(format!("{} servers", u.servers).into())))
        .collect()
}

/// Server names (ids for unnamed servers).
pub fn servers() -> Vec<CompletionCandidate> {
    fetch(async |c| c.servers().await.ok())
        .unwrap_or_default()
        .into_iter()
        .map(|s| {
            let help = format!("{} users", s.users);
            CompletionCandidate::new(s.name.unwrap_or(s.id)).help(Some(help.into()))
        })
        .collect()
}
