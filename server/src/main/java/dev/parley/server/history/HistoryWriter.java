package dev.parley.server.history;

import dev.parley.server.chat.MessageSink;
import dev.parley.server.config.HistoryConfig;
import dev.parley.server.store.MessageStore;
import dev.parley.server.store.StoredMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes delivered messages off the event loops and stores them in batches: {@link #offer} only
 * enqueues, and one thread, {@code parley-history-writer}, commits up to {@code batchSize} messages
 * per transaction (group commit), waiting at most {@code flushInterval} for a batch to fill. One
 * writer keeps the store's order equal to the offer order and suits SQLite's single writer.
 *
 * <p>The queue is bounded: when full, a message is refused and counted, and one warning is logged
 * per episode, not per message. When the store fails, the writer keeps its batch and retries with
 * backoff, so an outage delays history but neither loses nor reorders it (new messages queue, then
 * are refused once the queue is full).
 *
 * <p>Shutdown is ordered: close the listeners first, then this (it drains the queue), then the store.
 */
public final class HistoryWriter implements MessageSink, AutoCloseable {

    /** How long {@link #close()} waits for the queue to drain before giving up on what is left. */
    public static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(HistoryWriter.class);

    private final MessageStore store;
    private final Duration flushInterval;
    private final Duration firstRetryDelay;
    private final Duration maxRetryDelay;
    private final WriteQueue queue;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicBoolean overflowing = new AtomicBoolean();
    private final Thread thread;
    private volatile boolean closed;

    public HistoryWriter(MessageStore store, HistoryConfig config) {
        this(store, config, Duration.ofMillis(100), Duration.ofSeconds(5));
    }

    /** With the retry backoff chosen, so tests can ride out a failing store quickly. */
    HistoryWriter(MessageStore store, HistoryConfig config, Duration firstRetryDelay, Duration maxRetryDelay) {
        this.store = store;
        this.flushInterval = config.flushInterval();
        this.firstRetryDelay = firstRetryDelay;
        this.maxRetryDelay = maxRetryDelay;
        this.queue = new WriteQueue(config.queueCapacity(), config.batchSize());
        this.thread = new Thread(this::run, "parley-history-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues the message; never blocks. False when the queue is full or the writer is closed. */
    @Override
    public boolean offer(StoredMessage message) {
        if (closed) {
            return false;
        }
        if (!queue.offer(message)) {
            refused();
            return false;
        }
        if (overflowing.get() && overflowing.compareAndSet(true, false)) {
            log.info("history queue has room again; {} messages were refused in all", dropped.get());
        }
        return true;
    }

    /** Messages refused because the queue was full, since start. */
    public long droppedCount() {
        return dropped.get();
    }

    /** Messages accepted and not yet stored. */
    public long pendingCount() {
        return queue.pending();
    }

    /** Asks the writer to store what is queued now instead of waiting for the batch to fill. */
    public void flush() {
        queue.requestFlush();
    }

    /** Flushes, then waits until everything offered before the call is stored; false on timeout. */
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
            List<StoredMessage> batch;
            while (!(batch = queue.takeBatch(flushInterval)).isEmpty()) {
                store(batch);
                queue.committed(batch.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.error("history writer stopped; {} messages were not stored", queue.pending());
        } catch (RuntimeException | Error e) {
            log.error("history writer died; {} messages were not stored", queue.pending(), e);
            throw e;
        }
    }

    /** Stores the batch, retrying with backoff until the store takes it. */
    private void store(List<StoredMessage> batch) throws InterruptedException {
        Duration delay = firstRetryDelay;
        boolean failing = false;
        while (true) {
            try {
                store.appendAll(batch);
                if (failing) {
                    log.info("history store is back; writing resumed");
                }
                return;
            } catch (RuntimeException e) {
                if (!failing) {
                    log.warn("history store failed; retrying until it recovers ({} messages waiting)",
                            queue.pending(), e);
                    failing = true;
                }
                Thread.sleep(delay.toMillis());
                Duration doubled = delay.multipliedBy(2);
                delay = doubled.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : doubled;
            }
        }
    }
}
