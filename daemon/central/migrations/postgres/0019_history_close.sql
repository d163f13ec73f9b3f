-- Hourly buckets reach the per-user index once their hour is closed, as on SQLite (its 0011).
-- The first report of each hour inserts a bucket per (server, user): with the index over open
-- hours too, each one landed at a scattered place in the user-ordered index, a thousand leaf
-- pages dirtied per report. The index now covers closed buckets only; the lease holder closes
-- each past hour in user ranges (schedule::close_history), so the entries of a range are
-- written together. One user's open hours are read through the primary key, one lookup per
-- (hour, server) run (store::postgres::history).
--
-- Every bucket written so far is closed here, in one pass, before the partial index is built:
-- the old index is dropped first so that pass does not maintain it.
DROP INDEX traffic_hourly_by_user;
UPDATE traffic_hourly SET closed = TRUE WHERE NOT closed;
UPDATE history_rollup
    SET closed_before = GREATEST(closed_before, (SELECT COALESCE(MAX(hour) + 1, 0) FROM traffic_hourly));
CREATE INDEX traffic_hourly_closed_by_user ON traffic_hourly (user_pk, hour) WHERE closed;
