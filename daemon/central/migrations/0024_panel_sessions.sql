-- Web panel sign-ins: one row per browser session, found by the SHA-256 of its cookie. An
-- admin account's session ends with the account's other sessions (logout everywhere, password
-- change, revoke, removal); one opened with the admin token (admin_pk NULL) holds only while
-- that token is the current one, so rotating the token ends it on every central.
CREATE TABLE panel_sessions (
    pk           INTEGER PRIMARY KEY,
    digest       TEXT NOT NULL UNIQUE,
    admin_pk     INTEGER REFERENCES admins(pk) ON DELETE CASCADE,
    token_sha256 TEXT,
    created_at   INTEGER NOT NULL,
    seen_at      INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL
);
CREATE INDEX panel_sessions_admin ON panel_sessions(admin_pk);
