-- Live sessions on media nodes, as SQLite's 0026.
CREATE TABLE stream_sessions (
    server_pk  BIGINT NOT NULL REFERENCES servers (pk) ON DELETE CASCADE,
    key        TEXT NOT NULL,
    user_pk    BIGINT NOT NULL REFERENCES users (pk) ON DELETE CASCADE,
    device     TEXT NOT NULL,
    stream     TEXT NOT NULL,
    proto      TEXT NOT NULL,
    addr       TEXT NOT NULL,
    publish    BOOLEAN NOT NULL,
    started_at BIGINT NOT NULL,
    seen_at    BIGINT NOT NULL,
    bytes      BIGINT NOT NULL,
    at         BIGINT NOT NULL,
    PRIMARY KEY (server_pk, key)
);
CREATE INDEX stream_sessions_by_user ON stream_sessions (user_pk);
