package dev.parley.server.cluster;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** What a cluster node counts for /metrics; read by the wiring, which registers them. Thread-safe. */
public final class ClusterMetrics {

    final LongAdder published = new LongAdder();
    final LongAdder received = new LongAdder();
    final LongAdder crossNodeDeliveries = new LongAdder();
    final LongAdder skippedPositions = new LongAdder();
    final LongAdder repairedPositions = new LongAdder();
    final LongAdder unordered = new LongAdder();
    final LongAdder leaseRenewals = new LongAdder();
    final LongAdder nickConflicts = new LongAdder();
    final LongAdder redisLosses = new LongAdder();
    final AtomicLong lastSequenceNanos = new AtomicLong();

    /** Room messages this node sent on the bus. */
    public long published() {
        return published.sum();
    }

    /** Room messages from other nodes this node took off the bus. */
    public long received() {
        return received.sum();
    }

    /** Room messages from other nodes delivered to at least one member here. */
    public long crossNodeDeliveries() {
        return crossNodeDeliveries.sum();
    }

    /** Positions given up on: missing past the gap timeout. */
    public long skippedPositions() {
        return skippedPositions.sum();
    }

    /** Positions missing from the bus, read back from the database and delivered in their places. */
    public long repairedPositions() {
        return repairedPositions.sum();
    }

    /** Room messages delivered here without a position, while Redis was away. */
    public long unordered() {
        return unordered.sum();
    }

    /** Heartbeats that renewed this node's leases. */
    public long leaseRenewals() {
        return leaseRenewals.sum();
    }

    /** Nicks this node handed out that another node's lease turned out to hold (a race, logged). */
    public long nickConflicts() {
        return nickConflicts.sum();
    }

    /** Times this node lost Redis. */
    public long redisLosses() {
        return redisLosses.sum();
    }

    /** How long the last room message waited for its position (a Redis round trip), in nanoseconds. */
    public long lastSequenceNanos() {
        return lastSequenceNanos.get();
    }
}
