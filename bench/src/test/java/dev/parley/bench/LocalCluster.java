package dev.parley.bench;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import dev.parley.server.config.ClusterConfig;
import dev.parley.server.config.StorageConfig;
import dev.parley.server.it.ChatHistory;
import dev.parley.server.it.TestServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Cluster nodes started in this JVM on the machine's MariaDB (a fresh database, dropped
 * afterwards) and Redis (a key prefix of their own, removed afterwards). Skips the test when either
 * is missing, and fails it instead under {@code CI_REQUIRE_SERVICES=1}.
 */
final class LocalCluster implements AutoCloseable {

    private static final String REDIS = "redis://127.0.0.1:6379";
    private static final String MARIADB = "jdbc:mariadb://127.0.0.1:3306/";

    private final String database;
    private final String prefix;
    private final List<TestServer> nodes = new ArrayList<>();

    private LocalCluster(String database) {
        this.database = database;
        this.prefix = "parley-bench-" + database + ":";
    }

    static LocalCluster start(int count) {
        RedisClient redis = RedisClient.create(REDIS);
        try {
            redis.connect().close();
        } catch (RedisException e) {
            unavailable("Redis on 127.0.0.1:6379", e);
        } finally {
            redis.shutdown();
        }
        String name =
                "parley_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Statement admin = admin().createStatement()) {
            admin.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (SQLException e) {
            unavailable("MariaDB on 127.0.0.1:3306", e);
        }
        LocalCluster cluster = new LocalCluster(name);
        for (int i = 0; i < count; i++) {
            cluster.nodes.add(cluster.node("n" + i));
        }
        return cluster;
    }

    List<TestServer> nodes() {
        return nodes;
    }

    private TestServer node(String nodeId) {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("parley-bench-node-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return TestServer.startIn(
                dataDir,
                config -> ChatHistory.withoutFloodControl(config)
                        .withStorage(new StorageConfig(
                                dataDir, Optional.of(MARIADB + database), Optional.of("root"), Optional.empty(), 4))
                        .withCluster(new ClusterConfig(
                                Optional.of(REDIS), Optional.of(nodeId), prefix, ClusterConfig.DEFAULT_LEASE)));
    }

    private static Connection admin() throws SQLException {
        DriverManager.setLoginTimeout(3);
        return DriverManager.getConnection(MARIADB + "test", "root", "");
    }

    private static void unavailable(String service, Exception cause) {
        String message = service + " is not reachable (" + cause.getMessage() + ")";
        if ("1".equals(System.getenv("CI_REQUIRE_SERVICES"))) {
            fail(message + "; CI requires it", cause);
        }
        abort(message + ": start it to run the cluster bench test");
    }

    @Override
    public void close() throws SQLException {
        nodes.forEach(TestServer::close);
        RedisClient client = RedisClient.create(REDIS);
        try (StatefulRedisConnection<String, String> redis = client.connect()) {
            ScanIterator<String> keys = ScanIterator.scan(redis.sync(), ScanArgs.Builder.matches(prefix + "*"));
            while (keys.hasNext()) {
                redis.sync().del(keys.next());
            }
        } finally {
            client.shutdown();
        }
        try (Connection admin = admin();
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database);
        }
    }
}
