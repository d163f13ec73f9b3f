-- Traffic history: hourly buckets per (user, server), filled in the same transaction as the
-- totals. The hour is when central applied the report (its own clock), so a bucket's precision
-- is one report interval. Old buckets are pruned by the scheduler (--history-days).
CREATE TABLE traffic_hourly (
    user_pk   INTEGER NOT NULL REFERENCES users(pk) ON DELETE CASCADE,
    hour      INTEGER NOT NULL,   -- Unix seconds / 3600, UTC
    server_pk INTEGER NOT NULL,   -- not a foreign key: history outlives a deleted server
    tx        INTEGER NOT NULL,
    rx        INTEGER NOT NULL,
    PRIMARY KEY (user_pk, hour, server_pk)
) WITHOUT ROWID;
CREATE INDEX traffic_hourly_by_hour ON traffic_hourly(hour);
