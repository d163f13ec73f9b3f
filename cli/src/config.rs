//! hyctl's config file, `$XDG_CONFIG_HOME/hyctl/config.toml` (`~/.config/hyctl/config.toml`),
//! and how it combines with flags and the environment: flag > environment > file > defaults.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::CliError;

/// Central's default URL when nothing says otherwise.
pub const DEFAULT_CENTRAL: &str = "http://127.0.0.1:9090";

/// Token files tried last, in order, when no token was given: those central writes by default
/// (`--db central.db` in the current directory, and the path the shipped systemd unit uses).
pub const DEFAULT_TOKEN_FILES: &[&str] = &[
    "central.db.admin-token",
    "/var/lib/hyctl/central.db.admin-token",
];

/// The config file's contents. Unknown keys are an error, so a typo is not silently ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FileConfig {
    /// Central's URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub central: Option<String>,
    /// The admin token.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
    /// A file holding the admin token.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub token_file: Option<PathBuf>,
    /// A CA file for an HTTPS central.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ca_file: Option<PathBuf>,
    /// A signed-in admin's refresh token (`hyctl login URL --user NAME`), traded for an access
    /// token by each run.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<String>,
}

/// Where the config file lives.
pub fn path() -> Result<PathBuf, CliError> {
    if let Some(dir) = std::env::var_os("XDG_CONFIG_HOME").filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir).join("hyctl/config.toml"));
    }
    match std::env::var_os("HOME").filter(|d| !d.is_empty()) {
        Some(home) => Ok(PathBuf::from(home).join(".config/hyctl/config.toml")),
        None => Err(CliError::Usage(
            "cannot find the config file: neither XDG_CONFIG_HOME nor HOME is set".into(),
        )),
    }
}

/// Reads the config file; a missing file is an empty config.
pub fn load(path: &Path) -> Result<FileConfig, CliError> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(FileConfig::default()),
        Err(e) => {
            return Err(CliError::Usage(format!(
                "could not read {}: {e}",
                path.display()
            )));
        }
    };
    toml::from_str(&text).map_err(|e| {
        CliError::Usage(format!(
            "{} is not a valid hyctl config: {}",
            path.display(),
            e.message()
        ))
    })
}

/// Writes the config file (mode 0600: it may hold the token).
pub fn save(path: &Path, config: &FileConfig) -> Result<(), CliError> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| CliError::Failed(format!("could not create {}: {e}", dir.display())))?;
    }
    let text = toml::to_string(config).map_err(|e| CliError::Failed(e.to_string()))?;
    hy_common::files::write_private(path, text.as_bytes())
        .map_err(|e| CliError::Failed(format!("could not write {}: {e}", path.display())))
}

/// Reads a token file: its first line, trimmed.
pub fn read_token_file(path: &Path) -> Result<String, CliError> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        CliError::Usage(format!(
            "could not read the token file {}: {e}",
            path.display()
        ))
    })?;
    let token = text.lines().next().unwrap_or("").trim().to_owned();
    if token.is_empty() {
        return Err(CliError::Usage(format!(
            "the token file {} is empty",
            path.display()
        )));
    }
    Ok(token)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_refuses_unknown_keys() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("hyctl/config.toml");
        let c = FileConfig {
            central: Some("http://x:1".into()),
            token: Some("t".into()),
            ..Default::default()
        };
        save(&p, &c).unwrap();
        assert_eq!(load(&p).unwrap(), c);
        std::fs::write(&p, "centrl = \"x\"\n").unwrap();
        assert!(load(&p).unwrap_err().to_string().contains("unknown field"));
        assert_eq!(
            load(&dir.path().join("missing.toml")).unwrap(),
            FileConfig::default()
        );
    }
}
