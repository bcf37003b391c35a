package dev.parley.bench;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * {@code connect}: N clients register at once (burst) or at a given pace, and stay connected;
 * reports registrations a second, registration latency (connect to 001), and with the server's pid
 * its resident memory per connected client.
 */
public final class ConnectScenario {

    private ConnectScenario() {}

    public static Report run(Target target, int clients, int inFlight) throws IOException {
        return run(target, clients, inFlight, 0, 0);
    }

    /**
     * @param perSecond new connections a second, for registration latency at a steady pace rather
     *     than under a burst; 0 for as fast as {@code inFlight} allows
     * @param warmup clients that register the same way first and disconnect, unmeasured, so a JVM
     *     server's registration path is compiled before the clock starts
     */
    public static Report run(Target target, int clients, int inFlight, double perSecond, int warmup)
            throws IOException {
        if (warmup > 0) {
            Crowd.Counter warmed = new Crowd.Counter();
            LoadLoop.Listener counting = new LoadLoop.Listener() {
                @Override
                public void registered(BenchClient client, long now) {
                    warmed.increment();
                }
            };
            try (LoadLoop loop = new LoadLoop(target, null, counting)) {
                Crowd.assemble(
                        loop,
                        warmup,
                        inFlight,
                        perSecond,
                        i -> spread(new BenchClient(i, "w" + i), target),
                        warmed,
                        TimeUnit.MINUTES.toNanos(5));
            }
        }
        ServerProcess server = target.process();
        long rssBefore = -1;
        if (server != null) {
            server.collectGarbage();
            rssBefore = server.residentKib();
        }
        Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
        Crowd.Counter ready = new Crowd.Counter();
        long[] firstLast = {Long.MAX_VALUE, 0};
        LoadLoop.Listener listener = new LoadLoop.Listener() {
            @Override
            public void registered(BenchClient client, long now) {
                latency.recordValue(Math.max(0, (now - client.connectStartNanos) / 1000));
                firstLast[0] = Math.min(firstLast[0], client.connectStartNanos);
                firstLast[1] = Math.max(firstLast[1], now);
                ready.increment();
            }
        };
        Report report = new Report()
                .put("scenario", "connect")
                .put("clients", clients)
                .put("in_flight", inFlight)
                .put("rate", perSecond == 0 ? "max" : perSecond)
                .put("warmup", warmup);
        try (LoadLoop loop = new LoadLoop(target, null, listener)) {
            List<BenchClient> crowd = Crowd.assemble(
                    loop,
                    clients,
                    inFlight,
                    perSecond,
                    i -> spread(new BenchClient(i, "c" + i), target),
                    ready,
                    TimeUnit.MINUTES.toNanos(5));
            double seconds = (firstLast[1] - firstLast[0]) / 1e9;
            report.put("registrations_per_s", clients / seconds).latencies("registration", latency);
            if (server != null) {
                boolean jvm = server.collectGarbage();
                long rssAfter = server.residentKib();
                report.put("server_rss_before_kib", rssBefore)
                        .put("server_rss_after_kib", rssAfter)
                        .put("server_rss_per_client_kib", (rssAfter - rssBefore) / (double) clients)
                        .put("after_full_gc", jvm);
            }
            report.put("disconnected", crowd.stream().filter(c -> c.closed).count());
        }
        return report;
    }

    /** Clients go round the target's nodes in turn. */
    private static BenchClient spread(BenchClient client, Target target) {
        client.node = client.id % target.nodes();
        return client;
    }
}
