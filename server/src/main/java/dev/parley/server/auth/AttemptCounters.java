package dev.parley.server.auth;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Makes the {@link Attempts} of each named limit ({@code login-pair}, {@code login-address} ...):
 * in memory on a single node ({@link #LOCAL}), shared through Redis on a cluster.
 */
@FunctionalInterface
public interface AttemptCounters {

    /** A counter of {@code limit} attempts per {@code window}, remembering at most {@code maxKeys} keys here. */
    Attempts counter(String name, int limit, Duration window, int maxKeys);

    /**
     * Completes (never exceptionally) once the attempts counted so far are counted everywhere: a
     * failed login's answer waits for it, so the next guess, on any node, meets the count.
     */
    default CompletionStage<Void> settled() {
        return CompletableFuture.completedFuture(null);
    }

    /** A single node: each limit counts in memory. */
    AttemptCounters LOCAL = (name, limit, window, maxKeys) -> new AttemptLimiter(limit, window, maxKeys);
}
