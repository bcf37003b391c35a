package dev.parley.client.tui;

import dev.parley.client.core.ClientEvent;
import dev.parley.client.core.ClientEvent.MessageReceived;
import dev.parley.client.core.ClientState;
import dev.parley.protocol.name.ChannelName;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * Puts each event's lines in its conversation's window: opens a window when we join a room or
 * someone writes to us, closes it when we leave, highlights and rings for mentions. On a windowed
 * display only the current window's lines are shown; the others count as activity.
 */
final class Feed {

    /** Lines drawn when a window comes on screen (the UI shows what fits). */
    static final int REDRAW_LINES = 200;

    private final Windows windows;
    private final Display display;
    private final MessageFormatter formatter;
    private final Consumer<String> roomOpened;

    /** @param roomOpened told the room's wire name when a join opens a new window for it */
    Feed(Windows windows, Display display, MessageFormatter formatter, Consumer<String> roomOpened) {
        this.windows = windows;
        this.display = display;
        this.formatter = formatter;
        this.roomOpened = roomOpened;
    }

    void onEvent(ClientEvent event, ClientState state) {
        windows.useCaseMapping(state.caseMapping());
        openOrClose(event);
        boolean message = event instanceof MessageReceived m && !m.own();
        boolean mention = message && mentionsMe((MessageReceived) event, state);
        boolean own = event instanceof MessageReceived m && m.own();
        List<String> targets = windowsOf(event);
        for (DisplayLine line : formatter.format(event)) {
            DisplayLine styled = mention ? line.withStyle(Style.MENTION) : line;
            boolean onScreen = false;
            for (String target : targets) {
                onScreen |= windows.add(target, styled, message, mention);
            }
            if (onScreen || own || !display.windowed()) {
                display.show(styled);
            }
        }
        if (mention) {
            display.bell();
        }
    }

    /**
     * Shows a line in {@code target}'s window (null: the current one). Our own words are always
     * shown, also when sent to a window not on screen (a /msg from a room).
     */
    void show(String target, DisplayLine line, boolean message, boolean mention, boolean always) {
        boolean onScreen = windows.add(target, line, message, mention);
        if (onScreen || always || !display.windowed()) {
            display.show(line);
        }
    }

    /** Makes window {@code number} current and draws it; false when there is none. */
    boolean select(int number) {
        if (!windows.select(number)) {
            return false;
        }
        redraw();
        return true;
    }

    /** Makes {@code target}'s window current and draws it; false when it has none. */
    boolean select(String target) {
        if (!windows.select(target)) {
            return false;
        }
        redraw();
        return true;
    }

    /** Pages the current window up ({@code lines} > 0) or down; {@code rows} lines fit on screen. */
    void scroll(int lines, int rows) {
        windows.scroll(lines, rows);
        redraw();
    }

    void move(int step) {
        windows.move(step);
        redraw();
    }

    /** Opens (if needed) and shows the window of a private conversation with {@code nick}. */
    void query(String nick) {
        windows.open(nick);
        select(nick);
    }

    /** Closes the window of {@code target} and draws the one that is current then. */
    void close(String target) {
        if (windows.close(target)) {
            redraw();
        }
    }

    private void redraw() {
        if (display.windowed()) {
            display.redraw(windows.currentLines(REDRAW_LINES));
        }
    }

    private void openOrClose(ClientEvent event) {
        if (event instanceof ClientEvent.Joined j && j.self() && windows.open(j.room())) {
            select(j.room());
            roomOpened.accept(j.room());
        } else if (event instanceof ClientEvent.Parted p && p.self()) {
            close(p.room());
        } else if (event instanceof ClientEvent.Kicked k && k.self()) {
            close(k.room());
        } else if (event instanceof MessageReceived m && !m.toRoom()) {
            windows.open(m.conversation());
        }
    }

    /**
     * The windows an event's lines belong in (null: the current one): someone's quit or new nick
     * in each window they were in, every other event in one.
     */
    private List<String> windowsOf(ClientEvent event) {
        if (event instanceof ClientEvent.Quit q) {
            return theirWindows(q.nick(), q.rooms());
        } else if (event instanceof ClientEvent.NickChanged n && !n.self()) {
            return theirWindows(n.oldNick(), n.rooms());
        }
        return Collections.singletonList(windowOf(event));
    }

    /** The rooms someone was in, and our private window with them; the current window when none. */
    private List<String> theirWindows(String nick, List<String> rooms) {
        List<String> targets = new ArrayList<>(rooms);
        if (windows.has(nick)) {
            targets.add(nick);
        }
        return targets.isEmpty() ? Collections.singletonList(null) : targets;
    }

    /** The window an event's lines belong in; null for the current one. */
    private String windowOf(ClientEvent event) {
        if (event instanceof MessageReceived m) {
            return m.conversation();
        } else if (event instanceof ClientEvent.HistoryReplayed h) {
            return h.target();
        } else if (event instanceof ClientEvent.Joined j) {
            return j.room();
        } else if (event instanceof ClientEvent.Parted p && !p.self()) {
            return p.room();
        } else if (event instanceof ClientEvent.Kicked k && !k.self()) {
            return k.room();
        } else if (event instanceof ClientEvent.TopicChanged t) {
            return t.room();
        } else if (event instanceof ClientEvent.MembersListed m) {
            return m.room();
        }
        return null;
    }

    /** A private message to us always counts as a mention, as in irssi; in a room, our nick must be named. */
    private static boolean mentionsMe(MessageReceived m, ClientState state) {
        return !ChannelName.looksLikeRoom(m.target()) || Mentions.mentions(state.nick(), m.text(), state.caseMapping());
    }

    List<Windows.Entry> entries() {
        return windows.entries();
    }

    /** Where plain text goes: the current window's room or nick; null in the status window. */
    String currentTarget() {
        return windows.currentTarget();
    }
}
