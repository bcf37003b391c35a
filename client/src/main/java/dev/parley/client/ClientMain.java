package dev.parley.client;

import dev.parley.client.tui.PlainUi;
import dev.parley.client.tui.TerminalUi;
import dev.parley.client.tui.Ui;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The {@code parley client} entry point. With the process's own terminal it runs the JLine UI;
 * with anything else (a pipe, a file, a test's streams) the plain script mode.
 */
public final class ClientMain {

    private ClientMain() {}

    /**
     * Runs the client and returns its {@link ExitCode}. The terminal UI is used when {@code in} is
     * {@code System.in} and the process has a console; otherwise lines are read from {@code in} and
     * the feed is written plainly to {@code out}.
     *
     * @param env the environment: {@code PARLEY_PASSWORD}, {@code NO_COLOR}
     */
    public static int run(ClientOptions options, InputStream in, PrintStream out, Map<String, String> env) {
        if (in == System.in && System.console() != null) {
            try {
                return runInteractive(
                        options,
                        TerminalBuilder.builder()
                                .system(true)
                                .encoding(StandardCharsets.UTF_8)
                                .build(),
                        env);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the terminal", e);
            }
        }
        return runWith(options, new PlainUi(in, out), env);
    }

    /** Runs the terminal UI on {@code terminal} (tests pass a terminal on their own streams). */
    public static int runInteractive(ClientOptions options, Terminal terminal, Map<String, String> env) {
        return runWith(
                options,
                new TerminalUi(terminal, env.getOrDefault("NO_COLOR", "").isEmpty()),
                env);
    }

    private static int runWith(ClientOptions options, Ui ui, Map<String, String> env) {
        try (ui) {
            return new ChatProgram(options, ui, env).run();
        }
    }
}
