package dev.parley.server.metrics;

import dev.parley.server.chat.ChatMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The server's metrics: chat traffic, connections, rooms, history writing, errors and the JVM.
 * Recording is lock-free counters and timers, safe on the event loops; {@link #scrape()} renders
 * the Prometheus text format for {@code /metrics}.
 */
public final class ServerMetrics implements ChatMetrics, AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<Supplier<Number>> counted = new CopyOnWriteArrayList<>();
    private final Counter messagesIn;
    private final Counter messagesOut;
    private final Timer fanout;
    private final Timer historyWrite;
    private final Counter errors;
    private final Counter sendQueueExceeded;
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public ServerMetrics() {
        messagesIn = Counter.builder("parley.messages.in")
                .description("PRIVMSG, NOTICE and TAGMSG accepted from users")
                .register(registry);
        messagesOut = Counter.builder("parley.messages.out")
                .description("messages delivered, one per recipient")
                .register(registry);
        fanout = Timer.builder("parley.fanout")
                .description("time to hand one room message to all its recipients")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(1_000))
                .maximumExpectedValue(Duration.ofMillis(100))
                .register(registry);
        historyWrite = Timer.builder("parley.history.write")
                .description("time to commit one batch of history")
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofSeconds(5))
                .register(registry);
        errors = Counter.builder("parley.errors")
                .description("unexpected errors: pipeline failures, failed writes")
                .register(registry);
        sendQueueExceeded = Counter.builder("parley.sendq.exceeded")
                .description("clients disconnected because their send queue was full (SendQ exceeded)")
                .register(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        ProcessCpuTime.register(registry);
    }

    /**
     * {@code parley_build_info{version}} with the value 1, the Prometheus way to expose what is
     * running: join on it to label other series with the version.
     */
    public void buildInfo(String version) {
        Gauge.builder("parley.build.info", () -> 1)
                .tag("version", version)
                .description("the running version, as a label; always 1")
                .strongReference(true)
                .register(registry);
    }

    /** Registers a gauge read at each scrape; {@code value} must be cheap and thread-safe. */
    public void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }

    /**
     * Registers a counter kept elsewhere ({@code count} only grows), read at each scrape and exposed
     * with the {@code _total} suffix; {@code count} must be cheap and thread-safe.
     */
    public void counter(String name, String description, Supplier<Number> count) {
        // Micrometer holds a function counter's object weakly: once a method reference passed here
        // was collected, the counter stood still at its last value. Hold it for the registry's life.
        counted.add(count);
        FunctionCounter.builder(name, count, c -> c.get().doubleValue())
                .description(description)
                .register(registry);
    }

    /**
     * The connections of one transport ({@code tcp}, {@code tls}, {@code websocket}): accepted and
     * open. The gauge holds its counter strongly: a transport without a listener keeps no reference
     * to it, and Micrometer's default weak reference would turn the series into NaN after a GC.
     */
    public TransportConnections connections(String transport) {
        Counter opened = Counter.builder("parley.connections.opened")
                .tag("transport", transport)
                .description("connections accepted")
                .register(registry);
        AtomicLong open = new AtomicLong();
        Gauge.builder("parley.connections.open", open, AtomicLong::get)
                .tag("transport", transport)
                .description("connections open now")
                .strongReference(true)
                .register(registry);
        return new TransportConnections(opened, open);
    }

    @Override
    public void messageIn() {
        messagesIn.increment();
    }

    @Override
    public void delivered(int recipients, long nanos) {
        messagesOut.increment(recipients);
        fanout.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void deliveredDirect() {
        messagesOut.increment();
    }

    public void historyBatchWritten(long nanos) {
        historyWrite.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void error() {
        errors.increment();
    }

    public void sendQueueExceeded() {
        sendQueueExceeded.increment();
    }

    /** The Prometheus text exposition of every metric. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
