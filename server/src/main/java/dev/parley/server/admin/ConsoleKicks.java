package dev.parley.server.admin;

import dev.parley.protocol.IrcMessage;
import dev.parley.server.chat.ChatUser;
import dev.parley.server.chat.OtherNodes;
import dev.parley.server.chat.Room;
import dev.parley.server.session.Departures;
import java.util.function.IntSupplier;

/**
 * KICK from the console, the way an IRC operator's KICK goes (leave first, then every member who
 * was in the room, the victim too, sees the one KICK line), with the server as its source: the
 * console is not a user in the room. On a cluster the KICK reaches the room's members on the other
 * nodes too, as an operator's does.
 */
final class ConsoleKicks {

    private final Departures departures;
    private final String serverName;
    private final IntSupplier maxReasonLength;
    private final OtherNodes otherNodes;

    ConsoleKicks(Departures departures, String serverName, IntSupplier maxReasonLength, OtherNodes otherNodes) {
        this.departures = departures;
        this.serverName = serverName;
        this.maxReasonLength = maxReasonLength;
        this.otherNodes = otherNodes;
    }

    /** Whether the user was in the room (and is no longer). */
    boolean kick(Room room, ChatUser victim, String reason) {
        if (!room.isMember(victim)) {
            return false;
        }
        int max = maxReasonLength.getAsInt();
        String text = reason.length() > max ? reason.substring(0, max) : reason;
        IrcMessage kick = IrcMessage.from(serverName, "KICK", room.name(), victim.nick(), text);
        departures.kick(room, victim, kick, null);
        otherNodes.announce(room.key(), kick); // the room's members on other cluster nodes see it too
        return true;
    }
}
