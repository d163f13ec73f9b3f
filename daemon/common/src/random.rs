//! Random credentials: user secrets, server ids, admin tokens.

/// The 64-character URL- and URI-safe alphabet `[A-Za-z0-9_-]`. No `+`: Hysteria clients before
/// 2.9.3 read it as a space in URIs. 64 symbols means 6 unbiased bits per byte.
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

/// `len` characters from `[A-Za-z0-9_-]`, 6 bits of OS randomness each (32 chars = 192 bits),
/// the first a letter or digit: a credential starting with `-` reads as a flag on a command
/// line (`--server-id -x...`).
pub fn token(len: usize) -> String {
    let mut bytes = vec![0u8; len];
    fill(&mut bytes);
    // Re-draw the first byte until it maps to a letter or digit (62 of 64 values): no bias.
    while bytes.first().is_some_and(|b| b & 63 >= 62) {
        fill(&mut bytes[..1]);
    }
    bytes
        .iter()
        .map(|b| ALPHABET[usize::from(b & 63)] as char)
        .collect()
}

fn fill(bytes: &mut [u8]) {
    // The OS RNG failing means the machine cannot make credentials at all; nothing sensible
    // can continue, and getrandom documents this as practically unreachable on Linux.
    #[allow(clippy::expect_used)]
    getrandom::fill(bytes).expect("the operating system's random number generator failed");
}

/// `n` bytes of OS randomness (salts, TOTP seeds).
pub fn bytes(n: usize) -> Vec<u8> {
    let mut out = vec![0u8; n];
    fill(&mut out);
    out
}

/// A uniform random number in `[0, 1)`, for jitter.
pub fn fraction() -> f64 {
    let mut bytes = [0u8; 8];
    if getrandom::fill(&mut bytes).is_err() {
        return 0.5;
    }
    // 53 random bits: exactly representable in an f64 mantissa.
    (u64::from_le_bytes(bytes) >> 11) as f64 / (1u64 << 53) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_use_the_safe_alphabet_and_differ() {
        let a = token(32);
        let b = token(32);
        assert_eq!(a.len(), 32);
        assert_ne!(a, b);
        assert!(a.bytes().all(|c| ALPHABET.contains(&c)));
        for _ in 0..2000 {
            assert!(
                token(8).starts_with(|c: char| c.is_ascii_alphanumeric()),
                "never like a flag"
            );
        }
    }
}
