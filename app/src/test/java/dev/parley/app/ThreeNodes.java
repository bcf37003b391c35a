package dev.parley.app;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import dev.parley.testkit.TcpProxy;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Three nodes started from contrib/cluster/parley-node{1,2,3}.yaml as separate processes, on a fresh
 * database and a Redis under a key prefix of their own (its keys removed afterwards). What the files
 * say is kept; the flags change only what a test must: ports, data directories, database, Redis,
 * key prefix, a short lease, no flood control, and two connections per address counted for
 * loopback addresses too (each test client has a loopback address of its own). Started with
 * {@link #startBehindDatabaseProxy}, every node reaches the database through one {@link TcpProxy}
 * the test can cut and restore.
 */
final class ThreeNodes implements AutoCloseable {

    static final Duration LEASE = Duration.ofSeconds(3);
    static final int MAX_PER_IP = 2;

    private final ClusterDatabase database;
    private final String prefix;
    private final RedisClient redisClient;
    private final StatefulRedisConnection<String, String> redis;
    private final List<ParleyNode> nodes = new ArrayList<>();
    private final String redisUrl;
    private final Path dir;
    /** Between every node and the database, or null when the nodes reach it directly. */
    private TcpProxy databaseProxy;

    private ThreeNodes(ClusterDatabase database, String prefix, RedisClient redisClient, String redisUrl, Path dir) {
        this.database = database;
        this.prefix = prefix;
        this.redisClient = redisClient;
        this.redis = redisClient.connect();
        this.redisUrl = redisUrl;
        this.dir = dir;
    }

    static ThreeNodes start(ClusterDatabase.Vendor vendor, String redisUrl, Path dir) throws Exception {
        return start(vendor, redisUrl, dir, false);
    }

    /** As {@link #start}, with every node reaching the database through {@link #databaseProxy()}. */
    static ThreeNodes startBehindDatabaseProxy(ClusterDatabase.Vendor vendor, String redisUrl, Path dir)
            throws Exception {
        return start(vendor, redisUrl, dir, true);
    }

    private static ThreeNodes start(ClusterDatabase.Vendor vendor, String redisUrl, Path dir, boolean proxied)
            throws Exception {
        RedisClient client = RedisClient.create(redisUrl);
        try {
            client.connect().close();
        } catch (RedisException e) {
            client.shutdown();
            ClusterDatabase.unavailable("Redis at " + redisUrl, e);
        }
        ClusterDatabase database = ClusterDatabase.create(vendor);
        String prefix = "parley-procs-" + UUID.randomUUID().toString().substring(0, 8) + ":";
        ThreeNodes cluster = new ThreeNodes(database, prefix, client, redisUrl, dir);
        try {
            if (proxied) {
                cluster.databaseProxy = new TcpProxy(ClusterDatabase.Vendor.HOST, vendor.port);
            }
            for (int n = 1; n <= 3; n++) {
                cluster.nodes.add(ParleyNode.start(n, dir.resolve("node" + n), cluster.flags()));
            }
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** Starts node {@code n} again (after a kill) on its data directory, on new ports. */
    ParleyNode restart(int n) throws IOException {
        ParleyNode node = ParleyNode.start(n, dir.resolve("node" + n), flags());
        nodes.set(n - 1, node);
        return node;
    }

    private List<String> flags() {
        return List.of(
                "--database",
                databaseProxy == null ? database.url() : database.urlThroughPort(databaseProxy.port()),
                "--set",
                "storage.database-user=" + database.user(),
                "--cluster",
                redisUrl,
                "--set",
                "cluster.key-prefix=" + prefix,
                "--set",
                "cluster.lease=" + LEASE.toSeconds() + "s",
                "--set",
                "limits.flood.enabled=false",
                "--set",
                "limits.connections.exempt-loopback=false",
                "--set",
                "limits.connections.max-per-ip=" + MAX_PER_IP);
    }

    /** Node {@code n}, 1 to 3. */
    ParleyNode node(int n) {
        return nodes.get(n - 1);
    }

    List<ParleyNode> nodes() {
        return nodes;
    }

    ClusterDatabase database() {
        return database;
    }

    /** The proxy between the nodes and the database; only when started {@link #startBehindDatabaseProxy behind one}. */
    TcpProxy databaseProxy() {
        if (databaseProxy == null) {
            throw new IllegalStateException("the nodes reach the database directly");
        }
        return databaseProxy;
    }

    /** How many nodes listen to the room's sharded channel (one subscription per node with members there). */
    long nodesListeningTo(String roomKey) {
        return redis.sync().pubsubShardNumsub(prefix + "{" + roomKey + "}").values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    /** A connection on {@code node} that has given PASS and USER but no nick yet: it tries nicks with {@link #nickAttempt}. */
    static RawIrcClient registering(ParleyNode node) {
        RawIrcClient client = ParleyNode.connect(node.ircPort());
        client.send("PASS chat@123");
        client.send("USER rival 0 * :rival");
        return client;
    }

    /** True when the nick was refused as in use (433), false when it was given (001). */
    static boolean nickTaken(RawIrcClient registering, String nick) {
        registering.send("NICK " + nick);
        IrcMessage answer = registering.expect(
                Lines.anyOf(Lines.numeric(Numeric.ERR_NICKNAMEINUSE), Lines.numeric(Numeric.RPL_WELCOME)));
        return Lines.numeric(Numeric.ERR_NICKNAMEINUSE).test(answer);
    }

    @Override
    public void close() throws SQLException, IOException {
        for (ParleyNode node : nodes) {
            node.close();
        }
        if (databaseProxy != null) {
            databaseProxy.close();
        }
        try {
            RedisCommands<String, String> sync = redis.sync();
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page =
                        sync.scan(cursor, ScanArgs.Builder.matches(prefix + "*").limit(500));
                if (!page.getKeys().isEmpty()) {
                    sync.del(page.getKeys().toArray(String[]::new));
                }
                cursor = page;
            } while (!cursor.isFinished());
        } catch (RedisException e) {
            // a test's own Redis may be gone already; its keys went with it
        } finally {
            redis.close();
            redisClient.shutdown();
            database.close();
        }
    }
}
