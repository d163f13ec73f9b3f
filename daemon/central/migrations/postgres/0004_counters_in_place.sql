-- Counter pages with room for a second version of every row (measured; see BENCHMARKS.md).
--
-- A report updates all of one server's rows of `traffic` and of the hour's `traffic_hourly`,
-- and those rows sit together, so one statement rewrites every row of a page. An update stays
-- on its page (HOT, no index entries) only while the page has room for the new version, and
-- the old versions of this statement cannot be pruned before it commits: at 70 only about
-- 40% of the updates fitted and the rest went through both indexes of the table (a 1,000-row
-- report's counters cost 10 ms instead of under 3). Below half full, every row fits a second
-- version; the dead one is pruned by the next report that reads the page.
--
-- `traffic` holds one row per (server, user) pair ever used, so it is rewritten now, in
-- the order reports read it. History is only ever appended to: new hours get the setting,
-- old ones keep their pages (a closed hour is never updated again).
ALTER TABLE traffic SET (fillfactor = 45);
ALTER TABLE traffic_hourly SET (fillfactor = 45);
CLUSTER traffic USING traffic_pkey;

-- Ids compare byte by byte, as on SQLite (BINARY): lists sorted and paged by id come out in
-- the same order on both backends whatever the database's locale, and every report's lookup
-- of its users by id compares with memcmp instead of the locale's rules.
ALTER TABLE users ALTER COLUMN id TYPE TEXT COLLATE "C";
ALTER TABLE servers ALTER COLUMN id TYPE TEXT COLLATE "C";
