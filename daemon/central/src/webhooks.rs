//! Webhook delivery: each webhook gets every event it asks for, in event order, POSTed as
//! JSON and signed, retried with backoff until its receiver answers 2xx. Runs where the
//! schedule runs (the lease holder with PostgreSQL), so one central delivers each event.
//!
//! Signature: `X-Hyctl-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>` with
//! `X-Hyctl-Timestamp: <unix seconds>`; a receiver recomputes it and refuses old timestamps,
//! which stops replays. `X-Hyctl-Event` names the type, `X-Hyctl-Delivery` the event id (the
//! same on a retry, so a receiver can drop a repeat).

use std::sync::Arc;
use std::time::Duration;

use hmac::{Hmac, Mac};
use sha2::Sha256;
use tokio_util::sync::CancellationToken;

use crate::clock::Clock;
use crate::store::Store;

/// How often due webhooks are looked at.
pub const POLL: Duration = Duration::from_millis(500);
/// Longest a receiver may take to answer.
pub const TIMEOUT: Duration = Duration::from_secs(10);
/// Longest wait between retries of a failing receiver.
pub const MAX_BACKOFF_SECS: i64 = 600;
/// Events sent per webhook per look.
const BATCH: i64 = 50;

/// The signature of `body` sent at `timestamp`, as the header carries it.
pub fn signature(secret: &str, timestamp: i64, body: &str) -> String {
    // HMAC takes a key of any length; this cannot fail.
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes())
        .unwrap_or_else(|_| unreachable!("HMAC accepts any key length"));
    mac.update(format!("{timestamp}.{body}").as_bytes());
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

/// Delivers until `stop`.
pub async fn run(
    store: Store,
    clock: Arc<dyn Clock>,
    metrics: crate::metrics::Metrics,
    stop: CancellationToken,
) {
    let http = match reqwest::Client::builder()
        .timeout(TIMEOUT)
        .user_agent(format!("hyctl-webhook/{}", hy_api::VERSION))
        .build()
    {
        Ok(c) => c,
        Err(err) => {
            tracing::error!(error = %err, "webhooks are not delivered: no HTTP client");
            return;
        }
    };
    loop {
        if let Err(err) = round(&store, &*clock, &http, &metrics).await {
            tracing::warn!(error = %err, "webhook delivery round failed; retrying");
        }
        tokio::select! {
            () = stop.cancelled() => return,
            () = tokio::time::sleep(POLL) => {}
        }
    }
}

async fn round(
    store: &Store,
    clock: &dyn Clock,
    http: &reqwest::Client,
    metrics: &crate::metrics::Metrics,
) -> Result<(), crate::db::DbError> {
    let now = clock.now().as_second();
    for hook in store.due_webhooks(now).await? {
        for event in store.events_after(hook.after, BATCH).await? {
            if !hook.types.is_empty() && !hook.types.contains(&event.kind) {
                store
                    .record_delivery(hook.pk, event.id, now, None, None, true, (0, 0))
                    .await?;
                continue;
            }
            let body = serde_json::to_string(&event).unwrap_or_default();
            let sent_at = clock.now().as_second();
            let answer = http
                .post(&hook.url)
                .header("content-type", "application/json")
                .header("x-hyctl-event", &event.kind)
                .header("x-hyctl-delivery", event.id.to_string())
                .header("x-hyctl-timestamp", sent_at.to_string())
                .header("x-hyctl-signature", signature(&hook.secret, sent_at, &body))
                .body(body)
                .send()
                .await;
            let (status, error) = match answer {
                Ok(resp) if resp.status().is_success() => (i64::from(resp.status().as_u16()), None),
                Ok(resp) => (
                    i64::from(resp.status().as_u16()),
                    Some(format!("the receiver answered {}", resp.status())),
                ),
                // The URL can hold a credential in its query: the error names the host only.
                Err(err) => (
                    0,
                    Some(format!(
                        "could not reach the receiver{}",
                        if err.is_timeout() { " (timed out)" } else { "" }
                    )),
                ),
            };
            let ok = error.is_none();
            let failures = hook.failures + 1;
            let backoff = 1i64 << failures.clamp(0, 10);
            let retry = (failures, sent_at + backoff.min(MAX_BACKOFF_SECS));
            metrics
                .webhook_deliveries
                .get_or_create(&crate::metrics::OutcomeLabels {
                    outcome: if ok { "success" } else { "failure" },
                })
                .inc();
            if !ok {
                tracing::warn!(webhook = hook.pk, event = event.id, error = ?error, "webhook delivery failed; retrying later");
            }
            store
                .record_delivery(hook.pk, event.id, sent_at, Some(status), error, ok, retry)
                .await?;
            if !ok {
                break;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_signature_is_hmac_sha256_of_timestamp_dot_body() {
        // Computed apart (Python's hmac module): what a receiver will recompute.
        assert_eq!(
            super::signature("key", 1_700_000_000, r#"{"id":1}"#),
            "sha256=1d542af0cd7355fefa5c19021ad89d3e2afd77ebff5448db280f180e013d2651"
        );
    }
}
