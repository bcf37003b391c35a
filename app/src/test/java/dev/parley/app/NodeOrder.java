package dev.parley.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.protocol.IrcMessage;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Two senders on two node processes talk at once; a reader on each of the three nodes, CHATHISTORY
 * on each node and the database all give one order, each sender's own order kept.
 */
final class NodeOrder {

    static final int PER_SENDER = 50;
    static final String[] HISTORY_CAPS = {"batch", "server-time", "message-tags", "draft/chathistory"};

    private NodeOrder() {}

    static void sendersOnTwoNodesAreSeenInOneOrderEverywhere(
            ThreeNodes cluster, List<RawIrcClient> clients, String room) throws Exception {
        List<RawIrcClient> senders = new ArrayList<>();
        List<RawIrcClient> readers = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            if (n <= 2) {
                senders.add(member(cluster.node(n), "send" + n, room, clients));
            }
            readers.add(member(cluster.node(n), "read" + n, room, clients));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> cluster.nodesListeningTo(room) == 3);

        ExecutorService threads = Executors.newFixedThreadPool(senders.size() + readers.size());
        try {
            for (int i = 0; i < senders.size(); i++) {
                RawIrcClient sender = senders.get(i);
                String name = "send" + (i + 1);
                threads.submit(() -> sent(name).forEach(text -> sender.send("PRIVMSG " + room + " :" + text)));
            }
            List<Future<List<String>>> heard = new ArrayList<>();
            for (RawIrcClient reader : readers) {
                heard.add(threads.submit(() -> texts(reader, room, PER_SENDER * senders.size())));
            }
            List<String> first = heard.get(0).get();
            for (Future<List<String>> other : heard) {
                assertThat(other.get()).as("every node's reader sees one order").isEqualTo(first);
            }
            for (int i = 1; i <= senders.size(); i++) {
                String name = "send" + i;
                assertThat(first.stream().filter(t -> t.startsWith(name + "-")).toList())
                        .as("each sender's messages in the order it sent them")
                        .isEqualTo(sent(name));
            }
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(cluster.database().storedTexts(room))
                            .as("stored once each, in that order")
                            .isEqualTo(first));
            for (int n = 1; n <= 3; n++) {
                RawIrcClient history = cluster.node(n).user("hist" + n, HISTORY_CAPS);
                clients.add(history);
                history.join(room);
                assertThat(latest(history, room, 200))
                        .as("CHATHISTORY on node %d", n)
                        .isEqualTo(first);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** The texts of {@code CHATHISTORY LATEST room * limit}, oldest first. */
    static List<String> latest(RawIrcClient client, String room, int limit) {
        client.send("CHATHISTORY LATEST " + room + " * " + limit);
        IrcMessage start = client.expect(Lines.anyOf(
                Lines.described(
                        "a BATCH start",
                        m -> m.verb().equals("BATCH") && m.param(0).startsWith("+")),
                Lines.commandWithParams("FAIL", "CHATHISTORY")));
        assertThat(start.verb()).as("CHATHISTORY answered %s", start).isEqualTo("BATCH");
        String ref = start.param(0).substring(1);
        return client.collectUntil(Lines.commandWithParams("BATCH", "-" + ref)).stream()
                .filter(line -> Objects.equals(ref, line.tag("batch")))
                .map(IrcMessage::lastParam)
                .toList();
    }

    private static RawIrcClient member(ParleyNode node, String nick, String room, List<RawIrcClient> clients) {
        RawIrcClient client = node.user(nick);
        clients.add(client);
        client.join(room);
        return client;
    }

    private static List<String> texts(RawIrcClient reader, String room, int count) {
        RawIrcClient patient = reader.withTimeout(Duration.ofSeconds(30));
        List<String> texts = new ArrayList<>(count);
        while (texts.size() < count) {
            texts.add(patient.expect(Lines.commandWithParams("PRIVMSG", room)).lastParam());
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
