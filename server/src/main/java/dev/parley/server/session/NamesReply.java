package dev.parley.server.session;

import dev.parley.protocol.Numeric;
import dev.parley.protocol.cap.Capability;
import dev.parley.server.chat.ChatUser;
import dev.parley.server.chat.MemberStatus;
import dev.parley.server.chat.RemoteMember;
import dev.parley.server.chat.Room;
import dev.parley.server.chat.RoomElsewhere;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * RPL_NAMREPLY lines for a room, cut to fit the line limit, then RPL_ENDOFNAMES. Shared by JOIN and
 * NAMES; what the asker sees depends on its capabilities, so it lives with the session.
 */
public final class NamesReply {

    private static final int MAX_NAMES_CHARS = 400;

    private NamesReply() {}

    /** The room's names: its members here, then {@code elsewhere}, its members on other cluster nodes. */
    public static void send(Replies replies, Session asker, Room room, Collection<RemoteMember> elsewhere) {
        boolean multiPrefix = asker.caps().has(Capability.MULTI_PREFIX);
        boolean userhost = asker.caps().has(Capability.USERHOST_IN_NAMES);
        boolean member = room.isMember(asker.actor());
        String symbol = room.modes().secret() ? "@" : "=";
        List<String> names = new ArrayList<>();
        for (Map.Entry<ChatUser, MemberStatus> entry : room.members().entrySet()) {
            ChatUser user = entry.getKey();
            if (member || !user.isInvisible()) {
                names.add(prefix(entry.getValue(), multiPrefix) + (userhost ? user.source() : user.nick()));
            }
        }
        for (RemoteMember other : elsewhere) {
            if (!member && other.invisible()) {
                continue;
            }
            names.add(prefix(other.status(), multiPrefix) + (userhost ? other.source() : other.nick()));
        }
        send(replies, symbol, room.name(), names);
    }

    /**
     * The names of a room that has no member on this node but lives on other cluster nodes: its
     * visible members there (the asker is not one of them); a secret room shows none.
     */
    public static void sendElsewhere(Replies replies, Session asker, RoomElsewhere room) {
        if (room.state().modes().secret()) {
            end(replies, room.name());
            return;
        }
        boolean multiPrefix = asker.caps().has(Capability.MULTI_PREFIX);
        boolean userhost = asker.caps().has(Capability.USERHOST_IN_NAMES);
        List<String> names = new ArrayList<>();
        for (RemoteMember other : room.members()) {
            if (!other.invisible()) {
                names.add(prefix(other.status(), multiPrefix) + (userhost ? other.source() : other.nick()));
            }
        }
        send(replies, "=", room.name(), names);
    }

    private static void send(Replies replies, String symbol, String roomName, List<String> names) {
        StringBuilder line = new StringBuilder();
        for (String name : names) {
            if (line.length() + name.length() + 1 > MAX_NAMES_CHARS) {
                replies.numeric(Numeric.RPL_NAMREPLY, symbol, roomName, line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(name);
        }
        if (line.length() > 0) {
            replies.numeric(Numeric.RPL_NAMREPLY, symbol, roomName, line.toString());
        }
        end(replies, roomName);
    }

    private static String prefix(MemberStatus status, boolean multiPrefix) {
        return multiPrefix ? status.allPrefixes() : status.highestPrefix();
    }

    public static void end(Replies replies, String name) {
        replies.numeric(Numeric.RPL_ENDOFNAMES, name, "End of /NAMES list");
    }
}
