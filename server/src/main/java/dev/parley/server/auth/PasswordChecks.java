package dev.parley.server.auth;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pool that password checks (bcrypt, and the account lookup beside it) run on, apart from all
 * other blocking work so that nothing unrelated to passwords waits behind them. Two bounded lanes:
 * a priority lane for contexts already known to be good (an account logging in again from an
 * address it used before, a connection already authenticated with SASL) and a normal lane for the
 * rest. The workers serve the priority lane first, and one more worker serves it alone, so a
 * known-good login never waits behind a guess already running. A full lane refuses at once with
 * the caller's "busy" value, so a flood of guesses costs a queue slot at most, never a growing queue.
 */
public final class PasswordChecks implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PasswordChecks.class);

    private final int capacity;
    private final ArrayDeque<Runnable> priority = new ArrayDeque<>();
    private final ArrayDeque<Runnable> normal = new ArrayDeque<>();
    private final List<Thread> workers = new ArrayList<>();
    private final Set<Runnable> runningPriority = new HashSet<>();
    private boolean closed;
    private long refused;

    /**
     * @param threads workers serving both lanes (bcrypt is CPU-bound: at most the cores to spare);
     *     one more serves the priority lane only. Zero runs every check on the caller's thread.
     * @param capacity checks each lane holds waiting; past it a check is refused at once
     */
    public PasswordChecks(int threads, int capacity, ThreadFactory threadFactory) {
        this.capacity = capacity;
        for (int i = 0; i <= threads && threads > 0; i++) {
            boolean reserved = i == threads;
            Thread worker = threadFactory.newThread(() -> work(reserved));
            workers.add(worker);
            worker.start();
        }
    }

    /** Checks run on the caller's thread, at once: for tests and the command-line tools. */
    public static PasswordChecks inline() {
        return new PasswordChecks(0, 0, runnable -> new Thread(runnable));
    }

    /**
     * Runs {@code check} on the pool; completes with {@code whenBusy} at once when its lane is full.
     *
     * @param known whether the context is known to be good (priority lane)
     */
    public <T> CompletableFuture<T> submit(boolean known, Supplier<T> check, T whenBusy) {
        if (workers.isEmpty()) {
            return CompletableFuture.completedFuture(check.get());
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable task = () -> {
            try {
                result.complete(check.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        };
        if (!offer(known ? priority : normal, task)) {
            result.complete(whenBusy);
        }
        return result;
    }

    private synchronized boolean offer(ArrayDeque<Runnable> lane, Runnable task) {
        if (closed || lane.size() >= capacity) {
            if (refused++ % 1000 == 0) {
                log.warn(
                        "password checks busy: {} waiting, a check was refused ({} refused so far)",
                        lane.size(),
                        refused);
            }
            return false;
        }
        lane.add(task);
        notifyAll(); // the reserved worker may be the only one free, and only it may be waiting
        return true;
    }

    /** How many checks were refused because their lane was full. */
    public synchronized long refusedCount() {
        return refused;
    }

    private void work(boolean reserved) {
        while (true) {
            Runnable task;
            try {
                task = next(reserved);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (task == null) {
                return;
            }
            try {
                task.run();
            } finally {
                done(task);
            }
        }
    }

    /**
     * The next check: the priority lane's first; a reserved worker takes only those. While a
     * priority check runs no new normal one starts, so it has the CPU to itself. Null once closed
     * and drained.
     */
    private synchronized Runnable next(boolean reserved) throws InterruptedException {
        while (!closed && priority.isEmpty() && (reserved || normal.isEmpty() || !runningPriority.isEmpty())) {
            wait();
        }
        if (!priority.isEmpty()) {
            Runnable task = priority.poll();
            runningPriority.add(task);
            return task;
        }
        return reserved ? null : normal.poll();
    }

    private synchronized void done(Runnable task) {
        if (runningPriority.remove(task)) {
            notifyAll();
        }
    }

    /** Stops taking checks; waiting ones still run, then the workers end. */
    @Override
    public synchronized void close() {
        closed = true;
        notifyAll();
    }
}
