-- A room message's place in its room's one order across a cluster of nodes (1, 2, 3 ... from a
-- per-room counter in Redis; see docs/cluster.md). NULL for a single node's messages and for private
-- messages. A cluster never runs on SQLite; the column is here so that every vendor has one schema.
-- Reads still order by (time_ms, id): a cluster gives each room's messages strictly increasing
-- times in position order, so that order is the position order, and CHATHISTORY's time anchors agree.
ALTER TABLE messages ADD COLUMN position BIGINT;
