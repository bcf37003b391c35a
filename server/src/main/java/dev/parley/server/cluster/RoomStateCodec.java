package dev.parley.server.cluster;

import dev.parley.server.chat.ListEntry;
import dev.parley.server.chat.RoomModes;
import dev.parley.server.chat.SharedRoomState;
import dev.parley.server.chat.Topic;
import java.util.ArrayList;
import java.util.List;

/**
 * A room's state in its Redis key, one fact a line: {@code m +kl key limit} with the flags as
 * {@link RoomModes#render} writes them, {@code t setAt setBy text}, and {@code b|e|I setAt setBy
 * mask} per list entry, {@code i nick} per invitation not used yet. Masks, nicks and keys hold no
 * spaces; the topic's text comes last.
 */
final class RoomStateCodec {

    private RoomStateCodec() {}

    static String encode(SharedRoomState state) {
        StringBuilder text = new StringBuilder("m ").append(state.modes().render(true));
        Topic topic = state.topic();
        if (topic != null) {
            text.append("\nt ")
                    .append(topic.setAtSeconds())
                    .append(' ')
                    .append(topic.setBy())
                    .append(' ');
            text.append(topic.text().replace('\n', ' '));
        }
        entries(text, 'b', state.bans());
        entries(text, 'e', state.banExceptions());
        entries(text, 'I', state.inviteExceptions());
        for (String nick : state.invited()) {
            text.append("\ni ").append(nick);
        }
        return text.toString();
    }

    private static void entries(StringBuilder text, char list, List<ListEntry> entries) {
        for (ListEntry entry : entries) {
            text.append('\n')
                    .append(list)
                    .append(' ')
                    .append(entry.setAtSeconds())
                    .append(' ');
            text.append(entry.setBy()).append(' ').append(entry.mask());
        }
    }

    /** The state, or null when {@code text} is not one. */
    static SharedRoomState decode(String text) {
        RoomModes modes = null;
        Topic topic = null;
        List<ListEntry> bans = new ArrayList<>();
        List<ListEntry> exceptions = new ArrayList<>();
        List<ListEntry> invites = new ArrayList<>();
        List<String> invited = new ArrayList<>();
        try {
            for (String line : text.split("\n")) {
                String[] f = line.split(" ", 4);
                switch (f[0]) {
                    case "m" -> modes = modes(line.substring(2).split(" "));
                    case "t" -> topic = new Topic(f[3], f[2], Long.parseLong(f[1]));
                    case "b" -> bans.add(new ListEntry(f[3], f[2], Long.parseLong(f[1])));
                    case "e" -> exceptions.add(new ListEntry(f[3], f[2], Long.parseLong(f[1])));
                    case "I" -> invites.add(new ListEntry(f[3], f[2], Long.parseLong(f[1])));
                    case "i" -> invited.add(f[1]);
                    default -> {}
                }
            }
        } catch (RuntimeException e) {
            return null;
        }
        return modes == null ? null : new SharedRoomState(modes, topic, bans, exceptions, invites, invited, 0);
    }

    /** {@code +flags [key] [limit]}, as {@link RoomModes#render} wrote it with parameters. */
    private static RoomModes modes(String[] parts) {
        String flags = parts[0];
        int next = 1;
        String key = null;
        int limit = 0;
        if (flags.indexOf('k') >= 0) {
            key = parts[next++];
        }
        if (flags.indexOf('l') >= 0) {
            limit = Integer.parseInt(parts[next]);
        }
        return new RoomModes(
                flags.indexOf('i') >= 0,
                flags.indexOf('m') >= 0,
                flags.indexOf('n') >= 0,
                flags.indexOf('s') >= 0,
                flags.indexOf('t') >= 0,
                key,
                limit);
    }
}
