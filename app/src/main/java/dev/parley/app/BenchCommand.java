package dev.parley.app;

import dev.parley.bench.ConnectScenario;
import dev.parley.bench.HistoryScenario;
import dev.parley.bench.Report;
import dev.parley.bench.Target;
import dev.parley.bench.TrafficScenario;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code parley bench SCENARIO}: the load generator. It speaks plain IRC, so it measures any IRC
 * server the same way (Parley, InspIRCd, ngIRCd...). Benchmarks are not tests: nothing here runs in
 * the test command.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        versionProvider = ParleyVersion.class,
        description = "Load-test an IRC server: connect, fanout, dm, history, soak.",
        subcommands = {
            BenchCommand.Connect.class,
            BenchCommand.Fanout.class,
            BenchCommand.Dm.class,
            BenchCommand.History.class,
            BenchCommand.Soak.class,
            CommandLine.HelpCommand.class
        })
final class BenchCommand {

    private static final String WARMUP = "Messages per sender sent first and not measured, so a JVM server's"
            + " JIT warm-up is left out (0: none).";
    private static final String WINDOW = "At max rate, a sender waits while this many of its messages are not yet"
            + " delivered to every recipient (0: it sends whenever its socket drains).";

    /** Where the server is and how to see its process. */
    static final class TargetOptions {
        @Option(names = "--host", defaultValue = "127.0.0.1", description = "Server host (default: ${DEFAULT-VALUE}).")
        String host;

        @Option(names = "--port", defaultValue = "6667", description = "Server port (default: ${DEFAULT-VALUE}).")
        int port;

        @Option(names = "--password", description = "Server password (PASS), if it asks for one.")
        String password;

        @Option(
                names = "--server",
                paramLabel = "HOST:PORT",
                split = ",",
                converter = HostPort.class,
                description = "A server (a cluster's node) to connect clients to; repeat it, or give"
                        + " several separated by commas, to spread the clients over them round-robin and"
                        + " measure same-node and cross-node deliveries apart. Replaces --host and --port.")
        List<InetSocketAddress> servers = new ArrayList<>();

        @Option(
                names = "--server-pid",
                paramLabel = "PID",
                split = ",",
                description = "The server's process id: adds its CPU per delivery and resident memory."
                        + " Repeat it for a cluster's nodes (and Redis): the figures sum over them.")
        List<Long> serverPids = new ArrayList<>();

        @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON to FILE.")
        Path json;

        Target target() {
            List<InetSocketAddress> addresses =
                    servers.isEmpty() ? List.of(InetSocketAddress.createUnresolved(host, port)) : servers;
            return new Target(addresses, password, serverPids);
        }
    }

    /** {@code HOST:PORT} (an IPv6 host in brackets), resolved when the bench connects. */
    static final class HostPort implements CommandLine.ITypeConverter<InetSocketAddress> {
        @Override
        public InetSocketAddress convert(String value) {
            int colon = value.lastIndexOf(':');
            if (colon <= 0 || colon == value.length() - 1) {
                throw new CommandLine.TypeConversionException("want HOST:PORT, not '" + value + "'");
            }
            String host = value.substring(0, colon).replace("[", "").replace("]", "");
            try {
                return InetSocketAddress.createUnresolved(host, Integer.parseInt(value.substring(colon + 1)));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("want HOST:PORT, not '" + value + "'");
            }
        }
    }

    abstract static class Run implements Callable<Integer> {
        @Mixin
        TargetOptions options;

        @Spec
        CommandLine.Model.CommandSpec spec;

        abstract Report report() throws Exception;

        @Override
        public Integer call() throws Exception {
            Report report = report();
            PrintWriter out = spec.commandLine().getOut();
            out.print(report.table());
            out.flush();
            if (options.json != null) {
                report.writeJson(options.json);
            }
            return 0;
        }
    }

    @Command(
            name = "connect",
            mixinStandardHelpOptions = true,
            description =
                    "Register CLIENTS connections (all at once by default) and keep them: registrations/s, latency, memory per client.")
    static final class Connect extends Run {
        @Option(names = "--clients", defaultValue = "2000")
        int clients;

        @Option(
                names = "--in-flight",
                defaultValue = "0",
                description = "At most this many registering at once (0: all).")
        int inFlight;

        @Option(names = "--rate", defaultValue = "0", description = "New connections a second (0: all at once).")
        double rate;

        @Option(
                names = "--warmup",
                defaultValue = "0",
                description =
                        "Clients that register first, the same way, and leave before the measured ones (0: none).")
        int warmup;

        @Override
        Report report() throws Exception {
            return ConnectScenario.run(options.target(), clients, inFlight == 0 ? clients : inFlight, rate, warmup);
        }
    }

    @Command(
            name = "fanout",
            mixinStandardHelpOptions = true,
            description = "Room traffic: CLIENTS in ROOMS, SENDERS sending.")
    static final class Fanout extends Run {
        @Option(names = "--clients", defaultValue = "1000")
        int clients;

        @Option(names = "--rooms", defaultValue = "10")
        int rooms;

        @Option(names = "--senders", defaultValue = "100")
        int senders;

        @Option(names = "--messages", defaultValue = "100", description = "Messages per sender.")
        int messages;

        @Option(
                names = "--rate",
                defaultValue = "0",
                description = "Messages/s from all senders (0: as fast as possible).")
        double rate;

        @Option(names = "--warmup", defaultValue = "0", description = WARMUP)
        int warmup;

        @Option(names = "--window", defaultValue = "0", description = WINDOW)
        int window;

        @Override
        Report report() throws Exception {
            return TrafficScenario.run(
                    options.target(),
                    new TrafficScenario.Plan("fanout", clients, rooms, senders, messages, rate, 0, warmup, window));
        }
    }

    @Command(
            name = "dm",
            mixinStandardHelpOptions = true,
            description = "Private messages: PAIRS pairs, one sender each.")
    static final class Dm extends Run {
        @Option(names = "--pairs", defaultValue = "500")
        int pairs;

        @Option(names = "--messages", defaultValue = "200")
        int messages;

        @Option(
                names = "--rate",
                defaultValue = "0",
                description = "Messages/s from all senders (0: as fast as possible).")
        double rate;

        @Option(names = "--warmup", defaultValue = "0", description = WARMUP)
        int warmup;

        @Option(names = "--window", defaultValue = "0", description = WINDOW)
        int window;

        @Override
        Report report() throws Exception {
            return TrafficScenario.run(
                    options.target(),
                    new TrafficScenario.Plan("dm", pairs * 2, 0, pairs, messages, rate, 0, warmup, window));
        }
    }

    @Command(
            name = "soak",
            mixinStandardHelpOptions = true,
            description = "Room traffic at a steady RATE for SECONDS, memory sampled.")
    static final class Soak extends Run {
        @Option(names = "--clients", defaultValue = "1000")
        int clients;

        @Option(names = "--rooms", defaultValue = "10")
        int rooms;

        @Option(names = "--senders", defaultValue = "100")
        int senders;

        @Option(names = "--rate", defaultValue = "1000")
        double rate;

        @Option(names = "--seconds", defaultValue = "600")
        int seconds;

        @Option(names = "--sample-every", defaultValue = "10")
        int sampleEvery;

        @Override
        Report report() throws Exception {
            int perSender = (int) Math.ceil(rate * seconds / senders);
            return TrafficScenario.run(
                    options.target(),
                    new TrafficScenario.Plan("soak", clients, rooms, senders, perSender, rate, sampleEvery));
        }
    }

    @Command(
            name = "history",
            mixinStandardHelpOptions = true,
            description = "CHATHISTORY LATEST latency, one query at a time.")
    static final class History extends Run {
        @Option(names = "--room", defaultValue = "#benchhistory")
        String room;

        @Option(names = "--fill", defaultValue = "0", description = "Messages to send to the room first.")
        int fill;

        @Option(names = "--queries", defaultValue = "1000")
        int queries;

        @Option(names = "--page", defaultValue = "100")
        int page;

        @Option(
                names = "--warmup",
                defaultValue = "200",
                description = "Queries asked first and not timed (JIT, cold pages).")
        int warmup;

        @Override
        Report report() throws Exception {
            return HistoryScenario.run(options.target(), room, fill, queries, page, warmup);
        }
    }
}
