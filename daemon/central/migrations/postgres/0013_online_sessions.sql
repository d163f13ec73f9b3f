-- Who is connected now, as SQLite's 0021.
CREATE TABLE online_sessions (
    server_pk BIGINT NOT NULL REFERENCES servers (pk) ON DELETE CASCADE,
    user_pk   BIGINT NOT NULL REFERENCES users (pk) ON DELETE CASCADE,
    device    TEXT NOT NULL,
    count     BIGINT NOT NULL,
    at        BIGINT NOT NULL,
    PRIMARY KEY (server_pk, user_pk, device)
);
CREATE INDEX online_sessions_by_user ON online_sessions (user_pk);
