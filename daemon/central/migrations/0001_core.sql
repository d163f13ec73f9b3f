-- Users, servers, assignments and traffic: the original system's model, with integer keys so
-- the big tables stay small and a server's id (its credential) is stored once.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE users (
    pk            INTEGER PRIMARY KEY AUTOINCREMENT,
    id            TEXT NOT NULL UNIQUE,
    secret        TEXT NOT NULL UNIQUE,
    secret_sha256 TEXT NOT NULL,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);

-- AUTOINCREMENT: a pk is never reused, so traffic rows of a deleted server can never be
-- mistaken for a new server's.
CREATE TABLE servers (
    pk            INTEGER PRIMARY KEY AUTOINCREMENT,
    id            TEXT NOT NULL UNIQUE,
    id_sha256     BLOB NOT NULL UNIQUE,
    name          TEXT UNIQUE,
    created_at    INTEGER NOT NULL,
    last_seen_at  INTEGER,
    agent_version TEXT
);

CREATE TABLE assignments (
    server_pk  INTEGER NOT NULL REFERENCES servers(pk) ON DELETE CASCADE,
    user_pk    INTEGER NOT NULL REFERENCES users(pk) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (server_pk, user_pk)
) WITHOUT ROWID;
CREATE INDEX assignments_by_user ON assignments(user_pk);

-- server_pk is deliberately not a foreign key: traffic outlives a deleted server, so a user's
-- total does not shrink when a node is retired.
CREATE TABLE traffic (
    user_pk   INTEGER NOT NULL REFERENCES users(pk) ON DELETE CASCADE,
    server_pk INTEGER NOT NULL,
    tx        INTEGER NOT NULL DEFAULT 0,
    rx        INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (user_pk, server_pk)
) WITHOUT ROWID;
CREATE INDEX traffic_by_server ON traffic(server_pk);
