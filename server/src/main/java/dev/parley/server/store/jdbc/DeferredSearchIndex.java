package dev.parley.server.store.jdbc;

import dev.parley.server.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SQLite's search index, filled behind the history writer in bulk (migration V10). Indexing each
 * message in the writer's own small transactions cost FTS5 a new segment and a merge per commit,
 * about three times the writer's work per message; catching up every {@value #PENDING_ROWS}
 * messages or every second, in one statement, costs a fraction of it. A search catches up first,
 * so it never misses a stored message. The writer thread and the read pool share it: one catch-up
 * at a time.
 */
final class DeferredSearchIndex {

    private static final Logger log = LoggerFactory.getLogger(DeferredSearchIndex.class);

    static final int PENDING_ROWS = 2000;
    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final DataSource dataSource;
    private final ReentrantLock lock = new ReentrantLock();
    private int pending;
    private long lastCatchUp = System.nanoTime();

    DeferredSearchIndex(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The writer stored {@code rows} more messages: catch up when enough are waiting or time has
     * passed. A failure here is logged, not thrown: the messages are stored, and the next catch-up
     * (or the next search's) indexes them.
     */
    void appended(int rows) {
        lock.lock();
        try {
            pending += rows;
            if (pending >= PENDING_ROWS || System.nanoTime() - lastCatchUp >= INTERVAL_NANOS) {
                catchUpLocked();
            }
        } catch (StoreException e) {
            log.warn(
                    "search index: {}; it catches up later",
                    e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
        } finally {
            lock.unlock();
        }
    }

    /** Indexes every stored message not indexed yet (before a search). */
    void catchUp() {
        lock.lock();
        try {
            catchUpLocked();
        } finally {
            lock.unlock();
        }
    }

    private void catchUpLocked() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                long through = single(connection, "SELECT indexed_through FROM messages_fts_progress");
                long newest = single(connection, "SELECT coalesce(max(id), 0) FROM messages");
                if (newest > through) {
                    try (PreparedStatement index = connection.prepareStatement(
                                    "INSERT INTO messages_fts (rowid, message) SELECT id, message FROM messages"
                                            + " WHERE id > ? AND id <= ? ORDER BY id");
                            PreparedStatement progress = connection.prepareStatement(
                                    "UPDATE messages_fts_progress SET indexed_through = ?")) {
                        index.setLong(1, through);
                        index.setLong(2, newest);
                        index.executeUpdate();
                        progress.setLong(1, newest);
                        progress.executeUpdate();
                    }
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
            pending = 0;
            lastCatchUp = System.nanoTime();
        } catch (SQLException e) {
            throw new StoreException("could not bring the search index up to date", e);
        }
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
