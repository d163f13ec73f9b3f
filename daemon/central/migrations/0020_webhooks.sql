-- Webhooks: events POSTed to a URL, signed with the webhook's secret (HMAC-SHA256), in event
-- order, each retried until delivered. `after` is the last event delivered (or skipped by the
-- type filter); `retry_at` holds back a failing receiver. Deliveries are logged.
CREATE TABLE webhooks (
    pk         INTEGER PRIMARY KEY,
    url        TEXT NOT NULL,
    types      TEXT NOT NULL DEFAULT '',
    secret     TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    after      INTEGER NOT NULL,
    failures   INTEGER NOT NULL DEFAULT 0,
    retry_at   INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE webhook_deliveries (
    pk         INTEGER PRIMARY KEY,
    webhook_pk INTEGER NOT NULL REFERENCES webhooks(pk) ON DELETE CASCADE,
    event_id   INTEGER NOT NULL,
    at         INTEGER NOT NULL,
    status     INTEGER NOT NULL,
    error      TEXT
);
CREATE INDEX webhook_deliveries_by_hook ON webhook_deliveries(webhook_pk, pk);
