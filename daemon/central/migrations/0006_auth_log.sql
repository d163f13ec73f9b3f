-- Auth decisions reported by agents, for `hyctl log`. Deduplicated by (server, event id) so a
-- resent report stores each event once; pruned by the scheduler (--log-days).
CREATE TABLE auth_log (
    pk        INTEGER PRIMARY KEY,
    server_pk INTEGER NOT NULL,
    event_id  TEXT NOT NULL,
    at        INTEGER NOT NULL,
    user_id   TEXT,
    addr      TEXT NOT NULL,
    allowed   INTEGER NOT NULL,
    reason    TEXT NOT NULL,
    UNIQUE (server_pk, event_id)
);
CREATE INDEX auth_log_by_time ON auth_log(at);
CREATE INDEX auth_log_by_user ON auth_log(user_id, at);
