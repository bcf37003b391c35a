-- The seed's table, messages(id, room_id, nickname, message, timestamp), kept column for column so
-- its queries still work, plus what IRCv3 history needs.
--   room_id    room name without its '#', casefolded ('general'); NULL for private messages
--   timestamp  server time, UTC, 'YYYY-MM-DD HH:MM:SS' (the seed's CURRENT_TIMESTAMP format)
--   time_ms    the same time in epoch milliseconds: what range queries use
--   history_key '#general', or for private messages the two casefolded nicks sorted, space-joined
--   dm_low / dm_high  those two nicks, so CHATHISTORY TARGETS finds a nick's conversations by index
--   tags       client-only tags, 'key=value;key2' with IRCv3 value escaping
CREATE TABLE messages (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    room_id       TEXT,
    nickname      TEXT    NOT NULL,
    message       TEXT    NOT NULL,
    timestamp     TEXT    NOT NULL,
    msgid         TEXT    NOT NULL UNIQUE,
    history_key   TEXT    NOT NULL,
    target        TEXT    NOT NULL,
    sender_source TEXT    NOT NULL,
    account       TEXT,
    command       TEXT    NOT NULL,
    tags          TEXT    NOT NULL DEFAULT '',
    time_ms       INTEGER NOT NULL,
    dm_low        TEXT,
    dm_high       TEXT
);

CREATE INDEX messages_by_conversation ON messages (history_key, time_ms, id);
CREATE INDEX messages_by_dm_low ON messages (dm_low, time_ms);
CREATE INDEX messages_by_dm_high ON messages (dm_high, time_ms);

-- Server bans. folded_mask is the mask casefolded (rfc1459), so BOB!*@* and bob!*@* are one ban.
CREATE TABLE bans (
    folded_mask TEXT    PRIMARY KEY,
    mask        TEXT    NOT NULL,
    reason      TEXT    NOT NULL,
    set_by      TEXT    NOT NULL,
    created_at  INTEGER NOT NULL -- epoch milliseconds
);
