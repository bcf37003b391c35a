package dev.parley.client.tui;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * One conversation's window, as in irssi: the lines said in it (the last {@link #KEPT}), and what
 * happened while it was not on screen. The status window has no target. Guarded by {@link Windows}.
 */
final class Window {

    /** Lines kept per window; older ones drop off. */
    static final int KEPT = 500;

    private final String target;
    private final Deque<DisplayLine> lines = new ArrayDeque<>();
    private int unread;
    private boolean mentioned;
    /** How many of the latest lines are below the screen: 0 unless the user paged up. */
    private int scrolledBack;

    /** @param target a room's wire name, a nick for a private conversation, or null for the status window */
    Window(String target) {
        this.target = target;
    }

    String target() {
        return target;
    }

    boolean isStatus() {
        return target == null;
    }

    /** The name shown in the status line and the prompt: the room ID, the nick, or "status". */
    String title() {
        return target == null ? "status" : RoomNames.toDisplay(target);
    }

    void add(DisplayLine line) {
        lines.addLast(line);
        if (lines.size() > KEPT) {
            lines.removeFirst();
        }
        if (scrolledBack > 0) {
            scrolledBack = Math.min(scrolledBack + 1, lines.size() - 1);
        }
    }

    /** Pages up ({@code lines} > 0) or down, never past the first line nor below the latest. */
    void scroll(int lines, int rows) {
        scrolledBack = Math.max(0, Math.min(this.lines.size() - rows, scrolledBack + lines));
    }

    int scrolledBack() {
        return scrolledBack;
    }

    /** A message arrived while the window was not shown. */
    void noteUnread(boolean mention) {
        unread++;
        mentioned |= mention;
    }

    /** Shown again: nothing is new, and it shows its latest lines. */
    void markRead() {
        unread = 0;
        mentioned = false;
        scrolledBack = 0;
    }

    int unread() {
        return unread;
    }

    boolean mentioned() {
        return mentioned;
    }

    /** The last {@code count} lines above those scrolled back, oldest first. */
    List<DisplayLine> last(int count) {
        List<DisplayLine> all = List.copyOf(lines);
        int end = all.size() - scrolledBack;
        return all.subList(Math.max(0, end - count), end);
    }
}
