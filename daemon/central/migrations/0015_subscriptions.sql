-- Subscription links (`<central>/sub/<token>`): a token per user, apart from the user's secret,
-- issued on first use and rotatable; looked up by its SHA-256, as server ids are, so lookup
-- timing says nothing about stored tokens. Revoked: no token, and the time it was revoked (so
-- none is issued again until an admin rotates).
ALTER TABLE users ADD COLUMN sub_token TEXT;
ALTER TABLE users ADD COLUMN sub_sha256 TEXT;
ALTER TABLE users ADD COLUMN sub_revoked_at INTEGER;
CREATE UNIQUE INDEX users_sub_sha256 ON users(sub_sha256) WHERE sub_sha256 IS NOT NULL;
