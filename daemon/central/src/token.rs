//! The admin token: generated on first start, kept in the database only as a SHA-256 digest,
//! handed to the operator in a 0600 file beside the database.

use std::path::{Path, PathBuf};

use anyhow::Context;
use sha2::{Digest, Sha256};

use crate::store::Store;

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

/// Loads the admin token's digest, generating a token (and its file at `path`) if the
/// database has none.
///
/// Several centrals may start together on one PostgreSQL database: each writes its own token
/// file, but only the first digest is stored; the others find theirs refused, remove their
/// file (its token would open nothing) and take the stored digest.
pub async fn ensure(store: &Store, path: &Path) -> anyhow::Result<[u8; 32]> {
    if let Some(hex_digest) = store.admin_token_digest().await? {
        return decode(&hex_digest);
    }
    let (token, digest) = new_token();
    write_file(path, &token)?;
    if store
        .set_admin_token_digest(hex::encode(digest), false)
        .await?
    {
        tracing::info!(path = %path.display(), "generated the admin token; hyctl reads it from this file");
        return Ok(digest);
    }
    let _ = std::fs::remove_file(path);
    let stored = store
        .admin_token_digest()
        .await?
        .context("the admin token digest vanished while central was starting")?;
    tracing::info!(
        "another central generated the admin token first; its token file holds it, this one wrote none"
    );
    decode(&stored)
}

/// Replaces the admin token: writes a new token file at `path`, then stores its digest. A
/// running central takes the new one within [`DIGEST_MAX_AGE_MS`] (see [`AdminDigest`]).
pub async fn rotate(store: &Store, path: &Path) -> anyhow::Result<()> {
    let (token, digest) = new_token();
    // File first: if we crash before the digest is stored, the old token still works and the
    // next rotation overwrites this file, instead of storing a digest whose token nobody has.
    write_file(path, &token)?;
    store
        .set_admin_token_digest(hex::encode(digest), true)
        .await?;
    Ok(())
}

/// How long a central trusts the admin token digest it holds before reading it again: a token
/// rotated through any central (or `hyctl central rotate-token`) replaces the old one on every
/// central within this long, without a restart.
pub const DIGEST_MAX_AGE_MS: i64 = 5_000;

/// How often, at most, a token this central does not know makes it read the digest again: a
/// new token works at once, and a flood of wrong tokens costs one small query a second.
pub const DIGEST_RECHECK_MS: i64 = 1_000;

/// The admin token's digest as central checks it: cached, and read again from the database
/// when old or when a token does not match (see [`DIGEST_MAX_AGE_MS`]).
#[derive(Debug)]
pub struct AdminDigest {
    store: Store,
    clock: std::sync::Arc<dyn crate::clock::Clock>,
    /// The digest and when it was read (ms on `clock`).
    cached: parking_lot::Mutex<([u8; 32], i64)>,
    /// One re-read at a time; the others wait for its result.
    reading: tokio::sync::Mutex<()>,
}

impl AdminDigest {
    /// Starts from `digest`, just read from `store`.
    pub fn new(
        store: Store,
        clock: std::sync::Arc<dyn crate::clock::Clock>,
        digest: [u8; 32],
    ) -> Self {
        let now = clock.now().as_millisecond();
        Self {
            store,
            clock,
            cached: parking_lot::Mutex::new((digest, now)),
            reading: tokio::sync::Mutex::new(()),
        }
    }

    /// True if `presented` is the digest of the current admin token. Compared in constant
    /// time: neither the token's length nor its prefix leaks. While the database cannot be
    /// read, the digest held is trusted (an admin can still act on a central whose database
    /// is struggling, with the token that was current).
    pub async fn accepts(&self, presented: &[u8; 32]) -> bool {
        use subtle::ConstantTimeEq;
        let matches = |d: &[u8; 32]| bool::from(d.as_slice().ct_eq(presented.as_slice()));
        let (digest, read_at) = *self.cached.lock();
        let age = self.clock.now().as_millisecond() - read_at;
        if age < DIGEST_MAX_AGE_MS && matches(&digest) {
            return true;
        }
        if age < DIGEST_RECHECK_MS {
            return false;
        }
        let _one = self.reading.lock().await;
        // Another request may have read it while this one waited.
        let (digest, read_at) = *self.cached.lock();
        let now = self.clock.now().as_millisecond();
        if now - read_at < DIGEST_RECHECK_MS {
            return matches(&digest);
        }
        match self.store.admin_token_digest().await {
            Ok(Some(hex_digest)) => match decode(&hex_digest) {
                Ok(fresh) => {
                    *self.cached.lock() = (fresh, now);
                    matches(&fresh)
                }
                Err(err) => {
                    tracing::error!(error = %err, "the stored admin token digest is unreadable");
                    matches(&digest)
                }
            },
            Ok(None) => matches(&digest),
            Err(err) => {
                tracing::warn!(error = %err, "could not read the admin token digest; using the one held");
                matches(&digest)
            }
        }
    }
}

fn decode(hex_digest: &str) -> anyhow::Result<[u8; 32]> {
    let bytes = hex::decode(hex_digest).context("stored admin token digest is corrupt")?;
    bytes
        .try_into()
        .map_err(|_| anyhow::anyhow!("stored admin token digest is corrupt"))
}

fn new_token() -> (String, [u8; 32]) {
    let token = format!("{PREFIX}{}", hy_common::random::token(40));
    let digest = digest_bytes(&token);
    (token, digest)
}

fn write_file(path: &Path, token: &str) -> anyhow::Result<()> {
    hy_common::files::write_private(path, format!("{token}\n").as_bytes())
        .with_context(|| format!("could not write the admin token file {}", path.display()))
}

/// Prefix of API tokens (`hyctl token create`), telling them apart from the admin token.
pub const API_PREFIX: &str = "hyt_";

/// How long a central trusts the API tokens it holds before reading them again: a token
/// revoked through any central stops working on every central within this long.
pub const TOKENS_MAX_AGE_MS: i64 = 2_000;

/// How often, at most, an unknown API token makes central read the tokens again.
pub const TOKENS_RECHECK_MS: i64 = 1_000;

/// A use is written at most this often per token (seconds).
pub const TOUCH_EVERY: i64 = 60;

/// A new API token and its digest (hex).
pub fn new_api_token() -> (String, String) {
    let token = format!("{API_PREFIX}{}", hy_common::random::token(40));
    let digest = hex::encode(digest_bytes(&token));
    (token, digest)
}

/// The API tokens as the auth path checks them: every digest held in memory (there are few),
/// read again when old or, at most once a second, when a token is not among them.
pub struct ApiTokens {
    store: Store,
    clock: std::sync::Arc<dyn crate::clock::Clock>,
    cached: parking_lot::Mutex<(
        std::collections::HashMap<[u8; 32], crate::db::api_tokens::Known>,
        i64,
    )>,
    reading: tokio::sync::Mutex<()>,
    touched: parking_lot::Mutex<std::collections::HashMap<String, i64>>,
}

impl std::fmt::Debug for ApiTokens {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ApiTokens(..)")
    }
}

impl ApiTokens {
    /// Empty: read on first use.
    pub fn new(store: Store, clock: std::sync::Arc<dyn crate::clock::Clock>) -> Self {
        Self {
            store,
            clock,
            cached: parking_lot::Mutex::new((Default::default(), i64::MIN / 2)),
            reading: tokio::sync::Mutex::new(()),
            touched: Default::default(),
        }
    }

    /// Forgets what is held, so the next check reads the tokens (after a change here).
    pub fn invalidate(&self) {
        self.cached.lock().1 = i64::MIN / 2;
    }

    /// The token whose digest is `presented`, if it exists and has not expired. While the
    /// database cannot be read, the tokens held are trusted.
    pub async fn find(&self, presented: &[u8; 32]) -> Option<crate::db::api_tokens::Known> {
        let now_ms = self.clock.now().as_millisecond();
        let look = |now_ms: i64| {
            let cached = self.cached.lock();
            let found = cached.0.get(presented).cloned();
            (found, now_ms - cached.1)
        };
        let (found, age) = look(now_ms);
        let fresh = match found {
            Some(k) if age < TOKENS_MAX_AGE_MS => Some(k),
            None if age < TOKENS_RECHECK_MS => None,
            _ => {
                let _one = self.reading.lock().await;
                let now_ms = self.clock.now().as_millisecond();
                let (found, age) = look(now_ms);
                if age < TOKENS_RECHECK_MS {
                    found
                } else {
                    match self.store.token_digests().await {
                        Ok(rows) => {
                            let map: std::collections::HashMap<_, _> = rows
                                .into_iter()
                                .filter_map(|(hex_digest, k)| {
                                    decode(&hex_digest).ok().map(|d| (d, k))
                                })
                                .collect();
                            let found = map.get(presented).cloned();
                            *self.cached.lock() = (map, now_ms);
                            found
                        }
                        Err(err) => {
                            tracing::warn!(error = %err, "could not read the API tokens; using those held");
                            found
                        }
                    }
                }
            }
        }?;
        let now = now_ms.div_euclid(1000);
        if fresh.expires_at.is_some_and(|at| now >= at) {
            return None;
        }
        self.touch(&fresh.name, now);
        Some(fresh)
    }

    /// Writes a use of `name` when the last one written is old (best effort, in the
    /// background).
    fn touch(&self, name: &str, now: i64) {
        {
            let mut touched = self.touched.lock();
            let last = touched.entry(name.to_owned()).or_insert(i64::MIN / 2);
            if now - *last < TOUCH_EVERY {
                return;
            }
            *last = now;
        }
        let (store, name) = (self.store.clone(), name.to_owned());
        tokio::spawn(async move {
            if let Err(err) = store.touch_token(name, now).await {
                tracing::debug!(error = %err, "could not record an API token's use");
            }
        });
    }
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

    #[tokio::test]
    async fn first_start_writes_a_private_token_and_later_starts_keep_it() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let db_path = dir.path().join("c.db");
        let store = Store::Sqlite(crate::db::Db::open(&db_path).unwrap());
        let path = token_path(&db_path);
        let d1 = ensure(&store, &path).await.unwrap();
        let token = std::fs::read_to_string(&path).unwrap();
        assert!(token.starts_with(PREFIX));
        assert_eq!(digest_bytes(token.trim()), d1);
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        assert_eq!(ensure(&store, &path).await.unwrap(), d1);
        // A second central on the same database keeps the first one's token and no file.
        let other = dir.path().join("other.admin-token");
        assert_eq!(ensure(&store, &other).await.unwrap(), d1);
        assert!(!other.exists());
        rotate(&store, &path).await.unwrap();
        let rotated = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            ensure(&store, &path).await.unwrap(),
            digest_bytes(rotated.trim())
        );
        assert_ne!(digest_bytes(rotated.trim()), d1);
    }

    /// Two centrals starting together on a new database: one token, in exactly one file,
    /// whichever wins (usually both see no digest, and the loser removes its file).
    #[tokio::test]
    async fn two_first_starts_at_once_keep_one_token_in_one_file() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::Sqlite(crate::db::Db::open(&dir.path().join("c.db")).unwrap());
        let (a, b) = (dir.path().join("a.token"), dir.path().join("b.token"));
        let (da, db) = tokio::join!(ensure(&store, &a), ensure(&store, &b));
        assert_eq!(da.unwrap(), db.unwrap());
        let files: Vec<_> = [&a, &b].into_iter().filter(|p| p.exists()).collect();
        assert_eq!(files.len(), 1, "{files:?}");
        let token = std::fs::read_to_string(files[0]).unwrap();
        assert_eq!(
            ensure(&store, &a).await.unwrap(),
            digest_bytes(token.trim())
        );
    }
}
