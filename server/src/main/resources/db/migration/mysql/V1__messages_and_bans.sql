-- MySQL 8 / MariaDB 10.11+: the same logical schema as db/migration/sqlite (read its comments).
-- The seed's table messages(id, room_id, nickname, message, timestamp) keeps its columns, so the
-- seed's own queries still work. utf8mb4 holds any Unicode (emoji included); binary collation makes
-- keys compare exactly, since Parley casefolds them itself. VARCHAR(255) keys stay within InnoDB's
-- 3072-byte index limit at 4 bytes a character.
CREATE TABLE messages (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    room_id       VARCHAR(255) NULL,
    nickname      VARCHAR(255) NOT NULL,
    message       TEXT         NOT NULL,
    timestamp     DATETIME(3)  NOT NULL,
    msgid         VARCHAR(64)  NOT NULL,
    history_key   VARCHAR(255) NOT NULL,
    target        VARCHAR(255) NOT NULL,
    sender_source VARCHAR(255) NOT NULL,
    account       VARCHAR(255) NULL,
    command       VARCHAR(16)  NOT NULL,
    tags          TEXT         NOT NULL,
    time_ms       BIGINT       NOT NULL,
    dm_low        VARCHAR(255) NULL,
    dm_high       VARCHAR(255) NULL,
    UNIQUE KEY messages_msgid (msgid),
    KEY messages_by_conversation (history_key, time_ms, id),
    KEY messages_by_dm_low (dm_low, time_ms),
    KEY messages_by_dm_high (dm_high, time_ms)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Server bans. folded_mask is the mask casefolded (rfc1459), so BOB!*@* and bob!*@* are one ban.
CREATE TABLE bans (
    folded_mask VARCHAR(255) NOT NULL PRIMARY KEY,
    mask        VARCHAR(255) NOT NULL,
    reason      TEXT         NOT NULL,
    set_by      VARCHAR(255) NOT NULL,
    created_at  BIGINT       NOT NULL -- epoch milliseconds
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
