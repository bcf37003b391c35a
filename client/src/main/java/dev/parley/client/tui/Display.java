package dev.parley.client.tui;

/** Where lines are shown. Called from the client's reader thread and the input thread alike. */
public interface Display {
    void show(DisplayLine line);
}
