package dev.parley.server.store.jdbc;

import dev.parley.server.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The deletes retention makes, and REDACT's delete of one message (by its unique msgid). Retention's
 * are each bounded to a batch so no statement holds locks for long. The doomed ids are chosen in a
 * derived table, which every vendor accepts with a LIMIT (MariaDB refuses LIMIT directly inside IN).
 * {@code messages_by_time} and {@code messages_by_conversation} make each choice an index range scan.
 */
final class MessageDeletes {

    private final DataSource dataSource;

    MessageDeletes(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    int deleteBefore(Instant cutoff, int limit) {
        String sql = "DELETE FROM messages WHERE id IN (SELECT id FROM (SELECT id FROM messages"
                + " WHERE time_ms < ? ORDER BY time_ms LIMIT ?) doomed)";
        return update(sql, cutoff.toEpochMilli(), limit);
    }

    boolean deleteByMsgId(String historyKey, String msgid) {
        return update("DELETE FROM messages WHERE msgid = ? AND history_key = ?", msgid, historyKey) > 0;
    }

    List<String> keysOver(int keep) {
        String sql = "SELECT history_key FROM messages GROUP BY history_key HAVING COUNT(*) > ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, keep);
            List<String> keys = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    keys.add(rows.getString(1));
                }
            }
            return keys;
        } catch (SQLException e) {
            throw new StoreException("could not count messages per conversation", e);
        }
    }

    int deleteBeyond(String historyKey, int keep, int limit) {
        String newestDoomed = "SELECT time_ms, id FROM messages WHERE history_key = ?"
                + " ORDER BY time_ms DESC, id DESC LIMIT 1 OFFSET ?";
        long time;
        long id;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(newestDoomed)) {
            statement.setString(1, historyKey);
            statement.setInt(2, keep);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return 0;
                }
                time = rows.getLong(1);
                id = rows.getLong(2);
            }
        } catch (SQLException e) {
            throw new StoreException("could not find where " + historyKey + " is trimmed", e);
        }
        String sql = "DELETE FROM messages WHERE id IN (SELECT id FROM (SELECT id FROM messages"
                + " WHERE history_key = ? AND (time_ms < ? OR (time_ms = ? AND id <= ?))"
                + " ORDER BY time_ms, id LIMIT ?) doomed)";
        return update(sql, historyKey, time, time, id, limit);
    }

    private int update(String sql, Object... params) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("could not delete messages", e);
        }
    }
}
