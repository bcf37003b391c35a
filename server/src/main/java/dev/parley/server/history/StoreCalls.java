package dev.parley.server.history;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The one thread, {@code parley-history-store}, on which the history writer calls the store. The
 * writer waits for a call only up to {@code history.commit-timeout}: a database that hangs holds
 * this thread, never the writer, which meanwhile keeps the spill file current. One call at a time;
 * the writer starts one only when {@link #idle()}. {@code onDone} runs when a call ends, however it
 * ends, so the writer can wake up and look.
 */
final class StoreCalls implements AutoCloseable {

    private final ExecutorService thread;
    private final Runnable onDone;
    private volatile CompletableFuture<?> current = CompletableFuture.completedFuture(null);

    StoreCalls(Runnable onDone) {
        this.onDone = onDone;
        // One queued call at most: a call is started only once the previous one has completed, and its
        // thread may still be on its way back to the queue.
        this.thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(1), runnable -> {
            Thread t = new Thread(runnable, "parley-history-store");
            t.setDaemon(true);
            return t;
        });
    }

    /** Whether no call is running. */
    boolean idle() {
        return current.isDone();
    }

    /** Starts {@code call}; fails fast when one is still running (a writer bug). */
    <T> CompletableFuture<T> start(Supplier<T> call) {
        if (!idle()) {
            throw new IllegalStateException("a store call is still running");
        }
        CompletableFuture<T> started = CompletableFuture.supplyAsync(call, thread);
        started.whenComplete((result, error) -> onDone.run());
        current = started;
        return started;
    }

    /** Stops the thread, interrupting a call that still hangs (JDBC may ignore that; the thread is a daemon). */
    @Override
    public void close() {
        thread.shutdownNow();
    }
}
