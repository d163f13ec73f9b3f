-- Events (hy_api::events): what changed, for `GET /admin/events` (server-sent, resumable by
-- id) and, later, webhooks. Written in the transaction of the change itself where central
-- makes it (a report crossing a limit, an expiry), or once the admin API has answered. No
-- secrets in `data`.
CREATE TABLE events (
    pk      INTEGER PRIMARY KEY,
    at      INTEGER NOT NULL,
    type    TEXT NOT NULL,
    subject TEXT NOT NULL,
    data    TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX events_at ON events(at);
CREATE INDEX events_subject ON events(subject, type);
