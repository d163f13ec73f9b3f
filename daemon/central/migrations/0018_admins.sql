-- Admin accounts (hy_api::admins): a sign-in name, an Argon2id password hash (PHC string), an
-- optional TOTP seed, a role; and their sessions, each an access and a refresh token kept as
-- SHA-256 digests. Ending a session deletes its row; every central reads sessions from here,
-- so a logout or revocation through one holds on all.
CREATE TABLE admins (
    pk            INTEGER PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    totp_secret   TEXT,
    role          TEXT NOT NULL CHECK (role IN ('owner', 'admin', 'operator', 'viewer')),
    created_at    INTEGER NOT NULL,
    last_login_at INTEGER
);
CREATE TABLE admin_sessions (
    pk                 INTEGER PRIMARY KEY,
    admin_pk           INTEGER NOT NULL REFERENCES admins(pk) ON DELETE CASCADE,
    access_digest      TEXT NOT NULL UNIQUE,
    refresh_digest     TEXT NOT NULL UNIQUE,
    created_at         INTEGER NOT NULL,
    access_expires_at  INTEGER NOT NULL,
    refresh_expires_at INTEGER NOT NULL
);
CREATE INDEX admin_sessions_admin ON admin_sessions(admin_pk);
