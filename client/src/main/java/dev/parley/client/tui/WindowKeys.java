package dev.parley.client.tui;

/** What the window keys do (Alt+number, Ctrl+N, Ctrl+P); called on the UI's reading thread. */
public interface WindowKeys {

    /** Shows window {@code number} (from 1); nothing happens when there is none. */
    void selectWindow(int number);

    /** Shows the next ({@code 1}) or previous ({@code -1}) window, wrapping round. */
    void moveWindow(int step);
}
