-- PostgreSQL 15+: the same logical schema as db/migration/sqlite (read its comments). The seed's
-- table messages(id, room_id, nickname, message, timestamp) keeps its columns, so the seed's own
-- queries still work.
CREATE TABLE messages (
    id            BIGSERIAL    PRIMARY KEY,
    room_id       TEXT,
    nickname      TEXT         NOT NULL,
    message       TEXT         NOT NULL,
    "timestamp"   TIMESTAMP(3) NOT NULL,
    msgid         TEXT         NOT NULL UNIQUE,
    history_key   TEXT         NOT NULL,
    target        TEXT         NOT NULL,
    sender_source TEXT         NOT NULL,
    account       TEXT,
    command       TEXT         NOT NULL,
    tags          TEXT         NOT NULL DEFAULT '',
    time_ms       BIGINT       NOT NULL,
    dm_low        TEXT,
    dm_high       TEXT
);

CREATE INDEX messages_by_conversation ON messages (history_key, time_ms, id);
CREATE INDEX messages_by_dm_low ON messages (dm_low, time_ms);
CREATE INDEX messages_by_dm_high ON messages (dm_high, time_ms);

-- Server bans. folded_mask is the mask casefolded (rfc1459), so BOB!*@* and bob!*@* are one ban.
CREATE TABLE bans (
    folded_mask TEXT   PRIMARY KEY,
    mask        TEXT   NOT NULL,
    reason      TEXT   NOT NULL,
    set_by      TEXT   NOT NULL,
    created_at  BIGINT NOT NULL -- epoch milliseconds
);
