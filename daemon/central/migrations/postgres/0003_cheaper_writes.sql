-- What every report and bulk change writes, made cheaper (measured; see BENCHMARKS.md).
--
-- Counter rows are rewritten by every report (PostgreSQL writes a new row version per UPDATE).
-- With room left in each page the new version stays on the same page and the indexes are not
-- touched (a HOT update); full pages (the default fillfactor of 100) send every report's every
-- row through each index of its table again. Applies to pages written from now on; VACUUM FULL
-- or pg_repack rewrites old ones if wanted.
ALTER TABLE traffic SET (fillfactor = 70);
ALTER TABLE traffic_hourly SET (fillfactor = 70);
ALTER TABLE quota_usage SET (fillfactor = 50);

-- Every report updates its admitted users' `last_online_at`; the trigger that bumps node lists
-- ran its function for each of those rows only to find nothing it watches had changed. The
-- same test as the function's, as the trigger's WHEN, skips the call.
DROP TRIGGER users_admission_changed ON users;
CREATE TRIGGER users_admission_changed AFTER UPDATE ON users
    FOR EACH ROW WHEN (NEW.enabled IS DISTINCT FROM OLD.enabled
        OR NEW.data_limit IS DISTINCT FROM OLD.data_limit
        OR NEW.expires_at IS DISTINCT FROM OLD.expires_at
        OR NEW.max_devices IS DISTINCT FROM OLD.max_devices
        OR NEW.allowed_ips IS DISTINCT FROM OLD.allowed_ips
        OR NEW.secret_sha256 IS DISTINCT FROM OLD.secret_sha256)
    EXECUTE FUNCTION users_admission_changed();

-- Assigning a whole fleet's users is one INSERT of thousands of rows: the row trigger bumped
-- the server's revision once per row, a new version of that one row each time. Once per
-- statement is as good a change signal (a revision only has to move) and one write.
DROP TRIGGER assignments_changed ON assignments;
CREATE FUNCTION assignments_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE list_revisions SET rev = rev + 1
    WHERE server_pk IN (SELECT DISTINCT server_pk FROM added);
    RETURN NULL;
END $$;
CREATE TRIGGER assignments_added AFTER INSERT ON assignments
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION assignments_added();
CREATE FUNCTION assignments_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE list_revisions SET rev = rev + 1
    WHERE server_pk IN (SELECT DISTINCT server_pk FROM removed);
    RETURN NULL;
END $$;
CREATE TRIGGER assignments_removed AFTER DELETE ON assignments
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION assignments_removed();
