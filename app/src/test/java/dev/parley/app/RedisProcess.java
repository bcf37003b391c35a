package dev.parley.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A Redis server of the test's own ({@code redis-server --port N --save ''}), which it may stop and
 * start again on the same port: the machine's Redis on 6379 is shared and never stopped. It keeps
 * nothing on disk, so a restart comes back empty, as a Redis that lost its memory does.
 */
final class RedisProcess implements AutoCloseable {

    private static final Path REDIS_SERVER = Path.of("/usr/bin/redis-server");

    private final int port;
    private final Path log;
    private Process process;

    private RedisProcess(int port, Path log) {
        this.port = port;
        this.log = log;
    }

    static RedisProcess start(Path log) throws IOException {
        if (!Files.isExecutable(REDIS_SERVER)) {
            String message = "redis-server is not installed (Debian: apt-get install redis-server)";
            if ("1".equals(System.getenv("CI_REQUIRE_SERVICES"))) {
                fail(message + "; CI requires it");
            }
            abort(message + ": the Redis outage test needs it");
        }
        RedisProcess redis = new RedisProcess(ParleyNode.freePort(), log);
        redis.up();
        return redis;
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    void up() throws IOException {
        process = new ProcessBuilder(
                        REDIS_SERVER.toString(),
                        "--port",
                        String.valueOf(port),
                        "--bind",
                        "127.0.0.1",
                        "--save",
                        "",
                        "--appendonly",
                        "no")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        await("redis-server on " + port + " (its output: " + log + ")")
                .atMost(Duration.ofSeconds(10))
                .until(this::accepts);
    }

    void down() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    private boolean accepts() {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
