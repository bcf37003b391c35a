package dev.parley.server;

import dev.parley.protocol.name.CaseMapping;
import dev.parley.server.chat.MessageSink;
import dev.parley.server.config.ParleyConfig;
import dev.parley.server.history.DisabledHistory;
import dev.parley.server.history.History;
import dev.parley.server.history.HistoryWriter;
import dev.parley.server.history.Retention;
import dev.parley.server.history.StoredHistory;
import dev.parley.server.store.AccountStore;
import dev.parley.server.store.BanStore;
import dev.parley.server.store.PresenceStore;
import dev.parley.server.store.ReadMarkerStore;
import dev.parley.server.store.RoomStore;
import dev.parley.server.store.jdbc.JdbcStorage;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The server's persistence, opened and closed as one: the JDBC store, the history writer (the
 * message sink) and the history reader with its pool. Closing drains the writer before the store.
 */
final class Storage implements AutoCloseable {

    private static final java.time.Duration READ_BARRIER_TIMEOUT = java.time.Duration.ofSeconds(1);

    private final JdbcStorage jdbc;
    private final HistoryWriter writer;
    private final History history;
    private final ExecutorService readPool;
    private final Retention retention;

    private Storage(
            JdbcStorage jdbc, HistoryWriter writer, History history, ExecutorService readPool, Retention retention) {
        this.jdbc = jdbc;
        this.writer = writer;
        this.history = history;
        this.readPool = readPool;
        this.retention = retention;
    }

    /** @param live the configuration in force: retention reads its rules from it at each pass */
    static Storage open(ParleyConfig config, Supplier<ParleyConfig> live, CaseMapping caseMapping) {
        JdbcStorage jdbc = JdbcStorage.open(
                config.storage(), caseMapping, config.history().search().language());
        if (!config.history().enabled()) {
            return new Storage(jdbc, null, new DisabledHistory(), null, null);
        }
        ExecutorService readPool = Executors.newFixedThreadPool(2, NamedThreads.daemon("parley-history-read"));
        HistoryWriter writer = new HistoryWriter(
                jdbc.messages(), config.history(), config.storage().dataDir());
        BooleanSupplier readYourWrites = () -> awaitWritten(writer);
        Retention retention = new Retention(jdbc.messages(), () -> live.get().history(), Clock.systemUTC());
        retention.start();
        return new Storage(
                jdbc,
                writer,
                new StoredHistory(jdbc.messages(), config.history(), readPool, readYourWrites),
                readPool,
                retention);
    }

    /**
     * Lets a history query see the messages accepted before it: waits for the writer's current
     * batch, at most a second (a database outage must not hold queries for long). True when they
     * are all in the database; false when the wait timed out or they went to the spill file.
     */
    private static boolean awaitWritten(HistoryWriter writer) {
        if (writer.pendingCount() == 0) {
            return !writer.isDegraded();
        }
        try {
            return writer.awaitFlushed(READ_BARRIER_TIMEOUT) && !writer.isDegraded();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    AccountStore accounts() {
        return jdbc.accounts();
    }

    BanStore bans() {
        return jdbc.bans();
    }

    RoomStore rooms() {
        return jdbc.rooms();
    }

    PresenceStore presences() {
        return jdbc.presences();
    }

    ReadMarkerStore readMarkers() {
        return jdbc.readMarkers();
    }

    History history() {
        return history;
    }

    MessageSink sink() {
        return writer == null ? MessageSink.NONE : writer;
    }

    /** The history writer, for its counters; null when history is off. */
    HistoryWriter writer() {
        return writer;
    }

    @Override
    public void close() {
        if (retention != null) {
            retention.close();
        }
        if (writer != null) {
            writer.close();
        }
        if (readPool != null) {
            readPool.shutdown();
        }
        jdbc.close();
    }
}
