-- Full-text search over messages (the SEARCH command): an FTS5 index of messages.message that stores
-- no copy of the text (external content). unicode61 matches whole words case-insensitively, accents
-- ignored. The index is filled behind the history writer, in bulk (store/jdbc/DeferredSearchIndex):
-- a trigger per insert cost the writer three times its own work per message in small transactions,
-- a bulk catch-up almost nothing. messages_fts_progress says how far it has caught up; a search
-- catches up first, so it always sees every stored message.
CREATE VIRTUAL TABLE messages_fts USING fts5(
    message,
    content = 'messages',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TABLE messages_fts_progress (indexed_through INTEGER NOT NULL);

INSERT INTO messages_fts (messages_fts) VALUES ('rebuild');
INSERT INTO messages_fts_progress (indexed_through) SELECT coalesce(max(id), 0) FROM messages;

-- Deleting (retention, REDACT) takes a message out of the index if it is in it already; one not
-- indexed yet is simply never added.
CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages
WHEN old.id <= (SELECT indexed_through FROM messages_fts_progress) BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, message) VALUES ('delete', old.id, old.message);
END;

CREATE TRIGGER messages_fts_update AFTER UPDATE OF message ON messages
WHEN old.id <= (SELECT indexed_through FROM messages_fts_progress) BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, message) VALUES ('delete', old.id, old.message);
    INSERT INTO messages_fts (rowid, message) VALUES (new.id, new.message);
END;
