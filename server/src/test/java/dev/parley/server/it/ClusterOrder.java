package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.protocol.IrcMessage;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The one-order scenario, run on each database vendor: three senders on three nodes talk at once;
 * a reader on each node, each sender (with echo-message, so it is a member seeing its own lines
 * too), CHATHISTORY on each node and the stored positions all give one order, and every member sees
 * each message with the same server time.
 */
final class ClusterOrder {

    private static final Duration LEASE = Duration.ofSeconds(5);
    private static final int PER_SENDER = 40;
    private static final String ROOM = "#order";

    private ClusterOrder() {}

    static void concurrentSendersAreSeenInOneOrderEverywhere(ClusterServices.Vendor vendor) throws Exception {
        try (ClusterServices services = ClusterServices.open(vendor);
                TestServer a = services.node("a", LEASE);
                TestServer b = services.node("b", LEASE);
                TestServer c = services.node("c", LEASE)) {
            List<TestServer> nodes = List.of(a, b, c);
            List<RawIrcClient> senders = new ArrayList<>();
            List<RawIrcClient> readers = new ArrayList<>();
            for (int i = 0; i < nodes.size(); i++) {
                senders.add(member(nodes.get(i), "send" + i, "echo-message", "server-time"));
                readers.add(member(nodes.get(i), "read" + i, "server-time"));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> services.nodesListeningTo(ROOM) == 3);

            ExecutorService threads = Executors.newFixedThreadPool(nodes.size());
            try {
                for (int i = 0; i < senders.size(); i++) {
                    RawIrcClient sender = senders.get(i);
                    String name = "send" + i;
                    threads.submit(() -> {
                        for (int n = 0; n < PER_SENDER; n++) {
                            sender.send("PRIVMSG " + ROOM + " :" + name + "-" + n);
                        }
                    });
                }
                List<Future<List<String>>> heard = new ArrayList<>();
                List<RawIrcClient> members = new ArrayList<>(readers);
                members.addAll(senders);
                ExecutorService reading = Executors.newFixedThreadPool(members.size());
                for (RawIrcClient member : members) {
                    heard.add(reading.submit(() -> timedTexts(member, PER_SENDER * senders.size())));
                }
                List<String> firstTimed = heard.get(0).get();
                for (Future<List<String>> other : heard) {
                    assertThat(other.get())
                            .as("every member on every node, senders included, sees one order and one time")
                            .isEqualTo(firstTimed);
                }
                List<String> first = firstTimed.stream()
                        .map(timed -> timed.substring(timed.indexOf(' ') + 1))
                        .toList();
                reading.shutdown();
                for (int i = 0; i < senders.size(); i++) {
                    String name = "send" + i;
                    assertThat(first.stream()
                                    .filter(t -> t.startsWith(name + "-"))
                                    .toList())
                            .as("each sender's messages in the order it sent them")
                            .isEqualTo(sent(name));
                }
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> services.storedCount(ROOM) == (long) PER_SENDER * senders.size());
                assertThat(services.textsByPosition(ROOM))
                        .as("the stored positions")
                        .isEqualTo(first);
                for (TestServer node : nodes) {
                    RawIrcClient history = ChatHistory.historyClient(node, "hist" + nodes.indexOf(node));
                    history.join(ROOM);
                    assertThat(ChatHistory.ask(history, "LATEST " + ROOM + " * 200")
                                    .texts())
                            .as("CHATHISTORY on node %s", nodes.indexOf(node))
                            .isEqualTo(first);
                }
            } finally {
                threads.shutdownNow();
            }
        }
    }

    private static RawIrcClient member(TestServer node, String nick, String... caps) {
        RawIrcClient client = node.connect();
        client.registerWithCaps(nick, "chat@123", caps);
        client.join(ROOM);
        return client;
    }

    /** "time text" of each message the member receives. */
    private static List<String> timedTexts(RawIrcClient member, int count) {
        RawIrcClient patient = member.withTimeout(Duration.ofSeconds(20));
        List<String> texts = new ArrayList<>(count);
        while (texts.size() < count) {
            IrcMessage line = patient.expect(Lines.commandWithParams("PRIVMSG", ROOM));
            texts.add(line.tag("time") + " " + line.lastParam());
        }
        return texts;
    }

    private static List<String> sent(String name) {
        List<String> texts = new ArrayList<>();
        for (int n = 0; n < PER_SENDER; n++) {
            texts.add(name + "-" + n);
        }
        return texts;
    }
}
