-- Retention deletes the oldest messages first (history.retention.max-age): an index on time alone
-- makes each batch a range scan instead of a full one.
CREATE INDEX messages_by_time ON messages (time_ms);
