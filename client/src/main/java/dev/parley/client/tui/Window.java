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
    }

    /** A message arrived while the window was not shown. */
    void noteUnread(boolean mention) {
        unread++;
        mentioned |= mention;
    }

    void markRead() {
        unread = 0;
        mentioned = false;
    }

    int unread() {
        return unread;
    }

    boolean mentioned() {
        return mentioned;
    }

    /** The last {@code count} lines, oldest first. */
    List<DisplayLine> last(int count) {
        List<DisplayLine> all = List.copyOf(lines);
        return all.subList(Math.max(0, all.size() - count), all.size());
    }
}
