package dev.parley.server.it;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * A third-party IRC client installed from Debian (ii, weechat-headless, irssi), run as a process in a
 * temporary directory and driven through the files it reads and writes. In CI a missing client
 * fails the test ({@code .ci/run} installs them); elsewhere the test is skipped with how to install.
 */
final class ExternalClient implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(15);

    private final Process process;
    private final Path dir;

    private ExternalClient(Process process, Path dir) {
        this.process = process;
        this.dir = dir;
    }

    /** Checks that the program is on the PATH: skips (or fails in CI) when it is not. */
    static void require(String program, String debianPackage) {
        boolean present = onPath(program);
        if (!present && isCi()) {
            fail(program + " is missing; .ci/run installs it (apt-get install " + debianPackage + ")");
        }
        assumeTrue(present, program + " is not installed; run: apt-get install " + debianPackage);
    }

    static ExternalClient start(Path dir, Map<String, String> env, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("process.log").toFile());
        builder.environment().putAll(env);
        try {
            return new ExternalClient(builder.start(), dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path dir() {
        return dir;
    }

    /** Waits until the file exists and contains the text; fails with the file's content if not. */
    void awaitFileContains(Path file, String text) {
        Awaitility.await(file.getFileName() + " contains '" + text + "'")
                .atMost(WAIT)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> read(file).contains(text));
    }

    /** Waits until the path exists (a FIFO or file the client creates). */
    void awaitExists(Path path) {
        Awaitility.await(path + " exists")
                .atMost(WAIT)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> Files.exists(path));
    }

    /**
     * Types a line into the client's standard input (its terminal, when it runs under
     * {@code script}) and waits for it to exit, so that it leaves no process behind.
     */
    void quitWith(String line) {
        try {
            process.getOutputStream().write((line + "\r").getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
            if (!process.waitFor(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                fail("the client did not exit within " + WAIT + " of '" + line + "'");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes one line to a FIFO the client reads. */
    static void writeLine(Path fifo, String line) {
        try {
            Files.writeString(fifo, line + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String entry : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(entry, program))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCi() {
        return "true".equalsIgnoreCase(System.getenv("CI")) || "1".equals(System.getenv("CI_REQUIRE_SERVICES"));
    }
}
