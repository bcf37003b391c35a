package dev.parley.server.cluster;

import dev.parley.protocol.name.CaseMapping;
import dev.parley.server.auth.AttemptCounters;
import dev.parley.server.auth.ConnectionCounts;
import dev.parley.server.chat.Delivery;
import dev.parley.server.chat.MemberEvents;
import dev.parley.server.chat.MonitorNotices;
import dev.parley.server.chat.NickLeases;
import dev.parley.server.chat.Nicks;
import dev.parley.server.chat.Orders;
import dev.parley.server.chat.OtherNodes;
import dev.parley.server.chat.RemoteMembers;
import dev.parley.server.chat.RoomBus;
import dev.parley.server.chat.RoomStates;
import dev.parley.server.chat.RoomWatch;
import dev.parley.server.chat.Rooms;
import dev.parley.server.config.ClusterConfig;
import dev.parley.server.config.ConfigKeys;
import dev.parley.server.config.HistoryConfig;
import dev.parley.server.config.ParleyConfig;
import dev.parley.server.history.History;
import io.lettuce.core.SetArgs;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This server as one node of a cluster: its Redis link, its room bus and nick leases, and the
 * heartbeat that renews its liveness and leases, notices a dead node's nicks, and notices Redis
 * leaving and coming back. Built only when {@code cluster.redis-url} is set.
 */
public final class ClusterNode implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClusterNode.class);

    private final String nodeId;
    private final Duration lease;
    private final RedisLink redis;
    private final ClusterKeys keys;
    private final ScheduledExecutorService thread;
    private final ClusterMetrics metrics = new ClusterMetrics();
    private final ClusterRoomBus bus;
    private final ClusterNickLeases leases;
    private final ClusterOrders orders;
    private final ClusterAttempts attempts;
    private final RedisConnectionCounts connections;
    private final MemberView view;
    private final ClusterMembers members;
    private final HeardEvents heard;
    private final AtomicBoolean up = new AtomicBoolean(true);
    private volatile boolean closing;
    /** Until when (System.nanoTime) no other node is taken for dead: they too are coming back to Redis. */
    private volatile long othersRenewBy = System.nanoTime();

    private ClusterNode(String nodeId, ClusterConfig config, RedisLink redis, ThreadFactory threads) {
        this.nodeId = nodeId;
        this.lease = config.lease();
        this.redis = redis;
        this.keys = new ClusterKeys(config.keyPrefix());
        this.thread = Executors.newSingleThreadScheduledExecutor(threads);
        this.bus = new ClusterRoomBus(redis, keys, nodeId, thread, metrics);
        this.leases = new ClusterNickLeases(redis, keys, nodeId, lease, metrics);
        this.orders = new ClusterOrders(redis, keys, nodeId, thread, bus);
        this.attempts = new ClusterAttempts(redis, keys, nodeId);
        this.connections = new RedisConnectionCounts(redis, keys, nodeId);
        ClusterUsers users = new ClusterUsers(redis, keys, nodeId, CaseMapping.RFC1459);
        this.view = new MemberView(CaseMapping.RFC1459, leases, users);
        this.members = new ClusterMembers(redis, keys, nodeId, thread, bus, view, leases, users);
        this.heard = new HeardEvents(view, members, Clock.systemUTC());
        bus.attach(members);
        members.attach(heard);
        redis.onDisconnect(this::lost);
    }

    /**
     * Joins the cluster, or refuses with what to change: a cluster needs a shared database (not
     * SQLite), stores before delivering only through its bus (so not {@code history.durability:
     * sync} yet), and Redis reachable at start.
     */
    public static ClusterNode start(ParleyConfig config, ThreadFactory threads) {
        ClusterConfig cluster = config.cluster();
        if (!config.storage().isSharedDatabase()) {
            throw new IllegalStateException(ConfigKeys.CLUSTER_REDIS_URL.path()
                    + ": a cluster needs a database every node shares: set " + ConfigKeys.STORAGE_DATABASE_URL.path()
                    + " to a MariaDB/MySQL or PostgreSQL URL (SQLite is one machine's file)");
        }
        if (config.history().durability() == HistoryConfig.Durability.SYNC) {
            throw new IllegalStateException(ConfigKeys.CLUSTER_REDIS_URL.path() + ": "
                    + ConfigKeys.HISTORY_DURABILITY.path() + ": sync is not supported on a cluster yet; use async");
        }
        ClusterNode node = new ClusterNode(
                nodeIdOf(config), cluster, RedisLink.open(cluster.redisUrl().orElseThrow()), threads);
        node.join();
        return node;
    }

    /** The node's id: {@code cluster.node-id}, else this host's name and the first IRC port; no spaces. */
    public static String nodeIdOf(ParleyConfig config) {
        return config.cluster().nodeId().orElseGet(() -> defaultNodeId(config)).replaceAll("\\s", "_");
    }

    private static String defaultNodeId(ParleyConfig config) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + ":" + config.server().listen().get(0).port();
    }

    private void join() {
        try {
            markAlive().toCompletableFuture().get(RedisLink.TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);
            leases.start().toCompletableFuture().get(RedisLink.TIMEOUT.toMillis() * 5, TimeUnit.MILLISECONDS);
            bus.start().toCompletableFuture().get(RedisLink.TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);
            orders.start().toCompletableFuture().get(RedisLink.TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);
            connections.start().toCompletableFuture().get(RedisLink.TIMEOUT.toMillis() * 5, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while joining the cluster", e);
        } catch (Exception e) {
            close();
            throw new IllegalStateException("could not join the cluster on Redis: " + e.getMessage(), e);
        }
        long every = Math.max(1, lease.toMillis() / 4);
        thread.scheduleWithFixedDelay(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
        log.info("Node {} joined the cluster (nick lease {} s)", nodeId, lease.toSeconds());
    }

    /** The liveness key lapses a quarter lease before the nicks, so that a dead node's nicks go within the lease. */
    private CompletionStage<String> markAlive() {
        long alive = Math.max(1, lease.toMillis() * 3 / 4);
        return redis.commands().set(keys.node(nodeId), "1", SetArgs.Builder.px(alive));
    }

    private void heartbeat() {
        markAlive()
                .thenCompose(ok -> leases.renew())
                .thenRun(this::findDeadNodes)
                .whenComplete((done, failure) -> {
                    if (failure != null) {
                        lost();
                    } else if (up.compareAndSet(false, true)) {
                        back();
                    }
                });
    }

    private void findDeadNodes() {
        // Back from an outage (up is still false on the first beat back): a Redis that restarted empty
        // has no liveness keys until each node's next beat, so give the others a lease to renew.
        if (!up.get() || System.nanoTime() - othersRenewBy < 0) {
            return;
        }
        for (String other : leases.otherNodes()) {
            redis.commands().exists(keys.node(other)).thenAccept(count -> {
                if (count == 0) {
                    int freed = leases.forget(other);
                    thread.execute(() -> heard.nodeLost(other));
                    log.warn("Node {} lost (no heartbeat within the lease): {} nicks freed", other, freed);
                }
            });
        }
    }

    private void lost() {
        if (!closing && up.compareAndSet(true, false)) {
            metrics.redisLosses.increment();
            log.warn(
                    "Node {} lost Redis: not ready; chat goes on for this node's members only until it is back",
                    nodeId);
        }
    }

    private void back() {
        log.info("Node {} has Redis again: listening to its rooms and re-asserting its nicks", nodeId);
        othersRenewBy = System.nanoTime() + lease.toNanos();
        bus.resume();
        members.rejoinAll();
        leases.reassert();
        orders.resume();
        connections.resume();
    }

    /** Wires the chat core built on this node's ports back into the bus. */
    public void attach(Delivery delivery, Rooms rooms, Nicks nicks) {
        bus.attach(delivery, rooms, nicks);
        heard.attach(delivery, rooms, nicks);
        members.attach(rooms, nicks);
    }

    /** Who tells MONITOR watchers here of nicks coming and going on the other nodes. */
    /** The shared history, where a room's positions missing from the bus are read back from. */
    public void attach(History history) {
        bus.attach(history);
    }

    public void attach(MonitorNotices notices) {
        leases.attach(notices);
    }

    /** Who carries out, on this node, the orders other nodes send it (KILL, KICK, changed bans). */
    public void attach(Orders here) {
        orders.attach(here);
    }

    /** Login limits counted across the cluster, in Redis. */
    public AttemptCounters attemptCounters() {
        return attempts;
    }

    /** Connections per address counted across the cluster, in Redis. */
    public ConnectionCounts connectionCounts() {
        return connections;
    }

    /** Where operator orders for users on other nodes go. */
    public OtherNodes otherNodes() {
        return orders;
    }

    /** Where this node's room events go for the other nodes. */
    public MemberEvents memberEvents() {
        return members;
    }

    /** The state of rooms living on other nodes, for a room opening here. */
    public RoomStates roomStates() {
        return members;
    }

    /** The members the other nodes have in this node's rooms. */
    public RemoteMembers remoteMembers() {
        return view;
    }

    public RoomBus bus() {
        return bus;
    }

    public RoomWatch watch() {
        return bus;
    }

    public NickLeases leases() {
        return leases;
    }

    public String nodeId() {
        return nodeId;
    }

    /** Whether Redis answers: a node without it is not ready (/readyz 503), though it still serves. */
    public boolean isUp() {
        return up.get();
    }

    public ClusterMetrics metrics() {
        return metrics;
    }

    /** Leaves cleanly: this node's nicks and liveness key go at once. */
    public void leave() {
        if (!up.get()) {
            return;
        }
        leases.releaseAll();
        try {
            // One connection runs its commands in order: once this is done, the releases are too.
            redis.commands().del(keys.node(nodeId)).get(RedisLink.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn(
                    "Node {} could not release its nicks on leaving ({}); they lapse with the lease",
                    nodeId,
                    e.getMessage());
        }
    }

    @Override
    public void close() {
        closing = true;
        thread.shutdownNow();
        redis.close();
    }
}
