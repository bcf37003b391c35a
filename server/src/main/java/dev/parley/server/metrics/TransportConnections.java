package dev.parley.server.metrics;

import io.micrometer.core.instrument.Counter;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The connections of one transport ({@code tcp}, {@code tls}, {@code websocket}): how many were
 * accepted and how many are open now. Lock-free, called on the event loops.
 */
public final class TransportConnections {

    private final Counter opened;
    private final AtomicLong open;

    TransportConnections(Counter opened, AtomicLong open) {
        this.opened = opened;
        this.open = open;
    }

    public void opened() {
        opened.increment();
        open.incrementAndGet();
    }

    public void closed() {
        open.decrementAndGet();
    }
}
