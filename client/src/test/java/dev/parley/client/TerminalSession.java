package dev.parley.client;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** The real client's terminal UI on a JLine terminal over pipes: keys in, the screen's bytes out. */
final class TerminalSession implements AutoCloseable {

    private final PipedOutputStream keys = new PipedOutputStream();
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private final Terminal terminal;

    TerminalSession(ClientOptions options, Map<String, String> env) {
        try {
            PipedInputStream in = new PipedInputStream(keys, 64 * 1024);
            terminal = TerminalBuilder.builder().system(false).streams(in, new SynchronizedOut(screen))
                    .type("xterm").size(new Size(120, 40)).encoding(StandardCharsets.UTF_8).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread thread = new Thread(() -> {
            try {
                exit.complete(ClientMain.runInteractive(options, terminal, env));
            } catch (Throwable t) {
                exit.completeExceptionally(t);
            }
        }, "terminal-client");
        thread.setDaemon(true);
        thread.start();
    }

    /** Types keys; {@code \r} is Enter. */
    TerminalSession type(String text) {
        try {
            keys.write(text.getBytes(StandardCharsets.UTF_8));
            keys.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    String screen() {
        synchronized (screen) {
            return screen.toString(StandardCharsets.UTF_8);
        }
    }

    String awaitScreen(String text) {
        try {
            await().atMost(ScriptedClient.WAIT).until(() -> screen().contains(text));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("the screen never showed '" + text + "'; it showed:\n" + screen(), e);
        }
        return screen();
    }

    int awaitExit() {
        try {
            return exit.get(ScriptedClient.WAIT.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("the client did not exit; screen:\n" + screen(), e);
        }
    }

    @Override
    public void close() {
        try {
            keys.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The terminal writes from several threads; reads of the buffer must see whole writes. */
    private static final class SynchronizedOut extends java.io.OutputStream {
        private final ByteArrayOutputStream target;

        SynchronizedOut(ByteArrayOutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) {
            synchronized (target) {
                target.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (target) {
                target.write(b, off, len);
            }
        }
    }
}
