-- Who sent each message: '~account' or a guest connection's random identity; NULL on older rows.
-- Read db/migration/sqlite/V6__sender_identity.sql for why. Adding a NULL column rewrites no rows.
ALTER TABLE messages ADD COLUMN sender_identity TEXT;
