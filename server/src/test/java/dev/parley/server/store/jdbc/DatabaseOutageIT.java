package dev.parley.server.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.parley.protocol.IrcMessage;
import dev.parley.server.config.HttpConfig;
import dev.parley.server.config.ListenAddress;
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
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The database cut off for 30 s under live chat, through a proxy the test controls: chat goes on,
 * and once the database is back every message is stored exactly once, in the order it was sent.
 */
class DatabaseOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(30);
    /** Load pacing while the database is away (not a wait for anything): 40 messages a second. */
    private static final long SEND_EVERY_NANOS = Duration.ofMillis(25).toNanos();

    @TempDir
    Path dataDir;

    @Test
    void aThirtySecondOutageOfPostgresqlLosesAndDuplicatesNothing() throws Exception {
        try (ServerDatabase database = ServerDatabase.create(ServerDatabase.Vendor.POSTGRESQL);
                TcpProxy proxy = new TcpProxy("127.0.0.1", 5432);
                TestServer server = TestServer.startIn(
                        dataDir,
                        c -> ChatHistory.withoutFloodControl(c)
                                .withStorage(database.storageThroughPort(dataDir, proxy.port())))) {
            RawIrcClient alice = server.connect();
            alice.registerWithCaps("alice", "chat@123", "echo-message", "message-tags");
            alice.join("#general");
            RawIrcClient bob = server.user("bob");
            bob.join("#general");
            List<String> sent = new ArrayList<>();

            chat(alice, bob, sent, 50, Duration.ZERO);
            proxy.cut();
            chat(alice, bob, sent, Integer.MAX_VALUE, OUTAGE);
            assertThat(Files.size(dataDir.resolve(HistoryWriter.SPILL_FILE)))
                    .as("spilled meanwhile")
                    .isPositive();
            proxy.restore();
            chat(alice, bob, sent, 50, Duration.ZERO);

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> storedMsgids(database).size() >= sent.size()
                            && !Files.exists(dataDir.resolve(HistoryWriter.SPILL_FILE)));
            assertThat(storedMsgids(database)).containsExactlyElementsOf(sent);
        }
    }

    @Test
    void whileTheDatabaseIsUnreachableTheServerStaysReadyAndTheMetricsSaySo() throws Exception {
        try (ServerDatabase database = ServerDatabase.create(ServerDatabase.Vendor.POSTGRESQL);
                TcpProxy proxy = new TcpProxy("127.0.0.1", 5432);
                TestServer server = TestServer.startIn(
                        dataDir,
                        c -> c.withStorage(database.storageThroughPort(dataDir, proxy.port()))
                                .withHttp(new HttpConfig(
                                        List.of(new ListenAddress("127.0.0.1", 0)), HttpConfig.Tls.OFF)))) {
            String http =
                    "http://127.0.0.1:" + server.server().httpAddresses().get(0).getPort();
            RawIrcClient alice = server.user("alice");
            alice.join("#general");

            proxy.cut();
            alice.send("PRIVMSG #general :while the database is away");
            await().atMost(Duration.ofSeconds(15)).until(() -> metricsOf(http).contains("parley_history_degraded 1.0"));

            for (String probe : List.of("/readyz", "/healthz", "/livez")) {
                assertThat(status(URI.create(http + probe))).as(probe).isEqualTo(200);
            }
            proxy.restore();
        }
    }

    @Test
    void whileTheDatabaseHangsReadinessAnswersAtOnce() throws Exception {
        try (ServerDatabase database = ServerDatabase.create(ServerDatabase.Vendor.POSTGRESQL);
                TcpProxy proxy = new TcpProxy("127.0.0.1", 5432);
                TestServer server = TestServer.startIn(
                        dataDir,
                        c -> c.withStorage(database.storageThroughPort(dataDir, proxy.port()))
                                .withHttp(new HttpConfig(
                                        List.of(new ListenAddress("127.0.0.1", 0)), HttpConfig.Tls.OFF)))) {
            URI readyz = URI.create(
                    "http://127.0.0.1:" + server.server().httpAddresses().get(0).getPort() + "/readyz");

            proxy.freeze();
            // Ten probes at once, as several orchestrators and load balancers would send: each is
            // answered ready, well within the 1 s a readiness probe typically allows.
            HttpClient client = HttpClient.newHttpClient();
            List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> probes = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                probes.add(client.sendAsync(
                        HttpRequest.newBuilder(readyz)
                                .timeout(Duration.ofSeconds(1))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            for (var probe : probes) {
                assertThat(probe.join().statusCode()).isEqualTo(200);
            }
            proxy.thaw();
        }
    }

    @Test
    void historyReadsDuringAnOutageAnswerFailAndLogOneWarningWithoutAStackTrace() throws Exception {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger parley = (Logger) LoggerFactory.getLogger("dev.parley");
        logs.start();
        parley.addAppender(logs);
        try (ServerDatabase database = ServerDatabase.create(ServerDatabase.Vendor.POSTGRESQL);
                TcpProxy proxy = new TcpProxy("127.0.0.1", 5432);
                TestServer server = TestServer.startIn(
                        dataDir, c -> c.withStorage(database.storageThroughPort(dataDir, proxy.port())))) {
            RawIrcClient reader = server.connect();
            reader.registerWithCaps("reader", "chat@123", "batch", "server-time", "message-tags", "draft/chathistory");
            reader.join("#general");

            proxy.cut();
            for (int i = 0; i < 5; i++) {
                reader.send("CHATHISTORY LATEST #general * 10");
                reader.expect(Lines.commandWithParams("FAIL", "CHATHISTORY"));
            }
            proxy.restore();
        } finally {
            parley.detachAppender(logs);
        }
        List<ILoggingEvent> aboutReads = logs.list.stream()
                .filter(e -> e.getLoggerName().endsWith("HistoryCommands")
                        || e.getLoggerName().endsWith("StoredHistory"))
                .toList();
        assertThat(aboutReads).as("what the failed reads logged").hasSize(1).allSatisfy(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.WARN);
            assertThat(e.getThrowableProxy()).as("a stack trace").isNull();
        });
    }

    private static String metricsOf(String http) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(http + "/metrics"))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static int status(URI uri) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(uri)
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    /**
     * Alice sends {@code count} messages, or as many as fit in {@code lasting}; each one's echo and
     * Bob's copy must arrive: chat goes on whatever the database does. Records the msgids in order.
     */
    private static void chat(RawIrcClient alice, RawIrcClient bob, List<String> sent, int count, Duration lasting) {
        long end = System.nanoTime() + lasting.toNanos();
        long next = System.nanoTime();
        for (int i = 0; i < count && (lasting.isZero() || System.nanoTime() < end); i++) {
            String text = "message " + sent.size();
            alice.send("PRIVMSG #general :" + text);
            IrcMessage echo = alice.expect(Lines.privmsgFrom("alice", "#general", text));
            bob.expect(Lines.privmsgFrom("alice", "#general", text));
            sent.add(echo.tag("msgid"));
            if (!lasting.isZero()) {
                next += SEND_EVERY_NANOS;
                LockSupport.parkNanos(next - System.nanoTime());
            }
        }
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
