-- Each user's data limit beside their usage (named apart from `users.data_limit`, which
-- queries joining the two tables name unqualified), so a report's quota update returns both and a
-- report no longer reads `users` at all for the users central already knows (their keys are
-- remembered per central; see store::postgres::reports). Kept equal to `users.data_limit` by
-- the triggers below, in the transaction that changes it.
ALTER TABLE quota_usage ADD COLUMN quota_limit BIGINT NOT NULL DEFAULT 0;
UPDATE quota_usage q SET quota_limit = u.data_limit FROM users u WHERE u.pk = q.user_pk;

CREATE OR REPLACE FUNCTION users_quota_usage() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO quota_usage (user_pk, quota_limit) VALUES (NEW.pk, NEW.data_limit);
    RETURN NULL;
END $$;

CREATE FUNCTION users_data_limit_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE quota_usage SET quota_limit = NEW.data_limit WHERE user_pk = NEW.pk;
    RETURN NULL;
END $$;
CREATE TRIGGER users_data_limit_changed AFTER UPDATE OF data_limit ON users
    FOR EACH ROW WHEN (NEW.data_limit IS DISTINCT FROM OLD.data_limit)
    EXECUTE FUNCTION users_data_limit_changed();
