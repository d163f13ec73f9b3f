-- Two wake-ups the first schema missed, both only hints (the rows stay the truth):
--
-- * A deleted server's revision row goes with it (ON DELETE CASCADE), so no UPDATE told the
--   long polls held for it; their node learns the server is gone at once (404) instead of at
--   the end of its wait.
-- * The moments the schedule works to (expiries, scheduled resets) changed through one central
--   reached the leading central only when they also changed a node list; a reset moved for a
--   user on no server, or a new user's expiry, waited for the leader's next wake (an hour at
--   most). Now every change of those columns says so on `schedule_changed`.

CREATE FUNCTION list_revisions_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('list_changed', OLD.server_pk::text);
    RETURN NULL;
END $$;
CREATE TRIGGER list_revisions_deleted AFTER DELETE ON list_revisions
    FOR EACH ROW EXECUTE FUNCTION list_revisions_deleted();

-- One payload for every row: PostgreSQL folds identical notifications of one transaction into
-- one, so a bulk import wakes the leader once.
CREATE FUNCTION users_schedule_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('schedule_changed', '');
    RETURN NULL;
END $$;
CREATE TRIGGER users_schedule_inserted AFTER INSERT ON users
    FOR EACH ROW WHEN (NEW.expires_at IS NOT NULL OR NEW.next_reset_at IS NOT NULL)
    EXECUTE FUNCTION users_schedule_changed();
CREATE TRIGGER users_schedule_updated AFTER UPDATE OF expires_at, next_reset_at ON users
    FOR EACH ROW WHEN (NEW.expires_at IS DISTINCT FROM OLD.expires_at
                       OR NEW.next_reset_at IS DISTINCT FROM OLD.next_reset_at)
    EXECUTE FUNCTION users_schedule_changed();
