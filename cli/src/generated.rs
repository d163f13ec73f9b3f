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
        (shell.file_name("hyctl"), buf)
    })
    .collect()
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
    let man = clap_mangen::Man::new(cmd.clone());
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
        for line in crate::cli::EXIT_CODES.lines().skip(1) {
            buf.extend_from_slice(format!(".br\n{}\n", line.trim()).as_bytes());
        }
        man.render_version_section(&mut buf)?;
    } else {
        man.render(&mut buf)?;
    }
    pages.push((man.get_filename(), buf));
    Ok(())
}
