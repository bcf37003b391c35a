-- IRCv3 read markers (draft/read-marker) of logged-in users: per account and target (a room or a
-- nick), the server time of the last message the user has read. account and target are casefolded
-- (rfc1459); read_at only ever grows. Deleting the account deletes its markers. The two-column key
-- is 2040 bytes at most, within InnoDB's 3072-byte index limit.
CREATE TABLE read_markers (
    account VARCHAR(255) NOT NULL,
    target  VARCHAR(255) NOT NULL,
    read_at BIGINT       NOT NULL, -- epoch milliseconds
    PRIMARY KEY (account, target),
    CONSTRAINT read_markers_account FOREIGN KEY (account) REFERENCES accounts (folded_name) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
