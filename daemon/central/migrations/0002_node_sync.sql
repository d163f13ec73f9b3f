-- Node sync: a revision per server's user list (bumped by triggers, so every path that changes
-- a list bumps it), exactly-once report cursors, and a counter for bytes reported for users that
-- no longer exist.

CREATE TABLE list_revisions (
    server_pk INTEGER PRIMARY KEY REFERENCES servers(pk) ON DELETE CASCADE,
    rev       INTEGER NOT NULL
);
INSERT INTO list_revisions (server_pk, rev) SELECT pk, 1 FROM servers;

CREATE TRIGGER servers_list_revision AFTER INSERT ON servers BEGIN
    INSERT INTO list_revisions (server_pk, rev) VALUES (NEW.pk, 1);
END;
CREATE TRIGGER assignments_added AFTER INSERT ON assignments BEGIN
    UPDATE list_revisions SET rev = rev + 1 WHERE server_pk = NEW.server_pk;
END;
-- Also fires for rows removed by ON DELETE CASCADE (deleting a user).
CREATE TRIGGER assignments_removed AFTER DELETE ON assignments BEGIN
    UPDATE list_revisions SET rev = rev + 1 WHERE server_pk = OLD.server_pk;
END;
CREATE TRIGGER users_secret_changed AFTER UPDATE OF secret_sha256 ON users
WHEN NEW.secret_sha256 IS NOT OLD.secret_sha256 BEGIN
    UPDATE list_revisions SET rev = rev + 1
    WHERE server_pk IN (SELECT server_pk FROM assignments WHERE user_pk = NEW.pk);
END;

-- Highest batch sequence applied per (server, agent instance); written in the same transaction
-- as the counters it guards.
CREATE TABLE report_cursors (
    server_pk  INTEGER NOT NULL REFERENCES servers(pk) ON DELETE CASCADE,
    instance   TEXT NOT NULL,
    last_seq   INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (server_pk, instance)
) WITHOUT ROWID;

ALTER TABLE servers ADD COLUMN unattributed_tx INTEGER NOT NULL DEFAULT 0;
ALTER TABLE servers ADD COLUMN unattributed_rx INTEGER NOT NULL DEFAULT 0;
