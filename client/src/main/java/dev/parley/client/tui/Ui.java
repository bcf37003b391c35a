package dev.parley.client.tui;

import dev.parley.client.core.ClientState;
import java.util.function.Supplier;

/**
 * The user's side: a display, the start-up prompts and the input line. {@link TerminalUi} for a
 * person at a terminal, {@link PlainUi} for scripts and pipes.
 */
public interface Ui extends Display, AutoCloseable {

    /** Whether a person is typing (prompts and offers make sense) rather than a script. */
    boolean interactive();

    /** Asks a question; returns the answer, {@code defaultValue} for an empty one, or null at end of input. */
    String ask(String question, String defaultValue);

    /** Asks for a secret without echoing it; null at end of input. */
    String askSecret(String question);

    /**
     * Reads the next chat line; null at end of input. The prompt is asked of {@code prompt} when
     * the read starts and again at each {@link #promptChanged()}, so it names the current room.
     */
    String readLine(Supplier<String> prompt);

    /** What Alt+number, Ctrl+N and Ctrl+P do; ignored by UIs without keys. */
    default void useWindowKeys(WindowKeys keys) {}

    /** Where completion finds nicks and rooms; ignored by UIs without completion. */
    default void completeFrom(Supplier<ClientState> state) {}

    @Override
    void close();
}
