-- Full-text search over messages (the SEARCH command): an InnoDB FULLTEXT index of messages.message,
-- built for the rows already there and kept current by InnoDB on every write. The text column moves
-- to a case-insensitive collation first, since a FULLTEXT index over a binary collation matches case
-- exactly; message text is never a key, so nothing else compares it. InnoDB indexes words of 3
-- characters or more (innodb_ft_min_token_size) and skips its stop words.
ALTER TABLE messages MODIFY message TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL;
ALTER TABLE messages ADD FULLTEXT INDEX messages_fulltext (message);
