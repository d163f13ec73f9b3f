-- Media sessions ended one by one, as SQLite's 0027.
CREATE TABLE session_ends (
    server_pk BIGINT NOT NULL REFERENCES servers (pk) ON DELETE CASCADE,
    key       TEXT NOT NULL,
    at        BIGINT NOT NULL,
    PRIMARY KEY (server_pk, key)
);
CREATE FUNCTION session_ends_list() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE list_revisions SET rev = rev + 1 WHERE server_pk = NEW.server_pk;
    RETURN NULL;
END $$;
CREATE TRIGGER session_ends_list AFTER INSERT ON session_ends
    FOR EACH ROW EXECUTE FUNCTION session_ends_list();
