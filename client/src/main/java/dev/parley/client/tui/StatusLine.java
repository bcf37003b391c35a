package dev.parley.client.tui;

import dev.parley.protocol.name.ChannelName;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The line above the input, irssi's status bar in words: who you are, the window on screen, and
 * the activity list, {@code [alice] [2:general] [Act: 3:dev(2) 4:bob(1!)]}: window 3 has two new
 * messages, window 4 one, and a {@code !} where someone mentioned you.
 */
final class StatusLine {

    private StatusLine() {}

    static String of(String nick, List<Windows.Entry> windows) {
        StringBuilder line = new StringBuilder();
        if (nick != null) {
            line.append('[').append(nick).append("] ");
        }
        windows.stream().filter(Windows.Entry::current).findFirst().ifPresent(w -> {
            line.append('[').append(w.number()).append(':').append(w.title()).append(']');
            if (w.below() > 0) {
                line.append(" [more: ").append(w.below()).append(']');
            }
        });
        String activity = windows.stream()
                .filter(w -> w.unread() > 0)
                .map(w -> w.number() + ":" + w.title() + "(" + w.unread() + (w.mentioned() ? "!" : "") + ")")
                .collect(Collectors.joining(" "));
        if (!activity.isEmpty()) {
            line.append(" [Act: ").append(activity).append(']');
        }
        return line.toString();
    }

    /** The input line's prompt, naming where plain text goes: {@code [general] > }, {@code [DM bob] > }, or {@code > }. */
    static String inputPrompt(String target) {
        if (target == null) {
            return "> ";
        }
        return ChannelName.looksLikeRoom(target)
                ? "[" + RoomNames.toDisplay(target) + "] > "
                : "[DM " + target + "] > ";
    }

    /** /win without a number: every window, the current one marked. */
    static String list(List<Windows.Entry> windows) {
        return "Windows: "
                + windows.stream()
                        .map(w -> w.number() + ":" + w.title() + (w.current() ? " (current)" : "")
                                + (w.unread() > 0
                                        ? " (" + w.unread() + " new" + (w.mentioned() ? ", mentions you" : "") + ")"
                                        : ""))
                        .collect(Collectors.joining(", "));
    }
}
