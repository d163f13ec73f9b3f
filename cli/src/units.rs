//! Human forms of sizes, durations and dates on the command line: `50GiB`, `500MB`, `30d`,
//! `12h`, `2027-01-01`. Times are UTC.

use jiff::Timestamp;

/// Parses a size: a number with an optional unit. `KB`/`MB`/`GB`/`TB` are powers of 1000,
/// `KiB`/`MiB`/`GiB`/`TiB` (and the shorthand `K`/`M`/`G`/`T`) powers of 1024. `0` and
/// `unlimited` mean no limit.
pub fn size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    if t.eq_ignore_ascii_case("unlimited") {
        return Ok(0);
    }
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let value: f64 = num
        .parse()
        .map_err(|_| format!("invalid size {s:?}: use e.g. 50GiB, 500MB, 1.5TB"))?;
    let factor: u64 = match unit.trim() {
        "" | "B" => 1,
        "KB" | "kB" => 1000,
        "MB" => 1000u64.pow(2),
        "GB" => 1000u64.pow(3),
        "TB" => 1000u64.pow(4),
        "PB" => 1000u64.pow(5),
        "K" | "KiB" => 1 << 10,
        "M" | "MiB" => 1 << 20,
        "G" | "GiB" => 1 << 30,
        "T" | "TiB" => 1 << 40,
        "P" | "PiB" => 1 << 50,
        other => {
            return Err(format!(
                "unknown size unit {other:?} in {s:?}: use B, KB, MB, GB, TB, KiB, MiB, GiB or TiB"
            ));
        }
    };
    let bytes = value * factor as f64;
    if !bytes.is_finite() || bytes < 0.0 || bytes >= i64::MAX as f64 {
        return Err(format!("size {s:?} is out of range"));
    }
    Ok(bytes.round() as u64)
}

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

/// Parses an expiry: `never` (none), a date `2027-01-01` (00:00 UTC), or an RFC 3339 time.
pub fn expiry(s: &str) -> Result<Option<Timestamp>, String> {
    let t = s.trim();
    if t.eq_ignore_ascii_case("never") {
        return Ok(None);
    }
    if let Ok(ts) = t.parse::<Timestamp>() {
        return Ok(Some(ts));
    }
    let date: jiff::civil::Date = t.parse().map_err(|_| {
        format!("invalid date {s:?}: use 2027-01-01, 2027-01-01T12:00:00Z or never")
    })?;
    date.to_zoned(jiff::tz::TimeZone::UTC)
        .map(|z| Some(z.timestamp()))
        .map_err(|e| e.to_string())
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
