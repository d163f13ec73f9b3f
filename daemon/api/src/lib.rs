//! The wire contract between `hyctl`, central and agents.
//!
//! Every request and response body that crosses the network is defined here, once, together with
//! the error body, the validation rules for ids and secrets (so the CLI can reject bad input
//! before a round trip) and, behind the `client` feature, a typed HTTP client. This crate never
//! depends on axum or rusqlite.

pub mod admins;
pub mod devices;
pub mod error;
pub mod events;
pub mod node;
pub mod page;
pub mod secret;
pub mod servers;
pub mod traffic;
pub mod uri;
pub mod users;
pub mod validate;

#[cfg(feature = "client")]
pub mod client;

pub use error::{ErrorBody, ErrorCode};
pub use secret::Secret;
pub use traffic::Traffic;

/// Version of this build, sent by every daemon in [`VERSION_HEADER`] and by clients in
/// `User-Agent`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Response header carrying the responder's version, so clients can warn on a mismatch.
pub const VERSION_HEADER: &str = "x-hyctl-version";

/// Lowercase hex SHA-256 of a user's auth secret: what a node list carries instead of the secret.
///
/// Secrets are generated with at least 128 bits of entropy, so an unsalted digest cannot be
/// reversed; a node that leaks its list leaks nothing a client could connect with.
pub fn auth_digest(secret: &str) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(Sha256::digest(secret.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auth_digest_is_lowercase_hex_sha256() {
        assert_eq!(
            auth_digest("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
