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
 * a reader on each node, CHATHISTORY on each node and the stored positions all give one order.
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
                senders.add(member(nodes.get(i), "send" + i));
                readers.add(member(nodes.get(i), "read" + i));
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
                ExecutorService reading = Executors.newFixedThreadPool(readers.size());
                for (RawIrcClient reader : readers) {
                    heard.add(reading.submit(() -> texts(reader, PER_SENDER * senders.size())));
                }
                List<String> first = heard.get(0).get();
                for (Future<List<String>> other : heard) {
                    assertThat(other.get())
                            .as("every node's reader sees one order")
                            .isEqualTo(first);
                }
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

    private static RawIrcClient member(TestServer node, String nick) {
        RawIrcClient client = node.user(nick);
        client.join(ROOM);
        return client;
    }

    private static List<String> texts(RawIrcClient reader, int count) {
        RawIrcClient patient = reader.withTimeout(Duration.ofSeconds(20));
        List<String> texts = new ArrayList<>(count);
        while (texts.size() < count) {
            IrcMessage line = patient.expect(Lines.commandWithParams("PRIVMSG", ROOM));
            texts.add(line.lastParam());
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
