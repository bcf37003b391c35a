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

    /**
     * Whether this display shows one window at a time (lines of the others are kept for when the
     * user switches); a plain feed shows every line as it comes.
     */
    default boolean windowed() {
        return false;
    }

    /** Another window is now on screen: clears the screen and shows these lines, its latest. */
    default void redraw(java.util.List<DisplayLine> lines) {}

    /** Rings the terminal's bell (someone mentioned us). */
    default void bell() {}
}
