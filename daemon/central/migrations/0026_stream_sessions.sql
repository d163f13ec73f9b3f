-- Live sessions on media nodes, as each last reported them (POST /sessions/<server id>):
-- the detail `hyctl session list --kind stream` shows beside online_sessions' counts.
-- Replaced whole per server with every report; times are the node's clock, `at` central's
-- (rows older than a few minutes are not shown). Live state: `central migrate` skips it.
CREATE TABLE stream_sessions (
    server_pk  INTEGER NOT NULL REFERENCES servers(pk) ON DELETE CASCADE,
    key        TEXT NOT NULL,
    user_pk    INTEGER NOT NULL REFERENCES users(pk) ON DELETE CASCADE,
    device     TEXT NOT NULL,
    stream     TEXT NOT NULL,
    proto      TEXT NOT NULL,
    addr       TEXT NOT NULL,
    publish    INTEGER NOT NULL,
    started_at INTEGER NOT NULL,
    seen_at    INTEGER NOT NULL,
    bytes      INTEGER NOT NULL,
    at         INTEGER NOT NULL,
    PRIMARY KEY (server_pk, key)
) WITHOUT ROWID;
CREATE INDEX stream_sessions_by_user ON stream_sessions(user_pk);
