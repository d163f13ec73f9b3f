-- Each user's lifetime totals are kept beside their quota usage, added to by the same statement
-- of every report, so the lifetime table (per server and user) needs no per-user index. That
-- index took one scattered page per new (server, user) pair: a fleet whose nodes were all new
-- (its first interval, or an import) ingested at half the rate of the others. A user's totals
-- are now one row; their share per server is read one server at a time (db::traffic).
ALTER TABLE quota_usage ADD COLUMN lifetime_tx INTEGER NOT NULL DEFAULT 0;
ALTER TABLE quota_usage ADD COLUMN lifetime_rx INTEGER NOT NULL DEFAULT 0;
UPDATE quota_usage SET
    lifetime_tx = COALESCE((SELECT SUM(t.tx) FROM traffic t WHERE t.user_pk = quota_usage.user_pk), 0),
    lifetime_rx = COALESCE((SELECT SUM(t.rx) FROM traffic t WHERE t.user_pk = quota_usage.user_pk), 0);

-- user_pk is no longer a foreign key, for the reason given in 0011: with no index to find a
-- user's rows, a cascade would scan the table. Deleting a user deletes them in code.
CREATE TABLE traffic_new (
    server_pk INTEGER NOT NULL,   -- not a foreign key: traffic outlives a deleted server
    user_pk   INTEGER NOT NULL,
    tx        INTEGER NOT NULL DEFAULT 0,
    rx        INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (server_pk, user_pk)
) WITHOUT ROWID;
INSERT INTO traffic_new (server_pk, user_pk, tx, rx)
    SELECT server_pk, user_pk, tx, rx FROM traffic ORDER BY server_pk, user_pk;
DROP TABLE traffic;
ALTER TABLE traffic_new RENAME TO traffic;
