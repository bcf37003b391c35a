package dev.parley.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.ref.WeakReference;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServerMetricsTest {

    @Test
    void aTransportWithoutListenerShowsZeroOpenConnectionsNotNaNAfterACollection() {
        try (ServerMetrics metrics = new ServerMetrics()) {
            metrics.connections("tls"); // registered, but nobody keeps it: no TLS listener
            WeakReference<Object> sentinel = new WeakReference<>(new Object());
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                System.gc();
                return sentinel.get() == null;
            });

            assertThat(metrics.scrape()).contains("parley_connections_open{transport=\"tls\"} 0.0");
        }
    }
}
