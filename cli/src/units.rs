//! Human forms of sizes, durations and dates on the command line: `50GiB`, `500MB`, `30d`,
//! `12h`, `2027-01-01`. Times are UTC.

pub use hy_common::units::{expiry, size};

/// Parses a duration in whole seconds, in the one grammar of every flag
/// ([`hy_common::units::duration`]: `30d`, `12h`, `90m`, `2w`, `1d12h`, `PT36H`).
pub fn duration_secs(s: &str) -> Result<u64, String> {
    let d = hy_common::units::duration(s)?;
    if d.is_zero() || d.subsec_nanos() != 0 {
        return Err(format!(
            "invalid duration {s:?}: use a whole number of seconds or more, e.g. 30d, 12h, 90m, 2w"
        ));
    }
    Ok(d.as_secs())
}

/// `90061` → `1d 1h`: the largest two units, for tables.
pub fn human_secs(secs: u64) -> String {
    let (d, h, m) = (secs / 86_400, secs % 86_400 / 3600, secs % 3600 / 60);
    match (d, h, m) {
        (0, 0, 0) => format!("{secs}s"),
        (0, 0, m) => format!("{m}m"),
        (0, h, 0) => format!("{h}h"),
        (0, h, m) => format!("{h}h {m}m"),
        (d, 0, _) => format!("{d}d"),
        (d, h, _) => format!("{d}d {h}h"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(size("50GiB").unwrap(), 50 << 30);
        assert_eq!(size("50G").unwrap(), 50 << 30);
        assert_eq!(size("500MB").unwrap(), 500_000_000);
        assert_eq!(size("1.5TB").unwrap(), 1_500_000_000_000);
        assert_eq!(size("1024").unwrap(), 1024);
        assert_eq!(size("unlimited").unwrap(), 0);
        assert!(size("5 parsecs").is_err());
        assert!(size("GiB").is_err());
        assert!(size("-5GB").is_err());
    }

    #[test]
    fn durations() {
        assert_eq!(duration_secs("30d").unwrap(), 30 * 86_400);
        assert_eq!(duration_secs("12h").unwrap(), 12 * 3600);
        assert_eq!(duration_secs("1d12h").unwrap(), 36 * 3600);
        assert_eq!(duration_secs("2w").unwrap(), 14 * 86_400);
        for bad in ["", "30", "d", "3x", "0d", "500ms"] {
            assert!(duration_secs(bad).is_err(), "{bad}");
        }
        assert_eq!(human_secs(90_061), "1d 1h");
        assert_eq!(human_secs(5400), "1h 30m");
    }

    #[test]
    fn expiries() {
        assert_eq!(expiry("never").unwrap(), None);
        assert_eq!(
            expiry("2027-01-01").unwrap().unwrap().to_string(),
            "2027-01-01T00:00:00Z"
        );
        assert_eq!(
            expiry("2027-01-01T12:00:00+02:00")
                .unwrap()
                .unwrap()
                .to_string(),
            "2027-01-01T10:00:00Z"
        );
        assert!(expiry("next tuesday").is_err());
    }
}
