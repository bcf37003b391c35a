package dev.parley.server.transport;

import java.util.concurrent.CompletionStage;

/** What the HTTP listener serves besides files and the WebSocket: readiness and metrics. */
public interface HttpEndpoints {

    /**
     * Whether the server takes clients ({@code /readyz}): started
     * and not shutting down. The database's state plays no part: chat goes on without it (history
     * waits in the spill file), and it shows in the metrics and the log instead.
     */
    CompletionStage<Boolean> ready();

    /**
     * Whether the server is up and serving ({@code /healthz}): as {@link #ready} on a single node; a
     * cluster node that lost Redis is not ready (send new clients elsewhere) but still healthy.
     */
    default CompletionStage<Boolean> healthy() {
        return ready();
    }

    /** The metrics in the Prometheus text format. */
    CompletionStage<String> metrics();
}
