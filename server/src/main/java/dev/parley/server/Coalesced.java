package dev.parley.server;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A call that runs at most once at a time: whoever asks while it runs gets the running call's
 * result instead of starting another. So any number of callers put at most one task on the
 * executor, however often they ask.
 */
final class Coalesced<T> {

    private final Supplier<T> work;
    private final Executor executor;
    private final AtomicReference<CompletableFuture<T>> running = new AtomicReference<>();

    Coalesced(Supplier<T> work, Executor executor) {
        this.work = work;
        this.executor = executor;
    }

    /** The running call's result, or a new call's when none runs. */
    CompletableFuture<T> get() {
        while (true) {
            CompletableFuture<T> current = running.get();
            if (current != null) {
                return current;
            }
            CompletableFuture<T> mine = new CompletableFuture<>();
            if (running.compareAndSet(null, mine)) {
                start(mine);
                return mine;
            }
        }
    }

    private void start(CompletableFuture<T> result) {
        try {
            executor.execute(() -> {
                try {
                    T value = work.get();
                    running.set(null);
                    result.complete(value);
                } catch (RuntimeException | Error e) {
                    running.set(null);
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            running.set(null);
            result.completeExceptionally(e);
        }
    }
}
