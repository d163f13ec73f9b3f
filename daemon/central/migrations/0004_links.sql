-- Share links: how clients reach each server (host, ports, SNI, obfuscation, pinning), as the
-- JSON of hy_api::uri::LinkSettings. One column: the settings are only ever read and replaced
-- whole, never queried by field.
ALTER TABLE servers ADD COLUMN link TEXT NOT NULL DEFAULT '{}';
