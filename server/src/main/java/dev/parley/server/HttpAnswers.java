package dev.parley.server;

import dev.parley.server.transport.HttpEndpoints;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Answers {@code /readyz} and {@code /metrics}. Readiness is a flag (taking clients, not shutting
 * down) and answers at once; it never asks the database, so a slow or absent database cannot turn
 * the orchestrator against a server that still carries chat. A scrape runs on a thread of its own,
 * at most once at a time (concurrent requests share it), so it neither waits behind logins on the
 * shared blocking threads nor delays them.
 */
final class HttpAnswers implements HttpEndpoints, AutoCloseable {

    private final ExecutorService metricsThread =
            Executors.newSingleThreadExecutor(NamedThreads.daemon("parley-metrics"));
    private final BooleanSupplier accepting;
    private final BooleanSupplier clusterUp;
    private final Coalesced<String> scrape;

    /**
     * @param accepting whether the server takes clients (cheap, thread-safe)
     * @param metrics the Prometheus text of every metric
     */
    HttpAnswers(BooleanSupplier accepting, Supplier<String> metrics) {
        this(accepting, () -> true, metrics);
    }

    /** @param clusterUp whether this cluster node has Redis (a node without it is healthy, not ready) */
    HttpAnswers(BooleanSupplier accepting, BooleanSupplier clusterUp, Supplier<String> metrics) {
        this.accepting = accepting;
        this.clusterUp = clusterUp;
        this.scrape = new Coalesced<>(metrics, metricsThread);
    }

    @Override
    public CompletionStage<Boolean> ready() {
        return CompletableFuture.completedFuture(accepting.getAsBoolean() && clusterUp.getAsBoolean());
    }

    @Override
    public CompletionStage<Boolean> healthy() {
        return CompletableFuture.completedFuture(accepting.getAsBoolean());
    }

    @Override
    public CompletionStage<String> metrics() {
        return scrape.get();
    }

    @Override
    public void close() {
        metricsThread.shutdownNow();
    }
}
