package dev.parley.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.protocol.IrcMessage;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code kill -9} of node 3 while its user talks to a room shared with node 1. The dead node's nicks
 * are free on the others within the lease, and the room goes on between the survivors. With the
 * default durability (interval) a crash loses at most what the node had not yet committed or
 * spilled: once node 3 is started again on its data directory (replaying its spill file), every
 * message a member elsewhere saw more than a flush interval and a commit timeout before the kill
 * is in history, once, and nothing is there that was not sent.
 */
final class NodeCrash {

    /**
     * history.flush-interval (100ms) and history.commit-timeout (100ms), the defaults, and 300ms for
     * scheduling on a loaded machine: a message older than this at the kill was committed or spilled.
     */
    private static final Duration FLUSHED_WITHIN = Duration.ofMillis(100 + 100 + 300);

    private static final String ROOM = "#crash";

    private NodeCrash() {}

    static void killNodeThreeMidChat(ThreeNodes cluster, List<RawIrcClient> clients) throws Exception {
        RawIrcClient stays = cluster.node(1).user("stays");
        RawIrcClient other = cluster.node(2).user("other");
        RawIrcClient goner = cluster.node(3).user("goner");
        clients.addAll(List.of(stays, other, goner));
        for (RawIrcClient member : List.of(stays, other, goner)) {
            member.join(ROOM);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> cluster.nodesListeningTo(ROOM) == 3);
        RawIrcClient rival = ThreeNodes.registering(cluster.node(1));
        clients.add(rival);
        await().atMost(Duration.ofSeconds(10)).until(() -> ThreeNodes.nickTaken(rival, "goner"));

        Map<String, Long> seenAt = new LinkedHashMap<>();
        List<String> sent = new ArrayList<>();
        AtomicLong killedAt = new AtomicLong();
        ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor();
        try {
            killer.schedule(
                    () -> {
                        killedAt.set(System.nanoTime());
                        cluster.node(3).kill();
                        return null;
                    },
                    2,
                    TimeUnit.SECONDS);
            chatUntilKilled(cluster.node(3), goner, stays, seenAt, sent);
        } finally {
            killer.shutdown();
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> !cluster.node(3).alive());

        await("goner's nick free on node 1 within the lease")
                .atMost(ThreeNodes.LEASE.plus(Duration.ofSeconds(2)))
                .until(() -> !ThreeNodes.nickTaken(rival, "goner"));

        stays.send("PRIVMSG " + ROOM + " :after the crash");
        other.expect(Lines.privmsgFrom("stays", ROOM, "after the crash"));

        List<String> mustBeStored = new ArrayList<>();
        seenAt.forEach((text, at) -> {
            if (killedAt.get() - at > FLUSHED_WITHIN.toNanos()) {
                mustBeStored.add(text);
            }
        });
        assertThat(mustBeStored)
                .as("the test saw messages older than the flush interval")
                .isNotEmpty();
        // A batch whose commit outlived history.commit-timeout went to node 3's spill file; node 3
        // stores it when it starts again on its data directory.
        cluster.restart(3);
        await("what node 1 saw well before the kill, stored once node 3 is back")
                .atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(cluster.database().storedTexts(ROOM))
                        .contains("after the crash")
                        .containsAll(mustBeStored));
        List<String> stored = cluster.database().storedTexts(ROOM);
        long lostWithinMillis = seenAt.entrySet().stream()
                .filter(seen -> !stored.contains(seen.getKey()))
                .mapToLong(seen -> TimeUnit.NANOSECONDS.toMillis(killedAt.get() - seen.getValue()))
                .max()
                .orElse(0);
        System.out.printf(
                "kill -9 of node 3: %d messages seen on node 1, %d stored; the lost ones were seen at most %d ms "
                        + "before the kill%n",
                seenAt.size(), stored.size() - 1, lostWithinMillis);
        List<String> sentOrLater = new ArrayList<>(sent);
        sentOrLater.add("after the crash");
        assertThat(sentOrLater).as("nothing stored that was not sent").containsAll(stored);
        assertThat(stored).as("no message stored twice").doesNotHaveDuplicates();
    }

    /** The goner talks, the stayer on node 1 reads, until node 3 dies: what was sent, and when each text was seen. */
    private static void chatUntilKilled(
            ParleyNode node, RawIrcClient goner, RawIrcClient stays, Map<String, Long> seenAt, List<String> sent) {
        stays.withTimeout(Duration.ofSeconds(3));
        try {
            for (int i = 0; node.alive(); i++) {
                String text = "before-" + i;
                sent.add(text);
                goner.send("PRIVMSG " + ROOM + " :" + text);
                stays.expect(Lines.privmsgFrom("goner", ROOM, text));
                seenAt.put(text, System.nanoTime());
            }
        } catch (AssertionError | RuntimeException nodeGone) {
            // node 3 died under the goner, or its last message never crossed: that is the point
        }
    }

    /** The QUIT members on the other nodes see for a user of a node that died. */
    static IrcMessage quitOf(RawIrcClient member, String nick) {
        return member.withTimeout(ThreeNodes.LEASE.plus(Duration.ofSeconds(2)))
                .expect(Lines.described(
                        "QUIT of " + nick,
                        m -> m.verb().equals("QUIT") && Lines.from(nick).test(m)));
    }
}
