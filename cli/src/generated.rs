//! The files generated from the clap definition and committed to the repository: shell
//! completions (`completions/`) and man pages (`man/`). `tests/generated.rs` fails when the
//! committed files differ from these; `scripts/gen-docs.sh` rewrites them.

use clap::CommandFactory;
use clap_complete::Generator;
use clap_complete::Shell;

use crate::Cli;

/// `(file name, contents)` of every completion script.
pub fn completions() -> Vec<(String, Vec<u8>)> {
    [
        Shell::Bash,
        Shell::Zsh,
        Shell::Fish,
        Shell::Elvish,
        Shell::PowerShell,
    ]
    .into_iter()
    .map(|shell| {
        let mut buf = Vec::new();
        clap_complete::generate(shell, &mut Cli::command(), "hyctl", &mut buf);
        if shell == Shell::Fish {
            fish_positionals(&mut buf);
        }
        (shell.file_name("hyctl"), buf)
    })
    .collect()
}

/// clap_complete's fish generator completes options only, so `hyctl completions <TAB>` offered
/// nothing: this adds one line per positional argument with fixed values, in the generator's
/// own condition style.
fn fish_positionals(buf: &mut Vec<u8>) {
    let mut cmd = Cli::command();
    cmd.build();
    let mut lines = String::new();
    let mut visit = |path: &[&str], sub: &clap::Command| {
        for arg in sub.get_positionals().filter(|a| !a.is_hide_set()) {
            let values: Vec<String> = arg
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_owned())
                .collect();
            if values.is_empty() {
                continue;
            }
            let condition = match path {
                [top] => format!("__fish_hyctl_using_subcommand {top}"),
                [top, rest @ ..] => format!(
                    "__fish_hyctl_using_subcommand {top}; and __fish_seen_subcommand_from {}",
                    rest.join(" ")
                ),
                [] => "__fish_hyctl_needs_command".to_owned(),
            };
            lines.push_str(&format!(
                "complete -c hyctl -n \"{condition}\" -f -a \"{}\"\n",
                values.join(" ")
            ));
        }
    };
    for top in cmd.get_subcommands() {
        visit(&[top.get_name()], top);
        for sub in top.get_subcommands() {
            visit(&[top.get_name(), sub.get_name()], sub);
        }
    }
    buf.extend_from_slice(lines.as_bytes());
}

/// `(file name, contents)` of every man page: `hyctl.1` and one per subcommand.
pub fn man_pages() -> std::io::Result<Vec<(String, Vec<u8>)>> {
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    let mut pages = Vec::new();
    render(&cmd, true, &mut pages)?;
    pages.sort();
    Ok(pages)
}

fn render(
    cmd: &clap::Command,
    root: bool,
    pages: &mut Vec<(String, Vec<u8>)>,
) -> std::io::Result<()> {
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        render(sub, false, pages)?;
    }
    let title = cmd
        .get_display_name()
        .unwrap_or_else(|| cmd.get_name())
        .to_uppercase();
    let man = clap_mangen::Man::new(cmd.clone())
        .title(title)
        .date(MAN_DATE)
        .source(concat!("hyctl ", env!("CARGO_PKG_VERSION")))
        .manual("hyctl manual");
    let mut buf = Vec::new();
    if root {
        // The root page gets a proper EXIT STATUS section instead of clap's generic EXTRA.
        man.render_title(&mut buf)?;
        man.render_name_section(&mut buf)?;
        man.render_synopsis_section(&mut buf)?;
        man.render_description_section(&mut buf)?;
        man.render_options_section(&mut buf)?;
        man.render_subcommands_section(&mut buf)?;
        buf.extend_from_slice(b".SH \"EXIT STATUS\"\n");
        for (i, line) in crate::cli::EXIT_CODES.lines().skip(1).enumerate() {
            if i > 0 {
                buf.extend_from_slice(b".br\n");
            }
            buf.extend_from_slice(format!("{}\n", line.trim()).as_bytes());
        }
        man.render_version_section(&mut buf)?;
    } else {
        man.render(&mut buf)?;
    }
    pages.push((man.get_filename(), lint_clean(&buf)));
    Ok(())
}

/// The `.TH` date: when the pages last changed in substance. A fixed string, not today's date,
/// so the committed pages stay reproducible.
const MAN_DATE: &str = "2026-12-01";

/// What `mandoc -T lint` flags in clap_mangen's output, removed: a `.br` next to a paragraph
/// break or right after a heading (the break already breaks the line), and trailing blanks.
fn lint_clean(page: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(page);
    // A blank line is a paragraph break in roff, which mandoc reads as `.sp`: write it so.
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim_end)
        .map(|l| if l.is_empty() { ".sp" } else { l })
        .collect();
    let breaks = |l: &str| l == ".sp" || l.starts_with(".SH") || l.starts_with(".SS");
    let mut out = String::with_capacity(page.len());
    for (i, line) in lines.iter().enumerate() {
        let after_break = i > 0 && breaks(lines[i - 1]);
        let before_sp = lines.get(i + 1).is_some_and(|next| *next == ".sp");
        if *line == ".br" && (after_break || before_sp) {
            continue;
        }
        // The line after `.TP` is the item's tag: only its first input line is.
        if i > 0 && lines[i - 1].starts_with(".TP") {
            out.push_str(line);
            out.push('\n');
        } else {
            wrap(&mut out, line);
        }
    }
    out.into_bytes()
}

/// Writes a text line as input lines of at most 80 bytes where it can: in fill mode a newline
/// is a word space, so the page renders the same. It breaks only at a lone space (a space
/// beside another one is alignment, and a line that starts with a space forces a break) and
/// never before a `.` or `'`, which would start a control line.
fn wrap(out: &mut String, line: &str) {
    let mut rest = line;
    while !rest.starts_with(['.', '\'']) && rest.len() > 80 {
        let bytes = rest.as_bytes();
        let lone = |i: usize| {
            bytes[i] == b' '
                && i > 0
                && bytes[i - 1] != b' '
                && bytes.get(i + 1).is_some_and(|b| !b" .'".contains(b))
        };
        let at = (1..=80.min(bytes.len() - 1))
            .rev()
            .find(|&i| lone(i))
            .or_else(|| (81..bytes.len() - 1).find(|&i| lone(i)));
        let Some(at) = at else { break };
        out.push_str(&rest[..at]);
        out.push('\n');
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
    out.push('\n');
}
