package dev.parley.client;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The real client ({@link ClientMain#run}) in plain mode on a thread of its own, fed through a pipe
 * as a script would feed it, its output captured. Waits are bounded; nothing sleeps.
 */
final class ScriptedClient implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(10);

    private final PipedOutputStream input = new PipedOutputStream();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();

    private ScriptedClient(ClientOptions options, Map<String, String> env) {
        PipedInputStream in;
        try {
            in = new PipedInputStream(input, 64 * 1024);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
        Thread thread = new Thread(
                () -> {
                    try {
                        exit.complete(ClientMain.run(options, in, out, env));
                    } catch (Throwable t) {
                        exit.completeExceptionally(t);
                    }
                },
                "scripted-client");
        thread.setDaemon(true);
        thread.start();
    }

    static ScriptedClient start(ClientOptions options) {
        return new ScriptedClient(options, Map.of());
    }

    static ScriptedClient start(ClientOptions options, Map<String, String> env) {
        return new ScriptedClient(options, env);
    }

    /** Types a line, as if piped in. */
    ScriptedClient type(String line) {
        try {
            input.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            input.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Ends the input (EOF). */
    void endInput() {
        try {
            input.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String output() {
        synchronized (output) {
            return output.toString(StandardCharsets.UTF_8);
        }
    }

    /** Waits until the output holds {@code text}; returns the output. */
    String awaitOutput(String text) {
        try {
            await().atMost(WAIT).until(() -> output().contains(text));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("the client never showed '" + text + "'; it showed:\n" + output(), e);
        }
        return output();
    }

    int awaitExit() {
        try {
            return exit.get(WAIT.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("the client did not exit; output so far:\n" + output(), e);
        }
    }

    @Override
    public void close() {
        try {
            input.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
