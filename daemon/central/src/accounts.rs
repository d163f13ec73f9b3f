//! Admin accounts: passwords (Argon2id, PHC strings), TOTP second factors (RFC 6238: SHA-1,
//! 6 digits, 30 s, one step of skew), sessions and their tokens, and what the auth path
//! holds of sessions.
//!
//! Sessions are opaque tokens, not JWTs: the database holds each session, so a logout, a
//! password change or `hyctl admin revoke` ends it on every central (within
//! [`SESSION_RECHECK_MS`]), which a signed token could only do with a revocation list kept in
//! the same database. An access token (`hya_`) works for [`ACCESS_SECS`]; the refresh token
//! (`hyr_`) trades for a new one until [`REFRESH_SECS`] have passed since sign-in.

use std::collections::HashMap;
use std::sync::Arc;

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use hy_api::admins::Role;
use sha2::{Digest, Sha256};

use crate::store::Store;

/// Prefix of access tokens.
pub const ACCESS_PREFIX: &str = "hya_";
/// Prefix of refresh tokens.
pub const REFRESH_PREFIX: &str = "hyr_";
/// Lifetime of an access token.
pub const ACCESS_SECS: i64 = 15 * 60;
/// Lifetime of a session (its refresh token), from sign-in.
pub const REFRESH_SECS: i64 = 30 * 86_400;
/// How long a central trusts a session it looked up before looking again.
pub const SESSION_RECHECK_MS: i64 = 2_000;
/// Issuer shown by authenticator apps.
pub const TOTP_ISSUER: &str = "hyctl";

/// A token's digest, hex, as stored.
pub fn digest_hex(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// A new token with `prefix` and its digest.
pub fn new_token(prefix: &str) -> (String, String) {
    let token = format!("{prefix}{}", hy_common::random::token(40));
    let digest = digest_hex(&token);
    (token, digest)
}

/// Hashes a password with Argon2id at the crate's recommended cost.
pub fn hash_password(password: &str) -> anyhow::Result<String> {
    let salt = SaltString::encode_b64(&hy_common::random::bytes(16))
        .map_err(|e| anyhow::anyhow!("salt: {e}"))?;
    Ok(argon2::Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map_err(|e| anyhow::anyhow!("hashing a password: {e}"))?
        .to_string())
}

/// True when `password` matches the stored PHC string (compared in constant time by argon2).
pub fn verify_password(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|hash| {
        argon2::Argon2::default()
            .verify_password(password.as_bytes(), &hash)
            .is_ok()
    })
}

/// A password that stands in for a missing account, so a wrong name costs the same time as a
/// wrong password and timing tells no names.
pub fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| hash_password("no such admin, any password").unwrap_or_default())
}

fn totp(secret_b32: &str, account: &str) -> Option<totp_rs::TOTP> {
    let bytes = totp_rs::Secret::Encoded(secret_b32.to_owned())
        .to_bytes()
        .ok()?;
    totp_rs::TOTP::new(
        totp_rs::Algorithm::SHA1,
        6,
        1,
        30,
        bytes,
        Some(TOTP_ISSUER.to_owned()),
        account.to_owned(),
    )
    .ok()
}

/// A new TOTP seed (160 bits, base32) and its `otpauth://` URL for `account`.
pub fn new_totp(account: &str) -> anyhow::Result<(String, String)> {
    let secret = totp_rs::Secret::Raw(hy_common::random::bytes(20)).to_encoded();
    let totp_rs::Secret::Encoded(b32) = secret else {
        anyhow::bail!("a TOTP seed did not encode");
    };
    let url = totp(&b32, account)
        .ok_or_else(|| anyhow::anyhow!("a TOTP seed was refused"))?
        .get_url();
    Ok((b32, url))
}

/// True when `code` is the seed's code at `now` (Unix seconds), or one step either side.
pub fn check_totp(secret_b32: &str, code: &str, now: i64) -> bool {
    let code = code.trim();
    code.len() == 6
        && code.bytes().all(|b| b.is_ascii_digit())
        && totp(secret_b32, "")
            .is_some_and(|t| t.check(code, u64::try_from(now).unwrap_or_default()))
}

/// The code of a seed at `now`, for tests and for `hyctl` users without an app at hand.
pub fn totp_code(secret_b32: &str, now: i64) -> Option<String> {
    totp(secret_b32, "").map(|t| t.generate(u64::try_from(now).unwrap_or_default()))
}

/// Sessions the auth path has looked up, each trusted for [`SESSION_RECHECK_MS`]. Unknown
/// access tokens are looked up in the database, at most [`MISS_BUDGET`] a second across all
/// callers, so a flood of forged ones cannot load it.
pub struct Sessions {
    store: Store,
    clock: Arc<dyn crate::clock::Clock>,
    held: parking_lot::Mutex<HashMap<String, (Option<crate::db::admins::SessionRow>, i64)>>,
    misses: governor::DefaultDirectRateLimiter,
}

/// Database lookups of access tokens not held, per second.
pub const MISS_BUDGET: u32 = 200;

impl std::fmt::Debug for Sessions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Sessions(..)")
    }
}

/// Who an access token signs in as.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub session_pk: i64,
    pub username: String,
    pub role: Role,
}

impl Sessions {
    /// Empty.
    pub fn new(store: Store, clock: Arc<dyn crate::clock::Clock>) -> Self {
        Self {
            store,
            clock,
            held: Default::default(),
            misses: governor::RateLimiter::direct(governor::Quota::per_second(
                std::num::NonZeroU32::new(MISS_BUDGET).unwrap_or(std::num::NonZeroU32::MIN),
            )),
        }
    }

    /// Forgets every session held: the next request of each looks it up again (after a
    /// logout or revocation here; other centrals notice within [`SESSION_RECHECK_MS`]).
    pub fn forget_all(&self) {
        self.held.lock().clear();
    }

    /// The admin an access token belongs to, if its session is open and the token current.
    pub async fn check(&self, token: &str) -> Option<SignedIn> {
        let digest = digest_hex(token);
        let now_ms = self.clock.now().as_millisecond();
        let held = self.held.lock().get(&digest).cloned();
        let row = match held {
            Some((row, at)) if now_ms - at < SESSION_RECHECK_MS => row,
            _ => {
                if held.is_none() && self.misses.check().is_err() {
                    return None;
                }
                let row = match self
                    .store
                    .session(crate::db::admins::BY_ACCESS, digest.clone())
                    .await
                {
                    Ok(row) => row,
                    Err(err) => {
                        tracing::warn!(error = %err, "could not look a session up; using what is held");
                        held.and_then(|(row, _)| row)
                    }
                };
                let mut map = self.held.lock();
                // Bounded: drop everything when it grows past any real number of sessions.
                if map.len() > 100_000 {
                    map.clear();
                }
                map.insert(digest, (row.clone(), now_ms));
                row
            }
        }?;
        if now_ms.div_euclid(1000) >= row.expires_at {
            return None;
        }
        Some(SignedIn {
            session_pk: row.pk,
            username: row.username,
            role: row.role,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_verify_and_totp_codes_check_within_a_step() {
        let hash = hash_password("correct horse battery").unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery", &hash));
        assert!(!verify_password("correct horse batterY", &hash));
        assert!(!verify_password("anything", "not a phc string"));
        // RFC 6238's SHA-1 test seed ("12345678901234567890") at T = 59 s, 6 digits.
        assert_eq!(
            totp_code("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", 59).as_deref(),
            Some("287082")
        );
        let (seed, url) = new_totp("alice").unwrap();
        assert!(
            url.starts_with("otpauth://totp/hyctl:alice?secret="),
            "{url}"
        );
        let now = 1_900_000_000;
        let code = totp_code(&seed, now).unwrap();
        assert!(check_totp(&seed, &code, now));
        assert!(check_totp(&seed, &code, now + 30), "one step of skew");
        assert!(!check_totp(&seed, &code, now + 90));
        assert!(!check_totp(&seed, "12345", now));
        assert!(!check_totp(&seed, "abcdef", now));
    }
}
