package dev.parley.client.tui;

import dev.parley.protocol.name.CaseMapping;
import java.util.ArrayList;
import java.util.List;

/**
 * The numbered windows, irssi's way: 1 is the status window (server lines, and a home when in no
 * room), then one per room and private conversation in the order they opened. One is current: its
 * lines are on screen and plain text goes to its target. Lines of the others are kept and counted
 * for the activity list. Called from the reader thread and the input thread, hence synchronized.
 */
final class Windows {

    private final List<Window> all = new ArrayList<>(List.of(new Window(null)));
    private Window current = all.get(0);
    private CaseMapping mapping = CaseMapping.RFC1459;

    /** Targets are compared with the server's case mapping. */
    synchronized void useCaseMapping(CaseMapping caseMapping) {
        this.mapping = caseMapping;
    }

    /** The current window's target: where plain text goes (null in the status window). */
    synchronized String currentTarget() {
        return current.target();
    }

    synchronized int currentNumber() {
        return all.indexOf(current) + 1;
    }

    synchronized String currentTitle() {
        return current.title();
    }

    /** Whether {@code target} has a window (null, the status window, always has). */
    synchronized boolean has(String target) {
        return find(target) != null;
    }

    /** Opens a window for {@code target} unless there is one; true when it is new. */
    synchronized boolean open(String target) {
        if (find(target) != null) {
            return false;
        }
        all.add(new Window(target));
        return true;
    }

    /**
     * Closes {@code target}'s window (never the status window). When it was current, the window
     * before it becomes current, and this returns true.
     */
    synchronized boolean close(String target) {
        Window window = find(target);
        if (window == null || window.isStatus()) {
            return false;
        }
        int at = all.indexOf(window);
        all.remove(at);
        if (window == current) {
            show(all.get(at - 1));
            return true;
        }
        return false;
    }

    /** Makes window {@code number} (from 1) current; false when there is none. */
    synchronized boolean select(int number) {
        if (number < 1 || number > all.size()) {
            return false;
        }
        show(all.get(number - 1));
        return true;
    }

    /** Makes {@code target}'s window current; false when it has none. */
    synchronized boolean select(String target) {
        Window window = find(target);
        if (window == null) {
            return false;
        }
        show(window);
        return true;
    }

    /** Moves {@code step} windows on (negative: back), wrapping round. */
    synchronized void move(int step) {
        int next = Math.floorMod(all.indexOf(current) + step, all.size());
        show(all.get(next));
    }

    /**
     * Pages the current window up ({@code lines} > 0) or down, {@code rows} being the lines on
     * screen; returns how many of its latest lines are now below the screen.
     */
    synchronized int scroll(int lines, int rows) {
        current.scroll(lines, rows);
        return current.scrolledBack();
    }

    /**
     * Keeps a line in {@code target}'s window (the current one when {@code target} has none);
     * returns whether it is on screen (its window is current and not paged up). A {@code message} in a window not shown counts as
     * activity.
     */
    synchronized boolean add(String target, DisplayLine line, boolean message, boolean mention) {
        Window window = target == null ? current : find(target);
        if (window == null) {
            window = current;
        }
        window.add(line);
        if (window != current && message) {
            window.noteUnread(mention);
        }
        return window == current && window.scrolledBack() == 0;
    }

    /** The current window's last {@code count} lines, to draw it anew. */
    synchronized List<DisplayLine> currentLines(int count) {
        return current.last(count);
    }

    /** Each window as the status line and /win show it. */
    synchronized List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Window w = all.get(i);
            entries.add(
                    new Entry(i + 1, w.title(), w.target(), w.unread(), w.mentioned(), w == current, w.scrolledBack()));
        }
        return entries;
    }

    private void show(Window window) {
        current = window;
        window.markRead();
    }

    private Window find(String target) {
        for (Window window : all) {
            if (target == null ? window.isStatus() : !window.isStatus() && mapping.equal(window.target(), target)) {
                return window;
            }
        }
        return null;
    }

    /**
     * One window as listed: its number, title, target, unread messages, whether one mentioned us,
     * whether it is current, and how many of its latest lines are below the screen (paged up).
     */
    record Entry(int number, String title, String target, int unread, boolean mentioned, boolean current, int below) {}
}
