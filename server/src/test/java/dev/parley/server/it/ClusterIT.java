package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.server.config.ClusterConfig;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import dev.parley.testkit.TcpProxy;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Nodes started in-process on one MariaDB database and the local Redis act as one server: room
 * messages cross nodes in one order and are stored once; a nick held on one node is refused on the
 * others until its holder leaves or its node dies; a node refuses to start without a shared
 * database or without Redis.
 */
class ClusterIT {

    private static final Duration LEASE = Duration.ofSeconds(3);

    @Test
    void aRoomMessageFromOneNodeReachesMembersOnTheOthersAndIsStoredOnce() throws Exception {
        try (ClusterServices services = ClusterServices.open(ClusterServices.Vendor.MARIADB);
                TestServer a = services.node("a", LEASE);
                TestServer b = services.node("b", LEASE);
                TestServer c = services.node("c", LEASE)) {
            RawIrcClient alice = a.user("alice");
            RawIrcClient bob = b.user("bob");
            RawIrcClient carol = c.user("carol");
            for (RawIrcClient member : List.of(alice, bob, carol)) {
                member.join("#room");
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> services.nodesListeningTo("#room") == 3);

            alice.send("PRIVMSG #room :hello from a");

            bob.expect(Lines.privmsgFrom("alice", "#room", "hello from a"));
            carol.expect(Lines.privmsgFrom("alice", "#room", "hello from a"));
            carol.send("PRIVMSG #room :and from c");
            alice.expect(Lines.privmsgFrom("carol", "#room", "and from c"));
            bob.expect(Lines.privmsgFrom("carol", "#room", "and from c"));
            await().atMost(Duration.ofSeconds(5)).until(() -> services.storedCount("#room") == 2);
            assertThat(metrics(c)).contains("parley_cluster_bus_published_total 1.0");
        }
    }

    /**
     * The sender's echo is the message as the room's order placed it: the time the room's members on
     * either node see (and history keeps), not the one it was stamped with before its place was known.
     */
    @Test
    void anEchoMessageSendersEchoCarriesTheTimeItsMembersSee() throws Exception {
        try (ClusterServices services = ClusterServices.open(ClusterServices.Vendor.MARIADB);
                TestServer a = services.node("a", LEASE);
                TestServer b = services.node("b", LEASE)) {
            RawIrcClient alice = withCaps(a, "alice", "echo-message", "server-time");
            RawIrcClient carol = withCaps(a, "carol", "server-time");
            RawIrcClient bob = withCaps(b, "bob", "server-time");
            for (RawIrcClient member : List.of(alice, carol, bob)) {
                member.join("#room");
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> services.nodesListeningTo("#room") == 2);

            int count = 20; // in a burst, several share a millisecond: their places' times must differ
            for (int i = 0; i < count; i++) {
                alice.send("PRIVMSG #room :burst " + i);
            }
            alice.send("PING :after");

            List<IrcMessage> echoes = alice.collectUntil(Lines.command("PONG")).stream()
                    .filter(Lines.command("PRIVMSG"))
                    .toList();
            assertThat(echoes).hasSize(count);
            for (int i = 0; i < count; i++) {
                IrcMessage atCarol = carol.expect(Lines.privmsgFrom("alice", "#room", "burst " + i));
                IrcMessage atBob = bob.expect(Lines.privmsgFrom("alice", "#room", "burst " + i));
                assertThat(echoes.get(i).params()).containsExactly("#room", "burst " + i);
                assertThat(echoes.get(i).tag("time"))
                        .as("echo of burst %d", i)
                        .isEqualTo(atCarol.tag("time"))
                        .isEqualTo(atBob.tag("time"));
            }
        }
    }

    /**
     * As on one node, a sender's next command is answered after its room message reached the members
     * on its node: the message waits for its place in the room's order, so the sender waits too.
     */
    @Test
    void aSendersNextCommandIsAnsweredAfterItsRoomMessageReachedItsNodesMembers() throws Exception {
        try (ClusterServices services = ClusterServices.open(ClusterServices.Vendor.MARIADB);
                TestServer a = services.node("a", LEASE);
                TestServer b = services.node("b", LEASE)) {
            RawIrcClient carol = a.user("carol");
            RawIrcClient dave = a.user("dave");
            RawIrcClient bob = b.user("bob");
            for (RawIrcClient member : List.of(carol, dave, bob)) {
                member.join("#room");
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> services.nodesListeningTo("#room") == 2);

            for (int i = 0; i < 10; i++) {
                carol.send("PRIVMSG #room :line " + i);
                carol.send("PING :sent " + i);
                carol.expect(Lines.command("PONG"));
                dave.send("PING :read " + i);
                assertThat(dave.collectUntil(Lines.command("PONG")))
                        .as("dave's lines before his PONG, after carol's PONG for line %d", i)
                        .anyMatch(Lines.privmsgFrom("carol", "#room", "line " + i));
                bob.expect(Lines.privmsgFrom("carol", "#room", "line " + i));
            }
        }
    }

    private static RawIrcClient withCaps(TestServer node, String nick, String... caps) {
        RawIrcClient client = node.connect();
        client.registerWithCaps(nick, "chat@123", caps);
        return client;
    }

    @Test
    void aPrivateMessageReachesItsRecipientOnAnotherNodeAndIsStoredOnce() throws Exception {
        try (ClusterServices services = ClusterServices.open(ClusterServices.Vendor.MARIADB);
                TestServer a = services.node("a", LEASE);
                TestServer b = services.node("b", LEASE)) {
            RawIrcClient alice = a.user("alice");
            RawIrcClient bob = b.user("bob");

            await().atMost(Duration.ofSeconds(5)).until(() -> sentWithoutNoSuchNick(alice, "bob", "hello bob"));

            bob.expect(Lines.privmsgFrom("alice", "bob", "hello bob"));
            bob.send("PRIVMSG alice :hello alice");
            alice.expect(Lines.privmsgFrom("bob", "alice", "hello alice"));
            await().atMost(Duration.ofSeconds(5))
                    .until(() ->
                            services.storedWithText("hello bob") == 1 && services.storedWithText("hello alice") == 1);
            bob.send("PRIVMSG nobody :anyone?");
            bob.expect(Lines.numeric(Numeric.ERR_NOSUCHNICK));
        }
    }

    /** Sends the message; false when the sender's node does not know the nick yet (401), so nothing went. */
    private static boolean sentWithoutNoSuchNick(RawIrcClient sender, String nick, String text) {
        sender.send("PRIVMSG " + nick + " :" + text);
        sender.send("PING :probe");
        return sender.collectUntil(Lines.command("PONG")).stream().noneMatch(Lines.numeric(Numeric.ERR_NOSUCHNICK));
    }

    @Test
    void concurrentSendersOnThreeNodesAreSeenInOneOrderByEveryMemberAndByHistory() throws Exception {
        ClusterOrder.concurrentSendersAreSeenInOneOrderEverywhere(ClusterServices.Vendor.MARIADB);
    }

    @Test
    void aNickHeldOnOneNodeIsRefusedOnAnotherUntilItsHolderLeaves() throws Exception {
        try (ClusterServices services = ClusterServices.open(ClusterServices.Vendor.MARIADB);
                TestServer a = services.node("a", LEASE);
                TestServer b = services.node("b", LEASE)) {
            RawIrcClient dora = a.user("dora");
            RawIrcClient rival = registering(b);

            await().atMost(Duration.ofSeconds(5)).until(() -> nickAttempt(rival, "dora") == Outcome.TAKEN);
            assertThat(nickAttempt(rival, "DORA")).as("casefolded alike").isEqualTo(Outcome.TAKEN);

            dora.send("QUIT :bye");
            await().atMost(Duration.ofSeconds(5)).until(() -> nickAttempt(rival, "dora") == Outcome.ACCEPTED);
        }
    }

    @Test
    void aNodeCutFromRedisIsNotReadyAndItsNicksAreFreeElsewhereWithinTheLease() throws Exception {
        try (ClusterServices services = ClusterServices.open(ClusterServices.Vendor.MARIADB);
                TcpProxy proxy = new TcpProxy("127.0.0.1", 6379);
                TestServer a = services.node("a", "redis://127.0.0.1:" + proxy.port(), LEASE);
                TestServer b = services.node("b", LEASE)) {
            RawIrcClient erin = a.user("erin");
            RawIrcClient frank = a.user("frank");
            erin.join("#local");
            frank.join("#local");
            RawIrcClient rival = registering(b);
            await().atMost(Duration.ofSeconds(5)).until(() -> nickAttempt(rival, "erin") == Outcome.TAKEN);
            assertThat(status(a, "/readyz")).isEqualTo(200);

            proxy.cut();

            await().atMost(LEASE).until(() -> status(a, "/readyz") == 503);
            assertThat(status(a, "/healthz"))
                    .as("serving its own members still")
                    .isEqualTo(200);
            assertThat(status(a, "/livez")).isEqualTo(200);
            erin.send("PRIVMSG #local :still here");
            frank.expect(Lines.privmsgFrom("erin", "#local", "still here"));
            assertThat(metrics(a))
                    .contains("parley_cluster_redis_up 0.0")
                    .contains("parley_cluster_unordered_total 1.0");
            // within the lease of A's last heartbeat, plus B's own heartbeat and a loaded machine's slack
            await().atMost(LEASE.plusSeconds(2)).until(() -> nickAttempt(rival, "erin") == Outcome.ACCEPTED);

            proxy.restore();
            await().atMost(Duration.ofSeconds(10)).until(() -> status(a, "/readyz") == 200);
        }
    }

    @Test
    void messagesANodeMissedWhileCutFromRedisAreReadBackFromTheDatabaseInTheirPlaces() throws Exception {
        try (ClusterServices services = ClusterServices.open(ClusterServices.Vendor.MARIADB);
                TcpProxy proxy = new TcpProxy("127.0.0.1", 6379);
                TestServer a = services.node("a", LEASE);
                TestServer b = services.node("b", "redis://127.0.0.1:" + proxy.port(), LEASE)) {
            RawIrcClient alice = a.user("alice");
            alice.join("#gap");
            RawIrcClient bob = b.user("bob");
            bob.join("#gap");
            await().atMost(Duration.ofSeconds(5)).until(() -> services.nodesListeningTo("#gap") == 2);
            alice.send("PRIVMSG #gap :before");
            bob.expect(Lines.privmsgFrom("alice", "#gap", "before"));

            proxy.cut(); // B hears nothing of the bus: what A sends now never reaches it that way
            for (int n = 1; n <= 3; n++) {
                alice.send("PRIVMSG #gap :missed-" + n);
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> services.storedCount("#gap") == 4);
            proxy.restore();
            await().atMost(Duration.ofSeconds(15)).until(() -> services.nodesListeningTo("#gap") == 2);
            alice.send("PRIVMSG #gap :after");

            RawIrcClient patient = bob.withTimeout(Duration.ofSeconds(15));
            List<String> heard = new ArrayList<>();
            while (heard.size() < 4) {
                heard.add(patient.expect(Lines.commandWithParams("PRIVMSG", "#gap"))
                        .lastParam());
            }
            assertThat(heard).containsExactly("missed-1", "missed-2", "missed-3", "after");
            assertThat(metrics(b)).contains("parley_cluster_positions_repaired_total 3.0");
        }
    }

    @Test
    void aSecondDeviceOfAnAccountOnAnotherNodeIsToldToUseTheSameNode() throws Exception {
        try (ClusterServices services = ClusterServices.open(ClusterServices.Vendor.MARIADB);
                TestServer a = services.node("a", LEASE);
                TestServer b = services.node("b", LEASE)) {
            ClusterServices.accountHolder(a, "alys", "wonderland7"); // the laptop

            await().atMost(Duration.ofSeconds(5)).until(() -> {
                RawIrcClient phone = b.connect();
                phone.send("PASS wonderland7");
                phone.send("NICK alys");
                phone.send("USER alys 0 * :phone");
                IrcMessage answer =
                        phone.expect(Lines.numeric(Numeric.ERR_NICKNAMEINUSE).or(Lines.numeric(Numeric.RPL_WELCOME)));
                phone.close();
                assertThat(answer.command())
                        .as("the phone must not get alys on B")
                        .isEqualTo("433");
                return answer.lastParam().contains("another node of this cluster (a)");
            });
        }
    }

    @Test
    void aMultilineMessageCrossesNodesAsOneMessageToARoomAndToAUser() throws Exception {
        String[] caps = {"batch", "draft/multiline", "message-tags", "server-time", "echo-message"};
        try (ClusterServices services = ClusterServices.open(ClusterServices.Vendor.MARIADB);
                TestServer a = services.node("a", LEASE);
                TestServer b = services.node("b", LEASE)) {
            RawIrcClient alice = withCaps(a, "alice", caps);
            RawIrcClient bob = withCaps(b, "bob", caps);
            RawIrcClient carol = b.user("carol"); // no multiline: separate lines
            for (RawIrcClient member : List.of(alice, bob, carol)) {
                member.join("#code");
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> services.nodesListeningTo("#code") == 2);

            alice.send("BATCH +p1 draft/multiline #code");
            alice.send("@batch=p1 PRIVMSG #code :for x in xs:");
            alice.send("@batch=p1 PRIVMSG #code :    print(x, ");
            alice.send("@batch=p1;draft/multiline-concat PRIVMSG #code :end='')");
            alice.send("BATCH -p1");

            List<IrcMessage> atBob = fromBatchStart(bob.collectUntil(
                    m -> m.command().equals("BATCH") && m.param(0).startsWith("-")));
            assertThat(atBob.get(0).params()).contains("draft/multiline", "#code");
            assertThat(atBob.subList(1, atBob.size() - 1))
                    .extracting(IrcMessage::lastParam)
                    .containsExactly("for x in xs:", "    print(x, ", "end='')");
            assertThat(atBob.get(3).tags()).containsKey("draft/multiline-concat");
            assertThat(atBob).noneMatch(m -> m.tags().keySet().stream().anyMatch(t -> t.startsWith("parley.dev/")));
            carol.expect(Lines.privmsgFrom("alice", "#code", "for x in xs:"));
            carol.expect(Lines.privmsgFrom("alice", "#code", "end='')"));
            List<IrcMessage> echo = alice.collectUntil(
                    m -> m.command().equals("BATCH") && m.param(0).startsWith("-"));
            assertThat(echo).filteredOn(m -> m.command().equals("PRIVMSG")).hasSize(3);

            alice.send("BATCH +p2 draft/multiline bob");
            alice.send("@batch=p2 PRIVMSG bob :line one");
            alice.send("@batch=p2 PRIVMSG bob :line two");
            alice.send("BATCH -p2");
            List<IrcMessage> dm = fromBatchStart(bob.collectUntil(
                    m -> m.command().equals("BATCH") && m.param(0).startsWith("-")));
            assertThat(dm.subList(1, dm.size() - 1))
                    .extracting(IrcMessage::lastParam)
                    .containsExactly("line one", "line two");

            await().atMost(Duration.ofSeconds(10)).until(() -> services.storedCount("#code") == 1);
        }
    }

    private static List<IrcMessage> fromBatchStart(List<IrcMessage> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).command().equals("BATCH") && lines.get(i).param(0).startsWith("+")) {
                return lines.subList(i, lines.size());
            }
        }
        return lines;
    }

    @Test
    void aClusterOnSqliteIsRefusedAtStart() {
        assertThatThrownBy(() -> TestServer.start(c -> c.withCluster(ClusterConfig.on(ClusterServices.REDIS))))
                .hasRootCauseMessage("cluster.redis-url: a cluster needs a database every node shares: set"
                        + " storage.database-url to a MariaDB/MySQL or PostgreSQL URL (SQLite is one machine's file)");
    }

    @Test
    void aClusterWithoutRedisIsRefusedAtStart() throws Exception {
        try (ClusterServices services = ClusterServices.open(ClusterServices.Vendor.MARIADB)) {
            assertThatThrownBy(() -> services.node("a", "redis://127.0.0.1:1", LEASE))
                    .hasStackTraceContaining("cluster.redis-url 127.0.0.1:1: Redis is unreachable")
                    .hasStackTraceContaining("a cluster node needs it to start");
        }
    }

    private enum Outcome {
        TAKEN,
        ACCEPTED
    }

    /** A connection that gave PASS and USER but no nick yet: each NICK it sends is a registration attempt. */
    private static RawIrcClient registering(TestServer node) {
        RawIrcClient client = node.connect();
        client.send("PASS chat@123");
        client.send("USER rival 0 * :rival");
        return client;
    }

    private static Outcome nickAttempt(RawIrcClient client, String nick) {
        client.send("NICK " + nick);
        IrcMessage answer = client.expect(
                Lines.anyOf(Lines.numeric(Numeric.ERR_NICKNAMEINUSE), Lines.numeric(Numeric.RPL_WELCOME)));
        return Lines.numeric(Numeric.RPL_WELCOME).test(answer) ? Outcome.ACCEPTED : Outcome.TAKEN;
    }

    private static String metrics(TestServer node) throws Exception {
        InetSocketAddress http = node.server().httpAddresses().get(0);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.getPort() + "/metrics"))
                .timeout(Duration.ofSeconds(5))
                .build();
        return HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static int status(TestServer node, String path) throws Exception {
        InetSocketAddress http = node.server().httpAddresses().get(0);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.getPort() + path))
                .timeout(Duration.ofSeconds(2))
                .build();
        return HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
