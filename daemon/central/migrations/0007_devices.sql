-- Connected devices per (server, user) as each agent last saw them on Hysteria's /online, for
-- device limits across nodes. Replaced whole per server on each update; rows older than a few
-- minutes are ignored (a node that stops updating must not lock users out).
CREATE TABLE online_devices (
    server_pk INTEGER NOT NULL REFERENCES servers(pk) ON DELETE CASCADE,
    user_pk   INTEGER NOT NULL REFERENCES users(pk) ON DELETE CASCADE,
    count     INTEGER NOT NULL,
    at        INTEGER NOT NULL,
    PRIMARY KEY (server_pk, user_pk)
) WITHOUT ROWID;
CREATE INDEX online_devices_by_user ON online_devices(user_pk);
