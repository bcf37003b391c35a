-- The same as db/migration/sqlite/V7 (read its comments). 64 characters hold any IPv6 text form.
ALTER TABLE bans
    ADD COLUMN account VARCHAR(255) NULL,
    ADD COLUMN address VARCHAR(64) NULL;
