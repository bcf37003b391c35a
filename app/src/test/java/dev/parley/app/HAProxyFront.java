package dev.parley.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import dev.parley.testkit.RawIrcClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's HAProxy running contrib/cluster/haproxy.cfg as it is, its addresses set from the
 * environment the file reads (PARLEY_LB_IRC, PARLEY_NODEn_IRC, PARLEY_NODEn_HTTP_PORT). Skipped
 * without {@code /usr/sbin/haproxy}, failed then under {@code CI_REQUIRE_SERVICES=1}.
 */
final class HAProxyFront implements AutoCloseable {

    private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");

    private final Process process;
    private final int port;

    private HAProxyFront(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static void require() {
        if (!Files.isExecutable(HAPROXY)) {
            String message = "haproxy is not installed (Debian: apt-get install haproxy)";
            if ("1".equals(System.getenv("CI_REQUIRE_SERVICES"))) {
                fail(message + "; CI requires it");
            }
            abort(message + ": the cluster process tests need it");
        }
    }

    static HAProxyFront start(List<ParleyNode> nodes, Path log) throws IOException {
        require();
        int port = ParleyNode.freePort();
        Path config = Path.of(System.getProperty("parley.repo.root"), "contrib/cluster/haproxy.cfg");
        ProcessBuilder builder = new ProcessBuilder(HAPROXY.toString(), "-db", "-f", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("PARLEY_LB_IRC", "127.0.0.1:" + port);
        for (int i = 0; i < nodes.size(); i++) {
            env.put(
                    "PARLEY_NODE" + (i + 1) + "_IRC",
                    "127.0.0.1:" + nodes.get(i).ircPort());
            env.put(
                    "PARLEY_NODE" + (i + 1) + "_HTTP_PORT",
                    String.valueOf(nodes.get(i).httpPort()));
        }
        HAProxyFront front = new HAProxyFront(builder.start(), port);
        // Not probed by connecting: a probe through the TCP frontend would be a client of a node.
        await("haproxy running (its output: " + log + ")")
                .during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(10))
                .until(front.process::isAlive);
        return front;
    }

    int port() {
        return port;
    }

    /**
     * Whether a new client through HAProxy gets no node: HAProxy closes it at once when its health
     * checks have taken every node out. A client a node took is welcomed and stays open.
     */
    boolean turnsAway(String nick) {
        RawIrcClient client = ParleyNode.connectFrom(ParleyNode.nextAddress(), port);
        try {
            client.send("PASS chat@123");
            client.send("NICK " + nick);
            client.send("USER probe 0 * :probe");
            return client.awaitClosed(Duration.ofSeconds(2));
        } catch (AssertionError writeFailed) {
            return true; // closed by HAProxy before the lines went out
        } finally {
            client.close();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
