//! The Flussonic token backend's management API (seed 002), so its scripts keep working
//! against central: `/api/tokens` and `/api/sessions`, in the seed's shapes, behind any admin
//! credential sent as `X-API-Key` (or `Authorization: Bearer`). Writes need the `admin` role.
//!
//! **Mapping.** A seed token is a device: `token` is its secret, `user_id` its user, and its id
//! is the device's node id (`user-001:t-1a2b3c4d5e`, named from the token's digest). Creating a
//! token for a user central does not have creates the user and assigns them to every `stream`
//! server, as the seed's one Flussonic would have admitted them. `status`: `suspended` is a
//! blocked device, `expired` one whose validity window has closed (setting it closes the window
//! now); `meta` is kept as the device's note (JSON). A session is a media node's live session
//! (`hyctl session list --kind stream`); terminating one ends its token's sessions at their
//! next update, as `hyctl session kill` does.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use hy_api::devices::{Device, DeviceSettings, DeviceState, DeviceStatus};
use hy_api::{ErrorBody, validate};
use jiff::Timestamp;
use serde::{Deserialize, Deserializer, Serialize};
use sha2::{Digest, Sha256};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::error::ApiError;
use super::extract::{AdminAuth, ApiJson};
use crate::db::DbError;
use crate::state::AppState;

pub(crate) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_tokens, create_token))
        .routes(routes!(update_token, delete_token))
        .routes(routes!(list_sessions))
        .routes(routes!(terminate_session))
}

/// A token's status, in the seed's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum SeedStatus {
    /// Admitted (within its window).
    Active,
    /// Refused until made active again (a blocked device).
    Suspended,
    /// Past its `valid_until`.
    Expired,
}

/// A time as the seed's clients send it: RFC 3339, or an ISO date-time without an offset
/// (read as UTC, as the seed stores them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeedTime(Timestamp);

impl<'de> Deserialize<'de> for SeedTime {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        if let Ok(t) = s.parse::<Timestamp>() {
            return Ok(Self(t));
        }
        s.parse::<jiff::civil::DateTime>()
            .ok()
            .and_then(|dt| dt.to_zoned(jiff::tz::TimeZone::UTC).ok())
            .map(|z| Self(z.timestamp()))
            .ok_or_else(|| {
                serde::de::Error::custom(format!(
                    "{s:?} is not a time: use e.g. 2027-01-01T00:00:00Z or 2027-01-01T00:00:00"
                ))
            })
    }
}

/// Body of `POST /api/tokens`.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SeedCreateToken {
    /// What players send (`?token=`); generated when absent.
    #[serde(default)]
    token: Option<String>,
    /// Whose: a hyctl user id, created when central has none.
    user_id: String,
    /// `active` when absent.
    #[serde(default)]
    status: Option<SeedStatus>,
    /// Concurrent sessions across every media server, 1 to 100 (1 when absent).
    #[serde(default)]
    max_sessions: Option<u32>,
    /// Addresses or CIDRs it may play from; empty = any.
    #[serde(default)]
    allowed_ips: Option<Vec<String>>,
    /// Streams it may play (exact names, or `prefix*`); empty = any.
    #[serde(default)]
    allowed_streams: Option<Vec<String>>,
    /// Not admitted before.
    #[serde(default)]
    /// (RFC 3339, or an ISO date-time without offset, read as UTC)
    #[schema(value_type = Option<String>)]
    valid_from: Option<SeedTime>,
    /// Not admitted after.
    #[serde(default)]
    /// (RFC 3339, or an ISO date-time without offset, read as UTC)
    #[schema(value_type = Option<String>)]
    valid_until: Option<SeedTime>,
    /// Free JSON kept with the token.
    #[serde(default)]
    meta: Option<serde_json::Value>,
}

/// Body of `PATCH /api/tokens/{id}`: what is present changes.
#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SeedUpdateToken {
    /// A new token (what players send from now on).
    #[serde(default)]
    token: Option<String>,
    /// Must be the token's own user (a token cannot move to another).
    #[serde(default)]
    user_id: Option<String>,
    #[serde(default)]
    status: Option<SeedStatus>,
    #[serde(default)]
    max_sessions: Option<u32>,
    #[serde(default)]
    allowed_ips: Option<Vec<String>>,
    #[serde(default)]
    allowed_streams: Option<Vec<String>>,
    /// `null` lifts it.
    #[serde(default, deserialize_with = "nullable")]
    /// (RFC 3339, or an ISO date-time without offset, read as UTC)
    #[schema(value_type = Option<String>)]
    valid_from: Option<Option<SeedTime>>,
    /// `null` lifts it.
    #[serde(default, deserialize_with = "nullable")]
    /// (RFC 3339, or an ISO date-time without offset, read as UTC)
    #[schema(value_type = Option<String>)]
    valid_until: Option<Option<SeedTime>>,
    #[serde(default)]
    meta: Option<serde_json::Value>,
}

/// Present-and-null (`Some(None)`) apart from absent (`None`).
fn nullable<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Option<SeedTime>>, D::Error> {
    Option::<SeedTime>::deserialize(d).map(Some)
}

/// A token, as the seed shows it.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct SeedToken {
    /// The device's node id: `user:device`.
    id: String,
    token: String,
    user_id: String,
    status: SeedStatus,
    /// 0 when the device has no limit (set by hyctl, not by this API).
    max_sessions: u32,
    allowed_ips: Vec<String>,
    allowed_streams: Vec<String>,
    #[schema(value_type = Option<String>, format = DateTime)]
    valid_from: Option<Timestamp>,
    #[schema(value_type = Option<String>, format = DateTime)]
    valid_until: Option<Timestamp>,
    /// The note as JSON, or `null`.
    meta: serde_json::Value,
    #[schema(value_type = String, format = DateTime)]
    created_at: Timestamp,
    #[schema(value_type = String, format = DateTime)]
    updated_at: Timestamp,
}

impl From<Device> for SeedToken {
    fn from(d: Device) -> Self {
        let status = match (d.status, d.state) {
            (DeviceStatus::Blocked, _) => SeedStatus::Suspended,
            (_, DeviceState::Expired) => SeedStatus::Expired,
            _ => SeedStatus::Active,
        };
        let meta = if d.note.is_empty() {
            serde_json::Value::Null
        } else {
            serde_json::from_str(&d.note).unwrap_or(serde_json::Value::String(d.note))
        };
        Self {
            id: d.node_id,
            token: d.secret.expose().to_owned(),
            user_id: d.user,
            status,
            max_sessions: d.max_sessions,
            allowed_ips: d.allowed_ips,
            allowed_streams: d.allowed_streams,
            valid_from: d.valid_from,
            valid_until: d.valid_until,
            meta,
            created_at: d.created_at,
            updated_at: d.updated_at,
        }
    }
}

/// The device name a token gets: from its digest, so it says nothing of the token.
fn device_name(token: &str) -> String {
    let digest = hex::encode(Sha256::digest(token.as_bytes()));
    format!("t-{}", &digest[..10])
}

fn check_max_sessions(n: Option<u32>) -> Result<(), ApiError> {
    match n {
        Some(n) if !(1..=100).contains(&n) => Err(ApiError::BadRequest(format!(
            "`max_sessions` is {n}: give 1 to 100"
        ))),
        _ => Ok(()),
    }
}

fn meta_note(meta: &serde_json::Value) -> Result<String, ApiError> {
    let note = if meta.is_null() {
        String::new()
    } else {
        meta.to_string()
    };
    validate::note(&note).map_err(|e| ApiError::BadRequest(format!("`meta`: {e}")))?;
    Ok(note)
}

/// `user:device` from a token id.
fn split_id(id: &str) -> Result<(String, String), ApiError> {
    let (user, Some(device)) = hy_api::devices::split_node_id(id) else {
        return Err(ApiError::NotFound(format!(
            "no token {id:?}: a token's id is `user:device`, as POST and GET /api/tokens show it"
        )));
    };
    validate::user_id(user).map_err(ApiError::BadRequest)?;
    validate::device_name(device).map_err(ApiError::BadRequest)?;
    Ok((user.to_owned(), device.to_owned()))
}

/// Paging and filters of `GET /api/tokens`.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct TokensQuery {
    /// Tokens to skip (by user, then device name).
    #[serde(default)]
    skip: u32,
    /// Tokens to return, 1 to 1000 (100 when absent).
    limit: Option<u32>,
    /// Only this user's.
    user_id: Option<String>,
    /// Only those with this status (within the page).
    status: Option<SeedStatus>,
}

/// List tokens
///
/// Every device, by user and name (the seed's `skip`/`limit` paging).
#[utoipa::path(get, path = "/api/tokens", tag = "seed", security(("api_key" = []), ("admin" = [])),
    params(TokensQuery),
    responses((status = 200, body = Vec<SeedToken>), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody)))]
async fn list_tokens(
    _: AdminAuth,
    State(s): State<AppState>,
    Query(q): Query<TokensQuery>,
) -> Result<Json<Vec<SeedToken>>, ApiError> {
    let limit = q.limit.unwrap_or(100);
    if !(1..=1000).contains(&limit) {
        return Err(ApiError::BadRequest(format!(
            "`limit` is {limit}: give 1 to 1000"
        )));
    }
    let now = s.now();
    let devices = match q.user_id {
        Some(user) => {
            validate::user_id(&user).map_err(ApiError::BadRequest)?;
            let all = s.store.devices(user, now).await?;
            all.into_iter()
                .skip(q.skip as usize)
                .take(limit as usize)
                .collect()
        }
        None => {
            s.store
                .all_devices(i64::from(q.skip), i64::from(limit), now)
                .await?
        }
    };
    Ok(Json(
        devices
            .into_iter()
            .map(SeedToken::from)
            .filter(|t| q.status.is_none_or(|st| t.status == st))
            .collect(),
    ))
}

/// Create a token
///
/// A device of `user_id` whose secret is `token`. A user central does not have is created and
/// assigned to every `stream` server.
#[utoipa::path(post, path = "/api/tokens", tag = "seed", security(("api_key" = []), ("admin" = [])),
    request_body = SeedCreateToken,
    responses((status = 201, body = SeedToken), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 409, description = "the token is in use", body = ErrorBody)))]
async fn create_token(
    _: AdminAuth,
    State(s): State<AppState>,
    ApiJson(new): ApiJson<SeedCreateToken>,
) -> Result<(StatusCode, Json<SeedToken>), ApiError> {
    validate::user_id(&new.user_id).map_err(|e| ApiError::BadRequest(format!("`user_id`: {e}")))?;
    let token = match new.token {
        Some(t) => {
            validate::secret(&t).map_err(|e| ApiError::BadRequest(format!("`token`: {e}")))?;
            t
        }
        None => hy_common::random::token(super::users::SECRET_LEN),
    };
    let now = s.now();
    // A new token is a change from nothing, with the seed's defaults.
    let fields = SeedUpdateToken {
        status: Some(new.status.unwrap_or(SeedStatus::Active)),
        max_sessions: Some(new.max_sessions.unwrap_or(1)),
        allowed_ips: new.allowed_ips,
        allowed_streams: new.allowed_streams,
        valid_from: new.valid_from.map(Some),
        valid_until: new.valid_until.map(Some),
        meta: new.meta,
        ..Default::default()
    };
    let settings = device_settings(fields, None, now)?;
    let created = ensure_user(&s, &new.user_id, now).await?;
    let device = match s
        .store
        .create_device(
            new.user_id.clone(),
            device_name(&token),
            token,
            settings,
            now,
        )
        .await
    {
        Ok(d) => {
            if created {
                // The admin API's event for a new user (its contact fields, unset here); the
                // token's own `device.added` follows from the audit layer.
                let data =
                    serde_json::json!({"email": null, "display_name": null, "telegram_id": null});
                if let Err(err) = s
                    .store
                    .emit(now, "user.created", new.user_id.clone(), data.to_string())
                    .await
                {
                    tracing::error!(error = %err, "could not record an event; the change itself was made");
                }
            }
            d
        }
        Err(e) => {
            // A refused token leaves nothing behind: not the user made for it either.
            if created && let Err(undo) = s.store.delete_user(new.user_id.clone()).await {
                tracing::error!(error = %undo, user = %new.user_id, "could not remove the user made for a refused token");
            }
            return Err(match e {
                // The name is the token's digest: taken means this token already exists;
                // a conflict with another credential's secret says so itself.
                DbError::Conflict(m) if m.contains("device named") => {
                    ApiError::Conflict("this token already exists".into())
                }
                e => e.into(),
            });
        }
    };
    tracing::info!(device = %device.node_id, "token added through the seed API");
    Ok((StatusCode::CREATED, Json(device.into())))
}

/// The device settings a seed token's fields make, validated, for a device whose window ends
/// at `current_until` (`None` for a new one). `expired` closes the window now at the latest;
/// `active` reopens one that has closed.
fn device_settings(
    fields: SeedUpdateToken,
    current_until: Option<Timestamp>,
    now: i64,
) -> Result<DeviceSettings, ApiError> {
    check_max_sessions(fields.max_sessions)?;
    let mut settings = DeviceSettings {
        status: fields.status.map(|st| match st {
            SeedStatus::Suspended => DeviceStatus::Blocked,
            SeedStatus::Active | SeedStatus::Expired => DeviceStatus::Active,
        }),
        valid_from: fields.valid_from.map(|t| t.map(|t| t.0)),
        valid_until: fields.valid_until.map(|t| t.map(|t| t.0)),
        allowed_ips: fields.allowed_ips,
        max_sessions: fields.max_sessions,
        allowed_streams: fields.allowed_streams,
        publisher: None,
        note: fields.meta.as_ref().map(meta_note).transpose()?,
    };
    match fields.status {
        Some(SeedStatus::Expired) => {
            let until = settings.valid_until.unwrap_or(current_until);
            settings.valid_until = Some(Some(expired_by(now, until)));
        }
        Some(SeedStatus::Active)
            if settings.valid_until.is_none()
                && current_until.is_some_and(|u| u <= crate::db::ts(now)) =>
        {
            settings.valid_until = Some(None);
        }
        _ => {}
    }
    super::devices::check_settings(&mut settings)?;
    Ok(settings)
}

/// `until`, or now if it is later: an `expired` token's window closes at the latest now.
fn expired_by(now: i64, until: Option<Timestamp>) -> Timestamp {
    let now = crate::db::ts(now);
    until.filter(|u| *u <= now).unwrap_or(now)
}

/// Creates `user` if central has none, assigned to every media server; true if it did.
async fn ensure_user(s: &AppState, user: &str, now: i64) -> Result<bool, ApiError> {
    match s.store.user(user.to_owned(), now).await {
        Ok(_) => return Ok(false),
        Err(DbError::NotFound { .. }) => {}
        Err(e) => return Err(e.into()),
    }
    let secret = hy_common::random::token(super::users::SECRET_LEN);
    match s
        .store
        .create_user(user.to_owned(), secret, Default::default(), now)
        .await
    {
        Ok(_) => {}
        // Created meanwhile by another request: theirs stands, and is not ours to undo.
        Err(DbError::Conflict(_)) => return Ok(false),
        Err(e) => return Err(e.into()),
    }
    let assigned = async {
        let (servers, _) = s.store.servers(Default::default()).await?;
        for server in servers
            .into_iter()
            .filter(|x| x.kind == hy_api::servers::ServerKind::Stream)
        {
            s.store
                .assign(server.id, vec![user.to_owned()], now)
                .await?;
        }
        Ok::<(), DbError>(())
    };
    if let Err(e) = assigned.await {
        // Not half a user: without its servers it would be no use to the token.
        let _ = s.store.delete_user(user.to_owned()).await;
        return Err(e.into());
    }
    tracing::info!(user, "user created for a seed API token");
    Ok(true)
}

/// Change a token
#[utoipa::path(patch, path = "/api/tokens/{id}", tag = "seed", security(("api_key" = []), ("admin" = [])),
    params(("id" = String, Path, description = "the token's id (`user:device`)")),
    request_body = SeedUpdateToken,
    responses((status = 200, body = SeedToken), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
async fn update_token(
    _: AdminAuth,
    State(s): State<AppState>,
    Path(id): Path<String>,
    ApiJson(mut change): ApiJson<SeedUpdateToken>,
) -> Result<Json<SeedToken>, ApiError> {
    let (user, name) = split_id(&id)?;
    if change.user_id.as_ref().is_some_and(|u| *u != user) {
        return Err(ApiError::BadRequest(
            "`user_id`: a token cannot move to another user; create one for them".into(),
        ));
    }
    let token = change.token.take();
    if let Some(t) = &token {
        validate::secret(t).map_err(|e| ApiError::BadRequest(format!("`token`: {e}")))?;
    }
    let now = s.now();
    let current = s.store.device(user.clone(), name.clone(), now).await?;
    let settings = device_settings(change, current.valid_until, now)?;
    if token.is_none() && settings == DeviceSettings::default() {
        return Err(ApiError::BadRequest("nothing to change".into()));
    }
    let device = s
        .store
        .update_device(user, name, token, settings, now)
        .await?;
    Ok(Json(device.into()))
}

/// Delete a token
///
/// Its players are refused and cut at their next update.
#[utoipa::path(delete, path = "/api/tokens/{id}", tag = "seed", security(("api_key" = []), ("admin" = [])),
    params(("id" = String, Path, description = "the token's id (`user:device`)")),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
async fn delete_token(
    _: AdminAuth,
    State(s): State<AppState>,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let (user, name) = split_id(&id)?;
    s.store.delete_device(user, name).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A live session, as the seed shows it.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct SeedSession {
    /// The media server's id of the session.
    id: String,
    /// The token's id (`user:device`), or the user's id for their own secret.
    token_id: String,
    user_id: String,
    stream_name: String,
    ip: String,
    proto: String,
    /// The media server it plays on (id).
    server_id: String,
    #[schema(value_type = String, format = DateTime)]
    started_at: Timestamp,
    #[schema(value_type = String, format = DateTime)]
    last_seen: Timestamp,
    bytes: u64,
}

/// Live sessions on every media server.
async fn live(s: &AppState) -> Result<Vec<SeedSession>, ApiError> {
    Ok(super::sessions::media_sessions(s, None)
        .await?
        .into_iter()
        .flat_map(|row| {
            let token_id = match &row.device {
                Some(d) => hy_api::devices::node_id(&row.user, d),
                None => row.user.clone(),
            };
            row.streams.into_iter().map(move |x| SeedSession {
                id: x.id,
                token_id: token_id.clone(),
                user_id: row.user.clone(),
                stream_name: x.stream,
                ip: x.address,
                proto: x.proto,
                server_id: row.server_id.clone(),
                started_at: x.started_at,
                last_seen: x.last_seen_at,
                bytes: x.bytes,
            })
        })
        .collect())
}

/// List active sessions
///
/// Every live session on every media server, as the nodes last reported them (within a few
/// seconds; see `GET /admin/sessions`).
#[utoipa::path(get, path = "/api/sessions", tag = "seed", security(("api_key" = []), ("admin" = [])),
    responses((status = 200, body = Vec<SeedSession>), (status = 401, body = ErrorBody)))]
async fn list_sessions(
    _: AdminAuth,
    State(s): State<AppState>,
) -> Result<Json<Vec<SeedSession>>, ApiError> {
    Ok(Json(live(&s).await?))
}

/// Terminate a session
///
/// Ends this session: its media server's next update of it is refused (Flussonic 403,
/// nginx-rtmp non-2xx), or SRS is asked to kick it (with the node's `--srs-api`); the token's
/// other sessions go on, and the player may start a new one unless the token is suspended.
#[utoipa::path(delete, path = "/api/sessions/{id}", tag = "seed", security(("api_key" = []), ("admin" = [])),
    params(("id" = String, Path, description = "the session's id, as GET /api/sessions shows it")),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
async fn terminate_session(
    _: AdminAuth,
    State(s): State<AppState>,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let server = super::sessions::end_one(&s, None, &id).await?;
    tracing::info!(session = %id, server = %server, "session terminated through the seed API");
    Ok(StatusCode::NO_CONTENT)
}
