package dev.parley.server.store.jdbc;

import dev.parley.server.store.MessageStore;
import dev.parley.server.store.Playback;
import dev.parley.server.store.SearchQuery;
import dev.parley.server.store.SearchTimedOut;
import dev.parley.server.store.StoreException;
import dev.parley.server.store.StoredMessage;
import dev.parley.server.store.TargetActivity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Message history in SQL. Every read orders by {@code (time_ms, id)}, so ties at one millisecond
 * keep insertion order, and walks the {@code (history_key, time_ms, id)} index from the anchor: the
 * newest-first reads fetch descending and reverse in memory, never sorting the whole conversation.
 */
public final class JdbcMessageStore implements MessageStore {

    /** The condition that leaves kept events (TAGMSG, TOPIC) out: they are no text to list or search. */
    private static final String MESSAGES_ONLY = "command IN ('PRIVMSG', 'NOTICE')";

    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final String insert;
    private final MessageDeletes deletes;
    /** SQLite's search index, filled behind the writer; null where the database keeps it itself. */
    private final DeferredSearchIndex searchIndex;

    JdbcMessageStore(DataSource dataSource, SqlDialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.deletes = new MessageDeletes(dataSource);
        this.searchIndex = dialect.indexesSearchLater() ? new DeferredSearchIndex(dataSource) : null;
        this.insert = dialect.insertIgnoringDuplicates("messages", MessageRow.INSERT_COLUMNS);
    }

    @Override
    public void appendAll(List<StoredMessage> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(insert)) {
                for (StoredMessage message : batch) {
                    MessageRow.bind(statement, message, dialect);
                    statement.addBatch();
                }
                statement.executeBatch();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("could not store " + batch.size() + " messages", e);
        }
        if (searchIndex != null) {
            searchIndex.appended(batch.size());
        }
    }

    @Override
    public Optional<StoredMessage> findByMsgId(String historyKey, String msgid) {
        String sql = "SELECT " + MessageRow.SELECT_COLUMNS + " FROM messages WHERE msgid = ? AND history_key = ?";
        return query(sql, List.of(msgid, historyKey)).stream().findFirst();
    }

    @Override
    public boolean deleteByMsgId(String historyKey, String msgid) {
        return deletes.deleteByMsgId(historyKey, msgid);
    }

    @Override
    public List<StoredMessage> latest(String historyKey, Optional<Instant> after, int limit, Playback playback) {
        return after.map(time ->
                        page(historyKey, "time_ms > ?", List.of(time.toEpochMilli()), Order.NEWEST, limit, playback))
                .orElseGet(() -> page(historyKey, "1 = 1", List.of(), Order.NEWEST, limit, playback));
    }

    @Override
    public List<StoredMessage> before(String historyKey, Instant time, int limit, Playback playback) {
        return page(historyKey, "time_ms < ?", List.of(time.toEpochMilli()), Order.NEWEST, limit, playback);
    }

    @Override
    public List<StoredMessage> after(String historyKey, Instant time, int limit, Playback playback) {
        return page(historyKey, "time_ms > ?", List.of(time.toEpochMilli()), Order.OLDEST, limit, playback);
    }

    @Override
    public List<StoredMessage> between(String historyKey, Instant from, Instant to, int limit, Playback playback) {
        Window window = Window.of(from, to);
        Order order = from.isBefore(to) ? Order.OLDEST : Order.NEWEST;
        return page(
                historyKey,
                "time_ms > ? AND time_ms < ?",
                List.of(window.low(), window.high()),
                order,
                limit,
                playback);
    }

    @Override
    public List<TargetActivity> targets(
            String foldedNick, Collection<String> roomKeys, Instant from, Instant to, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        Window window = Window.of(from, to);
        Order order = from.isAfter(to) ? Order.NEWEST : Order.OLDEST;
        List<Object> params = new ArrayList<>(List.of(window.low(), window.high()));
        params.addAll(roomKeys);
        params.addAll(List.of(foldedNick, foldedNick, window.high(), limit));
        String rooms = roomKeys.isEmpty()
                ? ""
                : "history_key IN (" + roomKeys.stream().map(k -> "?").collect(Collectors.joining(", ")) + ") OR ";
        String sql = "SELECT " + MessageRow.SELECT_COLUMNS + " FROM ("
                + "SELECT id, " + MessageRow.SELECT_COLUMNS + ", ROW_NUMBER() OVER ("
                + "PARTITION BY history_key ORDER BY time_ms DESC, id DESC) AS newness FROM messages"
                + " WHERE time_ms > ? AND time_ms < ? AND " + MESSAGES_ONLY + " AND (" + rooms
                + "dm_low = ? OR dm_high = ?)"
                + ") newest WHERE newness = 1"
                // a target whose latest message is past the window is not active in it (IRCv3 TARGETS)
                + " AND NOT EXISTS (SELECT 1 FROM messages later"
                + " WHERE later.history_key = newest.history_key AND later.time_ms >= ?"
                + " AND later." + MESSAGES_ONLY + ")"
                + " ORDER BY " + order.sql + " LIMIT ?";
        return order.chronological(query(sql, params)).stream()
                .map(m -> new TargetActivity(m.historyKey(), m.time(), m))
                .toList();
    }

    @Override
    public List<StoredMessage> search(SearchQuery query) {
        SearchQuery.Readable readable = query.readable();
        if (query.limit() <= 0
                || (!readable.everything() && readable.roomKeys().isEmpty() && readable.identity() == null)) {
            return List.of();
        }
        if (searchIndex != null && !query.words().isEmpty()) {
            searchIndex.catchUp();
        }
        StringBuilder where = new StringBuilder(MESSAGES_ONLY);
        List<Object> params = new ArrayList<>();
        if (!readable.everything()) {
            List<String> sides = new ArrayList<>();
            if (!readable.roomKeys().isEmpty()) {
                sides.add("history_key IN ("
                        + readable.roomKeys().stream().map(k -> "?").collect(Collectors.joining(", ")) + ")");
                params.addAll(readable.roomKeys());
            }
            if (readable.identity() != null) {
                sides.add("dm_low = ? OR dm_high = ?");
                params.add(readable.identity());
                params.add(readable.identity());
            }
            where.append(" AND (").append(String.join(" OR ", sides)).append(')');
        }
        query.in().ifPresent(key -> {
            where.append(" AND history_key = ?");
            params.add(key);
        });
        query.fromNick().ifPresent(nick -> {
            where.append(" AND LOWER(nickname) = ?");
            params.add(nick.toLowerCase(Locale.ROOT));
        });
        query.after().ifPresent(time -> {
            where.append(" AND time_ms >= ?");
            params.add(time.toEpochMilli());
        });
        query.before().ifPresent(time -> {
            where.append(" AND time_ms <= ?");
            params.add(time.toEpochMilli());
        });
        if (!query.words().isEmpty()) {
            SqlDialect.WordsCondition words = dialect.wordsCondition(query.words());
            where.append(" AND ").append(words.sql());
            params.add(words.parameter());
        }
        Order order = query.after().isPresent() ? Order.OLDEST : Order.NEWEST;
        params.add(query.limit());
        String sql = "SELECT " + MessageRow.SELECT_COLUMNS + " FROM messages WHERE " + where + " ORDER BY " + order.sql
                + " LIMIT ?";
        int timeoutSeconds = (int) Math.max(1, (query.timeout().toMillis() + 999) / 1000);
        try {
            return order.chronological(query(sql, params, timeoutSeconds));
        } catch (StoreException e) {
            if (stoppedForTime(e.getCause())) {
                throw new SearchTimedOut(e.getCause());
            }
            throw e;
        }
    }

    /**
     * Whether the database stopped a statement at its query timeout: JDBC's own exception (MariaDB),
     * PostgreSQL's query_canceled state, SQLite's interrupt.
     */
    private static boolean stoppedForTime(Throwable cause) {
        if (cause instanceof SQLTimeoutException) {
            return true;
        }
        return cause instanceof SQLException e
                && ("57014".equals(e.getSQLState())
                        || (e.getMessage() != null && e.getMessage().contains("SQLITE_INTERRUPT")));
    }

    @Override
    public int deleteBefore(Instant cutoff, int limit) {
        return deletes.deleteBefore(cutoff, limit);
    }

    @Override
    public List<String> keysOver(int keep) {
        return deletes.keysOver(keep);
    }

    @Override
    public int deleteBeyond(String historyKey, int keep, int limit) {
        return deletes.deleteBeyond(historyKey, keep, limit);
    }

    @Override
    public long count() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM messages");
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new StoreException("could not count messages", e);
        }
    }

    /** Does nothing: {@link JdbcStorage} owns the pool and closes it. */
    @Override
    public void close() {}

    private List<StoredMessage> page(
            String historyKey, String condition, List<Long> bounds, Order order, int limit, Playback playback) {
        if (limit <= 0) {
            return List.of();
        }
        String kinds = playback == Playback.EVENTS ? "" : " AND " + MESSAGES_ONLY;
        String sql = "SELECT " + MessageRow.SELECT_COLUMNS + " FROM messages WHERE history_key = ? AND " + condition
                + kinds + " ORDER BY " + order.sql + " LIMIT ?";
        List<Object> params = new ArrayList<>();
        params.add(historyKey);
        params.addAll(bounds);
        params.add(limit);
        return order.chronological(query(sql, params));
    }

    private List<StoredMessage> query(String sql, List<?> params) {
        return query(sql, params, 0);
    }

    /** @param timeoutSeconds the longest the database may take; 0: the pool's own bound */
    private List<StoredMessage> query(String sql, List<?> params, int timeoutSeconds) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            if (timeoutSeconds > 0) {
                statement.setQueryTimeout(timeoutSeconds);
            }
            for (int i = 0; i < params.size(); i++) {
                statement.setObject(i + 1, params.get(i));
            }
            List<StoredMessage> messages = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    messages.add(MessageRow.read(rows));
                }
            }
            return messages;
        } catch (SQLException e) {
            throw new StoreException("could not read history", e);
        }
    }

    /** Which end of the conversation a page is taken from. */
    private enum Order {
        OLDEST("time_ms ASC, id ASC"),
        NEWEST("time_ms DESC, id DESC");

        final String sql;

        Order(String sql) {
            this.sql = sql;
        }

        List<StoredMessage> chronological(List<StoredMessage> fetched) {
            if (this == NEWEST) {
                Collections.reverse(fetched);
            }
            return fetched;
        }
    }

    /** Two times as epoch millis, earlier first, whichever order they were given in. */
    private record Window(long low, long high) {
        static Window of(Instant a, Instant b) {
            long x = a.toEpochMilli();
            long y = b.toEpochMilli();
            return new Window(Math.min(x, y), Math.max(x, y));
        }
    }
}
