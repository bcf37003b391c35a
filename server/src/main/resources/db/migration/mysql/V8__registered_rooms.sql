-- The same as db/migration/sqlite/V8 (read its comments). Binary collation: Parley folds names itself.
CREATE TABLE rooms (
    room_key     VARCHAR(255) NOT NULL PRIMARY KEY,
    name         VARCHAR(255) NOT NULL,
    founder      VARCHAR(255) NOT NULL,
    created_at   BIGINT       NOT NULL,
    topic        TEXT         NULL,
    topic_set_by VARCHAR(512) NULL,
    topic_set_at BIGINT       NOT NULL DEFAULT 0,
    modes        VARCHAR(32)  NOT NULL,
    mode_key     VARCHAR(255) NULL,
    mode_limit   INT          NOT NULL DEFAULT 0
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE room_masks (
    room_key  VARCHAR(255) NOT NULL,
    position  INT          NOT NULL,
    list_mode CHAR(1)      NOT NULL,
    mask      TEXT         NOT NULL,
    set_by    VARCHAR(512) NOT NULL,
    set_at    BIGINT       NOT NULL,
    PRIMARY KEY (room_key, position)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE room_operators (
    room_key VARCHAR(255) NOT NULL,
    position INT          NOT NULL,
    account  VARCHAR(255) NOT NULL,
    PRIMARY KEY (room_key, position)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
