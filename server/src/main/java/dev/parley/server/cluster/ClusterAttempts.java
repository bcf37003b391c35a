package dev.parley.server.cluster;

import dev.parley.server.auth.AttemptCounters;
import dev.parley.server.auth.Attempts;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Login limits counted in Redis ({@code attempts:<limit>:<key>}), so that an attacker who spreads
 * guesses over the nodes gets no more than on one. A login first reads its keys' counts (one
 * script, no thread waits), and its answer waits until the failures it counted are counted, so
 * one guess after another meets every earlier one, whichever node took it. A count that reaches its
 * limit is announced on the control channel ("limit node name ms key"), and a cleared one too
 * ("clear node name key"), so every node also refuses the key from memory. When Redis does not answer, each node counts alone; it says so
 * once, and again when Redis counts again.
 */
final class ClusterAttempts implements AttemptCounters, RedisAttempts.Shared {

    private static final Logger log = LoggerFactory.getLogger(ClusterAttempts.class);

    /** Counts one attempt; the window starts at the first. Returns the count and the window's time left (ms). */
    private static final String COUNT = "local n = redis.call('INCR', KEYS[1])\n"
            + "if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end\n"
            + "return {n, redis.call('PTTL', KEYS[1])}";

    /** The key's count and its window's time left (ms); 0 and a negative time when it has none. */
    private static final String READ =
            "return {tonumber(redis.call('GET', KEYS[1]) or '0'), redis.call('PTTL', KEYS[1])}";

    private final RedisLink redis;
    private final ClusterKeys keys;
    private final String nodeId;
    private final Map<String, RedisAttempts> limits = new ConcurrentHashMap<>();
    private final Map<String, Duration> windows = new ConcurrentHashMap<>();
    private final AtomicBoolean local = new AtomicBoolean();
    /** Counts sent to Redis and not yet answered (with their announcement, when one is due). */
    private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();

    ClusterAttempts(RedisLink redis, ClusterKeys keys, String nodeId) {
        this.redis = redis;
        this.keys = keys;
        this.nodeId = nodeId;
        redis.onShardedMessage(this::heard);
    }

    @Override
    public Attempts counter(String name, int limit, Duration window, int maxKeys) {
        RedisAttempts attempts = new RedisAttempts(name, limit, window, maxKeys, this);
        limits.put(name, attempts);
        windows.put(name, window);
        return attempts;
    }

    @Override
    public void count(String name, String key, int limit, BiConsumer<String, Duration> refuse) {
        String window = Long.toString(windows.get(name).toMillis());
        CompletableFuture<?> counting = redis.commands()
                .<List<Long>>eval(COUNT, ScriptOutputType.MULTI, new String[] {keys.attempts(name, key)}, window)
                .thenCompose(counted -> {
                    countingInRedis();
                    if (counted.get(0) < limit || counted.get(1) <= 0) {
                        return CompletableFuture.completedFuture(0L);
                    }
                    Duration left = Duration.ofMillis(counted.get(1));
                    refuse.accept(key, left);
                    return announce("limit " + nodeId + " " + name + " " + left.toMillis() + " " + key);
                })
                .toCompletableFuture();
        pending.add(counting);
        counting.whenComplete((done, failure) -> {
            pending.remove(counting);
            if (failure != null) {
                countingLocally(failure);
            }
        });
    }

    @Override
    public CompletionStage<Void> read(String name, String key, int limit, BiConsumer<String, Duration> refuse) {
        return redis.commands()
                .<List<Long>>eval(READ, ScriptOutputType.MULTI, keys.attempts(name, key))
                .handle((counted, failure) -> {
                    if (failure != null) {
                        countingLocally(failure);
                        return null;
                    }
                    countingInRedis();
                    if (counted.get(0) >= limit && counted.get(1) > 0) {
                        refuse.accept(key, Duration.ofMillis(counted.get(1)));
                    }
                    return null;
                });
    }

    @Override
    public CompletionStage<Void> settled() {
        return CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                .handle((done, failure) -> null);
    }

    @Override
    public void clear(String name, String key) {
        redis.commands().del(keys.attempts(name, key)).whenComplete((deleted, failure) -> {
            if (failure != null) {
                countingLocally(failure);
            }
        });
        announce("clear " + nodeId + " " + name + " " + key);
    }

    private CompletionStage<Long> announce(String text) {
        return redis.commands().spublish(keys.controlChannel(), text).exceptionally(failure -> {
            countingLocally(failure);
            return 0L;
        });
    }

    /** "limit node name ms key" or "clear node name key" on the control channel (a Lettuce thread). */
    private void heard(String channel, String text) {
        if (!channel.equals(keys.controlChannel())) {
            return;
        }
        String[] limit = text.split(" ", 5);
        String[] clear = text.split(" ", 4);
        if (limit[0].equals("limit")
                && limit.length == 5
                && !limit[1].equals(nodeId)
                && limit[3].chars().allMatch(Character::isDigit)) {
            RedisAttempts attempts = limits.get(limit[2]);
            if (attempts != null) {
                attempts.refuse(limit[4], Duration.ofMillis(Long.parseLong(limit[3])));
            }
        } else if (clear[0].equals("clear") && clear.length == 4 && !clear[1].equals(nodeId)) {
            RedisAttempts attempts = limits.get(clear[2]);
            if (attempts != null) {
                attempts.forget(clear[3]);
            }
        }
    }

    private void countingLocally(Throwable failure) {
        if (local.compareAndSet(false, true)) {
            log.warn(
                    "Node {} cannot count login attempts in Redis ({}): each node counts its own until Redis is back",
                    nodeId,
                    failure.getMessage());
        }
    }

    private void countingInRedis() {
        if (local.compareAndSet(true, false)) {
            log.info("Node {} counts login attempts in Redis again", nodeId);
        }
    }
}
