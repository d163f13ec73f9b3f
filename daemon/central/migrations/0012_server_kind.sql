-- What runs on each server (see hy_api::servers::ServerKind). Every server before this
-- migration is a Hysteria node, as in the original system.
ALTER TABLE servers ADD COLUMN kind TEXT NOT NULL DEFAULT 'hysteria'
    CHECK (kind IN ('hysteria', 'stream', 'proxy', 'gateway'));
