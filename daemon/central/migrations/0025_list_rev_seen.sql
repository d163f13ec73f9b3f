-- The list revision a node last said it holds (its poll's If-None-Match), written with its
-- contact: how far behind central its list is, for the panel and `GET /admin/servers`.
ALTER TABLE servers ADD COLUMN list_rev_seen INTEGER;
