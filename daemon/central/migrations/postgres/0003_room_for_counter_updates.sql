-- Counter rows are rewritten by every report (PostgreSQL writes a new row version per UPDATE).
-- With room left in each page the new version stays on the same page and the indexes are not
-- touched (a HOT update); full pages (the default fillfactor of 100) send every report's every
-- row through each index of its table again. Applies to pages written from now on; VACUUM FULL
-- or pg_repack rewrites old ones if wanted.
ALTER TABLE traffic SET (fillfactor = 70);
ALTER TABLE traffic_hourly SET (fillfactor = 70);
ALTER TABLE quota_usage SET (fillfactor = 50);
