package dev.parley.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code fanout}, {@code dm} and {@code soak}: clients in rooms (or in pairs), some of them sending;
 * every message carries its send time, so each delivery's latency is measured where it lands.
 * Reports deliveries a second, loss, latency percentiles and, with the server's pid, its CPU per
 * delivery and memory. Against several servers (a cluster's nodes) the clients are spread over
 * them so that each room has members on every node, and latency is also given apart for the
 * deliveries that crossed to another node.
 */
public final class TrafficScenario {

    private static final String MARK = "bench ";
    private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(15);

    /**
     * @param rooms rooms the clients are spread over; 0 for private messages between pairs
     * @param senders clients that send (the first ones); with pairs, one per pair
     * @param rate messages a second from all senders together; 0 for as fast as the server takes them
     * @param sampleEverySeconds how often to sample the server's memory (soak); 0 for never
     * @param warmupPerSender messages each sender sends first, in the same way, neither timed nor
     *     counted: a JVM server compiles its hot paths in its first seconds of traffic, and a short
     *     run would otherwise measure the compiler as much as the server
     * @param window at max rate, how many of a sender's messages may be on their way (not yet
     *     delivered to every recipient) before it waits; 0 for none (it sends whenever its socket
     *     drains, and queues grow wherever the slowest side is, often the generator's own reading)
     */
    public record Plan(
            String name,
            int clients,
            int rooms,
            int senders,
            int messagesPerSender,
            double rate,
            int sampleEverySeconds,
            int warmupPerSender,
            int window) {

        public Plan(
                String name,
                int clients,
                int rooms,
                int senders,
                int messagesPerSender,
                double rate,
                int sampleEverySeconds) {
            this(name, clients, rooms, senders, messagesPerSender, rate, sampleEverySeconds, 0, 0);
        }
    }

    private final Target target;
    private final Plan plan;
    private final DeliveryLatency latency;
    private final int[] roomSize;
    /** Every client, at the index of its id (the crowd makes them in order). */
    private List<BenchClient> clients = List.of();

    private long expected;
    private long received;
    private long sent;
    private long firstSend;
    private long lastReceive;
    private long lastSend;

    private TrafficScenario(Target target, Plan plan) {
        this.target = target;
        this.plan = plan;
        this.roomSize = new int[Math.max(1, plan.rooms())];
        this.latency = new DeliveryLatency(target.nodes());
    }

    public static Report run(Target target, Plan plan) throws IOException {
        return new TrafficScenario(target, plan).run();
    }

    private Report run() throws IOException {
        Crowd.Counter ready = new Crowd.Counter();
        boolean rooms = plan.rooms() > 0;
        LoadLoop.Listener listener = new LoadLoop.Listener() {
            @Override
            public void registered(BenchClient client, long now) {
                if (!rooms) {
                    ready.increment();
                }
            }

            @Override
            public void joined(BenchClient client, long now) {
                ready.increment();
            }

            @Override
            public void line(BenchClient client, String line, long now) {
                int mark = line.indexOf(MARK);
                if (mark > 0 && line.contains(" PRIVMSG ")) {
                    int end = line.indexOf(' ', mark + MARK.length());
                    long sentAt = Long.parseLong(line.substring(mark + MARK.length(), end < 0 ? line.length() : end));
                    int idEnd = end < 0 ? -1 : line.indexOf(' ', end + 1);
                    BenchClient sender = idEnd < 0 ? null : client(Integer.parseInt(line.substring(end + 1, idEnd)));
                    if (sender != null) {
                        sender.undelivered--;
                    }
                    latency.record(now - sentAt, sender == null ? -1 : sender.node, client.node);
                    received++;
                    lastReceive = now;
                }
            }
        };
        Report report = new Report()
                .put("scenario", plan.name())
                .put("nodes", target.nodes())
                .put("clients", plan.clients())
                .put("rooms", plan.rooms())
                .put("senders", plan.senders())
                .put("messages_per_sender", plan.messagesPerSender())
                .put("rate", plan.rate() == 0 ? "max" : plan.rate())
                .put("warmup_per_sender", plan.warmupPerSender())
                .put("window", plan.window());
        ServerProcess server = target.process();
        try (LoadLoop loop = new LoadLoop(target, null, listener)) {
            clients = Crowd.assemble(loop, plan.clients(), 500, this::newClient, ready, TimeUnit.MINUTES.toNanos(5));
            List<BenchClient> senders = senders(clients);
            if (plan.warmupPerSender() > 0) {
                sendAll(loop, senders, plan.warmupPerSender(), null, List.of());
                report.put("warmup_loss", expected - received);
                latency.reset();
                expected = 0;
                received = 0;
                sent = 0;
            }
            double cpuBefore = server == null ? Double.NaN : server.cpuSeconds();
            List<Double> cpuEachBefore = server == null ? List.of() : server.eachCpuSeconds();
            List<Long> rssSamples = new ArrayList<>();
            sendAll(loop, senders, plan.messagesPerSender(), server, rssSamples);
            double seconds = Math.max(1e-9, (lastReceive - firstSend) / 1e9);
            report.put("messages_sent", sent)
                    .put("deliveries_expected", expected)
                    .put("deliveries", received)
                    .put("loss", expected - received)
                    .put("seconds", seconds)
                    .put("deliveries_per_s", received / seconds);
            latency.report(report, seconds);
            report.put("disconnected", clients.stream().filter(c -> c.closed).count());
            if (server != null) {
                double cpu = server.cpuSeconds() - cpuBefore;
                report.put("server_cpu_s", cpu)
                        .put("server_cpu_s_each", minus(server.eachCpuSeconds(), cpuEachBefore))
                        .put("server_cpu_us_per_delivery", received == 0 ? 0 : cpu * 1e6 / received)
                        .put("server_rss_kib", server.residentKib());
                if (!rssSamples.isEmpty()) {
                    report.put("server_rss_samples_kib", rssSamples);
                }
            }
        }
        return report;
    }

    /** Every sender sends {@code perSender} messages; returns once all arrived or the drain time passed. */
    private void sendAll(
            LoadLoop loop, List<BenchClient> senders, int perSender, ServerProcess sampled, List<Long> rssSamples)
            throws IOException {
        senders.forEach(client -> {
            client.remaining = perSender;
            client.undelivered = 0;
        });
        firstSend = System.nanoTime();
        Sender sender = new Sender(loop, senders, plan.rate(), firstSend);
        long deadline = firstSend + TimeUnit.HOURS.toNanos(2);
        long[] sampleAt = {firstSend};
        loop.runUntil(
                () -> sender.finished() && (received >= expected || System.nanoTime() - lastSend > DRAIN_NANOS),
                deadline,
                () -> {
                    sender.tick(System.nanoTime());
                    if (sampled != null && plan.sampleEverySeconds() > 0 && System.nanoTime() - sampleAt[0] >= 0) {
                        rssSamples.add(sampled.residentKib());
                        sampleAt[0] += TimeUnit.SECONDS.toNanos(plan.sampleEverySeconds());
                    }
                });
    }

    private static List<Double> minus(List<Double> after, List<Double> before) {
        List<Double> used = new ArrayList<>();
        for (int i = 0; i < after.size(); i++) {
            used.add(after.get(i) - before.get(i));
        }
        return used;
    }

    private BenchClient client(int id) {
        return id >= 0 && id < clients.size() ? clients.get(id) : null;
    }

    private BenchClient newClient(int i) {
        BenchClient client = new BenchClient(i, "b" + i);
        if (plan.rooms() > 0) {
            int room = i % plan.rooms();
            client.room = "#bench" + room;
            roomSize[room]++;
        } else {
            client.peer = "b" + (i ^ 1);
        }
        client.node = node(i, plan.rooms(), target.nodes());
        return client;
    }

    /**
     * The node of client {@code i}: a room's members (every {@code rooms}-th client) go round the
     * nodes in turn, so each room has members on every node however rooms and nodes divide; private
     * pairs ({@code i} and {@code i ^ 1}) go to consecutive nodes, so on an even number of nodes
     * every pair spans two.
     */
    static int node(int i, int rooms, int nodes) {
        return rooms > 0 ? (i / rooms) % nodes : i % nodes;
    }

    private List<BenchClient> senders(List<BenchClient> clients) {
        List<BenchClient> senders = new ArrayList<>();
        for (BenchClient client : clients) {
            boolean sends = plan.rooms() > 0
                    ? client.id < plan.senders()
                    : client.id % 2 == 0 && client.id / 2 < plan.senders();
            if (sends) {
                senders.add(client);
            }
        }
        return senders;
    }

    /** Paces the senders: a fixed total rate, or each sender as fast as its socket drains. */
    private final class Sender {
        private final LoadLoop loop;
        private final List<BenchClient> senders;
        private final double rate;
        private final long start;
        private int cursor;

        Sender(LoadLoop loop, List<BenchClient> senders, double rate, long start) {
            this.loop = loop;
            this.senders = senders;
            this.rate = rate;
            this.start = start;
        }

        boolean finished() {
            return senders.stream().allMatch(s -> s.remaining == 0 || s.closed);
        }

        void tick(long now) {
            if (rate > 0) {
                long due = (long) ((now - start) / 1e9 * rate);
                int guard = senders.size();
                while (sent < due && guard > 0) {
                    BenchClient next = senders.get(cursor++ % senders.size());
                    if (next.remaining > 0 && !next.closed) {
                        send(next, now);
                        guard = senders.size();
                    } else {
                        guard--;
                    }
                }
                return;
            }
            for (BenchClient client : senders) {
                for (int burst = 0;
                        burst < 4 && client.remaining > 0 && client.idle() && !client.closed && withinWindow(client);
                        burst++) {
                    send(client, now);
                }
            }
        }

        private boolean withinWindow(BenchClient client) {
            return plan.window() == 0 || client.undelivered < (long) plan.window() * recipientsOf(client);
        }

        private int recipientsOf(BenchClient client) {
            return client.room != null ? roomSize[client.id % plan.rooms()] - 1 : 1;
        }

        private void send(BenchClient client, long now) {
            client.remaining--;
            sent++;
            lastSend = now;
            String target = client.room != null ? client.room : client.peer;
            expected += recipientsOf(client);
            client.undelivered += recipientsOf(client);
            loop.send(client, "PRIVMSG " + target + " :" + MARK + System.nanoTime() + " " + client.id + " " + sent);
        }
    }
}
