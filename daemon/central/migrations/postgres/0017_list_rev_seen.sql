-- The list revision a node last said it holds, as SQLite's 0025.
ALTER TABLE servers ADD COLUMN list_rev_seen BIGINT;
