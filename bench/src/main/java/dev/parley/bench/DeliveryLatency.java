package dev.parley.bench;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Each delivery's latency, from the sender's send to the recipient's read, in one histogram and,
 * when the clients are spread over several nodes, split by whether the recipient is on the
 * sender's node or on another: a cross-node delivery takes the path between the nodes, a
 * same-node one does not.
 */
final class DeliveryLatency {

    private final boolean spread;
    private final Histogram all = histogram();
    private final Histogram sameNode = histogram();
    private final Histogram crossNode = histogram();

    /** @param nodes how many nodes the clients are spread over */
    DeliveryLatency(int nodes) {
        this.spread = nodes > 1;
    }

    private static Histogram histogram() {
        return new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
    }

    /** One delivery; {@code senderNode} is -1 when the sender is not known. */
    void record(long nanos, int senderNode, int recipientNode) {
        long micros = Math.max(0, nanos / 1000);
        all.recordValue(micros);
        if (senderNode >= 0) {
            (senderNode == recipientNode ? sameNode : crossNode).recordValue(micros);
        }
    }

    void reset() {
        all.reset();
        sameNode.reset();
        crossNode.reset();
    }

    /** Adds {@code latency_*} and, when spread over nodes, the same-node and cross-node figures. */
    void report(Report report, double seconds) {
        report.latencies("latency", all);
        if (!spread) {
            return;
        }
        report.put("same_node_deliveries", sameNode.getTotalCount())
                .put("cross_node_deliveries", crossNode.getTotalCount())
                .put("cross_node_deliveries_per_s", crossNode.getTotalCount() / seconds)
                .latencies("same_node_latency", sameNode)
                .latencies("cross_node_latency", crossNode);
    }
}
