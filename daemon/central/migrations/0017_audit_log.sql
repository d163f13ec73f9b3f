-- The audit trail: every change made through the admin API (who, when, from where, what was
-- asked, the object before and after), secrets redacted before they get here. Kept for
-- --audit-days.
CREATE TABLE audit_log (
    pk      INTEGER PRIMARY KEY,
    at      INTEGER NOT NULL,
    actor   TEXT NOT NULL,
    addr    TEXT,
    method  TEXT NOT NULL,
    route   TEXT NOT NULL,
    path    TEXT NOT NULL,
    status  INTEGER NOT NULL,
    request TEXT,
    before  TEXT,
    after   TEXT
);
CREATE INDEX audit_log_at ON audit_log(at);
