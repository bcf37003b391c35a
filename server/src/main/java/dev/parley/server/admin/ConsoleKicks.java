package dev.parley.server.admin;

import dev.parley.protocol.IrcMessage;
import dev.parley.server.chat.ChatUser;
import dev.parley.server.chat.Delivery;
import dev.parley.server.chat.Room;
import dev.parley.server.chat.Rooms;
import dev.parley.server.session.Session;
import java.util.ArrayList;
import java.util.List;

/**
 * KICK from the console, the way an IRC operator's KICK goes (leave first, then every member who
 * was in the room, the victim too, sees the one KICK line), with the server as its source: the
 * console is not a user in the room.
 */
final class ConsoleKicks {

    private final Rooms rooms;
    private final Delivery delivery;
    private final String serverName;
    private final int maxReasonLength;

    ConsoleKicks(Rooms rooms, Delivery delivery, String serverName, int maxReasonLength) {
        this.rooms = rooms;
        this.delivery = delivery;
        this.serverName = serverName;
        this.maxReasonLength = maxReasonLength;
    }

    /** Whether the user was in the room (and is no longer). */
    boolean kick(Room room, ChatUser victim, String reason) {
        if (!room.isMember(victim)) {
            return false;
        }
        String text = reason.length() > maxReasonLength ? reason.substring(0, maxReasonLength) : reason;
        IrcMessage kick = IrcMessage.from(serverName, "KICK", room.name(), victim.nick(), text);
        List<ChatUser> witnesses = new ArrayList<>(room.members().keySet());
        rooms.leave(room, victim);
        Session.roomsOf(victim).remove(room);
        delivery.send(kick, witnesses);
        return true;
    }
}
