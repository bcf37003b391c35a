package dev.parley.server.chat;

import dev.parley.protocol.IrcMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * A room's TOPIC or MODE change made on another node of a cluster, applied to this node's copy of
 * the room so that its state is the same everywhere. The other node checked the rights and kept
 * only what it applied: here every change in the line is taken as it is.
 */
public final class RoomChanges {

    /** A {@code +o}/{@code -v}... of a nick, for the caller to apply to a member it knows. */
    public record Privilege(boolean on, char mode, String nick) {}

    private RoomChanges() {}

    /** Sets the topic of {@code TOPIC #room :text} (an empty text clears it). */
    public static void topic(Room room, IrcMessage line, long nowSeconds) {
        String text = line.params().size() > 1 ? line.lastParam() : "";
        room.setTopic(text.isEmpty() ? null : new Topic(text, line.source(), nowSeconds));
    }

    /**
     * Applies the flags, key, limit and list entries of {@code MODE #room +modes args...}; returns
     * the member privileges it names, which the caller applies (the members may be on any node).
     */
    public static List<Privilege> modes(Room room, IrcMessage line, long nowSeconds) {
        return walk(room, line, nowSeconds);
    }

    /** The member privileges a MODE line names, nothing applied. */
    public static List<Privilege> privileges(IrcMessage line) {
        return walk(null, line, 0);
    }

    /** Applies the line to {@code room} (when not null) and collects its privileges. */
    private static List<Privilege> walk(Room room, IrcMessage line, long nowSeconds) {
        List<String> params = line.params();
        List<Privilege> privileges = new ArrayList<>();
        if (params.size() < 2) {
            return privileges;
        }
        String setter = line.source() == null ? "*" : line.source().split("!", 2)[0];
        boolean on = true;
        int next = 2;
        for (char mode : params.get(1).toCharArray()) {
            if (mode == '+' || mode == '-') {
                on = mode == '+';
                continue;
            }
            RoomListMode list = RoomListMode.forLetter(mode);
            boolean needsArg = mode == 'o' || mode == 'v' || list != null || mode == 'k' || (on && mode == 'l');
            String arg = needsArg && next < params.size() ? params.get(next++) : null;
            if (needsArg && arg == null) {
                break;
            }
            if (room == null) {
                if (mode == 'o' || mode == 'v') {
                    privileges.add(new Privilege(on, mode, arg));
                }
                continue;
            }
            switch (mode) {
                case 'i', 'm', 'n', 's', 't' -> room.setModes(room.modes().withFlag(mode, on));
                case 'k' -> room.setModes(room.modes().withKey(on ? arg : null));
                case 'l' -> room.setModes(room.modes().withLimit(on ? parse(arg) : 0));
                case 'o', 'v' -> privileges.add(new Privilege(on, mode, arg));
                default -> list(room, list, on, arg, setter, nowSeconds);
            }
        }
        return privileges;
    }

    private static void list(Room room, RoomListMode list, boolean on, String mask, String setter, long nowSeconds) {
        if (list == null) {
            return;
        }
        if (on) {
            list.of(room).add(new ListEntry(mask, setter, nowSeconds), Integer.MAX_VALUE);
        } else {
            list.of(room).remove(mask);
        }
    }

    private static int parse(String number) {
        try {
            return Math.max(0, Integer.parseInt(number));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Applies a privilege to a member of this node; whether it changed. */
    public static boolean apply(Room room, ChatUser member, Privilege privilege) {
        MemberStatus status = room.status(member).orElse(null);
        if (status == null) {
            return false;
        }
        MemberStatus updated =
                privilege.mode() == 'o' ? status.withOp(privilege.on()) : status.withVoice(privilege.on());
        return !updated.equals(status) && room.setStatus(member, updated);
    }
}
