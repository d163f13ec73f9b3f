-- Ending sessions from central, as SQLite's 0022.
ALTER TABLE users ADD COLUMN kick_seq BIGINT NOT NULL DEFAULT 0;
ALTER TABLE devices ADD COLUMN kick_seq BIGINT NOT NULL DEFAULT 0;
CREATE FUNCTION users_kicked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE list_revisions SET rev = rev + 1
    WHERE server_pk IN (SELECT server_pk FROM assignments WHERE user_pk = NEW.pk);
    RETURN NULL;
END $$;
CREATE TRIGGER users_kicked AFTER UPDATE OF kick_seq ON users
    FOR EACH ROW WHEN (NEW.kick_seq IS DISTINCT FROM OLD.kick_seq)
    EXECUTE FUNCTION users_kicked();
CREATE TRIGGER devices_kicked AFTER UPDATE OF kick_seq ON devices
    FOR EACH ROW WHEN (NEW.kick_seq IS DISTINCT FROM OLD.kick_seq)
    EXECUTE FUNCTION devices_changed();
