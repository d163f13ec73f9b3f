-- A user crossing the limit is now noticed by the code that changes usage (a report adds to it,
-- a reset zeroes it; see db::traffic and db::users), not by a trigger. The trigger ran on every
-- user row of every report, each time with a lookup into `users`, although almost no row
-- crosses anything.
DROP TRIGGER quota_usage_crossed_limit;

-- A report looks each user up by id and needs the limit to tell whether the user crossed it:
-- this index answers both without reading the user's row.
CREATE INDEX users_id_limit ON users(id, data_limit);
