package dev.parley.server;

import dev.parley.server.transport.HttpEndpoints;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Answers {@code /healthz} and {@code /metrics} on threads of their own, so neither waits behind
 * logins on the shared blocking threads, nor delays them. Each check runs at most once at a time
 * (concurrent requests share it), and a health check that has not answered within
 * {@link #HEALTH_TIMEOUT} counts as unhealthy: a hung database must not hang the probe.
 */
final class HttpAnswers implements HttpEndpoints, AutoCloseable {

    static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(2);

    private final ExecutorService healthThread = Executors.newSingleThreadExecutor(NamedThreads.daemon("parley-health"));
    private final ExecutorService metricsThread = Executors.newSingleThreadExecutor(NamedThreads.daemon("parley-metrics"));
    private final Coalesced<Boolean> health;
    private final Coalesced<String> scrape;

    /**
     * @param storeAnswers whether the store answers a trivial query (blocking, bounded by the store)
     * @param metrics the Prometheus text of every metric
     */
    HttpAnswers(BooleanSupplier storeAnswers, Supplier<String> metrics) {
        this.health = new Coalesced<>(storeAnswers::getAsBoolean, healthThread);
        this.scrape = new Coalesced<>(metrics, metricsThread);
    }

    @Override
    public CompletionStage<Boolean> healthy() {
        return health.get().copy().completeOnTimeout(false, HEALTH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public CompletionStage<String> metrics() {
        return scrape.get();
    }

    @Override
    public void close() {
        healthThread.shutdownNow();
        metricsThread.shutdownNow();
    }
}
