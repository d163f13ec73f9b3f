//! Users: who may connect, with which auth secret, and within which limits.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::Traffic;
use crate::servers::present;

/// What a user may do right now, derived from the switch, the quota and the expiry.
///
/// Precedence: `disabled` > `expired` > `limited` > `on_hold` > `active`. Only `active` and
/// `on_hold` users are on node lists (an `on_hold` user's expiry clock starts at the first
/// connection).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum UserState {
    /// May connect.
    Active,
    /// Switched off by an admin.
    Disabled,
    /// Past `expires_at`.
    Expired,
    /// Used up `data_limit` for the current period.
    Limited,
    /// Has `expire_after` and has not connected yet; may connect, which starts the clock.
    OnHold,
}

impl UserState {
    /// Every state, in precedence order (the order [`derive_state`] checks them in).
    pub const ALL: [Self; 5] = [
        Self::Disabled,
        Self::Expired,
        Self::Limited,
        Self::OnHold,
        Self::Active,
    ];

    /// Whether the user is on node lists.
    pub fn may_connect(self) -> bool {
        matches!(self, Self::Active | Self::OnHold)
    }

    /// The state's wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Active => "active",
            Self::Disabled => "disabled",
            Self::Expired => "expired",
            Self::Limited => "limited",
            Self::OnHold => "on_hold",
        }
    }
}

/// Derives a user's state at `now` (all times in Unix seconds, UTC).
pub fn derive_state(
    enabled: bool,
    data_limit: u64,
    period_used: u64,
    expires_at: Option<i64>,
    expire_after: Option<u64>,
    first_connected_at: Option<i64>,
    now: i64,
) -> UserState {
    if !enabled {
        UserState::Disabled
    } else if expires_at.is_some_and(|e| e <= now) {
        UserState::Expired
    } else if data_limit > 0 && period_used >= data_limit {
        UserState::Limited
    } else if expire_after.is_some() && first_connected_at.is_none() && expires_at.is_none() {
        UserState::OnHold
    } else {
        UserState::Active
    }
}

/// When a user's period usage goes back to zero. All boundaries are computed in UTC.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ResetStrategy {
    /// Never: `data_limit` is a lifetime allowance (until an admin resets it).
    #[default]
    None,
    /// Every day at 00:00 UTC.
    Day,
    /// Every Monday at 00:00 UTC.
    Week,
    /// On the 1st of every month at 00:00 UTC.
    Month,
    /// Every month on the day of the month the user was created (clamped to the month's
    /// length: created on Jan 31, it resets Feb 28/29, Mar 31, Apr 30...), at the creation time.
    MonthRolling,
    /// Every January 1st at 00:00 UTC.
    Year,
}

impl ResetStrategy {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Day => "day",
            Self::Week => "week",
            Self::Month => "month",
            Self::MonthRolling => "month_rolling",
            Self::Year => "year",
        }
    }

    /// Parses a wire name.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "none" => Self::None,
            "day" => Self::Day,
            "week" => Self::Week,
            "month" => Self::Month,
            "month_rolling" => Self::MonthRolling,
            "year" => Self::Year,
            _ => return None,
        })
    }

    /// The first reset strictly after `now`, for a user created at `anchor`; `None` for `none`.
    pub fn next_after(self, anchor: Timestamp, now: Timestamp) -> Option<Timestamp> {
        use jiff::ToSpan;
        use jiff::civil::Weekday;
        let utc = jiff::tz::TimeZone::UTC;
        let today = now.to_zoned(utc.clone()).date();
        let midnight = |d: jiff::civil::Date| d.to_zoned(utc.clone()).ok().map(|z| z.timestamp());
        match self {
            Self::None => None,
            Self::Day => midnight(today.tomorrow().ok()?),
            Self::Week => midnight(today.nth_weekday(1, Weekday::Monday).ok()?),
            Self::Month => midnight(today.first_of_month().checked_add(1.month()).ok()?),
            Self::Year => {
                midnight(jiff::civil::Date::new(today.year().checked_add(1)?, 1, 1).ok()?)
            }
            Self::MonthRolling => {
                // Add whole months to the anchor (never to the previous reset): adding to a
                // clamped Feb 28 would drift every later reset to the 28th.
                let anchor = anchor.to_zoned(utc);
                let months_since = {
                    let n = now.to_zoned(jiff::tz::TimeZone::UTC);
                    i64::from(n.year() - anchor.year()) * 12 + i64::from(n.month() - anchor.month())
                };
                (months_since.max(0)..months_since.max(0) + 3)
                    .filter_map(|k| anchor.checked_add(k.months()).ok())
                    .map(|z| z.timestamp())
                    .find(|t| *t > now)
            }
        }
    }
}

/// A user as admins see it. `secret` is what the user's Hysteria clients send as `auth`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct User {
    /// The user id; also the id Hysteria reports traffic under.
    pub id: String,
    /// The auth secret (admin-only; never sent to nodes, which get its SHA-256). Masked in
    /// `Debug`; on the wire as a plain string.
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub secret: crate::Secret,
    /// What the user may do now.
    pub state: UserState,
    /// The admin's switch.
    pub enabled: bool,
    /// Bytes (upload + download, times each server's multiplier) allowed per period; 0 = no limit.
    pub data_limit: u64,
    /// When period usage resets.
    pub reset_strategy: ResetStrategy,
    /// Usage counted against `data_limit` in the current period.
    pub period_used: u64,
    /// Start of the current period.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub period_start: Option<Timestamp>,
    /// The next scheduled reset.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub next_reset_at: Option<Timestamp>,
    /// When the user expires.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub expires_at: Option<Timestamp>,
    /// Seconds of validity starting at the first connection (while `expires_at` is unset).
    pub expire_after: Option<u64>,
    /// Most concurrent client instances; 0 = no limit.
    pub max_devices: u32,
    /// CIDRs client addresses must be in; empty = any.
    pub allowed_ips: Vec<String>,
    /// Free text for admins.
    pub note: String,
    /// Contact email; never required, not unique (a family may share one).
    pub email: Option<String>,
    /// Name to show instead of the id (panel, portal, events).
    pub display_name: Option<String>,
    /// Telegram user id, for operators who sell and support through a bot.
    pub telegram_id: Option<i64>,
    /// Number of servers the user is assigned to.
    pub servers: u64,
    /// Lifetime traffic over all servers, raw bytes (no multiplier, never reset).
    pub traffic: Traffic,
    /// First admitted connection anywhere.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub first_connected_at: Option<Timestamp>,
    /// Last time an agent reported the user admitted or online.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub last_online_at: Option<Timestamp>,
    /// When the user was created (RFC 3339, UTC).
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub created_at: Timestamp,
    /// When the user was last changed (RFC 3339, UTC).
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub updated_at: Timestamp,
}

/// Limits and settings of a user, as given on creation or change. In `PATCH`, absent fields
/// stay as they are and `null` clears the nullable ones.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct UserSettings {
    /// The admin's switch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Bytes per period; 0 = no limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_limit: Option<u64>,
    /// When period usage resets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reset_strategy: Option<ResetStrategy>,
    /// Expiry (RFC 3339); `null` clears.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub expires_at: Option<Option<Timestamp>>,
    /// Seconds of validity from the first connection; `null` clears.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<u64>))]
    pub expire_after: Option<Option<u64>>,
    /// Most concurrent client instances; 0 = no limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_devices: Option<u32>,
    /// CIDRs (`203.0.113.0/24`, `2001:db8::/32`, or single addresses); `[]` = any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_ips: Option<Vec<String>>,
    /// Free text (up to 1,000 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Contact email (`name@example.com`, up to 254 characters); `null` or `""` clears.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub email: Option<Option<String>>,
    /// Name to show (up to 100 characters, one line); `null` or `""` clears.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub display_name: Option<Option<String>>,
    /// Telegram user id (a positive integer); `null` clears.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<i64>))]
    pub telegram_id: Option<Option<i64>>,
}

/// Body of `POST /admin/users`. The original system's `{"id":"alice"}` is the minimal form.
///
/// Deserialized by hand: serde cannot combine `flatten` with `deny_unknown_fields`, and a
/// misspelt limit must be refused, not ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreateUser {
    /// The new user's id (see `validate::user_id`).
    pub id: String,
    /// The auth secret; generated (192 bits, `[A-Za-z0-9_-]`) when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub secret: Option<crate::Secret>,
    /// Limits and settings; all optional.
    #[serde(flatten)]
    pub settings: UserSettings,
}

/// Body of `PATCH /admin/users/{id}`: only the fields present change.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UpdateUser {
    /// A new auth secret chosen by the admin; `POST /admin/users/{id}/secret` generates one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub secret: Option<crate::Secret>,
    /// Limits and settings to change.
    #[serde(flatten)]
    pub settings: UserSettings,
}

pub(crate) type JsonMap = serde_json::Map<String, serde_json::Value>;

pub(crate) fn take_string<E: serde::de::Error>(
    map: &mut JsonMap,
    key: &str,
) -> Result<Option<String>, E> {
    match map.remove(key) {
        None | Some(serde_json::Value::Null) => Ok(None),
        Some(serde_json::Value::String(s)) => Ok(Some(s)),
        Some(other) => Err(E::custom(format!(
            "`{key}`: invalid type: {other}, expected a string"
        ))),
    }
}

/// The remaining keys must all be settings.
fn settings_from<E: serde::de::Error>(map: JsonMap) -> Result<UserSettings, E> {
    rest_as(map)
}

/// The remaining keys as `T` (a settings struct that denies unknown fields), naming the field
/// of any error.
pub(crate) fn rest_as<T: serde::de::DeserializeOwned, E: serde::de::Error>(
    map: JsonMap,
) -> Result<T, E> {
    serde_path_to_error::deserialize(serde_json::Value::Object(map))
        .map_err(|e| E::custom(format!("`{}`: {}", e.path(), e.inner())))
}

impl<'de> Deserialize<'de> for CreateUser {
    fn deserialize<D: serde::Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        let mut map = JsonMap::deserialize(de)?;
        let id =
            take_string(&mut map, "id")?.ok_or_else(|| serde::de::Error::missing_field("id"))?;
        let secret = take_string(&mut map, "secret")?.map(crate::Secret::from);
        Ok(Self {
            id,
            secret,
            settings: settings_from(map)?,
        })
    }
}

impl<'de> Deserialize<'de> for UpdateUser {
    fn deserialize<D: serde::Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        let mut map = JsonMap::deserialize(de)?;
        if map.contains_key("id") {
            return Err(serde::de::Error::custom(
                "`id` cannot be changed; create a new user instead",
            ));
        }
        let secret = take_string(&mut map, "secret")?.map(crate::Secret::from);
        Ok(Self {
            secret,
            settings: settings_from(map)?,
        })
    }
}

/// Most users one `POST /admin/batch/users` may create.
pub const MAX_BATCH: usize = 5_000;

/// Body of `POST /admin/batch/users`: creates many users in one transaction.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CreateUsers {
    /// The users to create (at most 5,000).
    pub users: Vec<CreateUser>,
    /// Skip ids that already exist instead of failing the whole batch.
    #[serde(default)]
    pub skip_existing: bool,
}

/// Answer to `POST /admin/batch/users`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreatedUsers {
    /// The users created, with their secrets.
    pub created: Vec<User>,
    /// Ids skipped because they existed (with `skip_existing`).
    pub skipped: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_bodies_refuse_unknown_fields_and_name_bad_ones() {
        let ok: CreateUser =
            serde_json::from_str(r#"{"id":"a","data_limit":5,"expires_at":null}"#).unwrap();
        assert_eq!(
            (ok.settings.data_limit, ok.settings.expires_at),
            (Some(5), Some(None))
        );
        for (body, needle) in [
            (r#"{"id":"a","secert":"x"}"#, "unknown field `secert`"),
            (r#"{"id":5}"#, "`id`"),
            (r#"{}"#, "missing field `id`"),
            (r#"{"id":"a","data_limit":"5"}"#, "`data_limit`"),
            (
                r#"{"id":"a","reset_strategy":"fortnight"}"#,
                "`reset_strategy`",
            ),
        ] {
            let err = serde_json::from_str::<CreateUser>(body)
                .unwrap_err()
                .to_string();
            assert!(err.contains(needle), "{body}: {err}");
        }
        assert!(
            serde_json::from_str::<UpdateUser>(r#"{"id":"b"}"#)
                .unwrap_err()
                .to_string()
                .contains("cannot be changed")
        );
        let round: CreateUser = serde_json::from_str(&serde_json::to_string(&ok).unwrap()).unwrap();
        assert_eq!(round, ok);
    }

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    /// Each row: strategy, anchor (creation), now, the expected next reset.
    fn check_resets(cases: &[(ResetStrategy, &str, &str, &str)]) {
        for &(strategy, anchor, now, want) in cases {
            let got = strategy
                .next_after(ts(anchor), ts(now))
                .unwrap()
                .to_string();
            assert_eq!(got, want, "{strategy:?} from {anchor} at {now}");
        }
    }

    #[test]
    fn calendar_resets_fall_on_utc_boundaries() {
        use ResetStrategy::{Day, Month, Week, Year};
        let a = "2025-01-01T00:00:00Z";
        check_resets(&[
            (Day, a, "2028-02-28T23:59:59Z", "2028-02-29T00:00:00Z"),
            (Day, a, "2028-02-29T00:00:00Z", "2028-03-01T00:00:00Z"),
            // 2026-11-22 is a Sunday; a Monday moves to the next Monday.
            (Week, a, "2026-11-22T12:00:00Z", "2026-11-23T00:00:00Z"),
            (Week, a, "2026-11-23T00:00:00Z", "2026-11-30T00:00:00Z"),
            (Month, a, "2026-12-31T23:00:00Z", "2027-01-01T00:00:00Z"),
            (Month, a, "2028-02-10T00:00:00Z", "2028-03-01T00:00:00Z"),
            (Year, a, "2026-06-01T00:00:00Z", "2027-01-01T00:00:00Z"),
        ]);
        assert_eq!(ResetStrategy::None.next_after(ts(a), ts(a)), None);
    }

    #[test]
    fn rolling_months_follow_the_creation_day_without_drifting() {
        let r = ResetStrategy::MonthRolling;
        let anchor = "2027-01-31T10:00:00Z";
        check_resets(&[
            (r, anchor, "2027-02-01T00:00:00Z", "2027-02-28T10:00:00Z"),
            (r, anchor, "2027-02-28T10:00:00Z", "2027-03-31T10:00:00Z"),
            (r, anchor, "2027-04-01T00:00:00Z", "2027-04-30T10:00:00Z"),
            // Leap year: February has a 29th.
            (
                r,
                "2028-01-31T00:00:00Z",
                "2028-02-02T00:00:00Z",
                "2028-02-29T00:00:00Z",
            ),
            // Before the first anniversary, the first reset is a month after creation.
            (r, anchor, "2027-01-31T10:00:00Z", "2027-02-28T10:00:00Z"),
            (
                r,
                "2027-03-15T00:00:00Z",
                "2027-12-20T00:00:00Z",
                "2028-01-15T00:00:00Z",
            ),
        ]);
    }

    #[test]
    fn state_precedence() {
        let s = |enabled, limit, used, exp: Option<i64>, after: Option<u64>, first: Option<i64>| {
            derive_state(enabled, limit, used, exp, after, first, 100)
        };
        assert_eq!(s(true, 0, 0, None, None, None), UserState::Active);
        assert_eq!(s(false, 10, 10, Some(1), None, None), UserState::Disabled);
        assert_eq!(s(true, 10, 10, Some(100), None, None), UserState::Expired);
        assert_eq!(s(true, 10, 10, Some(101), None, None), UserState::Limited);
        assert_eq!(s(true, 10, 9, None, Some(60), None), UserState::OnHold);
        assert_eq!(
            s(true, 0, 0, Some(160), Some(60), Some(100)),
            UserState::Active
        );
        assert!(UserState::OnHold.may_connect() && !UserState::Limited.may_connect());
    }
}

/// One entry of `GET /admin/log`: an auth decision of a node.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuthLogEntry {
    /// When the node decided (its clock).
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub at: Timestamp,
    /// The node's server id (`null` if the server was deleted since).
    pub server_id: Option<String>,
    /// The node's server name.
    pub server_name: Option<String>,
    /// The user, if the client's auth string named one.
    pub user: Option<String>,
    /// The client's address.
    pub addr: String,
    /// Admitted or refused.
    pub allowed: bool,
    /// Why: `ok`, `unknown_secret`, `expired`, `quota`, `address_not_allowed`, `too_many_devices`.
    pub reason: String,
}

/// A user's subscription link: `GET /admin/users/{id}/subscription` (issued on first ask),
/// rotated by `POST`, revoked by `DELETE`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Subscription {
    /// The user.
    pub user: String,
    /// `<central>/sub/<token>`: public, answers only for this user; `null` once revoked.
    pub url: Option<String>,
    /// The same link for each client format (`?format=...`), for clients that cannot be
    /// told apart by their User-Agent.
    pub formats: std::collections::BTreeMap<String, String>,
    /// When it was revoked; a new one is only issued by rotating.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub revoked_at: Option<Timestamp>,
}

/// A user (or one of their devices) connected to one node, as that node last said: `GET
/// /admin/sessions`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OnlineSession {
    /// The user.
    pub user: String,
    /// The device; `null` for the user's own secret.
    pub device: Option<String>,
    /// The node.
    pub server_id: String,
    /// Its name.
    pub server_name: Option<String>,
    /// Client connections open there.
    pub connections: u64,
    /// When the node last reported them (within the last 3 minutes).
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub seen_at: Timestamp,
    /// On a media node (`stream` server): each of these live sessions, as the node last
    /// reported it. Absent on other kinds.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub streams: Vec<StreamSession>,
}

/// One live session on a media node: a player or an encoder on one stream.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StreamSession {
    /// The media server's id of the session (Flussonic's `session_id`, SRS's `client_id`,
    /// nginx-rtmp's client and stream).
    pub id: String,
    /// The stream (`live/news`).
    pub stream: String,
    /// The protocol, as the media server names it (`hls`, `rtmp`, ...).
    pub proto: String,
    /// The client's address.
    pub address: String,
    /// Publishing rather than playing.
    pub publish: bool,
    /// When it opened, by the node's clock.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub started_at: Timestamp,
    /// The media server's latest call about it, by the node's clock.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub last_seen_at: Timestamp,
    /// Seconds from opening to the latest call: the session time, also for media servers that
    /// report no bytes.
    pub duration_secs: u64,
    /// Bytes sent to the client so far, as the media server reported them (0 when it reports
    /// none).
    pub bytes: u64,
}

/// Body of `POST /admin/sessions/kill`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct KillSessions {
    /// The user whose connections are closed.
    pub user: String,
    /// Only this device's; absent: all the user's (their own secret's and every device's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device: Option<String>,
    /// Only this one live media session (its `id` in `GET /admin/sessions?kind=stream`): its
    /// node refuses its next update, or kicks it through the media server's API; the user's
    /// other sessions go on. Not with `device`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<String>,
}
