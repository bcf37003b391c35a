-- Who sent each message: '~account' or a guest connection's random identity; NULL on older rows.
-- Read db/migration/sqlite/V6__sender_identity.sql for why. A NULL column added last is an instant
-- change on MariaDB 10.3+ / MySQL 8.0.12+ (no table copy).
ALTER TABLE messages ADD COLUMN sender_identity VARCHAR(255) NULL;
