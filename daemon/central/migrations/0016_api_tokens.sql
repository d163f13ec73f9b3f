-- Scoped API tokens (hy_api::admins): for scripts and cron jobs, each with a role, an optional
-- expiry and its last use. Only the SHA-256 of a token is kept; revoking deletes the row.
CREATE TABLE api_tokens (
    pk           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE,
    role         TEXT NOT NULL CHECK (role IN ('owner', 'admin', 'operator', 'viewer')),
    digest       TEXT NOT NULL UNIQUE,
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER,
    last_used_at INTEGER
);
