-- The lifetime table (per server and user) loses its per-user index. Each new (server, user)
-- pair put an entry on a scattered page of that index, so a fleet whose nodes were all new
-- (its first interval, or an import) ingested at half the rate of the others. A user's totals
-- are now summed one server at a time, and everyone's in one pass over the table (db::traffic).
-- Keeping per-user totals in a row of their own was tried and cost a fifth of the steady-state
-- rate: every report would widen the scattered per-user rows it already writes (quota usage).
--
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
