package dev.parley.server.store.jdbc;

import dev.parley.server.store.DirectKey;
import dev.parley.server.store.StoredMessage;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** How a {@link StoredMessage} maps to a row of {@code messages}, both ways. */
final class MessageRow {

    /** Columns an insert fills, in binding order. */
    static final List<String> INSERT_COLUMNS = List.of(
            "room_id",
            "nickname",
            "message",
            "timestamp",
            "msgid",
            "history_key",
            "target",
            "sender_source",
            "account",
            "command",
            "tags",
            "time_ms",
            "dm_low",
            "dm_high",
            "sender_identity",
            "position");

    /** Columns a read needs, in the order {@link #read} expects them. */
    static final String SELECT_COLUMNS = "msgid, time_ms, history_key, target, nickname, sender_source, account,"
            + " sender_identity, command, message, tags, position";

    private MessageRow() {}

    static void bind(PreparedStatement insert, StoredMessage m, SqlDialect dialect) throws SQLException {
        Optional<DirectKey> direct = m.isRoomMessage() ? Optional.empty() : DirectKey.parse(m.historyKey());
        insert.setString(1, m.isRoomMessage() ? m.historyKey().substring(1) : null);
        insert.setString(2, m.senderNick());
        insert.setString(3, m.text());
        insert.setObject(4, dialect.seedTimestamp(m.time()));
        insert.setString(5, m.msgid());
        insert.setString(6, m.historyKey());
        insert.setString(7, m.target());
        insert.setString(8, m.senderSource());
        setNullable(insert, 9, m.senderAccount());
        insert.setString(10, m.command());
        insert.setString(11, TagColumn.write(m.tags()));
        insert.setLong(12, m.time().toEpochMilli());
        setNullable(insert, 13, direct.map(DirectKey::low).orElse(null));
        setNullable(insert, 14, direct.map(DirectKey::high).orElse(null));
        setNullable(insert, 15, m.senderIdentity());
        if (m.position() > 0) {
            insert.setLong(16, m.position());
        } else {
            insert.setNull(16, Types.BIGINT);
        }
    }

    static StoredMessage read(ResultSet row) throws SQLException {
        return new StoredMessage(
                row.getString("msgid"),
                Instant.ofEpochMilli(row.getLong("time_ms")),
                row.getString("history_key"),
                row.getString("target"),
                row.getString("nickname"),
                row.getString("sender_source"),
                row.getString("account"),
                row.getString("sender_identity"),
                row.getString("command"),
                row.getString("message"),
                TagColumn.read(row.getString("tags")),
                row.getLong("position"));
    }

    private static void setNullable(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }
}
