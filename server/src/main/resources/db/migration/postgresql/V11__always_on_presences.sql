-- The same as db/migration/sqlite/V11 (read its comments).
CREATE TABLE presences (
    account_key TEXT PRIMARY KEY,
    account     TEXT NOT NULL,
    nick        TEXT NOT NULL,
    realname    TEXT NOT NULL,
    rooms       TEXT NOT NULL
);

CREATE TABLE always_on_choices (
    account_key TEXT     PRIMARY KEY,
    always_on   SMALLINT NOT NULL
);
