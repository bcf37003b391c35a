-- A room message's place in its room's order across a cluster; NULL on a single node and for private
-- messages. Read db/migration/sqlite/V9__message_position.sql for why. Adding a NULL column rewrites no rows.
ALTER TABLE messages ADD COLUMN position BIGINT;
