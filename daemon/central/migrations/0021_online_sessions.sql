-- Who is connected now, per node, user and device ('' = the user's own secret), as each agent
-- last read its data plane (Hysteria's /online): what `hyctl session list` shows. Replaced
-- whole per server with every update; rows older than a few minutes are not shown.
CREATE TABLE online_sessions (
    server_pk INTEGER NOT NULL REFERENCES servers(pk) ON DELETE CASCADE,
    user_pk   INTEGER NOT NULL REFERENCES users(pk) ON DELETE CASCADE,
    device    TEXT NOT NULL,
    count     INTEGER NOT NULL,
    at        INTEGER NOT NULL,
    PRIMARY KEY (server_pk, user_pk, device)
) WITHOUT ROWID;
CREATE INDEX online_sessions_by_user ON online_sessions(user_pk);
