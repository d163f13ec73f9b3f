-- User lifecycle and limits: an admin switch, a data quota with periodic resets, expiry (fixed
-- or starting at first connection), device limits, client address allowlists, notes; and a
-- traffic multiplier per server. The node list only carries users whose derived state lets them
-- connect, so every change to a column that decides it bumps the lists of the user's servers.

ALTER TABLE users ADD COLUMN enabled INTEGER NOT NULL DEFAULT 1;
-- Bytes (upload + download, multiplied per server) allowed per period; 0 = unlimited.
ALTER TABLE users ADD COLUMN data_limit INTEGER NOT NULL DEFAULT 0;
-- none | day | week | month | month_rolling | year
ALTER TABLE users ADD COLUMN reset_strategy TEXT NOT NULL DEFAULT 'none';
-- Usage counted against data_limit since period_start; lifetime usage stays in `traffic`.
ALTER TABLE users ADD COLUMN period_used INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN period_start INTEGER;
ALTER TABLE users ADD COLUMN next_reset_at INTEGER;
ALTER TABLE users ADD COLUMN expires_at INTEGER;
-- Seconds of validity that start at the first connection (the user is on_hold until then).
ALTER TABLE users ADD COLUMN expire_after INTEGER;
ALTER TABLE users ADD COLUMN max_devices INTEGER NOT NULL DEFAULT 0;
-- Comma-separated CIDRs; empty = any address.
ALTER TABLE users ADD COLUMN allowed_ips TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN note TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN first_connected_at INTEGER;
ALTER TABLE users ADD COLUMN last_online_at INTEGER;
CREATE INDEX users_expires_at ON users(expires_at) WHERE expires_at IS NOT NULL;
CREATE INDEX users_next_reset_at ON users(next_reset_at) WHERE next_reset_at IS NOT NULL;

ALTER TABLE servers ADD COLUMN traffic_multiplier REAL NOT NULL DEFAULT 1.0;

-- Every reset of a user's period usage, so lifetime and per-period usage stay explainable.
CREATE TABLE usage_resets (
    user_pk     INTEGER NOT NULL REFERENCES users(pk) ON DELETE CASCADE,
    at          INTEGER NOT NULL,
    period_used INTEGER NOT NULL,
    reason      TEXT NOT NULL
);
CREATE INDEX usage_resets_by_user ON usage_resets(user_pk, at);

-- Any change to what decides admission or what nodes enforce.
CREATE TRIGGER users_admission_changed AFTER UPDATE ON users
WHEN NEW.enabled IS NOT OLD.enabled
  OR NEW.data_limit IS NOT OLD.data_limit
  OR NEW.expires_at IS NOT OLD.expires_at
  OR NEW.max_devices IS NOT OLD.max_devices
  OR NEW.allowed_ips IS NOT OLD.allowed_ips
  OR ((NEW.data_limit > 0 AND NEW.period_used >= NEW.data_limit)
      IS NOT (OLD.data_limit > 0 AND OLD.period_used >= OLD.data_limit))
BEGIN
    UPDATE list_revisions SET rev = rev + 1
    WHERE server_pk IN (SELECT server_pk FROM assignments WHERE user_pk = NEW.pk);
END;
