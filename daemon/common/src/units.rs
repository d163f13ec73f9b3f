//! The one duration grammar of every flag and argument, daemons and CLI alike: a sequence of
//! `<integer><unit>` with units `ms`, `s`, `m`, `h`, `d` and `w` (`500ms`, `10s`, `1h30m`,
//! `30d`, `1d12h`), or an ISO 8601 duration (`PT10S`, `P1DT12H`). Days and weeks are 24 and
//! 168 hours: these are intervals, not calendar arithmetic. Also sizes (`50GiB`, `500MB`),
//! expiries (`2027-01-01`, `never`) and bytes for people (`1.5 KiB`), which the CLI and the
//! web panel read and write alike.

use std::time::Duration;

/// Parses a duration in the grammar above. Zero is allowed here; callers that need a minimum
/// say so with their own message.
pub fn duration(s: &str) -> Result<Duration, String> {
    let t = s.trim();
    let err = || format!("invalid duration {s:?}: use e.g. 500ms, 10s, 1h30m, 30d or PT10S");
    if t.is_empty() {
        return Err(err());
    }
    if t.starts_with(['P', 'p', '-', '+']) {
        let d: jiff::SignedDuration = t.parse().map_err(|_| err())?;
        return Duration::try_from(d).map_err(|_| format!("duration {s:?} must not be negative"));
    }
    let mut total = Duration::ZERO;
    let mut rest = t;
    while !rest.is_empty() {
        let digits = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        if digits == 0 {
            return Err(err());
        }
        let n: u64 = rest[..digits].parse().map_err(|_| err())?;
        rest = &rest[digits..];
        let unit_len = rest
            .find(|c: char| c.is_ascii_digit())
            .unwrap_or(rest.len());
        let millis_per: u64 = match &rest[..unit_len] {
            "ms" => 1,
            "s" => 1000,
            "m" => 60_000,
            "h" => 3_600_000,
            "d" => 86_400_000,
            "w" => 7 * 86_400_000,
            _ => return Err(err()),
        };
        rest = &rest[unit_len..];
        let part = n
            .checked_mul(millis_per)
            .map(Duration::from_millis)
            .ok_or_else(err)?;
        total = total.checked_add(part).ok_or_else(err)?;
    }
    Ok(total)
}

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

/// Parses an expiry: `never` (none), a date `2027-01-01` (00:00 UTC), or an RFC 3339 time.
pub fn expiry(s: &str) -> Result<Option<jiff::Timestamp>, String> {
    let t = s.trim();
    if t.eq_ignore_ascii_case("never") {
        return Ok(None);
    }
    if let Ok(ts) = t.parse::<jiff::Timestamp>() {
        return Ok(Some(ts));
    }
    let date: jiff::civil::Date = t.parse().map_err(|_| {
        format!("invalid date {s:?}: use 2027-01-01, 2027-01-01T12:00:00Z or never")
    })?;
    date.to_zoned(jiff::tz::TimeZone::UTC)
        .map(|z| Some(z.timestamp()))
        .map_err(|e| e.to_string())
}

/// `1536` → `1.5 KiB`; bytes in IEC units with one decimal.
pub fn bytes(n: u64) -> String {
    const UNITS: [&str; 6] = ["KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
    if n < 1024 {
        return format!("{n} B");
    }
    let mut value = n as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    format!("{value:.1} {}", UNITS[unit])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_grammar() {
        let secs = Duration::from_secs;
        for (text, want) in [
            ("500ms", Duration::from_millis(500)),
            ("10s", secs(10)),
            ("2m", secs(120)),
            ("1h30m", secs(5400)),
            ("30d", secs(30 * 86_400)),
            ("1d12h", secs(36 * 3600)),
            ("2w", secs(14 * 86_400)),
            ("1m500ms", Duration::from_millis(60_500)),
            (" 5s ", secs(5)),
            ("0s", Duration::ZERO),
            ("PT10S", secs(10)),
            ("PT1H30M", secs(5400)),
        ] {
            assert_eq!(duration(text), Ok(want), "{text}");
        }
        for bad in [
            "",
            "10",
            "s",
            "1x",
            "1h 30m",
            "-1s",
            "-PT1S",
            "1.5h",
            "99999999999999999999s",
        ] {
            assert!(duration(bad).is_err(), "{bad}");
        }
        assert!(duration("1q").unwrap_err().contains("1h30m"));
    }
}
