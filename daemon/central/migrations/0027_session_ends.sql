-- Media sessions ended one by one (`DELETE /api/sessions/{id}`, `hyctl session kill
-- --session`): the server's node list names them for two hours (SESSION_END_KEPT_SECS), and
-- its node refuses or kicks each once. An insert is a list change.
CREATE TABLE session_ends (
    server_pk INTEGER NOT NULL REFERENCES servers(pk) ON DELETE CASCADE,
    key       TEXT NOT NULL,
    at        INTEGER NOT NULL,
    PRIMARY KEY (server_pk, key)
) WITHOUT ROWID;
CREATE TRIGGER session_ends_list AFTER INSERT ON session_ends BEGIN
    UPDATE list_revisions SET rev = rev + 1 WHERE server_pk = NEW.server_pk;
END;
