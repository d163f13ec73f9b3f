-- A new (server, user) pair joins the lifetime table's per-user index later, in a pass run
-- every minute by the scheduler, instead of in the report that creates it. Each new pair put an
-- entry on a scattered page of that index, so a fleet whose nodes were all new (its first
-- interval, or an import) ingested at half the rate of the others. Until the pass, a user's
-- new pairs are found through `traffic_unindexed`, one seek per server that has any; that
-- index is in the table's own order, so reports append to it. (Keeping per-user totals in a
-- row of their own was tried: it widened the scattered per-user rows every report writes and
-- cost a fifth of the steady-state rate. Summing a user's rows server by server, with no
-- per-user index at all, made every user lookup cost a seek per server.)
--
-- user_pk is no longer a foreign key, for the reason given in 0011: a cascade would not use a
-- partial index and would scan the table. Deleting a user deletes its rows in code.
CREATE TABLE traffic_new (
    server_pk INTEGER NOT NULL,   -- not a foreign key: traffic outlives a deleted server
    user_pk   INTEGER NOT NULL,
    tx        INTEGER NOT NULL DEFAULT 0,
    rx        INTEGER NOT NULL DEFAULT 0,
    indexed   INTEGER NOT NULL DEFAULT 0,   -- 1 once in traffic_by_user
    PRIMARY KEY (server_pk, user_pk)
) WITHOUT ROWID;
INSERT INTO traffic_new (server_pk, user_pk, tx, rx, indexed)
    SELECT server_pk, user_pk, tx, rx, 1 FROM traffic ORDER BY server_pk, user_pk;
DROP TABLE traffic;
ALTER TABLE traffic_new RENAME TO traffic;
CREATE INDEX traffic_by_user ON traffic(user_pk) WHERE indexed = 1;
CREATE INDEX traffic_unindexed ON traffic(server_pk) WHERE indexed = 0;
