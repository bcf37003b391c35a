-- The same as db/migration/sqlite/V8 (read its comments).
CREATE TABLE rooms (
    room_key     TEXT    PRIMARY KEY,
    name         TEXT    NOT NULL,
    founder      TEXT    NOT NULL,
    created_at   BIGINT  NOT NULL,
    topic        TEXT,
    topic_set_by TEXT,
    topic_set_at BIGINT  NOT NULL DEFAULT 0,
    modes        TEXT    NOT NULL,
    mode_key     TEXT,
    mode_limit   INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE room_masks (
    room_key  TEXT    NOT NULL,
    position  INTEGER NOT NULL,
    list_mode TEXT    NOT NULL,
    mask      TEXT    NOT NULL,
    set_by    TEXT    NOT NULL,
    set_at    BIGINT  NOT NULL,
    PRIMARY KEY (room_key, position)
);

CREATE TABLE room_operators (
    room_key TEXT    NOT NULL,
    position INTEGER NOT NULL,
    account  TEXT    NOT NULL,
    PRIMARY KEY (room_key, position)
);
