package dev.parley.server.history;

import dev.parley.server.config.HistoryConfig;
import dev.parley.server.store.MessageStore;
import dev.parley.server.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enforces {@code history.retention} in the background: every interval it deletes messages older
 * than {@code max-age} and, per conversation, all but the newest {@code max-messages}, in batches of
 * {@link #BATCH} so no delete holds the database for long. Runs on its own thread, never an event
 * loop; a failing database is logged and retried at the next interval. The rules and the interval
 * are read at each pass, so a reload applies them from the next one (and a pass with neither rule
 * set deletes nothing).
 */
public final class Retention implements AutoCloseable {

    /** Messages one delete statement removes at most. */
    static final int BATCH = 1000;
    /** How often the timer looks whether a pass is due (the shortest interval allowed is a second). */
    private static final Duration TICK = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final MessageStore store;
    private final Supplier<HistoryConfig> config;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    /** The settings of the last pass and when it started; touched by the timer's one thread only. */
    private HistoryConfig lastPass;

    private long lastPassNanos;

    public Retention(MessageStore store, HistoryConfig config, Clock clock) {
        this(store, () -> config, clock);
    }

    public Retention(MessageStore store, Supplier<HistoryConfig> config, Clock clock) {
        this.store = store;
        this.config = config;
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "parley-retention");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Runs now, then every {@code history.retention.interval}, and at once after a reload changes the
     * history settings: a light tick every second (no database call) decides whether a pass is due.
     */
    public void start() {
        timer.scheduleWithFixedDelay(this::tick, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tick() {
        HistoryConfig now = config.get();
        long nowNanos = System.nanoTime();
        boolean due = lastPass == null
                || !now.equals(lastPass)
                || nowNanos - lastPassNanos >= now.retentionInterval().toNanos();
        if (due) {
            lastPass = now;
            lastPassNanos = nowNanos;
            runQuietly();
        }
    }

    private void runQuietly() {
        try {
            long deleted = runOnce();
            if (deleted > 0) {
                log.info("history retention deleted {} messages", deleted);
            }
        } catch (StoreException e) {
            log.warn(
                    "history retention could not run: {}; trying again in {}",
                    e.getMessage(),
                    config.get().retentionInterval());
        }
    }

    /** One pass of both rules; how many messages it deleted. */
    public long runOnce() {
        long deleted = 0;
        HistoryConfig config = this.config.get();
        if (!config.retentionMaxAge().isZero()) {
            var cutoff = clock.instant().minus(config.retentionMaxAge());
            int batch;
            do {
                batch = store.deleteBefore(cutoff, BATCH);
                deleted += batch;
            } while (batch == BATCH && !Thread.currentThread().isInterrupted());
        }
        int keep = config.retentionMaxMessages();
        if (keep > 0) {
            for (String key : store.keysOver(keep)) {
                int batch;
                do {
                    batch = store.deleteBeyond(key, keep, BATCH);
                    deleted += batch;
                } while (batch == BATCH && !Thread.currentThread().isInterrupted());
            }
        }
        return deleted;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
