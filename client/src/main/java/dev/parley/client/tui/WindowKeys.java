package dev.parley.client.tui;

/** What the window keys do (Alt+number, Ctrl+N, Ctrl+P, Page Up, Page Down); called on the UI's reading thread. */
public interface WindowKeys {

    /** Shows window {@code number} (from 1); nothing happens when there is none. */
    void selectWindow(int number);

    /** Shows the next ({@code 1}) or previous ({@code -1}) window, wrapping round. */
    void moveWindow(int step);

    /**
     * Page Up ({@code lines} > 0) or Page Down: shows earlier or later lines of the window, {@code
     * rows} being how many fit on screen.
     */
    void scrollWindow(int lines, int rows);
}
