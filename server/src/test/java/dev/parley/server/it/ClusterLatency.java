package dev.parley.server.it;

import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Measures what the cluster's one order costs in message latency (docs/cluster.md gives the
 * command): one sender, messages one at a time, each timed from send to receipt, on a single node
 * and on a 2-node cluster (a reader on the sender's node and one on the other node), in interleaved
 * rounds so that machine load falls on all alike. Needs Redis and MariaDB on this machine. Not a test.
 */
public final class ClusterLatency {

    private static final int ROUNDS = 5;
    private static final int PER_ROUND = 400;

    private ClusterLatency() {}

    public static void main(String[] args) throws Exception {
        try (ClusterServices services = ClusterServices.open(ClusterServices.Vendor.MARIADB);
                TestServer single = services.single();
                TestServer a = services.node("a", Duration.ofSeconds(15));
                TestServer b = services.node("b", Duration.ofSeconds(15))) {
            RawIrcClient singleSender = member(single, "s1");
            RawIrcClient singleReader = member(single, "r1");
            RawIrcClient sender = member(a, "s2");
            RawIrcClient sameNode = member(a, "r2");
            RawIrcClient otherNode = member(b, "r3");
            while (services.nodesListeningTo("#lat") < 2) {
                Thread.onSpinWait();
            }
            List<Long> singles = new ArrayList<>();
            List<Long> locals = new ArrayList<>();
            List<Long> remotes = new ArrayList<>();
            warmUp(singleSender, singleReader, sender, sameNode, otherNode);
            for (int round = 0; round < ROUNDS; round++) {
                for (int i = 0; i < PER_ROUND; i++) {
                    singles.add(oneWay(singleSender, List.of(singleReader), "r" + round + "-" + i)[0]);
                }
                for (int i = 0; i < PER_ROUND; i++) {
                    long[] both = oneWay(sender, List.of(sameNode, otherNode), "c" + round + "-" + i);
                    locals.add(both[0]);
                    remotes.add(both[1]);
                }
            }
            report("single node, same node", singles);
            report("2-node cluster, same node", locals);
            report("2-node cluster, other node", remotes);
        }
    }

    private static RawIrcClient member(TestServer node, String nick) {
        RawIrcClient client = node.user(nick).withTimeout(Duration.ofSeconds(10));
        client.join("#lat");
        return client;
    }

    private static void warmUp(RawIrcClient s1, RawIrcClient r1, RawIrcClient s2, RawIrcClient r2, RawIrcClient r3) {
        for (int i = 0; i < 500; i++) {
            oneWay(s1, List.of(r1), "w" + i);
            oneWay(s2, List.of(r2, r3), "w" + i);
        }
    }

    /** Sends one message and waits for each reader to receive it: nanoseconds until each did. */
    private static long[] oneWay(RawIrcClient sender, List<RawIrcClient> readers, String text) {
        long start = System.nanoTime();
        sender.send("PRIVMSG #lat :" + text);
        long[] took = new long[readers.size()];
        for (int i = 0; i < readers.size(); i++) {
            readers.get(i).expect(Lines.commandWithParams("PRIVMSG", "#lat", text));
            took[i] = System.nanoTime() - start;
        }
        return took;
    }

    private static void report(String what, List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        System.out.printf(
                Locale.ROOT,
                "%-28s n=%d  p50 %.3f ms  p99 %.3f ms%n",
                what,
                sorted.length,
                sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.99)] / 1e6);
    }
}
