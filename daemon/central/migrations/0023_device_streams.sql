-- A device's streams on media nodes: names and `prefix*` patterns it may play (comma-joined,
-- '' = any) and whether it may publish. Both shape what a stream node admits, so changing
-- them moves its user's lists as the other limits do.
ALTER TABLE devices ADD COLUMN allowed_streams TEXT NOT NULL DEFAULT '';
ALTER TABLE devices ADD COLUMN publisher INTEGER NOT NULL DEFAULT 0;
DROP TRIGGER devices_admission_changed;
CREATE TRIGGER devices_admission_changed AFTER UPDATE ON devices
WHEN NEW.secret_sha256 IS NOT OLD.secret_sha256 OR NEW.blocked IS NOT OLD.blocked
  OR NEW.valid_from IS NOT OLD.valid_from OR NEW.valid_until IS NOT OLD.valid_until
  OR NEW.allowed_ips IS NOT OLD.allowed_ips OR NEW.max_sessions IS NOT OLD.max_sessions
  OR NEW.allowed_streams IS NOT OLD.allowed_streams OR NEW.publisher IS NOT OLD.publisher BEGIN
    UPDATE list_revisions SET rev = rev + 1
    WHERE server_pk IN (SELECT server_pk FROM assignments WHERE user_pk = NEW.user_pk);
END;
