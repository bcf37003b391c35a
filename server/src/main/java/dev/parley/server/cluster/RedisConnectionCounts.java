package dev.parley.server.cluster;

import dev.parley.server.auth.ConnectionCounts;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connections per address across the cluster. Each address has a hash {@code connections:<ip>} of
 * node id to the connections that node holds from it, and a counter {@code connects:<ip>} of new
 * connections in the throttle window; one script checks both and counts the connection, so two nodes
 * cannot both let in the last one. A node whose liveness key lapsed (crashed) is dropped from the
 * hash when the address is next counted. This node remembers what it counted, to put it back after
 * Redis was away. When Redis does not answer, each node applies its own limits alone and says so once.
 */
final class RedisConnectionCounts implements ConnectionCounts {

    private static final Logger log = LoggerFactory.getLogger(RedisConnectionCounts.class);

    /** 0 counted, 1 too many held, 2 too many opened in the window. */
    private static final String OPEN = "local held = 0\n"
            + "local fields = redis.call('HGETALL', KEYS[1])\n"
            + "for i = 1, #fields, 2 do\n"
            + "  if fields[i] ~= ARGV[1] and redis.call('EXISTS', ARGV[5] .. fields[i]) == 0 then\n"
            + "    redis.call('HDEL', KEYS[1], fields[i])\n"
            + "  else held = held + tonumber(fields[i + 1]) end\n"
            + "end\n"
            + "if held >= tonumber(ARGV[2]) then return 1 end\n"
            + "if tonumber(redis.call('GET', KEYS[2]) or '0') >= tonumber(ARGV[3]) then return 2 end\n"
            + "redis.call('HINCRBY', KEYS[1], ARGV[1], 1)\n"
            + "if redis.call('INCR', KEYS[2]) == 1 then redis.call('PEXPIRE', KEYS[2], ARGV[4]) end\n"
            + "return 0";

    private static final String CLOSE = "if redis.call('HINCRBY', KEYS[1], ARGV[1], -1) <= 0 then\n"
            + "  redis.call('HDEL', KEYS[1], ARGV[1]) end\n"
            + "return 0";

    private final RedisLink redis;
    private final ClusterKeys keys;
    private final String nodeId;
    /** Address to the connections this node counted in Redis and still holds. */
    private final Map<String, Integer> held = new ConcurrentHashMap<>();

    private final AtomicBoolean local = new AtomicBoolean();

    RedisConnectionCounts(RedisLink redis, ClusterKeys keys, String nodeId) {
        this.redis = redis;
        this.keys = keys;
        this.nodeId = nodeId;
    }

    @Override
    public CompletionStage<Verdict> opened(String ip, int maxPerIp, int throttleConnections, Duration throttleWindow) {
        String[] counts = {keys.connections(ip), keys.connects(ip)};
        return redis.commands()
                .<Long>eval(
                        OPEN,
                        ScriptOutputType.INTEGER,
                        counts,
                        nodeId,
                        Integer.toString(maxPerIp),
                        Integer.toString(throttleConnections),
                        Long.toString(Math.max(1, throttleWindow.toMillis())),
                        keys.nodePrefix())
                .handle((verdict, failure) -> {
                    if (failure != null) {
                        countingLocally(failure);
                        return Verdict.UNCOUNTED;
                    }
                    countingInRedis();
                    if (verdict == 0) {
                        held.merge(ip, 1, Integer::sum);
                        return Verdict.COUNTED;
                    }
                    return verdict == 1 ? Verdict.TOO_MANY : Verdict.THROTTLED;
                });
    }

    @Override
    public void closed(String ip) {
        held.computeIfPresent(ip, (k, n) -> n <= 1 ? null : n - 1);
        redis.commands()
                .eval(CLOSE, ScriptOutputType.INTEGER, new String[] {keys.connections(ip)}, nodeId)
                .exceptionally(failure -> {
                    countingLocally(failure);
                    return null;
                });
    }

    /** At start: a node restarted under the same id drops what its previous run left counted. */
    CompletionStage<Void> start() {
        return scan(ScanCursor.INITIAL);
    }

    /** After Redis was away: closes it missed are undone by writing this node's counts again. */
    void resume() {
        scan(ScanCursor.INITIAL)
                .thenRun(() -> held.forEach(
                        (ip, n) -> redis.commands().hset(keys.connections(ip), nodeId, Integer.toString(n))));
    }

    private CompletionStage<Void> scan(ScanCursor cursor) {
        ScanArgs match = ScanArgs.Builder.matches(keys.connections("*")).limit(500);
        return redis.commands().scan(cursor, match).thenCompose(this::dropOwn);
    }

    private CompletionStage<Void> dropOwn(KeyScanCursor<String> page) {
        CompletableFuture<?>[] drops = page.getKeys().stream()
                .map(key -> redis.commands().hdel(key, nodeId).toCompletableFuture())
                .toArray(CompletableFuture[]::new);
        CompletableFuture<Void> all = CompletableFuture.allOf(drops);
        return page.isFinished() ? all : all.thenCompose(done -> scan(page));
    }

    private void countingLocally(Throwable failure) {
        if (local.compareAndSet(false, true)) {
            log.warn(
                    "Node {} cannot count connections per address in Redis ({}): each node applies its own"
                            + " limits until Redis is back",
                    nodeId,
                    failure.getMessage());
        }
    }

    private void countingInRedis() {
        if (local.compareAndSet(true, false)) {
            log.info("Node {} counts connections per address in Redis again", nodeId);
        }
    }
}
