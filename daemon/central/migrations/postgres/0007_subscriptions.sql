-- Subscription links, as SQLite's 0015: a token per user apart from the secret, looked up by
-- its SHA-256; revoked = no token and the time it was revoked.
ALTER TABLE users ADD COLUMN sub_token TEXT;
ALTER TABLE users ADD COLUMN sub_sha256 TEXT;
ALTER TABLE users ADD COLUMN sub_revoked_at BIGINT;
CREATE UNIQUE INDEX users_sub_sha256 ON users (sub_sha256) WHERE sub_sha256 IS NOT NULL;
