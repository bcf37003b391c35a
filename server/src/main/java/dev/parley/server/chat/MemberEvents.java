package dev.parley.server.chat;

import dev.parley.protocol.IrcMessage;
import java.util.Collection;

/**
 * What this node's users do to rooms, carried to the rooms' members on the other nodes of a
 * cluster in each room's order; implemented by the cluster package. Each event is already shown
 * to this node's members when it is called. Calls come from event loops: they return at once.
 */
public interface MemberEvents {

    /** {@code user} registered here (a new nick online): the other nodes can answer WHOIS about them. */
    void online(ChatUser user);

    /** {@code member} joined {@code room} here with {@code status}; {@code join} is the extended-join form. */
    void joined(Room room, ChatUser member, MemberStatus status, IrcMessage join);

    /** {@code member} left {@code room} (PART). */
    void left(Room room, ChatUser member, IrcMessage part);

    /** {@code user} left the server; {@code rooms} are the rooms it was in. */
    void quit(ChatUser user, Collection<Room> rooms, IrcMessage quit);

    /**
     * {@code user}, once {@code oldNick}, took a new nick (NICK), changed its away state (AWAY),
     * account (ACCOUNT) or real name (SETNAME).
     */
    void changed(ChatUser user, String oldNick, Collection<Room> rooms, IrcMessage line);

    /** The room's topic or modes changed here (TOPIC, MODE): the other nodes apply it too. */
    void roomChanged(Room room, IrcMessage line);

    /**
     * {@code room} holds a new invitation here for a user of another node, kept in the room's shared
     * state so that it lets them in (+i, +l) on the node where they join.
     */
    void invited(Room room);

    /** A single node: no one else to tell. */
    MemberEvents NONE = new MemberEvents() {
        @Override
        public void online(ChatUser user) {}

        @Override
        public void joined(Room room, ChatUser member, MemberStatus status, IrcMessage join) {}

        @Override
        public void left(Room room, ChatUser member, IrcMessage part) {}

        @Override
        public void quit(ChatUser user, Collection<Room> rooms, IrcMessage quit) {}

        @Override
        public void changed(ChatUser user, String oldNick, Collection<Room> rooms, IrcMessage line) {}

        @Override
        public void roomChanged(Room room, IrcMessage line) {}

        @Override
        public void invited(Room room) {}
    };
}
