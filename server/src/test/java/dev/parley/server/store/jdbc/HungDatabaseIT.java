package dev.parley.server.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.parley.protocol.IrcMessage;
import dev.parley.server.config.HistoryConfig;
import dev.parley.server.config.HttpConfig;
import dev.parley.server.config.ListenAddress;
import dev.parley.server.config.ParleyConfig;
import dev.parley.server.history.HistoryWriter;
import dev.parley.server.it.ChatHistory;
import dev.parley.server.it.TestServer;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import dev.parley.testkit.TcpProxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A database that hangs: the proxy in front of it accepts connections and holds every byte, with no
 * refusal and no reset. Chat must go on, a delivered message must reach the spill file within
 * {@code history.flush-interval + history.commit-timeout}, a sync-mode sender must wait no longer
 * than {@code commit-timeout} (plus the spill file's fsync), and every message must be stored once,
 * in order, when the database answers again. Timeouts are short so each test ends within seconds.
 */
class HungDatabaseIT {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration COMMIT_TIMEOUT = HistoryConfig.DEFAULT_COMMIT_TIMEOUT;
    /** Scheduling, the spill file's fsync and the client round trip, on top of the commit timeout. */
    private static final Duration ALLOWANCE = Duration.ofMillis(400);

    private static final Duration HANG = Duration.ofSeconds(3);
    /** Load pacing during the hang (not a wait for anything): 50 messages a second. */
    private static final long SEND_EVERY_NANOS = Duration.ofMillis(20).toNanos();

    @TempDir
    Path dataDir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aHungDatabaseIsAnOutageAndLosesOrDuplicatesNothing() throws Exception {
        try (ServerDatabase database = ServerDatabase.create(ServerDatabase.Vendor.POSTGRESQL);
                TcpProxy proxy = new TcpProxy("127.0.0.1", database.port());
                TestServer server = start(database, proxy, HistoryConfig.Durability.INTERVAL)) {
            RawIrcClient alice = sender(server);
            RawIrcClient bob = server.user("bob");
            bob.join("#general");
            List<String> sent = new ArrayList<>();
            chat(alice, bob, sent, 20, Duration.ZERO);
            URI metrics = uri(server, "/metrics");

            proxy.freeze();
            try {
                chat(alice, bob, sent, Integer.MAX_VALUE, HANG);
                assertThat(metric(metrics, "parley_history_degraded"))
                        .as("the hang counts as an outage")
                        .isEqualTo(1);
                await().atMost(COMMIT_TIMEOUT.plus(ALLOWANCE).plus(ALLOWANCE))
                        .until(() -> metric(metrics, "parley_history_queue") == 0);
                assertThat(Files.size(dataDir.resolve(HistoryWriter.SPILL_FILE)))
                        .as("spilled meanwhile")
                        .isPositive();
            } finally {
                proxy.thaw(); // also when the test fails: closing a server whose database hangs would hang
            }
            chat(alice, bob, sent, 20, Duration.ZERO);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> storedMsgids(database).size() >= sent.size()
                            && !Files.exists(dataDir.resolve(HistoryWriter.SPILL_FILE)));
            assertThat(storedMsgids(database)).containsExactlyElementsOf(sent);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void inSyncModeAHungDatabaseHoldsASenderNoLongerThanTheCommitTimeout() throws Exception {
        try (ServerDatabase database = ServerDatabase.create(ServerDatabase.Vendor.POSTGRESQL);
                TcpProxy proxy = new TcpProxy("127.0.0.1", database.port());
                TestServer server = start(database, proxy, HistoryConfig.Durability.SYNC)) {
            RawIrcClient alice = sender(server);
            RawIrcClient bob = server.user("bob");
            bob.join("#general");
            List<String> sent = new ArrayList<>();
            chat(alice, bob, sent, 20, Duration.ZERO);

            proxy.freeze();
            try {
                long slowestNanos = chat(alice, bob, sent, Integer.MAX_VALUE, HANG);
                System.out.printf(
                        "sync mode, hung database: %d messages, slowest echo %d ms%n",
                        sent.size() - 20, TimeUnit.NANOSECONDS.toMillis(slowestNanos));
                assertThat(Duration.ofNanos(slowestNanos))
                        .as("the longest a sender waited for its echo")
                        .isLessThanOrEqualTo(COMMIT_TIMEOUT.plus(ALLOWANCE));
            } finally {
                proxy.thaw();
            }
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> storedMsgids(database).size() >= sent.size()
                            && !Files.exists(dataDir.resolve(HistoryWriter.SPILL_FILE)));
            assertThat(storedMsgids(database)).containsExactlyElementsOf(sent);
        }
    }

    @ParameterizedTest
    @EnumSource(ServerDatabase.Vendor.class)
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aQueryToAHungDatabaseFailsWithinTheTimeouts(ServerDatabase.Vendor vendor) throws Exception {
        try (ServerDatabase database = ServerDatabase.create(vendor);
                TcpProxy proxy = new TcpProxy("127.0.0.1", database.port());
                JdbcStorage storage = JdbcStorage.open(
                        database.storageThroughPort(dataDir, proxy.port(), CONNECT_TIMEOUT, QUERY_TIMEOUT))) {
            storage.messages().latest("#general", Optional.empty(), 10);

            proxy.freeze();
            try {
                long start = System.nanoTime();
                CompletableFuture<Object> query = CompletableFuture.supplyAsync(
                        () -> storage.messages().latest("#general", Optional.empty(), 10));

                assertThatThrownBy(() -> query.get(
                                QUERY_TIMEOUT
                                        .plus(CONNECT_TIMEOUT)
                                        .plusSeconds(2)
                                        .toMillis(),
                                TimeUnit.MILLISECONDS))
                        .as("the query fails instead of hanging")
                        .isInstanceOf(java.util.concurrent.ExecutionException.class);
                System.out.printf(
                        "%s: a query to the hung database failed after %d ms%n",
                        vendor, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            } finally {
                proxy.thaw();
            }
        }
    }

    private TestServer start(ServerDatabase database, TcpProxy proxy, HistoryConfig.Durability durability) {
        return TestServer.startIn(
                dataDir,
                c -> withDurability(ChatHistory.withoutFloodControl(c), durability)
                        .withStorage(database.storageThroughPort(dataDir, proxy.port(), CONNECT_TIMEOUT, QUERY_TIMEOUT))
                        .withHttp(new HttpConfig(List.of(new ListenAddress("127.0.0.1", 0)), HttpConfig.Tls.OFF)));
    }

    private static ParleyConfig withDurability(ParleyConfig config, HistoryConfig.Durability durability) {
        HistoryConfig h = config.history();
        return config.withHistory(new HistoryConfig(
                h.enabled(),
                h.flushInterval(),
                h.batchSize(),
                h.queueCapacity(),
                h.maxPageSize(),
                h.defaultPageSize(),
                durability,
                h.spillMaxBytes(),
                h.retentionMaxAge(),
                h.retentionMaxMessages(),
                h.retentionInterval(),
                h.commitTimeout()));
    }

    private static RawIrcClient sender(TestServer server) {
        RawIrcClient alice = server.connect();
        alice.registerWithCaps("alice", "chat@123", "echo-message", "message-tags");
        alice.join("#general");
        return alice;
    }

    /**
     * Alice sends {@code count} messages, or as many as fit in {@code lasting}; each one's echo and
     * Bob's copy must arrive. Records the msgids in order; returns the slowest echo's round trip.
     */
    private static long chat(RawIrcClient alice, RawIrcClient bob, List<String> sent, int count, Duration lasting) {
        long end = System.nanoTime() + lasting.toNanos();
        long next = System.nanoTime();
        long slowest = 0;
        for (int i = 0; i < count && (lasting.isZero() || System.nanoTime() < end); i++) {
            String text = "message " + sent.size();
            long before = System.nanoTime();
            alice.send("PRIVMSG #general :" + text);
            IrcMessage echo = alice.expect(Lines.privmsgFrom("alice", "#general", text));
            slowest = Math.max(slowest, System.nanoTime() - before);
            bob.expect(Lines.privmsgFrom("alice", "#general", text));
            sent.add(echo.tag("msgid"));
            if (!lasting.isZero()) {
                next += SEND_EVERY_NANOS;
                LockSupport.parkNanos(next - System.nanoTime());
            }
        }
        return slowest;
    }

    private static URI uri(TestServer server, String path) {
        return URI.create(
                "http://127.0.0.1:" + server.server().httpAddresses().get(0).getPort() + path);
    }

    /** A gauge's value from the Prometheus page. */
    private static double metric(URI metrics, String name) throws Exception {
        String page = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(metrics)
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        return page.lines()
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " not on the metrics page"));
    }

    private static List<String> storedMsgids(ServerDatabase database) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT msgid FROM messages ORDER BY id")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }
}
