-- The same as db/migration/sqlite/V7 (read its comments).
ALTER TABLE bans ADD COLUMN account TEXT;
ALTER TABLE bans ADD COLUMN address TEXT;
