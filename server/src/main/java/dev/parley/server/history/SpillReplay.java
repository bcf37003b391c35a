package dev.parley.server.history;

import dev.parley.server.store.MessageStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the spill file back to the store during an outage: one byte range at a time, on the store
 * thread, while the writer goes on appending behind it. Keeps how far the file is stored, whether
 * the database answered the last try, and (through the {@link Backoff}) when to try next. The
 * writer never waits for a replay while the database has not answered, so a hang cannot keep new
 * messages out of the spill file; once one succeeded, it waits for the next (the tail appended
 * meanwhile) as long as for a commit, appending nothing, so the replay reaches the end of the file
 * and the outage can end even under steady traffic. Writer thread only.
 */
final class SpillReplay {

    /** What a look at the replay found. */
    enum Progress {
        /** Not due, still running, failed, or more to replay: the outage goes on. */
        GOING_ON,
        /** The whole file is in the store and deleted: the outage is over. */
        ALL_STORED
    }

    private static final Logger log = LoggerFactory.getLogger(SpillReplay.class);

    private final SpillFile spill;
    private final MessageStore store;
    private final StoreCalls calls;
    private final Backoff backoff;
    private final int batchSize;
    private final Duration answeringWait;
    private final LongConsumer stored;
    private CompletableFuture<Long> running;
    private long runningEnd;
    /** How much of the spill file is stored already. */
    private long storedUpTo;

    private long storedThisOutage;
    private boolean answered;

    SpillReplay(
            SpillFile spill,
            MessageStore store,
            StoreCalls calls,
            Backoff backoff,
            int batchSize,
            Duration answeringWait,
            LongConsumer stored) {
        this.spill = spill;
        this.store = store;
        this.calls = calls;
        this.backoff = backoff;
        this.batchSize = batchSize;
        this.answeringWait = answeringWait;
        this.stored = stored;
    }

    /** An outage began: the first try comes after the backoff's first delay. */
    void outageStarted() {
        answered = false;
        storedThisOutage = 0;
        backoff.restart();
    }

    /** A spill file an earlier run left: try at once. */
    void leftOver() {
        backoff.now();
    }

    /** Whether a call (a replay, or a commit that timed out) still holds the store thread. */
    boolean busy() {
        return running != null || !calls.idle();
    }

    Duration untilDue() {
        return backoff.untilDue();
    }

    /** Messages the replays of this outage stored. */
    long storedThisOutage() {
        return storedThisOutage;
    }

    /** Takes the outcome of a replay that ended, or starts one when due and the store thread is free. */
    Progress poll() throws InterruptedException {
        if (running != null) {
            if (!running.isDone()) {
                return Progress.GOING_ON;
            }
            if (finish()) {
                return Progress.ALL_STORED;
            }
        }
        if (!backoff.due() || !calls.idle()) {
            return Progress.GOING_ON;
        }
        long from = storedUpTo;
        long to = spill.size();
        runningEnd = to;
        running = calls.start(() -> replay(from, to));
        return answered ? finishWithin(answeringWait) : Progress.GOING_ON;
    }

    /** Waits at most {@code timeout} for a running replay and takes its outcome. */
    Progress finishWithin(Duration timeout) throws InterruptedException {
        if (running == null) {
            return Progress.GOING_ON;
        }
        try {
            running.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException | CancellationException e) {
            // still running, or failed: finish() looks at the future itself
        }
        return running.isDone() && finish() ? Progress.ALL_STORED : Progress.GOING_ON;
    }

    /** On the store thread: writes the spill file's bytes {@code [from, to)} to the store. */
    private long replay(long from, long to) {
        try {
            return spill.forEachBatch(from, to, batchSize, store::appendAll);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Takes a finished replay's outcome; true when the whole file is stored and deleted. */
    private boolean finish() {
        CompletableFuture<Long> done = running;
        running = null;
        try {
            long count = done.join();
            storedUpTo = runningEnd;
            storedThisOutage += count;
            stored.accept(count);
        } catch (CompletionException | CancellationException e) {
            answered = false;
            backoff.failedAgain();
            log.debug("history database still unavailable: {}", ThrottledWarning.rootMessage(e));
            return false;
        }
        answered = true;
        if (storedUpTo < spill.size()) {
            backoff.now();
            return false;
        }
        return deleted();
    }

    private boolean deleted() {
        try {
            spill.delete();
        } catch (IOException e) {
            log.error("could not delete the replayed history spill file {}", spill.path(), e);
            backoff.failedAgain();
            return false;
        }
        storedUpTo = 0;
        return true;
    }
}
