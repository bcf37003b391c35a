-- Registered rooms: a room created by a logged-in user belongs to that account (its founder) and
-- keeps its state across restarts. room_key is the casefolded name ('#general').
--   modes         the flag modes set, as letters ('nt'); mode_key / mode_limit are +k and +l (0: none)
--   topic_set_at  epoch seconds; topic, topic_set_by NULL when no topic is set
CREATE TABLE rooms (
    room_key     TEXT    PRIMARY KEY,
    name         TEXT    NOT NULL,
    founder      TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    topic        TEXT,
    topic_set_by TEXT,
    topic_set_at INTEGER NOT NULL DEFAULT 0,
    modes        TEXT    NOT NULL,
    mode_key     TEXT,
    mode_limit   INTEGER NOT NULL DEFAULT 0
);

-- A registered room's list modes: list_mode 'b' (bans), 'e' (ban exceptions), 'I' (invite
-- exceptions); position keeps each list's order. set_at is epoch seconds.
CREATE TABLE room_masks (
    room_key  TEXT    NOT NULL,
    position  INTEGER NOT NULL,
    list_mode TEXT    NOT NULL,
    mask      TEXT    NOT NULL,
    set_by    TEXT    NOT NULL,
    set_at    INTEGER NOT NULL,
    PRIMARY KEY (room_key, position)
);

-- Accounts that get room-operator status when they join a registered room (the founder always does).
CREATE TABLE room_operators (
    room_key TEXT    NOT NULL,
    position INTEGER NOT NULL,
    account  TEXT    NOT NULL,
    PRIMARY KEY (room_key, position)
);
