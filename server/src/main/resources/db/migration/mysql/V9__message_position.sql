-- A room message's place in its room's order across a cluster; NULL on a single node and for private
-- messages. Read db/migration/sqlite/V9__message_position.sql for why. A NULL column added last is an
-- instant change on MariaDB 10.3+ / MySQL 8.0.12+ (no table copy).
ALTER TABLE messages ADD COLUMN position BIGINT NULL;
