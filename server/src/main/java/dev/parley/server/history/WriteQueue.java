package dev.parley.server.history;

import dev.parley.server.store.StoredMessage;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The history writer's bounded queue. Unlike a plain {@code BlockingQueue} it knows about batches:
 * the writer takes up to a batch at once, waiting a bounded time for it to fill, and a flush request
 * or close cuts that wait short. It also counts what was committed so callers can wait for a flush.
 * The lock is held only for queue bookkeeping, never across the store call.
 */
final class WriteQueue {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final Condition progress = lock.newCondition();
    private final ArrayDeque<StoredMessage> items = new ArrayDeque<>();
    /** Callbacks waiting for their message's commit, in offer order: {@code [sequence, callback]}. */
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();

    private final int capacity;
    private final int batchSize;
    private boolean closed;
    private boolean nudged;
    private long accepted;
    private long taken;
    private long committed;
    private long flushTarget;

    WriteQueue(int capacity, int batchSize) {
        if (capacity < 1 || batchSize < 1) {
            throw new IllegalArgumentException("capacity and batch size must be positive");
        }
        this.capacity = capacity;
        this.batchSize = batchSize;
    }

    /** Adds the message unless the queue is full or closed. Wakes the writer only when it has work. */
    boolean offer(StoredMessage message) {
        return offer(message, null);
    }

    /**
     * As {@link #offer(StoredMessage)}; {@code whenDone}, when given, runs on the writer's thread
     * once the message is stored (true: in the database or the spill file) or lost (false).
     */
    boolean offer(StoredMessage message, Consumer<Boolean> whenDone) {
        lock.lock();
        try {
            if (closed || items.size() >= capacity) {
                return false;
            }
            items.addLast(message);
            accepted++;
            if (whenDone != null) {
                waiters.addLast(new Waiter(accepted, whenDone));
            }
            if (items.size() == 1 || items.size() >= batchSize) {
                work.signal();
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits for a first message, then up to {@code maxWait} more for the batch to fill (less when a
     * flush is requested or the queue closes), and takes up to a batch. Empty only when closed and
     * drained.
     */
    List<StoredMessage> takeBatch(Duration maxWait) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (items.isEmpty() && !closed) {
                work.await();
            }
            long left = maxWait.toNanos();
            while (items.size() < batchSize && !closed && taken >= flushTarget && left > 0) {
                left = work.awaitNanos(left);
            }
            List<StoredMessage> batch = new ArrayList<>(Math.min(batchSize, items.size()));
            while (batch.size() < batchSize && !items.isEmpty()) {
                batch.add(items.pollFirst());
            }
            taken += batch.size();
            return batch;
        } finally {
            lock.unlock();
        }
    }

    /** Records that the writer stored {@code count} more messages, waking flush waiters and running callbacks. */
    void committed(int count) {
        done(count, true);
    }

    /** Records that {@code count} more messages could not be stored and are lost. */
    void lost(int count) {
        done(count, false);
    }

    private void done(int count, boolean stored) {
        List<Consumer<Boolean>> due = new ArrayList<>();
        lock.lock();
        try {
            committed += count;
            while (!waiters.isEmpty() && waiters.peekFirst().sequence() <= committed) {
                due.add(waiters.pollFirst().callback());
            }
            progress.signalAll();
        } finally {
            lock.unlock();
        }
        for (Consumer<Boolean> callback : due) {
            callback.accept(stored);
        }
    }

    /**
     * Like {@link #takeBatch(Duration)}, but waits at most {@code firstWait} for a first message and
     * returns an empty batch when none came or {@link #nudge()} cut the wait short (the writer's
     * chance to retry an outage).
     */
    List<StoredMessage> takeBatch(Duration maxWait, Duration firstWait) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            long idle = firstWait.toNanos();
            while (items.isEmpty() && !closed && !nudged && idle > 0) {
                idle = work.awaitNanos(idle);
            }
            nudged = false;
            if (items.isEmpty()) {
                return List.of();
            }
        } finally {
            lock.unlock();
        }
        return takeBatch(maxWait);
    }

    /** Whether the queue is closed and nothing is left in it. */
    boolean isClosedAndEmpty() {
        lock.lock();
        try {
            return closed && items.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    private record Waiter(long sequence, Consumer<Boolean> callback) {}

    /** Asks the writer to store everything queued now without waiting for a batch to fill. */
    void requestFlush() {
        lock.lock();
        try {
            flushTarget = accepted;
            work.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Flushes and waits until every message accepted so far is stored; false on timeout. */
    boolean awaitCommitted(Duration timeout) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            flushTarget = accepted;
            long target = accepted;
            work.signal();
            long left = timeout.toNanos();
            while (committed < target) {
                if (left <= 0) {
                    return false;
                }
                left = progress.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Cuts short the writer's wait for a first message once, even when none came. */
    void nudge() {
        lock.lock();
        try {
            nudged = true;
            work.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Refuses further offers; the writer drains what is left without waiting. */
    void close() {
        lock.lock();
        try {
            closed = true;
            work.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Messages accepted but not yet stored (queued or in the batch being written). */
    long pending() {
        lock.lock();
        try {
            return accepted - committed;
        } finally {
            lock.unlock();
        }
    }
}
