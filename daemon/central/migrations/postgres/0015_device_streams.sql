-- A device's streams on media nodes, as SQLite's 0023.
ALTER TABLE devices ADD COLUMN allowed_streams TEXT NOT NULL DEFAULT '';
ALTER TABLE devices ADD COLUMN publisher BOOLEAN NOT NULL DEFAULT FALSE;
DROP TRIGGER devices_admission_changed ON devices;
CREATE TRIGGER devices_admission_changed AFTER UPDATE ON devices
    FOR EACH ROW WHEN (NEW.secret_sha256 IS DISTINCT FROM OLD.secret_sha256
        OR NEW.blocked IS DISTINCT FROM OLD.blocked
        OR NEW.valid_from IS DISTINCT FROM OLD.valid_from
        OR NEW.valid_until IS DISTINCT FROM OLD.valid_until
        OR NEW.allowed_ips IS DISTINCT FROM OLD.allowed_ips
        OR NEW.max_sessions IS DISTINCT FROM OLD.max_sessions
        OR NEW.allowed_streams IS DISTINCT FROM OLD.allowed_streams
        OR NEW.publisher IS DISTINCT FROM OLD.publisher)
    EXECUTE FUNCTION devices_changed();
