-- Always-on accounts (issue 18): the presence each keeps across restarts (its nick and, space
-- separated, its rooms: a room name holds no space) and each account's own choice (ALWAYSON).
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
