package dev.parley.server.auth;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Connections per address counted across the nodes of a cluster, on top of each node's own per-IP
 * limits: a connection a node let in is counted here too, and refused a moment later when the
 * address holds (or has opened, within the throttle window) too many on all nodes together. A single
 * node counts nothing here ({@link #LOCAL}). Calls come from event loops: never block.
 */
public interface ConnectionCounts {

    /** What counting a new connection found. */
    enum Verdict {
        /** Within the limits, and counted: {@link #closed} must follow. */
        COUNTED,
        /** Not counted (a single node, or Redis away): the node's own limits alone apply. */
        UNCOUNTED,
        /** The address holds {@code maxPerIp} connections on the nodes already. */
        TOO_MANY,
        /** The address opened {@code throttleConnections} within the window on the nodes already. */
        THROTTLED
    }

    /** Counts a connection from {@code ip}, unless a cluster-wide limit refuses it. */
    CompletionStage<Verdict> opened(String ip, int maxPerIp, int throttleConnections, Duration throttleWindow);

    /** A connection {@link #opened} counted is gone. */
    void closed(String ip);

    /** A single node: its own limits are all there is. */
    ConnectionCounts LOCAL = new ConnectionCounts() {
        @Override
        public CompletionStage<Verdict> opened(
                String ip, int maxPerIp, int throttleConnections, Duration throttleWindow) {
            return CompletableFuture.completedFuture(Verdict.UNCOUNTED);
        }

        @Override
        public void closed(String ip) {}
    };
}
