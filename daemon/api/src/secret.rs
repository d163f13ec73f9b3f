//! A credential as a type: server ids, the Hysteria API secret, URLs that carry a server id.
//! `Debug` and `Display` never show the value, so a config struct that derives `Debug`, a log
//! line or an error message cannot leak it; the value leaves only through [`Secret::expose`].

use std::fmt;

/// A credential. Compared in constant time where it is checked (central compares digests).
#[derive(Clone, PartialEq, Eq, Default, serde::Deserialize)]
#[serde(transparent)]
pub struct Secret(Box<str>);

impl Secret {
    /// The value, for the one place that must send or hash it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(****)")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("****")
    }
}

/// On the wire as the plain string: only for the types whose purpose is to carry the value to
/// who may see it (a user's secret in an admin's answer).
impl serde::Serialize for Secret {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl From<String> for Secret {
    fn from(s: String) -> Self {
        Self(s.into_boxed_str())
    }
}

impl From<&str> for Secret {
    fn from(s: &str) -> Self {
        Self(s.into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_printed() {
        #[derive(Debug)]
        #[expect(dead_code, reason = "only its Debug output matters")]
        struct Config {
            id: Secret,
        }
        let s = Secret::from("hunter2-hunter2");
        assert_eq!(format!("{s} {s:?}"), "**** Secret(****)");
        assert!(!format!("{:?}", Config { id: s.clone() }).contains("hunter2"));
        assert_eq!(s.expose(), "hunter2-hunter2");
    }
}
