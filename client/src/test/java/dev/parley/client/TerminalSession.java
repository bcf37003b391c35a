package dev.parley.client;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jline.builtins.ScreenTerminal;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;

/** The real client's terminal UI on a JLine terminal over pipes: keys in, the screen's bytes out. */
final class TerminalSession implements AutoCloseable {

    static final int WIDTH = 120;
    static final int HEIGHT = 40;

    private final PipedOutputStream keys = new PipedOutputStream();
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private final Terminal terminal;

    TerminalSession(ClientOptions options, Map<String, String> env) {
        try {
            PipedInputStream in = new PipedInputStream(keys, 64 * 1024);
            // not TerminalBuilder: it may put a pty in between, whose output pump stops at close and
            // loses the last lines; this terminal writes straight to the screen buffer
            terminal = new ExternalTerminal(
                    "parley-test", "xterm", in, new SynchronizedOut(screen), StandardCharsets.UTF_8);
            terminal.setSize(new Size(WIDTH, HEIGHT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread thread = new Thread(
                () -> {
                    try {
                        exit.complete(ClientMain.runInteractive(options, terminal, env));
                    } catch (Throwable t) {
                        exit.completeExceptionally(t);
                    }
                },
                "terminal-client");
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

    /** What a person sees: the screen's bytes played on a terminal emulator of the same size, one string per row. */
    List<String> visibleRows() {
        ScreenTerminal emulator = new ScreenTerminal(WIDTH, HEIGHT);
        emulator.write(screen());
        return Arrays.stream(emulator.toString().split("\n", -1))
                .map(String::stripTrailing)
                .toList();
    }

    /** The last row that is not blank: the input line with its prompt. */
    String inputRow() {
        List<String> rows = visibleRows();
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (!rows.get(i).isBlank()) {
                return rows.get(i);
            }
        }
        return "";
    }

    /** Waits until the visible rows satisfy {@code condition}; returns them. */
    List<String> awaitVisible(String what, Predicate<List<String>> condition) {
        try {
            await().atMost(ScriptedClient.WAIT).until(() -> condition.test(visibleRows()));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(
                    "the screen never showed " + what + "; it showed:\n" + String.join("\n", visibleRows()), e);
        }
        return visibleRows();
    }

    /** Waits until the input line reads {@code row} (trailing spaces ignored). */
    void awaitInputRow(String row) {
        awaitVisible("the input row '" + row + "'", rows -> inputRow().equals(row.stripTrailing()));
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
