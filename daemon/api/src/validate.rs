//! What a valid user id, server id, server name and auth secret look like.
//!
//! Shared by central (which enforces it) and the CLI (which checks before a round trip), so
//! both give the same message for the same mistake.

/// Longest user id accepted.
pub const USER_ID_MAX: usize = 64;
/// Shortest and longest server id accepted. Server ids are credentials: the short minimum only
/// exists so ids of the original system keep working; generated ids are 32 characters.
pub const SERVER_ID_MIN: usize = 8;
/// Longest server id accepted.
pub const SERVER_ID_MAX: usize = 128;
/// Longest server name accepted.
pub const SERVER_NAME_MAX: usize = 64;
/// Shortest and longest auth secret an admin may set by hand.
pub const SECRET_MIN: usize = 8;
/// Longest auth secret accepted.
pub const SECRET_MAX: usize = 256;

/// The rules below as JSON Schema patterns, for the OpenAPI document; a test runs both over
/// the same cases so they cannot disagree.
pub const USER_ID_PATTERN: &str = "^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$";
/// See [`server_id`].
pub const SERVER_ID_PATTERN: &str = "^[A-Za-z0-9_-]{8,128}$";
/// See [`server_name`].
pub const SERVER_NAME_PATTERN: &str = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";
/// See [`secret`]: printable ASCII (`!` to `~`) except `+`.
pub const SECRET_PATTERN: &str = "^[!-*,-~]{8,256}$";

fn is_id_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '@')
}

/// A user id: 1 to 64 characters from `A-Z a-z 0-9 . _ - @`, starting with a letter or digit.
///
/// The id is what Hysteria reports traffic under and shows in `/online`, so it stays plain.
pub fn user_id(id: &str) -> Result<(), String> {
    if id.is_empty() {
        return Err("user id is empty".into());
    }
    if id.len() > USER_ID_MAX {
        return Err(format!(
            "user id is {} characters long; the limit is {USER_ID_MAX}",
            id.len()
        ));
    }
    if !id.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return Err(format!(
            "user id {id:?} must start with a letter or a digit"
        ));
    }
    if let Some(c) = id.chars().find(|&c| !is_id_char(c)) {
        return Err(format!(
            "user id {id:?} contains {c:?}; allowed are letters, digits and . _ - @"
        ));
    }
    Ok(())
}

/// A server id: 8 to 128 characters from `A-Z a-z 0-9 _ -`. It is the node's credential, so
/// prefer the 32-character ids that `POST /admin/servers` generates.
pub fn server_id(id: &str) -> Result<(), String> {
    if id.len() < SERVER_ID_MIN || id.len() > SERVER_ID_MAX {
        return Err(format!(
            "server id must be {SERVER_ID_MIN} to {SERVER_ID_MAX} characters long, not {}",
            id.len()
        ));
    }
    if let Some(c) = id
        .chars()
        .find(|&c| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
    {
        return Err(format!(
            "server id contains {c:?}; allowed are letters, digits, _ and -"
        ));
    }
    Ok(())
}

/// A server name: 1 to 64 characters from `A-Z a-z 0-9 . _ -`, starting with a letter or digit.
pub fn server_name(name: &str) -> Result<(), String> {
    if name.is_empty() {
        return Err("server name is empty".into());
    }
    if name.len() > SERVER_NAME_MAX {
        return Err(format!(
            "server name is {} characters long; the limit is {SERVER_NAME_MAX}",
            name.len()
        ));
    }
    if !name.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return Err(format!(
            "server name {name:?} must start with a letter or a digit"
        ));
    }
    if let Some(c) = name
        .chars()
        .find(|&c| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-')))
    {
        return Err(format!(
            "server name {name:?} contains {c:?}; allowed are letters, digits and . _ -"
        ));
    }
    Ok(())
}

/// An auth secret chosen by an admin: 8 to 256 printable ASCII characters, no spaces.
///
/// `+` is refused: Hysteria clients before 2.9.3 turn it into a space when the secret travels in
/// a `hysteria2://` URI, and the user would be locked out.
pub fn secret(secret: &str) -> Result<(), String> {
    if secret.len() < SECRET_MIN || secret.len() > SECRET_MAX {
        return Err(format!(
            "secret must be {SECRET_MIN} to {SECRET_MAX} characters long, not {}",
            secret.len()
        ));
    }
    if secret.contains('+') {
        return Err(
            "secret contains '+', which Hysteria clients before 2.9.3 read as a space; \
                    leave the secret out to have one generated"
                .into(),
        );
    }
    if secret.chars().any(|c| !c.is_ascii_graphic()) {
        return Err("secret may only hold printable ASCII characters without spaces".into());
    }
    Ok(())
}

/// Most CIDRs in one user's `allowed_ips`.
pub const ALLOWED_IPS_MAX: usize = 64;
/// Longest note.
pub const NOTE_MAX: usize = 1000;

/// Parses one allowlist entry: a CIDR (`203.0.113.0/24`, `2001:db8::/32`) or a single address.
pub fn cidr(entry: &str) -> Result<ipnet::IpNet, String> {
    let entry = entry.trim();
    entry
        .parse::<ipnet::IpNet>()
        .or_else(|_| entry.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
        .map(|n| n.trunc())
        .map_err(|_| {
            format!("{entry:?} is not an IP address or CIDR (e.g. 203.0.113.0/24, 2001:db8::/32)")
        })
}

/// Validates an allowlist and returns it normalised (`203.0.113.7/24` → `203.0.113.0/24`).
pub fn allowed_ips(entries: &[String]) -> Result<Vec<String>, String> {
    if entries.len() > ALLOWED_IPS_MAX {
        return Err(format!(
            "{} allowed_ips entries; the limit is {ALLOWED_IPS_MAX}",
            entries.len()
        ));
    }
    entries
        .iter()
        .map(|e| cidr(e).map(|n| n.to_string()))
        .collect()
}

/// Most entries in one device's `allowed_streams`.
pub const ALLOWED_STREAMS_MAX: usize = 64;
/// Longest stream name or pattern.
pub const STREAM_PATTERN_MAX: usize = 255;

/// Validates a device's stream allowlist: each entry a stream name as media servers spell
/// them (`news`, `live/news`: no spaces, control characters or commas), or a prefix ending in
/// one `*` (`live/*`); duplicates dropped, order kept. A `*` of its own allows every stream,
/// which is what no entries say: the list becomes empty.
pub fn allowed_streams(entries: &[String]) -> Result<Vec<String>, String> {
    if entries.len() > ALLOWED_STREAMS_MAX {
        return Err(format!(
            "{} allowed_streams entries; the limit is {ALLOWED_STREAMS_MAX}",
            entries.len()
        ));
    }
    let mut out: Vec<String> = Vec::with_capacity(entries.len());
    for e in entries {
        if e.is_empty() || e.chars().count() > STREAM_PATTERN_MAX {
            return Err(format!(
                "stream pattern {e:?} must be 1 to {STREAM_PATTERN_MAX} characters"
            ));
        }
        if e.chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == ',')
        {
            return Err(format!(
                "stream pattern {e:?} may not hold spaces, control characters or commas"
            ));
        }
        if e.trim_end_matches('*').contains('*') || e.ends_with("**") {
            return Err(format!(
                "stream pattern {e:?}: `*` may only end a pattern, once (`live/*` allows every \
                 stream starting with `live/`)"
            ));
        }
        if !out.contains(e) {
            out.push(e.clone());
        }
    }
    if out.iter().any(|e| e == "*") {
        out.clear();
    }
    Ok(out)
}

/// A note: at most 1,000 characters, no control characters but newlines.
pub fn note(note: &str) -> Result<(), String> {
    if note.chars().count() > NOTE_MAX {
        return Err(format!("note is longer than {NOTE_MAX} characters"));
    }
    if note.chars().any(|c| c.is_control() && c != '\n') {
        return Err("note may not contain control characters other than newlines".into());
    }
    Ok(())
}

/// An API token's name: 1 to 64 characters from `A-Z a-z 0-9 . _ -`, starting with a letter
/// or digit.
pub fn token_name(name: &str) -> Result<(), String> {
    let max = crate::admins::TOKEN_NAME_MAX;
    if name.is_empty() || name.len() > max {
        return Err(format!(
            "token name must be 1 to {max} characters long, not {}",
            name.len()
        ));
    }
    if !name.starts_with(|c: char| c.is_ascii_alphanumeric())
        || !name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
    {
        return Err(format!(
            "token name {name:?} must start with a letter or digit and hold only letters, digits and . _ -"
        ));
    }
    Ok(())
}

/// Longest device name accepted.
pub const DEVICE_NAME_MAX: usize = 32;
/// See [`device_name`].
pub const DEVICE_NAME_PATTERN: &str = "^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$";

/// A device name: 1 to 32 characters from `A-Z a-z 0-9 . _ -`, starting with a letter or
/// digit, and not `default` (the user's own secret goes by that name).
pub fn device_name(name: &str) -> Result<(), String> {
    if name.is_empty() || name.len() > DEVICE_NAME_MAX {
        return Err(format!(
            "device name must be 1 to {DEVICE_NAME_MAX} characters long, not {}",
            name.len()
        ));
    }
    if !name.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return Err(format!(
            "device name {name:?} must start with a letter or a digit"
        ));
    }
    if let Some(c) = name
        .chars()
        .find(|&c| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-')))
    {
        return Err(format!(
            "device name {name:?} contains {c:?}; allowed are letters, digits and . _ -"
        ));
    }
    if name.eq_ignore_ascii_case(crate::devices::DEFAULT_DEVICE) {
        return Err("`default` is the user's own secret; give the device another name".into());
    }
    Ok(())
}

/// Longest email address accepted (RFC 5321's path limit, less the brackets).
pub const EMAIL_MAX: usize = 254;
/// Longest display name accepted, in characters.
pub const DISPLAY_NAME_MAX: usize = 100;
/// Largest Telegram id accepted: 2^53 - 1, which Telegram guarantees its ids stay below and
/// JavaScript reads exactly.
pub const TELEGRAM_ID_MAX: i64 = (1 << 53) - 1;

/// An email address, checked for shape only (one `@`, a local part of up to 64 printable
/// characters, a domain of dot-separated labels of letters, digits and `-`), since only
/// delivery proves an address. Non-ASCII letters are allowed in both parts.
pub fn email(email: &str) -> Result<(), String> {
    let bad = |why: &str| Err(format!("email {email:?} is not an address: {why}"));
    if email.chars().count() > EMAIL_MAX {
        return Err(format!("email is longer than {EMAIL_MAX} characters"));
    }
    let Some((local, domain)) = email.rsplit_once('@') else {
        return bad("it has no @");
    };
    if local.is_empty() || local.chars().count() > 64 {
        return bad("the part before @ must be 1 to 64 characters");
    }
    if let Some(c) = email
        .chars()
        .find(|c| c.is_control() || c.is_whitespace() || matches!(c, '<' | '>' | ',' | ';'))
    {
        return bad(&format!("it contains {c:?}"));
    }
    if local.contains('@') {
        return bad("it has more than one @");
    }
    let labels: Vec<&str> = domain.split('.').collect();
    if labels.len() < 2
        || labels.iter().any(|l| {
            l.is_empty()
                || l.starts_with('-')
                || l.ends_with('-')
                || !l.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
    {
        return bad("the domain after @ must look like example.com");
    }
    Ok(())
}

/// A display name: 1 to 100 characters on one line, no control characters, not only spaces.
pub fn display_name(name: &str) -> Result<(), String> {
    if name.chars().count() > DISPLAY_NAME_MAX {
        return Err(format!(
            "display_name is longer than {DISPLAY_NAME_MAX} characters"
        ));
    }
    if name.chars().any(char::is_control) {
        return Err("display_name may not contain control characters or newlines".into());
    }
    if name.trim().is_empty() {
        return Err("display_name is blank; send null or \"\" to clear it".into());
    }
    Ok(())
}

/// A Telegram user id: 1 to 2^53 - 1.
pub fn telegram_id(id: i64) -> Result<(), String> {
    if (1..=TELEGRAM_ID_MAX).contains(&id) {
        Ok(())
    } else {
        Err(format!(
            "telegram_id must be a positive integer up to {TELEGRAM_ID_MAX}, not {id}"
        ))
    }
}

/// A server's traffic multiplier: 0 to 100 (0 makes its traffic free).
pub fn traffic_multiplier(m: f64) -> Result<(), String> {
    if m.is_finite() && (0.0..=100.0).contains(&m) {
        Ok(())
    } else {
        Err(format!(
            "traffic_multiplier must be between 0 and 100, not {m}"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contact_fields_are_checked_for_shape() {
        for ok in [
            "alice@example.com",
            "a.b+tag@mail.example.org",
            "\u{44f}@\u{43f}\u{440}\u{438}\u{43c}\u{435}\u{440}.\u{440}\u{444}",
        ] {
            assert_eq!(email(ok), Ok(()), "{ok}");
        }
        for (bad, why) in [
            ("alice", "no @"),
            ("@example.com", "before @"),
            ("alice@example", "domain"),
            ("alice@exa mple.com", "' '"),
            ("a@b@example.com", "more than one @"),
            ("alice@-x.com", "domain"),
            ("alice@example..com", "domain"),
            ("alice@example.com\n", "'\\n'"),
        ] {
            let err = email(bad).unwrap_err();
            assert!(err.contains(why), "{bad}: {err}");
        }
        assert!(email(&format!("{}@example.com", "a".repeat(65))).is_err());
        assert!(email(&format!("a@{}.com", "b".repeat(250))).is_err());
        assert_eq!(display_name("Alice Smith"), Ok(()));
        assert!(display_name("two\nlines").is_err());
        assert!(display_name("   ").is_err());
        assert!(display_name(&"x".repeat(101)).is_err());
        assert_eq!(telegram_id(123_456_789), Ok(()));
        for bad in [0, -5, TELEGRAM_ID_MAX + 1] {
            assert!(telegram_id(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_schema_patterns_say_what_the_rules_say() {
        let cases = [
            "alice",
            "a",
            "A1",
            "bob.smith",
            "alice@example.com",
            "x-y",
            "u_1",
            "-a",
            ".a",
            "",
            "al ice",
            "é",
            "abcdefgh",
            "abcdefg",
            "abc_defgh-12",
            "has.dot.name",
            "s3cr+t-value",
            "secret with space",
            "~!@#$%^&*()",
            "plain-secret-1",
        ];
        let long = [
            "a".repeat(64),
            "a".repeat(65),
            "a".repeat(128),
            "a".repeat(129),
            "a".repeat(257),
        ];
        type Rule = fn(&str) -> Result<(), String>;
        let rules: [(&str, Rule); 4] = [
            (USER_ID_PATTERN, user_id),
            (SERVER_ID_PATTERN, server_id),
            (SERVER_NAME_PATTERN, server_name),
            (SECRET_PATTERN, secret),
        ];
        for (pattern, rule) in rules {
            let re = regex::Regex::new(pattern).unwrap();
            for case in cases.iter().copied().chain(long.iter().map(String::as_str)) {
                assert_eq!(
                    re.is_match(case),
                    rule(case).is_ok(),
                    "{pattern} on {case:?}"
                );
            }
        }
    }

    #[test]
    fn user_ids() {
        for ok in [
            "alice",
            "a",
            "bob.smith",
            "u_1",
            "x-y",
            "alice@example.com",
            "A1",
        ] {
            assert!(user_id(ok).is_ok(), "{ok}");
        }
        let long = "a".repeat(USER_ID_MAX + 1);
        for bad in [
            "",
            "-a",
            ".a",
            "al ice",
            "al/ice",
            "ali+ce",
            "é",
            long.as_str(),
        ] {
            assert!(user_id(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn server_ids() {
        assert!(server_id("x7k9m2p4q8r1w5").is_ok());
        assert!(server_id("short").is_err());
        assert!(server_id("has space in it").is_err());
        assert!(server_id(&"a".repeat(SERVER_ID_MAX + 1)).is_err());
    }

    #[test]
    fn secrets() {
        assert!(secret("correct-horse").is_ok());
        assert!(secret("short").is_err());
        assert!(secret("has a space").is_err());
        assert!(secret("with+plus!").is_err());
        assert!(secret("tab\there!").is_err());
    }

    #[test]
    fn allowlists() {
        assert_eq!(
            allowed_ips(&[
                "203.0.113.7/24".into(),
                "2001:db8::1".into(),
                " 10.0.0.1 ".into()
            ])
            .unwrap(),
            ["203.0.113.0/24", "2001:db8::1/128", "10.0.0.1/32"]
        );
        assert!(allowed_ips(&["10.0.0.0/33".into()]).is_err());
        assert!(allowed_ips(&["example.com".into()]).is_err());
        let streams =
            |v: &[&str]| allowed_streams(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(
            streams(&["news", "live/*", "news"]).unwrap(),
            ["news", "live/*"]
        );
        assert!(streams(&["news", "*"]).unwrap().is_empty(), "`*` is any");
        for bad in ["", "a b", "a,b", "li*ve", "live/**", "tab\t"] {
            assert!(streams(&[bad]).is_err(), "{bad:?}");
        }
        assert!(streams(&["x"; 65]).is_err());
    }

    #[test]
    fn server_names() {
        assert!(server_name("edge-1.fra").is_ok());
        assert!(server_name("").is_err());
        assert!(server_name("edge 1").is_err());
    }
}
