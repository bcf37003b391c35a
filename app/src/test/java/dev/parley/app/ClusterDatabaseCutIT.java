package dev.parley.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.server.history.HistoryWriter;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import dev.parley.testkit.TcpProxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The database cut for 30 s under three node processes (contrib/cluster's files, MariaDB, then PostgreSQL, reached
 * through a proxy the test cuts, the machine's Redis): senders on nodes 1 and 2 keep talking in a
 * room with readers on all three nodes before, during and after the cut. Live delivery carries on in
 * the room's one order; each sender's node keeps its messages in its own spill file meanwhile and
 * says so (log, {@code parley_history_degraded}), still ready; after the restore each node replays its
 * spill, and the database, and {@code CHATHISTORY} on every node, hold exactly the order the readers
 * saw, each message once, positions rising. Skipped without MariaDB or Redis, failed then under
 * {@code CI_REQUIRE_SERVICES=1}.
 */
class ClusterDatabaseCutIT {

    private static final String ROOM = "#cut";
    /** Issue 15: "the database cut for 30 s". */
    private static final Duration CUT = Duration.ofSeconds(30);
    /** Load pacing while the database is away (not a wait for anything): 10 messages a second per sender. */
    private static final long SEND_EVERY_NANOS = Duration.ofMillis(100).toNanos();

    private static final int AROUND_THE_CUT = 20;
    private static final Duration NOTICED_WITHIN = Duration.ofSeconds(15);
    private static final Duration REPLAYED_WITHIN = Duration.ofSeconds(60);
    private static final String[] SENDER_CAPS = {"echo-message", "message-tags"};

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    private final List<RawIrcClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(RawIrcClient::close);
    }

    @ParameterizedTest
    @EnumSource(ClusterDatabase.Vendor.class)
    void aThirtySecondCutKeepsTheRoomsOrderLiveAndEachNodeReplaysItsSpillInThatOrder(ClusterDatabase.Vendor vendor)
            throws Exception {
        try (ThreeNodes cluster = ThreeNodes.startBehindDatabaseProxy(vendor, "redis://127.0.0.1:6379", dir)) {
            TcpProxy database = cluster.databaseProxy();
            List<Sender> senders = List.of(
                    new Sender("send1", member(cluster.node(1), "send1", SENDER_CAPS)),
                    new Sender("send2", member(cluster.node(2), "send2", SENDER_CAPS)));
            List<RawIrcClient> readers = new ArrayList<>();
            List<RawIrcClient> historians = new ArrayList<>();
            for (ParleyNode node : cluster.nodes()) {
                readers.add(member(node, "read" + node.name(), new String[0]));
                historians.add(member(node, "hist" + node.name(), NodeOrder.HISTORY_CAPS));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> cluster.nodesListeningTo(ROOM) == 3);

            ExecutorService threads = Executors.newFixedThreadPool(readers.size() + senders.size());
            try {
                List<Future<List<String>>> heard = new ArrayList<>();
                for (RawIrcClient reader : readers) {
                    heard.add(threads.submit(() -> textsUntilBothEnd(reader, senders)));
                }

                inParallel(threads, senders, sender -> sender.send(AROUND_THE_CUT));
                database.cut();
                long cutEnds = System.nanoTime() + CUT.toNanos();
                List<Future<Void>> duringCut = new ArrayList<>();
                for (Sender sender : senders) {
                    duringCut.add(threads.submit(() -> {
                        sender.sendUntil(cutEnds);
                        return null;
                    }));
                }
                eachNodeReportsTheCutAndStillServes(cluster, historians);
                for (Future<Void> sending : duringCut) {
                    sending.get();
                }
                assertThat(System.nanoTime()).as("the cut lasted 30 s").isGreaterThanOrEqualTo(cutEnds);
                assertThat(cluster.node(3).body("/metrics"))
                        .as("node 3 stores nothing of the room (only a message's origin stores it), so its writer"
                                + " never met the cut")
                        .contains("parley_history_degraded 0.0");
                database.restore();
                inParallel(threads, senders, sender -> {
                    sender.send(AROUND_THE_CUT);
                    sender.sendEnd();
                });

                List<String> seen = heard.get(0).get();
                for (Future<List<String>> other : heard) {
                    assertThat(other.get())
                            .as("every node's reader saw one order, during the cut too")
                            .isEqualTo(seen);
                }
                for (Sender sender : senders) {
                    assertThat(seen.stream().filter(sender::sent).toList())
                            .as("%s's messages, each once, in the order it sent them", sender.nick)
                            .isEqualTo(sender.texts());
                    assertThat(sender.duringCut)
                            .as("%s was acknowledged during the cut", sender.nick)
                            .hasSizeGreaterThan(100);
                }
                assertThat(seen)
                        .hasSize(senders.stream().mapToInt(s -> s.msgids.size()).sum());

                everyNodeReplaysItsSpill(cluster);
                List<ClusterDatabase.StoredRow> rows = cluster.database().storedRows(ROOM);
                assertThat(rows.stream().map(ClusterDatabase.StoredRow::text).toList())
                        .as("the database holds every message once, in the order the readers saw")
                        .isEqualTo(seen);
                List<Long> positions =
                        rows.stream().map(ClusterDatabase.StoredRow::position).toList();
                assertThat(positions)
                        .as("room positions, stored with the replayed rows too")
                        .allMatch(p -> p > 0);
                assertThat(positions)
                        .as("positions in history's order")
                        .isSorted()
                        .doesNotHaveDuplicates();
                Map<String, String> storedMsgids = new LinkedHashMap<>();
                rows.forEach(row -> storedMsgids.put(row.text(), row.msgid()));
                for (Sender sender : senders) {
                    assertThat(storedMsgids)
                            .as(
                                    "every message %s had echoed (during the cut too) is stored under that msgid",
                                    sender.nick)
                            .containsAllEntriesOf(sender.msgids);
                }
                for (RawIrcClient historian : historians) {
                    assertThat(NodeOrder.latest(historian, ROOM, 1000))
                            .as("CHATHISTORY on %s", historian)
                            .isEqualTo(seen);
                }
                report(vendor, cluster, senders, rows.size());
            } finally {
                threads.shutdownNow();
            }
        }
    }

    /**
     * While the database is cut: each sender's node logs that it keeps messages in its spill file,
     * shows {@code parley_history_degraded 1} and a growing spill file; every node stays ready and
     * healthy (docs: an outage is no reason to take a node out of rotation) and registers a newcomer;
     * CHATHISTORY answers FAIL on every node.
     */
    private void eachNodeReportsTheCutAndStillServes(ThreeNodes cluster, List<RawIrcClient> historians)
            throws Exception {
        for (ParleyNode node : List.of(cluster.node(1), cluster.node(2))) {
            await(node.name() + " says its history database is away")
                    .atMost(NOTICED_WITHIN)
                    .until(() -> node.body("/metrics").contains("parley_history_degraded 1.0"));
            assertThat(Files.readAllLines(node.log()))
                    .as("%s's log (%s)", node.name(), node.log())
                    .anyMatch(line -> line.contains("history database unavailable"));
            Path spill = spillOf(node);
            await(node.name() + " spills")
                    .atMost(NOTICED_WITHIN)
                    .until(() -> Files.exists(spill) && Files.size(spill) > 0);
        }
        for (ParleyNode node : cluster.nodes()) {
            assertThat(node.status("/readyz")).as("%s ready", node.name()).isEqualTo(200);
            assertThat(node.status("/healthz")).as("%s healthy", node.name()).isEqualTo(200);
            RawIrcClient newcomer = ParleyNode.connect(node.ircPort());
            clients.add(newcomer);
            assertThat(newcomer.register("new" + node.name(), "chat@123"))
                    .as("%s takes a new client during the cut", node.name())
                    .extracting(IrcMessage::command)
                    .contains(Numeric.RPL_WELCOME.code());
        }
        for (RawIrcClient historian : historians) {
            historian.send("CHATHISTORY LATEST " + ROOM + " * 10");
            historian.withTimeout(Duration.ofSeconds(15)).expect(Lines.commandWithParams("FAIL", "CHATHISTORY"));
        }
    }

    /** Each sender's node replays its spill and deletes it; none has history waiting afterwards. */
    private static void everyNodeReplaysItsSpill(ThreeNodes cluster) throws Exception {
        for (ParleyNode node : cluster.nodes()) {
            await(node.name() + " replays its spill file and writes again")
                    .atMost(REPLAYED_WITHIN)
                    .until(() -> !Files.exists(spillOf(node))
                            && node.body("/metrics").contains("parley_history_degraded 0.0"));
        }
        for (ParleyNode node : List.of(cluster.node(1), cluster.node(2))) {
            assertThat(Files.readAllLines(node.log()))
                    .as("%s's log (%s)", node.name(), node.log())
                    .anyMatch(line -> line.contains("history database is back"));
        }
    }

    /** What the run did, for docs/cluster.md's figures. */
    private static void report(ClusterDatabase.Vendor vendor, ThreeNodes cluster, List<Sender> senders, int stored)
            throws Exception {
        StringBuilder line = new StringBuilder("ClusterDatabaseCutIT " + vendor + ": " + stored + " messages stored;");
        for (Sender sender : senders) {
            line.append(' ').append(sender.nick).append(" acknowledged ").append(sender.duringCut.size());
            line.append(" during the cut;");
        }
        for (ParleyNode node : cluster.nodes()) {
            Files.readAllLines(node.log()).stream()
                    .filter(l -> l.contains("history database is back"))
                    .forEach(l -> line.append(' ')
                            .append(node.name())
                            .append(": ")
                            .append(l.substring(l.indexOf("history database is back")))
                            .append(';'));
        }
        System.out.println(line);
    }

    private static Path spillOf(ParleyNode node) {
        return node.log().resolveSibling(HistoryWriter.SPILL_FILE);
    }

    private RawIrcClient member(ParleyNode node, String nick, String[] caps) {
        RawIrcClient client = node.user(nick, caps);
        clients.add(client);
        client.join(ROOM);
        return client;
    }

    /** The room's texts a reader hears, until both senders' last message. */
    private static List<String> textsUntilBothEnd(RawIrcClient reader, List<Sender> senders) {
        RawIrcClient patient = reader.withTimeout(Duration.ofSeconds(60));
        List<String> texts = new ArrayList<>();
        List<String> ends = new ArrayList<>(senders.stream().map(Sender::end).toList());
        while (!ends.isEmpty()) {
            String text =
                    patient.expect(Lines.commandWithParams("PRIVMSG", ROOM)).lastParam();
            texts.add(text);
            ends.remove(text);
        }
        return texts;
    }

    private interface Step {
        void run(Sender sender) throws Exception;
    }

    private static void inParallel(ExecutorService threads, List<Sender> senders, Step step) throws Exception {
        List<Future<Void>> running = new ArrayList<>();
        for (Sender sender : senders) {
            running.add(threads.submit(() -> {
                step.run(sender);
                return null;
            }));
        }
        for (Future<Void> one : running) {
            one.get();
        }
    }

    /** A member with echo-message: each message counts as sent once its echo (with its msgid) is back. */
    private static final class Sender {
        final String nick;
        final RawIrcClient client;
        /** Text to msgid, in the order sent. */
        final Map<String, String> msgids = Collections.synchronizedMap(new LinkedHashMap<>());

        final List<String> duringCut = Collections.synchronizedList(new ArrayList<>());

        Sender(String nick, RawIrcClient client) {
            this.nick = nick;
            this.client = client;
        }

        void send(int count) {
            for (int i = 0; i < count; i++) {
                one(nick + "-" + msgids.size());
            }
        }

        /** Sends, paced, until {@code endNanos}: these are the messages acknowledged during the cut. */
        void sendUntil(long endNanos) {
            long next = System.nanoTime();
            while (System.nanoTime() < endNanos) {
                String text = nick + "-" + msgids.size();
                one(text);
                duringCut.add(text);
                next += SEND_EVERY_NANOS;
                LockSupport.parkNanos(next - System.nanoTime());
            }
        }

        void sendEnd() {
            one(end());
        }

        String end() {
            return nick + "-end";
        }

        boolean sent(String text) {
            return text.startsWith(nick + "-");
        }

        List<String> texts() {
            synchronized (msgids) {
                return List.copyOf(msgids.keySet());
            }
        }

        private void one(String text) {
            client.send("PRIVMSG " + ROOM + " :" + text);
            IrcMessage echo = client.expect(Lines.privmsgFrom(nick, ROOM, text));
            assertThat(echo.tag("msgid"))
                    .as("the echo of %s carries its msgid", text)
                    .isNotNull();
            msgids.put(text, echo.tag("msgid"));
        }
    }
}
