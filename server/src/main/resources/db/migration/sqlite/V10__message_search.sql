-- Full-text search over messages (the SEARCH command): an FTS5 index of messages.message that stores
-- no copy of the text (external content), filled for the rows already there and kept current by
-- triggers, so every write path (the history writer, retention, REDACT) maintains it. unicode61
-- matches whole words case-insensitively, accents ignored.
CREATE VIRTUAL TABLE messages_fts USING fts5(
    message,
    content = 'messages',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO messages_fts (messages_fts) VALUES ('rebuild');

CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
    INSERT INTO messages_fts (rowid, message) VALUES (new.id, new.message);
END;

CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, message) VALUES ('delete', old.id, old.message);
END;

CREATE TRIGGER messages_fts_update AFTER UPDATE OF message ON messages BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, message) VALUES ('delete', old.id, old.message);
    INSERT INTO messages_fts (rowid, message) VALUES (new.id, new.message);
END;
