//! The admin token: generated on first start, kept in the database only as a SHA-256 digest,
//! handed to the operator in a 0600 file beside the database.

use std::path::{Path, PathBuf};

use anyhow::Context;
use sha2::{Digest, Sha256};

use crate::db::{Db, meta};

/// Prefix of admin tokens, so secret scanners and humans recognise one.
const PREFIX: &str = "hyctl_";

/// Where the admin token of the database at `db_path` is written: `<db>.admin-token`.
pub fn token_path(db_path: &Path) -> PathBuf {
    let mut name = db_path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_else(|| "central.db".into());
    name.push(".admin-token");
    db_path.with_file_name(name)
}

fn digest_bytes(token: &str) -> [u8; 32] {
    Sha256::digest(token.as_bytes()).into()
}

/// Loads the admin token's digest, generating a token (and its file) if the database has none.
pub fn ensure(db: &Db, db_path: &Path) -> anyhow::Result<[u8; 32]> {
    let stored = db.call_blocking(|c| meta::admin_token_digest(c))?;
    if let Some(hex_digest) = stored {
        let bytes = hex::decode(&hex_digest).context("stored admin token digest is corrupt")?;
        let digest: [u8; 32] = bytes
            .try_into()
            .map_err(|_| anyhow::anyhow!("stored admin token digest is corrupt"))?;
        return Ok(digest);
    }
    let path = token_path(db_path);
    let digest = write_new(db, &path)?;
    tracing::info!(path = %path.display(), "generated the admin token; hyctl reads it from this file");
    Ok(digest)
}

/// Replaces the admin token: writes a new token file, then stores its digest. A central that is
/// running keeps accepting the old token until restarted.
pub fn rotate(db: &Db, db_path: &Path) -> anyhow::Result<PathBuf> {
    let path = token_path(db_path);
    write_new(db, &path)?;
    Ok(path)
}

fn write_new(db: &Db, path: &Path) -> anyhow::Result<[u8; 32]> {
    let token = format!("{PREFIX}{}", hy_common::random::token(40));
    // File first: if we crash before the digest is stored, the next start makes a new token and
    // overwrites this file, instead of storing a digest whose token nobody has.
    hy_common::files::write_private(path, format!("{token}\n").as_bytes())
        .with_context(|| format!("could not write the admin token file {}", path.display()))?;
    let digest = digest_bytes(&token);
    let hex_digest = hex::encode(digest);
    db.call_blocking(move |c| meta::set_admin_token_digest(c, &hex_digest))?;
    Ok(digest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_file_sits_beside_the_database() {
        assert_eq!(
            token_path(Path::new("/var/lib/hy/central.db")),
            Path::new("/var/lib/hy/central.db.admin-token")
        );
        assert_eq!(
            token_path(Path::new("central.db")),
            Path::new("central.db.admin-token")
        );
    }

    #[test]
    fn first_start_writes_a_private_token_and_later_starts_keep_it() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let db_path = dir.path().join("c.db");
        let db = Db::open(&db_path).unwrap();
        let d1 = ensure(&db, &db_path).unwrap();
        let token = std::fs::read_to_string(token_path(&db_path)).unwrap();
        assert!(token.starts_with(PREFIX));
        assert_eq!(digest_bytes(token.trim()), d1);
        let mode = std::fs::metadata(token_path(&db_path))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
        assert_eq!(ensure(&db, &db_path).unwrap(), d1);
        rotate(&db, &db_path).unwrap();
        assert_ne!(ensure(&db, &db_path).unwrap(), d1);
    }
}
