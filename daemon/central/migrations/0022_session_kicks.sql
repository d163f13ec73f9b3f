-- Ending sessions from central (`hyctl session kill`): a counter per user and per device that
-- moves on each kill. It rides in node lists; a node that sees it move closes that id's
-- connections once (the client may reconnect: a kill is not a block). Moving it moves lists.
ALTER TABLE users ADD COLUMN kick_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE devices ADD COLUMN kick_seq INTEGER NOT NULL DEFAULT 0;
CREATE TRIGGER users_kicked AFTER UPDATE OF kick_seq ON users
WHEN NEW.kick_seq IS NOT OLD.kick_seq BEGIN
    UPDATE list_revisions SET rev = rev + 1
    WHERE server_pk IN (SELECT server_pk FROM assignments WHERE user_pk = NEW.pk);
END;
CREATE TRIGGER devices_kicked AFTER UPDATE OF kick_seq ON devices
WHEN NEW.kick_seq IS NOT OLD.kick_seq BEGIN
    UPDATE list_revisions SET rev = rev + 1
    WHERE server_pk IN (SELECT server_pk FROM assignments WHERE user_pk = NEW.user_pk);
END;
