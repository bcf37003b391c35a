package dev.parley.server;

import dev.parley.server.cluster.ClusterMetrics;
import dev.parley.server.cluster.ClusterNode;
import dev.parley.server.metrics.ServerMetrics;

/** A cluster node's figures on /metrics (docs/cluster.md lists them). */
final class ClusterGauges {

    private ClusterGauges() {}

    static void register(ServerMetrics metrics, ClusterNode node) {
        ClusterMetrics m = node.metrics();
        metrics.gauge("parley.cluster.redis.up", "1 while this node has Redis", () -> node.isUp() ? 1 : 0);
        metrics.counter("parley.cluster.bus.published", "room messages sent on the bus", m::published);
        metrics.counter("parley.cluster.bus.received", "room messages from other nodes taken off the bus", m::received);
        metrics.counter(
                "parley.cluster.deliveries.cross.node",
                "room messages from other nodes delivered to members here",
                m::crossNodeDeliveries);
        metrics.counter(
                "parley.cluster.positions.skipped",
                "room positions that never arrived and were skipped",
                m::skippedPositions);
        metrics.counter(
                "parley.cluster.positions.repaired",
                "room positions missing from the bus, read back from the database",
                m::repairedPositions);
        metrics.counter(
                "parley.cluster.unordered",
                "room messages delivered without a position while Redis was away",
                m::unordered);
        metrics.counter(
                "parley.cluster.lease.renewals", "heartbeats that renewed this node's leases", m::leaseRenewals);
        metrics.counter(
                "parley.cluster.nick.conflicts", "nicks claimed here while another node held them", m::nickConflicts);
        metrics.counter("parley.cluster.redis.losses", "times this node lost Redis", m::redisLosses);
        metrics.gauge(
                "parley.cluster.sequence.last.seconds",
                "the last room message's wait for its position (a Redis round trip)",
                () -> m.lastSequenceNanos() / 1e9);
    }
}
