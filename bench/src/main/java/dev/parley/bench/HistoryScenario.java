package dev.parley.bench;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * {@code history}: optionally fills a room with messages, then asks {@code CHATHISTORY LATEST} for a
 * page again and again, one at a time, timing each answer to its end. Run it against a database
 * already holding millions of messages to measure reads at that size.
 */
public final class HistoryScenario {

    private HistoryScenario() {}

    /**
     * @param warmup queries asked first and not timed, as JMH warms up: the first answers measure the
     *     JIT compiling the path and the database's cold pages, not the steady state
     */
    public static Report run(Target target, String room, int fill, int queries, int pageSize, int warmup)
            throws IOException {
        Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
        Crowd.Counter ready = new Crowd.Counter();
        long[] askedAt = {0};
        int[] answered = {0};
        int[] lines = {0};
        LoadLoop[] loopRef = new LoadLoop[1];
        BenchClient[] asker = new BenchClient[1];
        LoadLoop.Listener listener = new LoadLoop.Listener() {
            @Override
            public void joined(BenchClient client, long now) {
                ready.increment();
            }

            @Override
            public void line(BenchClient client, String line, long now) {
                String command = LoadLoop.command(line);
                if (command.equals("PRIVMSG")) {
                    lines[0]++;
                } else if (command.equals("BATCH") && line.contains(" BATCH -")) {
                    if (answered[0] >= warmup) {
                        latency.recordValue((now - askedAt[0]) / 1000);
                    }
                    answered[0]++;
                    if (answered[0] < warmup + queries) {
                        ask(loopRef[0], asker[0], room, pageSize, askedAt);
                    }
                }
            }
        };
        Report report = new Report()
                .put("scenario", "history")
                .put("room", room)
                .put("filled", fill)
                .put("queries", queries)
                .put("page_size", pageSize);
        try (LoadLoop loop = new LoadLoop(target, "batch draft/chathistory server-time", listener)) {
            loopRef[0] = loop;
            List<BenchClient> clients = Crowd.assemble(
                    loop,
                    1,
                    1,
                    i -> {
                        BenchClient client = new BenchClient(i, "historian");
                        client.room = room;
                        return client;
                    },
                    ready,
                    TimeUnit.MINUTES.toNanos(1));
            asker[0] = clients.get(0);
            for (int i = 0; i < fill; i++) {
                loop.send(asker[0], "PRIVMSG " + room + " :history filler " + i);
            }
            if (fill > 0) {
                // A PING answered means every message before it was handled (one connection, in order).
                loop.send(asker[0], "PING filled");
                loop.runUntil(() -> asker[0].idle(), System.nanoTime() + TimeUnit.MINUTES.toNanos(5), () -> {});
            }
            ask(loop, asker[0], room, pageSize, askedAt);
            loop.runUntil(
                    () -> answered[0] >= warmup + queries, System.nanoTime() + TimeUnit.MINUTES.toNanos(10), () -> {});
            report.put("warmup", warmup)
                    .put("answered", answered[0] - Math.min(warmup, answered[0]))
                    .put("messages_returned", lines[0])
                    .latencies("latest", latency);
        }
        return report;
    }

    private static void ask(LoadLoop loop, BenchClient client, String room, int pageSize, long[] askedAt) {
        askedAt[0] = System.nanoTime();
        loop.send(client, "CHATHISTORY LATEST " + room + " * " + pageSize);
    }
}
