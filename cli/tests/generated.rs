//! Keeps `completions/` and `man/` in sync with the clap definition. Run
//! `scripts/gen-docs.sh` (UPDATE_GENERATED=1) to rewrite them; CI fails on stale files.

use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// Compares (or, with UPDATE_GENERATED=1 outside CI, rewrites) one directory of generated files.
fn ensure_dir(dir: &str, files: &[(String, Vec<u8>)]) {
    let dir = repo().join(dir);
    let update = std::env::var_os("UPDATE_GENERATED").is_some() && std::env::var_os("CI").is_none();
    if update {
        std::fs::create_dir_all(&dir).unwrap();
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if !files
                .iter()
                .any(|(name, _)| path.file_name().unwrap() == name.as_str())
                && !path.ends_with(".gitkeep")
            {
                std::fs::remove_file(path).unwrap();
            }
        }
    }
    let mut stale = Vec::new();
    for (name, contents) in files {
        let path = dir.join(name);
        if std::fs::read(&path).ok().as_deref() != Some(contents.as_slice()) {
            if update {
                std::fs::write(&path, contents).unwrap();
            } else {
                stale.push(name.clone());
            }
        }
    }
    let extra: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n != ".gitkeep" && !files.iter().any(|(f, _)| f == n))
        .collect();
    assert!(
        stale.is_empty() && extra.is_empty(),
        "{} is out of date (stale: {stale:?}, no longer generated: {extra:?}); run scripts/gen-docs.sh and commit",
        dir.display()
    );
}

#[test]
fn completions_are_up_to_date() {
    ensure_dir("completions", &hyctl::generated::completions());
}

#[test]
fn man_pages_are_up_to_date() {
    let pages = hyctl::generated::man_pages().unwrap();
    assert!(
        pages.iter().any(|(n, _)| n == "hyctl-user-add.1"),
        "one page per subcommand"
    );
    assert!(pages.iter().any(|(n, _)| n == "hyctl-agent.1"));
    let root = &pages.iter().find(|(n, _)| n == "hyctl.1").unwrap().1;
    assert!(String::from_utf8_lossy(root).contains("EXIT STATUS"));
    ensure_dir("man", &pages);
}

/// `mandoc -T lint` has nothing to say about any page (run where mandoc is installed; CI
/// installs it).
#[test]
fn man_pages_pass_mandoc_lint() {
    if std::process::Command::new("mandoc")
        .arg("-V")
        .output()
        .is_err()
    {
        assert!(
            std::env::var_os("CI").is_none(),
            "mandoc is missing; CI installs it (scripts/ci.sh)"
        );
        eprintln!("skipped: mandoc is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut paths = Vec::new();
    for (name, page) in hyctl::generated::man_pages().unwrap() {
        let path = dir.path().join(name);
        std::fs::write(&path, page).unwrap();
        paths.push(path);
    }
    let out = std::process::Command::new("mandoc")
        .args(["-T", "lint", "-W", "warning"])
        .args(&paths)
        .output()
        .unwrap();
    let report =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(report.trim().is_empty(), "mandoc -T lint:\n{report}");
}

/// fish offers the shells after `hyctl completions ` (clap's fish generator alone did not).
#[test]
fn fish_completes_the_completions_shell() {
    let script = repo().join("completions/hyctl.fish");
    let probe = format!(
        "source {}; complete -C 'hyctl completions '",
        script.display()
    );
    let Ok(out) = std::process::Command::new("fish")
        .args(["--no-config", "-c", &probe])
        .output()
    else {
        assert!(
            std::env::var_os("CI").is_none(),
            "fish is missing; CI installs it (scripts/ci.sh)"
        );
        eprintln!("skipped: fish is not installed");
        return;
    };
    let offered = String::from_utf8_lossy(&out.stdout);
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        assert!(
            offered.lines().any(|l| l.split('\t').next() == Some(shell)),
            "{shell} not offered: {offered:?} {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
