package dev.parley.server.history;

import dev.parley.server.chat.MessageSink;
import dev.parley.server.config.HistoryConfig;
import dev.parley.server.store.MessageStore;
import dev.parley.server.store.StoredMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes delivered messages off the event loops and stores them in batches: {@link #offer} only
 * enqueues, and one thread, {@code parley-history-writer}, commits up to {@code batchSize} messages
 * per transaction (group commit), waiting at most {@code flushInterval} for a batch to fill. One
 * writer keeps the store's order equal to the offer order and suits SQLite's single writer.
 *
 * <p>The store is called on a thread of its own ({@link StoreCalls}), and the writer waits for a
 * commit at most {@code commitTimeout}. When the database fails or does not answer in time, chat
 * goes on: the writer appends that batch and every later one to the {@link SpillFile} in the data
 * directory (forced to disk), so a delivered message is durable within {@code flushInterval +
 * commitTimeout} whatever the database does, and within {@code flushInterval} once an outage is
 * under way. {@link SpillReplay} retries the database with backoff; once it answers, the spill
 * file is written to it in order, then deleted, and normal writing resumes. Stores skip a msgid
 * they already hold, so a replay cut short and started again, or a commit that answered after its
 * timeout, stores each message once. A spill file left by a crash is replayed at start. One
 * warning when an outage starts, one line when it ends.
 *
 * <p>The queue is bounded: when full, a message is refused and counted, and one warning is logged
 * per episode, not per message. Shutdown is ordered: close the listeners first, then this (it
 * drains the queue, to the spill file if the database is down), then the store.
 */
public final class HistoryWriter implements MessageSink, AutoCloseable {

    /** How long {@link #close()} waits for the queue to drain before giving up on what is left. */
    public static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    /** The spill file's name in the data directory. */
    public static final String SPILL_FILE = "history-spill.bin";

    private static final Logger log = LoggerFactory.getLogger(HistoryWriter.class);

    private final MessageStore store;
    private final Duration flushInterval;
    private final Duration commitTimeout;
    private final Duration maxRetryDelay;
    private final WriteQueue queue;
    private final SpillFile spill;
    private final StoreCalls calls;
    private final SpillReplay replays;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private final AtomicLong spilled = new AtomicLong();
    private final AtomicLong stored = new AtomicLong();
    private final AtomicBoolean overflowing = new AtomicBoolean();
    private final Thread thread;
    private volatile boolean closed;
    private volatile boolean degraded;
    private volatile LongConsumer batchWritten = nanos -> {};
    private boolean spillFullWarned;

    public HistoryWriter(MessageStore store, HistoryConfig config, Path dataDir) {
        this(store, config, dataDir, Duration.ofMillis(100), Duration.ofSeconds(5));
    }

    /** With the retry backoff chosen, so tests can ride out a failing store quickly. */
    HistoryWriter(
            MessageStore store, HistoryConfig config, Path dataDir, Duration firstRetryDelay, Duration maxRetryDelay) {
        this.store = store;
        // In sync mode a sender waits for the commit: commit what is there at once, never wait for a batch to
        // fill. Messages arriving during a commit still share the next one (group commit).
        this.flushInterval =
                config.durability() == HistoryConfig.Durability.SYNC ? Duration.ZERO : config.flushInterval();
        this.commitTimeout = config.commitTimeout();
        this.maxRetryDelay = maxRetryDelay;
        this.queue = new WriteQueue(config.queueCapacity(), config.batchSize());
        this.spill = new SpillFile(dataDir.resolve(SPILL_FILE), config.spillMaxBytes());
        this.calls = new StoreCalls(queue::nudge);
        this.replays = new SpillReplay(
                spill,
                store,
                calls,
                new Backoff(firstRetryDelay, maxRetryDelay),
                config.batchSize(),
                commitTimeout,
                stored::addAndGet);
        this.thread = new Thread(this::run, "parley-history-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues the message; never blocks. False when the queue is full or the writer is closed. */
    @Override
    public boolean offer(StoredMessage message) {
        return offer(message, null);
    }

    /**
     * Queues the message; {@code whenDone} runs on the writer's thread once it is durable (committed,
     * or forced to the spill file: true) or lost (false). Never blocks.
     */
    @Override
    public boolean offer(StoredMessage message, Consumer<Boolean> whenDone) {
        if (closed) {
            return false;
        }
        if (!queue.offer(message, whenDone)) {
            refused();
            return false;
        }
        if (overflowing.get() && overflowing.compareAndSet(true, false)) {
            log.info("history queue has room again; {} messages were refused in all", dropped.get());
        }
        return true;
    }

    /** Tells {@code listener} how long each committed batch took, in nanoseconds (for metrics). */
    public void onBatchWritten(LongConsumer listener) {
        batchWritten = listener;
    }

    /** Messages refused because the queue was full, since start. */
    public long droppedCount() {
        return dropped.get();
    }

    /** Messages lost because the spill file was full or could not be written, since start. */
    public long lostCount() {
        return lost.get();
    }

    /** Messages stored in the database, since start. */
    public long storedCount() {
        return stored.get();
    }

    /** Messages written to the spill file, since start. */
    public long spilledCount() {
        return spilled.get();
    }

    /** Bytes waiting in the spill file. */
    public long spillBytes() {
        return spill.size();
    }

    /** Whether the database is unreachable and messages go to the spill file. */
    public boolean isDegraded() {
        return degraded;
    }

    /** Messages accepted and not yet stored. */
    public long pendingCount() {
        return queue.pending();
    }

    /** Asks the writer to store what is queued now instead of waiting for the batch to fill. */
    public void flush() {
        queue.requestFlush();
    }

    /** Flushes, then waits until everything offered before the call is durable; false on timeout. */
    public boolean awaitFlushed(Duration timeout) throws InterruptedException {
        return queue.awaitCommitted(timeout);
    }

    /** Refuses new messages, stores everything queued, and stops the writer thread. */
    @Override
    public void close() {
        close(CLOSE_TIMEOUT);
    }

    /** As {@link #close()}, giving up (and logging what was not stored) after {@code timeout}. */
    public void close(Duration timeout) {
        closed = true;
        queue.close();
        try {
            thread.join(timeout.toMillis());
            if (thread.isAlive()) {
                log.error("history writer did not drain within {}; stopping it", timeout);
                thread.interrupt();
                thread.join(timeout.toMillis());
            }
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
        }
    }

    private void refused() {
        dropped.incrementAndGet();
        if (!overflowing.get() && overflowing.compareAndSet(false, true)) {
            log.warn("history queue full: refusing messages until the store catches up");
        }
    }

    private void run() {
        try {
            start();
            while (true) {
                List<StoredMessage> batch =
                        degraded ? queue.takeBatch(flushInterval, untilNextLook()) : queue.takeBatch(flushInterval);
                if (batch.isEmpty() && queue.isClosedAndEmpty()) {
                    break;
                }
                if (degraded) {
                    spillOrLose(batch);
                    tryToRecover();
                } else {
                    write(batch);
                }
            }
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.error("history writer stopped; {} messages were not stored", queue.pending());
        } catch (RuntimeException | Error e) {
            log.error("history writer died; {} messages were not stored", queue.pending(), e);
            throw e;
        } finally {
            calls.close();
        }
    }

    /** Trims a record a crash tore, and replays what an earlier run left in the spill file. */
    private void start() {
        try {
            spill.trimTornTail();
        } catch (IOException e) {
            log.error("could not check the history spill file {}", spill.path(), e);
        }
        if (spill.hasMessages()) {
            log.info("replaying {} bytes of history spilled before the last stop", spill.size());
            degraded = true;
            replays.leftOver();
        }
    }

    /** Waits briefly for a replay still running, so a clean stop leaves no spill file when it can. */
    private void stop() throws InterruptedException {
        if (degraded && replays.finishWithin(commitTimeout) == SpillReplay.Progress.ALL_STORED) {
            outageEnded();
        }
        if (degraded) {
            log.warn(
                    "stopping with {} bytes of history in {}; they are stored at the next start",
                    spill.size(),
                    spill.path());
        }
    }

    /**
     * Commits the batch on the store thread, waiting at most {@code commitTimeout}: a database that
     * refuses, or does not answer in time, sends the batch to the spill file and starts an outage.
     * A commit that answers later anyway is harmless: the replay skips the msgids it stored.
     */
    private void write(List<StoredMessage> batch) throws InterruptedException {
        long start = System.nanoTime();
        CompletableFuture<Void> commit = calls.start(() -> {
            store.appendAll(batch);
            return null;
        });
        try {
            commit.get(commitTimeout.toNanos(), TimeUnit.NANOSECONDS);
            batchWritten.accept(System.nanoTime() - start);
            stored.addAndGet(batch.size());
            queue.committed(batch.size());
        } catch (TimeoutException e) {
            outageStarted("no answer within history.commit-timeout, " + commitTimeout.toMillis() + " ms");
            spillOrLose(batch);
        } catch (ExecutionException e) {
            outageStarted(ThrottledWarning.rootMessage(e.getCause()));
            spillOrLose(batch);
        }
    }

    private void outageStarted(String reason) {
        degraded = true;
        replays.outageStarted();
        log.warn("history database unavailable ({}); keeping messages in {} until it returns", reason, spill.path());
    }

    /** Appends the batch to the spill file; what does not fit is counted as lost. */
    private void spillOrLose(List<StoredMessage> batch) {
        if (batch.isEmpty()) {
            return;
        }
        int fitted;
        try {
            fitted = spill.append(batch);
        } catch (IOException e) {
            log.error("could not write the history spill file {}: {} messages lost", spill.path(), batch.size(), e);
            fitted = 0;
        }
        spilled.addAndGet(fitted);
        queue.committed(fitted);
        int missed = batch.size() - fitted;
        if (missed > 0) {
            lost.addAndGet(missed);
            queue.lost(missed);
            if (!spillFullWarned) {
                spillFullWarned = true;
                log.error(
                        "history spill file {} is full (history.spill-max-bytes); further messages are lost "
                                + "until the database returns",
                        spill.path());
            }
        }
    }

    /** Lets the replay go on; ends the outage once the whole spill file is stored. */
    private void tryToRecover() throws InterruptedException {
        if (replays.poll() == SpillReplay.Progress.ALL_STORED) {
            outageEnded();
        }
    }

    private void outageEnded() {
        degraded = false;
        spillFullWarned = false;
        log.info("history database is back: {} spilled messages stored, writing resumed", replays.storedThisOutage());
    }

    /** While degraded: how long to wait for messages before looking at the database again. */
    private Duration untilNextLook() {
        // A running call nudges the queue when it ends, so no need to poll for it.
        return replays.busy() ? maxRetryDelay : replays.untilDue();
    }
}
