-- Contact fields of a user (seed 001): optional, validated by the API, searched with the id and
-- the note. '' means unset for the texts, as for the note; no index, since a search scans
-- anyway (it matches substrings).
ALTER TABLE users ADD COLUMN email TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN display_name TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN telegram_id INTEGER;
