-- dm_low and dm_high are set on private messages only. Indexing the NULLs of every room message
-- cost the history writer two index inserts per room message for nothing: the indexes now hold
-- private messages alone. The CHATHISTORY TARGETS query (dm_low = ? OR dm_high = ?) still uses
-- them, as a comparison implies IS NOT NULL.
DROP INDEX messages_by_dm_low;
DROP INDEX messages_by_dm_high;
CREATE INDEX messages_by_dm_low ON messages (dm_low, time_ms) WHERE dm_low IS NOT NULL;
CREATE INDEX messages_by_dm_high ON messages (dm_high, time_ms) WHERE dm_high IS NOT NULL;
