package dev.parley.server.config;

import java.time.Duration;
import java.util.Optional;

/**
 * Several nodes acting as one server, over Redis and one shared SQL database (docs/cluster.md).
 * Off unless {@code redisUrl} is set; with it off no Redis code runs.
 *
 * @param redisUrl Redis 7 to share live traffic and ephemeral state through ({@code redis://host:6379}
 *     or {@code rediss://}); empty: a single node
 * @param nodeId this node's name among the others; empty: the host name and the first IRC port
 * @param keyPrefix the start of every Redis key and channel this cluster uses, so several clusters
 *     (or test runs) can share one Redis
 * @param lease how long a node's nicks stay held after it stops renewing them (its heartbeat
 *     renews them every third of this): the most a crashed node's nicks stay taken
 */
public record ClusterConfig(Optional<String> redisUrl, Optional<String> nodeId, String keyPrefix, Duration lease) {

    public static final String DEFAULT_KEY_PREFIX = "parley:";
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(15);

    public static ClusterConfig defaults() {
        return new ClusterConfig(Optional.empty(), Optional.empty(), DEFAULT_KEY_PREFIX, DEFAULT_LEASE);
    }

    /** A cluster node on this Redis, with the other settings at their defaults. */
    public static ClusterConfig on(String redisUrl) {
        return new ClusterConfig(Optional.of(redisUrl), Optional.empty(), DEFAULT_KEY_PREFIX, DEFAULT_LEASE);
    }

    public boolean enabled() {
        return redisUrl.isPresent();
    }
}
