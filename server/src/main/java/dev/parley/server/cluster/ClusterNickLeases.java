package dev.parley.server.cluster;

import dev.parley.server.chat.MonitorNotices;
import dev.parley.server.chat.NickLeases;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Nick ownership across nodes. Each nick a node holds is a Redis key {@code nick:<folded>} = node
 * id with the lease as TTL, renewed by the node's heartbeat; claims and releases are announced on a
 * sharded channel, and each node keeps a mirror of who holds what elsewhere, so that NICK asks
 * memory, never the network. A node whose liveness key lapsed has its nicks dropped from the
 * mirror at the next heartbeat: a crashed node's nicks are free within the lease.
 *
 * <p>Two nodes handing out one nick in the same instant both succeed locally (each mirror is a
 * moment behind); the loser of the Redis key logs it and counts {@code nickConflicts}.
 */
final class ClusterNickLeases implements NickLeases {

    private static final Logger log = LoggerFactory.getLogger(ClusterNickLeases.class);

    /** Renews the key only if this node holds it or nobody does. */
    private static final String RENEW = "local holder = redis.call('GET', KEYS[1])\n"
            + "if holder == false or holder == ARGV[1] then\n"
            + "  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 end\n"
            + "return 0";

    /** Deletes the key only if this node holds it. */
    private static final String RELEASE = "if redis.call('GET', KEYS[1]) == ARGV[1] then\n"
            + "  return redis.call('DEL', KEYS[1]) end\n"
            + "return 0";

    private final RedisLink redis;
    private final ClusterKeys keys;
    private final String nodeId;
    private final Duration lease;
    private final ClusterMetrics metrics;
    /** Folded nick to the node holding it, for nicks held on other nodes. */
    private final Map<String, String> elsewhere = new ConcurrentHashMap<>();

    private volatile MonitorNotices monitors;
    /** Folded nicks this node holds. */
    private final Set<String> here = ConcurrentHashMap.newKeySet();

    ClusterNickLeases(RedisLink redis, ClusterKeys keys, String nodeId, Duration lease, ClusterMetrics metrics) {
        this.redis = redis;
        this.keys = keys;
        this.nodeId = nodeId;
        this.lease = lease;
        this.metrics = metrics;
        redis.onShardedMessage(this::heard);
    }

    /** Listens for claims and reads who holds what now. */
    CompletionStage<Void> start() {
        return redis.pubsub().ssubscribe(keys.nickChannel()).thenCompose(subscribed -> reload());
    }

    @Override
    public boolean heldElsewhere(String foldedNick) {
        return elsewhere.containsKey(foldedNick);
    }

    @Override
    public String nodeHolding(String foldedNick) {
        return elsewhere.get(foldedNick);
    }

    @Override
    public void claimed(String foldedNick) {
        here.add(foldedNick);
        String key = keys.nick(foldedNick);
        redis.commands()
                .set(key, nodeId, SetArgs.Builder.nx().px(lease.toMillis()))
                .thenCompose(ok -> "OK".equals(ok)
                        ? CompletableFuture.completedFuture(nodeId)
                        : redis.commands().get(key))
                .whenComplete((holder, failure) -> {
                    if (holder != null && !holder.equals(nodeId)) {
                        metrics.nickConflicts.increment();
                        log.warn(
                                "nick {} was claimed here while node {} held it (a race between nodes)",
                                foldedNick,
                                holder);
                    }
                });
        redis.commands().spublish(keys.nickChannel(), "+ " + nodeId + " " + foldedNick);
    }

    @Override
    public void released(String foldedNick) {
        here.remove(foldedNick);
        redis.commands().eval(RELEASE, ScriptOutputType.INTEGER, new String[] {keys.nick(foldedNick)}, nodeId);
        redis.commands().spublish(keys.nickChannel(), "- " + nodeId + " " + foldedNick);
    }

    /** "+ node nick" or "- node nick" on the nick channel. */
    private void heard(String channel, String text) {
        if (!channel.equals(keys.nickChannel())) {
            return;
        }
        String[] parts = text.split(" ", 3);
        if (parts.length != 3 || parts[1].equals(nodeId)) {
            return;
        }
        MonitorNotices watchers = monitors;
        if (parts[0].equals("+")) {
            if (elsewhere.put(parts[2], parts[1]) == null && watchers != null) {
                watchers.onlineElsewhere(parts[2]);
            }
        } else if (elsewhere.remove(parts[2], parts[1]) && watchers != null) {
            watchers.offline(parts[2]);
        }
    }

    /** The heartbeat: renews this node's nicks, and forgets those of nodes whose liveness lapsed. */
    CompletionStage<Void> renew() {
        CompletableFuture<?>[] renewals = here.stream()
                .map(nick -> redis.commands()
                        .eval(
                                RENEW,
                                ScriptOutputType.INTEGER,
                                new String[] {keys.nick(nick)},
                                nodeId,
                                Long.toString(lease.toMillis()))
                        .toCompletableFuture())
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(renewals).thenRun(metrics.leaseRenewals::increment);
    }

    /** Drops the nicks of {@code node}, found dead. How many. */
    int forget(String node) {
        int before = elsewhere.size();
        MonitorNotices watchers = monitors;
        elsewhere.entrySet().removeIf(held -> {
            if (!held.getValue().equals(node)) {
                return false;
            }
            if (watchers != null) {
                watchers.offline(held.getKey());
            }
            return true;
        });
        return before - elsewhere.size();
    }

    /** Who tells MONITOR watchers here of nicks coming and going on other nodes. */
    void attach(MonitorNotices notices) {
        this.monitors = notices;
    }

    /** How many nicks the other nodes hold. */
    int countElsewhere() {
        return elsewhere.size();
    }

    /** The nodes holding nicks in the mirror. */
    Set<String> otherNodes() {
        return Set.copyOf(elsewhere.values());
    }

    /** After Redis returns: re-asserts this node's nicks and rereads the others'. */
    CompletionStage<Void> reassert() {
        for (String nick : here) {
            redis.commands().set(keys.nick(nick), nodeId, SetArgs.Builder.nx().px(lease.toMillis()));
            // A node that reread the nicks before this one was back (a Redis that restarted empty) learns it here.
            redis.commands().spublish(keys.nickChannel(), "+ " + nodeId + " " + nick);
        }
        return reload();
    }

    /** Rereads every nick key into the mirror. */
    private CompletionStage<Void> reload() {
        Map<String, String> found = new ConcurrentHashMap<>();
        return scan(ScanCursor.INITIAL, found).thenRun(() -> {
            elsewhere.keySet().retainAll(found.keySet());
            elsewhere.putAll(found);
        });
    }

    private CompletionStage<Void> scan(ScanCursor cursor, Map<String, String> found) {
        ScanArgs match = ScanArgs.Builder.matches(keys.nickPattern()).limit(500);
        return redis.commands().scan(cursor, match).thenCompose(page -> collect(page, found));
    }

    private CompletionStage<Void> collect(KeyScanCursor<String> page, Map<String, String> found) {
        CompletableFuture<?>[] reads = page.getKeys().stream()
                .map(key -> redis.commands()
                        .get(key)
                        .thenAccept(holder -> {
                            if (holder != null && !holder.equals(nodeId)) {
                                found.put(keys.foldedNickOf(key), holder);
                            }
                        })
                        .toCompletableFuture())
                .toArray(CompletableFuture[]::new);
        CompletableFuture<Void> all = CompletableFuture.allOf(reads);
        return page.isFinished() ? all : all.thenCompose(done -> scan(page, found));
    }

    /** A clean stop: this node's nicks are free at once rather than at the end of the lease. */
    void releaseAll() {
        for (String nick : Set.copyOf(here)) {
            released(nick);
        }
    }
}
