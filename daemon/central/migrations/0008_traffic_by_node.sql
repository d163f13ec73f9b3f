-- Traffic keyed by server first (and history by hour, then server), so the rows one node's
-- report writes sit together on a few pages instead of one page per user. A report of 1,000
-- users used to dirty about 1,000 pages per table, each written to the WAL at commit; now the
-- lifetime totals of one server are one contiguous run and the current hour's buckets are
-- appended at the end. Lookups by user keep an index (per-user totals, history, deletes).

-- server_pk is deliberately not a foreign key: traffic outlives a deleted server, so a user's
-- total does not shrink when a node is retired.
CREATE TABLE traffic_new (
    server_pk INTEGER NOT NULL,
    user_pk   INTEGER NOT NULL REFERENCES users(pk) ON DELETE CASCADE,
    tx        INTEGER NOT NULL DEFAULT 0,
    rx        INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (server_pk, user_pk)
) WITHOUT ROWID;
INSERT INTO traffic_new (server_pk, user_pk, tx, rx)
    SELECT server_pk, user_pk, tx, rx FROM traffic ORDER BY server_pk, user_pk;
DROP TABLE traffic;
ALTER TABLE traffic_new RENAME TO traffic;
CREATE INDEX traffic_by_user ON traffic(user_pk);

-- The hour is when central applied the report (its own clock); old hours are pruned by the
-- scheduler (--history-days), a range delete at the start of the key.
CREATE TABLE traffic_hourly_new (
    hour      INTEGER NOT NULL,   -- Unix seconds / 3600, UTC
    server_pk INTEGER NOT NULL,   -- not a foreign key: history outlives a deleted server
    user_pk   INTEGER NOT NULL REFERENCES users(pk) ON DELETE CASCADE,
    tx        INTEGER NOT NULL,
    rx        INTEGER NOT NULL,
    PRIMARY KEY (hour, server_pk, user_pk)
) WITHOUT ROWID;
INSERT INTO traffic_hourly_new (hour, server_pk, user_pk, tx, rx)
    SELECT hour, server_pk, user_pk, tx, rx FROM traffic_hourly ORDER BY hour, server_pk, user_pk;
DROP TABLE traffic_hourly;
ALTER TABLE traffic_hourly_new RENAME TO traffic_hourly;
CREATE INDEX traffic_hourly_by_user ON traffic_hourly(user_pk, hour);
