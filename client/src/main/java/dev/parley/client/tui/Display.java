package dev.parley.client.tui;

/** Where lines are shown. Called from the client's reader thread and the input thread alike. */
public interface Display {
    void show(DisplayLine line);

    /**
     * The room plain text goes to has changed (a join, part, kick, /switch, reconnect): a prompt
     * that names it must be drawn again. Called from any thread; between two reads it may do
     * nothing, since the next read asks for the prompt anew.
     */
    default void promptChanged() {}
}
