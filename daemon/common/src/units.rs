//! The one duration grammar of every flag and argument, daemons and CLI alike: a sequence of
//! `<integer><unit>` with units `ms`, `s`, `m`, `h`, `d` and `w` (`500ms`, `10s`, `1h30m`,
//! `30d`, `1d12h`), or an ISO 8601 duration (`PT10S`, `P1DT12H`). Days and weeks are 24 and
//! 168 hours: these are intervals, not calendar arithmetic.

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
