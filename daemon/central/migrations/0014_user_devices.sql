-- Devices: a user's credentials beyond their own secret (hy_api::devices). Admitted only while
-- the device and its user may connect; nodes answer a device as `user:name`. A device's
-- secret is unique among devices here, and against users' secrets by the code that writes
-- either (a client's auth string must name exactly one credential).
CREATE TABLE devices (
    pk                INTEGER PRIMARY KEY,
    user_pk           INTEGER NOT NULL REFERENCES users(pk) ON DELETE CASCADE,
    name              TEXT NOT NULL,
    secret            TEXT NOT NULL UNIQUE,
    secret_sha256     TEXT NOT NULL,
    blocked           INTEGER NOT NULL DEFAULT 0,
    valid_from        INTEGER,
    valid_until       INTEGER,
    allowed_ips       TEXT NOT NULL DEFAULT '',
    max_sessions      INTEGER NOT NULL DEFAULT 0,
    note              TEXT NOT NULL DEFAULT '',
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL,
    -- Lifetime traffic (raw bytes), a part of the user's.
    tx                INTEGER NOT NULL DEFAULT 0,
    rx                INTEGER NOT NULL DEFAULT 0,
    first_seen_at     INTEGER,
    first_seen_server INTEGER REFERENCES servers(pk) ON DELETE SET NULL,
    last_seen_at      INTEGER,
    last_seen_server  INTEGER REFERENCES servers(pk) ON DELETE SET NULL,
    last_seen_addr    TEXT,
    UNIQUE (user_pk, name)
);

-- Every change to what a device admits moves the lists of its user's servers, as for users.
CREATE TRIGGER devices_added AFTER INSERT ON devices BEGIN
    UPDATE list_revisions SET rev = rev + 1
    WHERE server_pk IN (SELECT server_pk FROM assignments WHERE user_pk = NEW.user_pk);
END;
-- Also fires for devices removed with their user (their assignments bump as well).
CREATE TRIGGER devices_removed AFTER DELETE ON devices BEGIN
    UPDATE list_revisions SET rev = rev + 1
    WHERE server_pk IN (SELECT server_pk FROM assignments WHERE user_pk = OLD.user_pk);
END;
CREATE TRIGGER devices_admission_changed AFTER UPDATE ON devices
WHEN NEW.secret_sha256 IS NOT OLD.secret_sha256 OR NEW.blocked IS NOT OLD.blocked
  OR NEW.valid_from IS NOT OLD.valid_from OR NEW.valid_until IS NOT OLD.valid_until
  OR NEW.allowed_ips IS NOT OLD.allowed_ips OR NEW.max_sessions IS NOT OLD.max_sessions BEGIN
    UPDATE list_revisions SET rev = rev + 1
    WHERE server_pk IN (SELECT server_pk FROM assignments WHERE user_pk = NEW.user_pk);
END;
