-- Quota usage moves out of `users` into a narrow table of its own. Every report adds to the
-- usage of each user in it, and a node's users are spread over the whole user table: in `users`
-- (rows of ~200 bytes) that dirtied one page per user per report, all written to the WAL at
-- commit. Here 100,000 users fit in a few hundred pages that stay hot.
CREATE TABLE quota_usage (
    user_pk     INTEGER PRIMARY KEY REFERENCES users(pk) ON DELETE CASCADE,
    period_used INTEGER NOT NULL DEFAULT 0  -- weighted bytes since users.period_start
);
INSERT INTO quota_usage (user_pk, period_used) SELECT pk, period_used FROM users;
CREATE TRIGGER users_quota_usage AFTER INSERT ON users BEGIN
    INSERT INTO quota_usage (user_pk) VALUES (NEW.pk);
END;

-- The node-list trigger of 0003, without usage (which no longer lives in `users`).
DROP TRIGGER users_admission_changed;
CREATE TRIGGER users_admission_changed AFTER UPDATE ON users
WHEN NEW.enabled IS NOT OLD.enabled
  OR NEW.data_limit IS NOT OLD.data_limit
  OR NEW.expires_at IS NOT OLD.expires_at
  OR NEW.max_devices IS NOT OLD.max_devices
  OR NEW.allowed_ips IS NOT OLD.allowed_ips
BEGIN
    UPDATE list_revisions SET rev = rev + 1
    WHERE server_pk IN (SELECT server_pk FROM assignments WHERE user_pk = NEW.pk);
END;
-- A user crossing its limit (either way: a report, a reset) changes its servers' lists.
CREATE TRIGGER quota_usage_crossed_limit AFTER UPDATE OF period_used ON quota_usage
WHEN EXISTS (SELECT 1 FROM users u WHERE u.pk = NEW.user_pk AND u.data_limit > 0
             AND (NEW.period_used >= u.data_limit) IS NOT (OLD.period_used >= u.data_limit))
BEGIN
    UPDATE list_revisions SET rev = rev + 1
    WHERE server_pk IN (SELECT server_pk FROM assignments WHERE user_pk = NEW.user_pk);
END;

ALTER TABLE users DROP COLUMN period_used;
