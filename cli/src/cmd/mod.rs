//! Command handlers: one file per noun. Each takes the `Ctx` and its parsed arguments.

pub mod bootstrap;
pub mod device;
pub mod misc;
pub mod server;
pub mod token;
pub mod traffic;
pub mod user;

use std::io::{BufRead, IsTerminal, Write};

use crate::error::CliError;

/// Expands `-` into ids read from stdin (one per line, blank lines and `#` comments skipped).
pub fn expand_ids(ids: Vec<String>) -> Result<Vec<String>, CliError> {
    if !ids.iter().any(|i| i == "-") {
        return Ok(ids);
    }
    let mut out = Vec::new();
    for id in ids {
        if id == "-" {
            for line in std::io::stdin().lock().lines() {
                let line = line?;
                let line = line.trim();
                if !line.is_empty() && !line.starts_with('#') {
                    out.push(line.to_owned());
                }
            }
        } else {
            out.push(id);
        }
    }
    if out.is_empty() {
        return Err(CliError::Usage("no ids given: stdin was empty".into()));
    }
    Ok(out)
}

/// Checks ids locally so a typo fails before any request.
pub fn check_user_ids(ids: &[String]) -> Result<(), CliError> {
    for id in ids {
        hy_api::validate::user_id(id).map_err(CliError::Failed)?;
    }
    Ok(())
}

/// Asks `question [y/N]` on a terminal; off a terminal, refuses unless `--yes` was given.
pub fn confirm(question: &str, yes: bool, what: &str) -> Result<(), CliError> {
    if yes {
        return Ok(());
    }
    if !std::io::stdin().is_terminal() || !std::io::stderr().is_terminal() {
        return Err(CliError::Usage(format!(
            "refusing to {what} without --yes (stdin is not a terminal to ask on)"
        )));
    }
    eprint!("{question} [y/N] ");
    std::io::stderr().flush()?;
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    if matches!(answer.trim(), "y" | "Y" | "yes" | "YES" | "Yes") {
        Ok(())
    } else {
        Err(CliError::Failed(format!("did not {what}: not confirmed")))
    }
}
