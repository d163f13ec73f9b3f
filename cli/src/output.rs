//! Everything hyctl prints on stdout: JSON documents, tables, id lists, confirmations; and the
//! human forms of sizes and times. Progress and prompts go to stderr, never here.

use std::io::{IsTerminal, Write};

use comfy_table::{ContentArrangement, Table, presets};
pub use hy_common::units::bytes;
use jiff::Timestamp;
use serde::Serialize;

use crate::cli::{AdminArgs, ColorChoice};
use crate::error::CliError;

/// How output is shaped for this run.
#[derive(Debug, Clone, Copy)]
pub struct Output {
    /// `--json`.
    pub json: bool,
    /// `-q`.
    pub quiet: bool,
    /// Terminal styling (line drawing, fitting to the width).
    pub styled: bool,
}

impl Output {
    /// Decides once: `--color` beats `NO_COLOR`, which beats "is stdout a terminal".
    pub fn new(args: &AdminArgs) -> Self {
        let styled = match args.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::env::var("TERM").map_or(true, |t| t != "dumb")
            }
        };
        Self {
            json: args.json,
            quiet: args.quiet,
            styled,
        }
    }

    /// Whether progress bars may be drawn (on stderr).
    pub fn progress(&self) -> bool {
        !self.json && !self.quiet && std::io::stderr().is_terminal()
    }

    /// A progress bar over `len` items called `noun`, on stderr; hidden unless [`Self::progress`].
    pub fn progress_bar(&self, len: usize, noun: &str) -> indicatif::ProgressBar {
        if !self.progress() {
            return indicatif::ProgressBar::hidden();
        }
        let bar = indicatif::ProgressBar::new(len as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template(&format!(
                "{{bar:40}} {{pos}}/{{len}} {noun} ({{per_sec}}, {{eta}} left)"
            ))
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    }

    /// Writes one JSON document.
    pub fn json<T: Serialize + ?Sized>(&self, value: &T) -> Result<(), CliError> {
        let mut out = std::io::stdout().lock();
        serde_json::to_writer_pretty(&mut out, value).map_err(std::io::Error::from)?;
        writeln!(out)?;
        Ok(())
    }

    /// A command's result in the shape asked for: `value` as JSON, `ids` with `-q`, else the
    /// human `text` (built only when needed).
    pub fn show<T, I, S>(
        &self,
        value: &T,
        ids: I,
        text: impl FnOnce() -> Vec<String>,
    ) -> Result<(), CliError>
    where
        T: Serialize + ?Sized,
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.view(value, ids, || self.lines(text()))
    }

    /// [`Output::show`] for results whose human form is more than lines (a table, a QR code):
    /// `human` prints it, and runs only when neither `--json` nor `-q` was asked for.
    pub fn view<T, I, S>(
        &self,
        value: &T,
        ids: I,
        human: impl FnOnce() -> Result<(), CliError>,
    ) -> Result<(), CliError>
    where
        T: Serialize + ?Sized,
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        if self.json {
            self.json(value)
        } else if self.quiet {
            self.lines(ids)
        } else {
            human()
        }
    }

    /// For results with no ids to list: `value` as JSON with `--json`, else what `human`
    /// prints (`-q` included: there is nothing shorter to print).
    pub fn json_or<T: Serialize + ?Sized>(
        &self,
        value: &T,
        human: impl FnOnce() -> Result<(), CliError>,
    ) -> Result<(), CliError> {
        if self.json { self.json(value) } else { human() }
    }

    /// Writes lines of text.
    pub fn lines<I, S>(&self, lines: I) -> Result<(), CliError>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut out = std::io::stdout().lock();
        for line in lines {
            writeln!(out, "{}", line.as_ref())?;
        }
        Ok(())
    }

    /// A writer for a list that arrives in pages: JSON and ids stream as pages come; a table
    /// keeps the rows, since it needs all of them to size its columns.
    pub fn list<T: Serialize>(&self) -> ListOut<T> {
        if self.json {
            ListOut::Json { written: 0 }
        } else if self.quiet {
            ListOut::Ids
        } else {
            ListOut::Table(Vec::new())
        }
    }

    /// A table with the header, shaped for a terminal or for pipes.
    pub fn table(&self, header: &[&str]) -> Table {
        let mut table = Table::new();
        if self.styled {
            table
                .load_preset(presets::UTF8_FULL_CONDENSED)
                .set_content_arrangement(ContentArrangement::Dynamic);
        } else {
            // Plain, whitespace-aligned columns: easy for grep and awk.
            table.load_preset(presets::NOTHING).force_no_tty();
            if let Some(width) = std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()) {
                table.set_width(width);
            }
        }
        table.set_header(header.iter().map(|h| h.to_string()));
        table
    }

    /// Writes a table.
    pub fn print_table(&self, table: &Table) -> Result<(), CliError> {
        let mut out = std::io::stdout().lock();
        for line in table.lines() {
            writeln!(out, "{}", line.trim_end())?;
        }
        Ok(())
    }
}

/// `just now` (under a minute), `3 min ago`, `2 h ago`, `5 d ago`, `never`.
pub fn ago(t: Option<Timestamp>) -> String {
    let Some(t) = t else { return "never".into() };
    let secs = (Timestamp::now() - t).get_seconds();
    match secs {
        s if s < 60 => "just now".into(),
        s if s < 3600 => format!("{} min ago", s / 60),
        s if s < 86_400 => format!("{} h ago", s / 3600),
        s => format!("{} d ago", s / 86_400),
    }
}

/// `text` as a QR code drawn in the terminal (light on dark, as phone cameras read a terminal).
pub fn qr(text: &str) -> Result<String, CliError> {
    use qrcode::render::unicode::Dense1x2;
    let code = qrcode::QrCode::new(text.as_bytes()).map_err(|e| CliError::Failed(e.to_string()))?;
    Ok(code
        .render::<Dense1x2>()
        .dark_color(Dense1x2::Light)
        .light_color(Dense1x2::Dark)
        .build())
}

/// A credential shortened for tables: `x7k9…`.
pub fn masked(secret: &str, show: bool) -> String {
    if show {
        secret.to_owned()
    } else {
        format!("{}…", secret.chars().take(4).collect::<String>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn human_sizes() {
        assert_eq!(bytes(0), "0 B");
        assert_eq!(bytes(1023), "1023 B");
        assert_eq!(bytes(1536), "1.5 KiB");
        assert_eq!(bytes(5 * 1024 * 1024 * 1024), "5.0 GiB");
        assert_eq!(bytes(u64::MAX), "16.0 EiB");
    }

    #[test]
    fn human_times() {
        let now = Timestamp::now();
        assert_eq!(ago(None), "never");
        assert_eq!(ago(Some(now)), "just now");
        assert_eq!(
            ago(Some(now - jiff::SignedDuration::from_secs(180))),
            "3 min ago"
        );
        assert_eq!(
            ago(Some(now - jiff::SignedDuration::from_secs(3 * 86_400))),
            "3 d ago"
        );
    }
}

/// See [`Output::list`].
#[derive(Debug)]
pub enum ListOut<T> {
    /// A JSON array, written item by item; `written` items so far.
    Json {
        /// Items written so far.
        written: usize,
    },
    /// One id per line.
    Ids,
    /// Rows kept for a table.
    Table(Vec<T>),
}

impl<T: Serialize> ListOut<T> {
    /// Writes (or keeps) one page; `id` names an item for `-q`.
    pub fn page(&mut self, items: Vec<T>, id: impl Fn(&T) -> &str) -> Result<(), CliError> {
        let mut out = std::io::stdout().lock();
        match self {
            Self::Json { written } => {
                for item in &items {
                    let text = serde_json::to_string_pretty(item).map_err(std::io::Error::from)?;
                    let sep = if *written == 0 { "[\n" } else { ",\n" };
                    write!(out, "{sep}  {}", text.replace('\n', "\n  "))?;
                    *written += 1;
                }
            }
            Self::Ids => {
                for item in &items {
                    writeln!(out, "{}", id(item))?;
                }
            }
            Self::Table(rows) => rows.extend(items),
        }
        out.flush()?;
        Ok(())
    }

    /// Ends the list: closes the JSON array, or hands back the rows for the table.
    pub fn finish(self) -> Result<Option<Vec<T>>, CliError> {
        let mut out = std::io::stdout().lock();
        match self {
            Self::Json { written: 0 } => writeln!(out, "[]")?,
            Self::Json { .. } => writeln!(out, "\n]")?,
            Self::Ids => {}
            Self::Table(rows) => return Ok(Some(rows)),
        }
        Ok(None)
    }
}
