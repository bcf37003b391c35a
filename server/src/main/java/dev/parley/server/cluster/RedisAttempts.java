package dev.parley.server.cluster;

import dev.parley.server.auth.AttemptLimiter;
import dev.parley.server.auth.Attempts;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * One named login limit counted across the cluster. Every attempt is counted here in memory (so
 * the limit holds on this node when Redis is away) and in Redis by one script (INCR, and PEXPIRE
 * on the first attempt of a window), asynchronously. The node whose count reaches the limit
 * announces the key's refusal to every node, which keep it in a mirror; checks read the local count
 * and the mirror, never the network. Thread-safe.
 */
final class RedisAttempts implements Attempts {

    private final String name;
    private final int limit;
    private final int maxKeys;
    private final AttemptLimiter local;
    private final Shared shared;
    /** Key to the System.nanoTime() until which the cluster refuses it. */
    private final Map<String, Long> refusedUntil = new ConcurrentHashMap<>();

    /** The counts in Redis, for every limit ({@link ClusterAttempts}). */
    interface Shared {

        /** Counts an attempt at {@code key}; {@code refuse} hears when the count reaches {@code limit}. */
        void count(String name, String key, int limit, BiConsumer<String, Duration> refuse);

        /** Forgets the key's attempts on every node. */
        void clear(String name, String key);

        /** Reads the key's count; {@code refuse} hears when it has reached {@code limit}. Never fails. */
        CompletionStage<Void> read(String name, String key, int limit, BiConsumer<String, Duration> refuse);
    }

    RedisAttempts(String name, int limit, Duration window, int maxKeys, Shared shared) {
        this.name = name;
        this.limit = limit;
        this.maxKeys = maxKeys;
        this.local = new AttemptLimiter(limit, window, maxKeys);
        this.shared = shared;
    }

    @Override
    public Duration refusedFor(String key, long nowNanos) {
        Duration here = local.refusedFor(key, nowNanos);
        Long until = refusedUntil.get(key);
        long now = System.nanoTime();
        if (until == null || until <= now) {
            return here;
        }
        Duration cluster = Duration.ofNanos(until - now);
        return cluster.compareTo(here) > 0 ? cluster : here;
    }

    @Override
    public void record(String key, long nowNanos) {
        local.record(key, nowNanos);
        shared.count(name, key, limit, this::refuse);
    }

    @Override
    public void clear(String key) {
        local.clear(key);
        refusedUntil.remove(key);
        shared.clear(name, key);
    }

    @Override
    public CompletionStage<Void> refresh(String key) {
        return shared.read(name, key, limit, this::refuse);
    }

    /** The cluster refuses {@code key} for {@code remaining} (heard from Redis or another node). */
    void refuse(String key, Duration remaining) {
        if (refusedUntil.size() >= maxKeys) {
            long now = System.nanoTime();
            refusedUntil.values().removeIf(until -> until <= now);
        }
        if (refusedUntil.size() < maxKeys) {
            refusedUntil.put(key, System.nanoTime() + remaining.toNanos());
        }
    }

    /** Another node forgot the key's attempts (a right password there). */
    void forget(String key) {
        refusedUntil.remove(key);
        local.clear(key);
    }
}
