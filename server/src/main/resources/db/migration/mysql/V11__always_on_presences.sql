-- The same as db/migration/sqlite/V11 (read its comments). Binary collation: Parley folds names itself.
CREATE TABLE presences (
    account_key VARCHAR(255) NOT NULL PRIMARY KEY,
    account     VARCHAR(255) NOT NULL,
    nick        VARCHAR(255) NOT NULL,
    realname    TEXT         NOT NULL,
    rooms       TEXT         NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE always_on_choices (
    account_key VARCHAR(255) NOT NULL PRIMARY KEY,
    always_on   SMALLINT     NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
