package dev.parley.app;

import static org.awaitility.Awaitility.await;

import dev.parley.testkit.RawIrcClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Parley node as a process of its own: {@code parley server --config contrib/cluster/parley-nodeN.yaml}
 * with the flags a test needs on top. Its output goes to a file in its data directory (a restart adds to
 * it), named in failures.
 */
final class ParleyNode implements AutoCloseable {

    private static final Duration START_WITHIN = Duration.ofSeconds(60);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** Each client gets a loopback address of its own, so per-address limits never meet between tests. */
    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(10);

    private final String name;
    private final int ircPort;
    private final int httpPort;
    private final Path log;
    private final Process process;

    private ParleyNode(String name, int ircPort, int httpPort, Path log, Process process) {
        this.name = name;
        this.ircPort = ircPort;
        this.httpPort = httpPort;
        this.log = log;
        this.process = process;
    }

    /** Starts node {@code n} (1-3) from its file in contrib/cluster and waits until it is ready. */
    static ParleyNode start(int n, Path dataDir, List<String> flags) throws IOException {
        Path config = Path.of(System.getProperty("parley.repo.root"), "contrib/cluster/parley-node" + n + ".yaml");
        int irc = freePort();
        int http = freePort();
        List<String> args = new ArrayList<>(List.of(
                "server",
                "--config",
                config.toString(),
                "--listen",
                "127.0.0.1:" + irc,
                "--listen-http",
                "127.0.0.1:" + http,
                "--data-dir",
                dataDir.toString()));
        args.addAll(flags);
        Files.createDirectories(dataDir);
        Path log = dataDir.resolve("node.log");
        Process process = new ProcessBuilder(ParleyProcess.command(args.toArray(String[]::new)))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        ParleyNode node = new ParleyNode("node" + n, irc, http, log, process);
        await(node.name + " ready (its output: " + log + ")")
                .atMost(START_WITHIN)
                .pollInterval(Duration.ofMillis(200))
                .failFast("the node ended: " + log, () -> !process.isAlive())
                .until(() -> node.status("/readyz") == 200);
        return node;
    }

    String name() {
        return name;
    }

    int ircPort() {
        return ircPort;
    }

    int httpPort() {
        return httpPort;
    }

    Path log() {
        return log;
    }

    /** The HTTP status of {@code path} on this node, or -1 when it does not answer. */
    int status(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .timeout(Duration.ofSeconds(2))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The body of {@code path} on this node ({@code /metrics}, say), or "" when it does not answer. */
    String body(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .timeout(Duration.ofSeconds(5))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** A client of this node, registered as {@code nick}, from a loopback address of its own. */
    RawIrcClient user(String nick, String... caps) {
        RawIrcClient client = connect(ircPort);
        client.registerWithCaps(nick, "chat@123", caps);
        return client;
    }

    /** A raw connection to {@code port} from a loopback address no other client uses. */
    static RawIrcClient connect(int port) {
        return connectFrom(nextAddress(), port);
    }

    static String nextAddress() {
        int n = NEXT_ADDRESS.getAndIncrement();
        return "127.0." + (1 + n / 250) + "." + (n % 250 + 1);
    }

    static RawIrcClient connectFrom(String address, int port) {
        Socket socket = new Socket();
        try {
            socket.bind(new InetSocketAddress(address, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return RawIrcClient.over(socket).withTimeout(Duration.ofSeconds(10));
    }

    boolean alive() {
        return process.isAlive();
    }

    /** {@code kill -9}: no goodbye to anyone, nothing flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new AssertionError(name + " outlived SIGKILL");
        }
    }

    /** SIGTERM, the orderly stop; SIGKILL when it takes too long. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
