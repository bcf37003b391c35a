-- Who sent each message, for authorship checks (REDACT) and CHATHISTORY TARGETS: '~account' for a
-- logged-in sender, or a guest connection's own random identity ('!' and 22 base64url characters),
-- which private-conversation keys (history_key, dm_low, dm_high) use too from this version on. So a
-- later holder of a guest's nick, even after a restart, neither reads nor redacts what that guest
-- sent or was sent. Rows stored before have NULL: their author is the account, or no connection
-- (their old folded-nick keys match no guest any more). Never shown to users.
ALTER TABLE messages ADD COLUMN sender_identity TEXT;
