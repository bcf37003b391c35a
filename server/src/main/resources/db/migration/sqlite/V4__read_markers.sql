-- IRCv3 read markers (draft/read-marker) of logged-in users: per account and target (a room or a
-- nick), the server time of the last message the user has read. account and target are casefolded
-- (rfc1459); read_at only ever grows. Deleting the account deletes its markers.
CREATE TABLE read_markers (
    account TEXT    NOT NULL REFERENCES accounts (folded_name) ON DELETE CASCADE,
    target  TEXT    NOT NULL,
    read_at INTEGER NOT NULL, -- epoch milliseconds
    PRIMARY KEY (account, target)
);
