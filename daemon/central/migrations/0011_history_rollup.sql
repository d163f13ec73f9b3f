-- Hourly buckets reach the per-user index an hour late, all at once, instead of one by one as
-- reports arrive. A bucket is new at the first report of each hour, and its user-ordered index
-- entry landed on a page of its own: a group of reports dirtied thousands of scattered index
-- pages, each written to the WAL at commit, and the first interval of every hour ran at a third
-- of the speed of the others. Now the index covers only closed hours (`closed = 1`); the
-- scheduler closes an hour after it ends, user range by user range (see db::traffic). Lookups
-- by user read closed hours through the index and the open ones by (hour, server) runs.
--
-- user_pk is no longer a foreign key: a cascade would look for a user's buckets with no usable
-- index (the partial one covers closed hours only) and scan all of history. Deleting a user
-- deletes its buckets in code (db::users::delete).
CREATE TABLE traffic_hourly_new (
    hour      INTEGER NOT NULL,   -- Unix seconds / 3600, UTC
    server_pk INTEGER NOT NULL,   -- not a foreign key: history outlives a deleted server
    user_pk   INTEGER NOT NULL,
    tx        INTEGER NOT NULL,
    rx        INTEGER NOT NULL,
    closed    INTEGER NOT NULL DEFAULT 0,   -- 1 once in traffic_hourly_by_user
    PRIMARY KEY (hour, server_pk, user_pk)
) WITHOUT ROWID;
INSERT INTO traffic_hourly_new (hour, server_pk, user_pk, tx, rx, closed)
    SELECT hour, server_pk, user_pk, tx, rx, 1 FROM traffic_hourly
    ORDER BY hour, server_pk, user_pk;
DROP TABLE traffic_hourly;
ALTER TABLE traffic_hourly_new RENAME TO traffic_hourly;
CREATE INDEX traffic_hourly_by_user ON traffic_hourly(user_pk, hour) WHERE closed = 1;

-- Every bucket of an hour before `closed_before` is closed. Later ones are open, except in the
-- hour being closed; a report writes `closed = hour < closed_before`, so a clock stepped back
-- does not leave an open bucket behind.
CREATE TABLE history_rollup (
    one           INTEGER PRIMARY KEY CHECK (one = 1),
    closed_before INTEGER NOT NULL
);
INSERT INTO history_rollup (one, closed_before)
    SELECT 1, COALESCE(MAX(hour) + 1, 0) FROM traffic_hourly;
