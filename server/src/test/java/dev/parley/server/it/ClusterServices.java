package dev.parley.server.it;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import dev.parley.protocol.Numeric;
import dev.parley.server.config.ClusterConfig;
import dev.parley.server.config.HttpConfig;
import dev.parley.server.config.ListenAddress;
import dev.parley.server.config.ParleyConfig;
import dev.parley.server.config.StorageConfig;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * What cluster tests run on: the Redis on 127.0.0.1:6379, under a key prefix of their own (removed
 * afterwards) so that parallel runs do not meet, and a fresh database of their own on the MariaDB
 * or PostgreSQL of this machine (dropped afterwards). When a service is missing the test is skipped
 * with how to run it, except in CI ({@code CI_REQUIRE_SERVICES=1}), where it fails.
 */
final class ClusterServices implements AutoCloseable {

    static final String REDIS = "redis://127.0.0.1:6379";

    enum Vendor {
        MARIADB("jdbc:mariadb://127.0.0.1:3306/", "test", "root"),
        POSTGRESQL("jdbc:postgresql://127.0.0.1:5432/", "postgres", "postgres");

        final String baseUrl;
        final String adminDatabase;
        final String user;

        Vendor(String baseUrl, String adminDatabase, String user) {
            this.baseUrl = baseUrl;
            this.adminDatabase = adminDatabase;
            this.user = user;
        }
    }

    private final Vendor vendor;
    private final String database;
    private final String prefix;
    private final RedisClient redisClient;
    private final StatefulRedisConnection<String, String> redis;

    private ClusterServices(Vendor vendor, String database, String prefix, RedisClient redisClient) {
        this.vendor = vendor;
        this.database = database;
        this.prefix = prefix;
        this.redisClient = redisClient;
        this.redis = redisClient.connect();
    }

    static ClusterServices open(Vendor vendor) {
        RedisClient client = RedisClient.create(REDIS);
        try {
            client.connect().close();
        } catch (RedisException e) {
            client.shutdown();
            unavailable("Redis 7 on 127.0.0.1:6379", e);
        }
        String name = "parley_cluster_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = admin(vendor);
                Statement statement = admin.createStatement()) {
            statement.execute(
                    vendor == Vendor.MARIADB
                            ? "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
                            : "CREATE DATABASE " + name + " ENCODING 'UTF8'");
        } catch (SQLException e) {
            client.shutdown();
            unavailable(vendor + " on 127.0.0.1", e);
        }
        return new ClusterServices(vendor, name, "parley-test-" + name + ":", client);
    }

    private static Connection admin(Vendor vendor) throws SQLException {
        DriverManager.setLoginTimeout(3);
        return DriverManager.getConnection(vendor.baseUrl + vendor.adminDatabase, vendor.user, "");
    }

    private static void unavailable(String service, Exception cause) {
        String message = service + " is not reachable (" + cause.getMessage() + ")";
        if ("1".equals(System.getenv("CI_REQUIRE_SERVICES"))) {
            fail(message + "; CI requires it", cause);
        }
        abort(message + ": start it to run the cluster tests");
    }

    String prefix() {
        return prefix;
    }

    /** A node on the shared database and Redis, named {@code nodeId}, with its own data directory and HTTP port. */
    TestServer node(String nodeId, Duration lease) {
        return node(nodeId, REDIS, lease);
    }

    /** A node with the test's own settings on top (limits, say). */
    TestServer node(String nodeId, Duration lease, UnaryOperator<ParleyConfig> adjust) {
        return node(nodeId, REDIS, lease, adjust);
    }

    /** A node reaching Redis at {@code redisUrl} (a proxy a test can cut). */
    TestServer node(String nodeId, String redisUrl, Duration lease) {
        return node(nodeId, redisUrl, lease, UnaryOperator.identity());
    }

    private TestServer node(String nodeId, String redisUrl, Duration lease, UnaryOperator<ParleyConfig> adjust) {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("parley-cluster-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return TestServer.startIn(dataDir, config -> adjust.apply(clustered(config, dataDir, nodeId, redisUrl, lease)));
    }

    private ParleyConfig clustered(ParleyConfig config, Path dataDir, String nodeId, String redisUrl, Duration lease) {
        return ChatHistory.withoutFloodControl(config)
                .withStorage(new StorageConfig(
                        dataDir, Optional.of(vendor.baseUrl + database), Optional.of(vendor.user), Optional.empty(), 4))
                .withHttp(new HttpConfig(List.of(new ListenAddress("127.0.0.1", 0)), HttpConfig.Tls.AUTO))
                .withCluster(new ClusterConfig(Optional.of(redisUrl), Optional.of(nodeId), prefix, lease));
    }

    /** A single node (no cluster) on the same shared database: the baseline for measurements. */
    TestServer single() {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("parley-single-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return TestServer.startIn(
                dataDir,
                config -> ChatHistory.withoutFloodControl(config)
                        .withStorage(new StorageConfig(
                                dataDir,
                                Optional.of(vendor.baseUrl + database),
                                Optional.of(vendor.user),
                                Optional.empty(),
                                4)));
    }

    /** How many nodes listen to the room (one sharded subscription per node). */
    /** Whether the node's liveness key is in Redis. */
    boolean nodeAlive(String nodeId) {
        return redis.sync().exists(prefix + "node:" + nodeId) > 0;
    }

    /** The cluster's Redis hash {@code prefix + name}. */
    Map<String, String> redisHash(String name) {
        return redis.sync().hgetall(prefix + name);
    }

    long nodesListeningTo(String roomKey) {
        return redis.sync().pubsubShardNumsub(prefix + "{" + roomKey + "}").values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    /** Rows stored for this history key, from the shared database. */
    long storedCount(String historyKey) throws SQLException {
        try (Connection connection = DriverManager.getConnection(vendor.baseUrl + database, vendor.user, "");
                PreparedStatement count = connection.prepareStatement(
                        "SELECT COUNT(*), COUNT(DISTINCT msgid) FROM messages WHERE history_key = ?")) {
            count.setString(1, historyKey);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                if (rows.getLong(1) != rows.getLong(2)) {
                    throw new AssertionError(
                            "a msgid is stored twice: " + rows.getLong(1) + " rows, " + rows.getLong(2) + " msgids");
                }
                return rows.getLong(1);
            }
        }
    }

    /** Rows stored with this text, in any conversation. */
    long storedWithText(String text) throws SQLException {
        try (Connection connection = DriverManager.getConnection(vendor.baseUrl + database, vendor.user, "");
                PreparedStatement count =
                        connection.prepareStatement("SELECT COUNT(*) FROM messages WHERE message = ?")) {
            count.setString(1, text);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** The stored texts of a room in position order, and whether every row has a position. */
    List<String> textsByPosition(String historyKey) throws SQLException {
        try (Connection connection = DriverManager.getConnection(vendor.baseUrl + database, vendor.user, "");
                PreparedStatement select = connection.prepareStatement(
                        "SELECT message FROM messages WHERE history_key = ? AND position IS NOT NULL ORDER BY position")) {
            select.setString(1, historyKey);
            List<String> texts = new java.util.ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    texts.add(rows.getString(1));
                }
            }
            return texts;
        }
    }

    /** Registers an account named after the client's nick with REGISTER; the client is logged in to it. */
    static void registerAccount(RawIrcClient client, String password) {
        client.send("REGISTER * * :" + password);
        client.expect(m -> m.command().equals("REGISTER") && m.param(0).equals("SUCCESS"));
    }

    /** A connection logged in at registration (PASS) to the account {@code nick}, registered first on {@code node}. */
    static RawIrcClient accountHolder(TestServer node, String nick, String password) {
        RawIrcClient registering = node.user(nick);
        registerAccount(registering, password);
        registering.send("QUIT");
        registering.awaitClosed(Duration.ofSeconds(5));
        RawIrcClient holder = node.connect();
        holder.registerWithCaps(nick, password);
        return holder;
    }

    /** Sends {@code line}; false when the answer was {@code refusal} (the node does not know the nick's node yet). */
    static boolean sentWithout(RawIrcClient sender, String line, Numeric refusal) {
        sender.send(line);
        sender.send("PING :probe");
        return sender.collectUntil(Lines.command("PONG")).stream().noneMatch(Lines.numeric(refusal));
    }

    @Override
    public void close() throws SQLException {
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
        redis.close();
        redisClient.shutdown();
        try (Connection admin = admin(vendor);
                Statement statement = admin.createStatement()) {
            statement.execute(
                    vendor == Vendor.MARIADB
                            ? "DROP DATABASE IF EXISTS " + database
                            : "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }
}
