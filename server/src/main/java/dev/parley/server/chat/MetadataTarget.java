package dev.parley.server.chat;

import dev.parley.protocol.name.ChannelName;
import java.util.Optional;

/** What a METADATA command is about: a user or a room, with who may read and change it. */
public sealed interface MetadataTarget {

    /** The name replies carry: the nick or the room's name as it is now. */
    String name();

    Metadata metadata();

    boolean visibleTo(ChatUser asker);

    boolean editableBy(ChatUser asker);

    /** Finds {@code name} ({@code *} is the asker itself), or nothing for no such user or room. */
    static Optional<MetadataTarget> find(Rooms rooms, Nicks nicks, ChatUser asker, String name) {
        if (name.equals("*")) {
            return Optional.of(new OfUser(asker));
        }
        if (ChannelName.looksLikeRoom(name)) {
            return rooms.find(name).map(OfRoom::new);
        }
        return nicks.find(name).filter(ChatUser::isRegistered).map(OfUser::new);
    }

    /** A user's metadata: everyone may read it; the user and server operators may change it. */
    record OfUser(ChatUser user) implements MetadataTarget {
        @Override
        public String name() {
            return user.nick() == null ? "*" : user.nick();
        }

        @Override
        public Metadata metadata() {
            return user.metadata();
        }

        @Override
        public boolean visibleTo(ChatUser asker) {
            return true;
        }

        @Override
        public boolean editableBy(ChatUser asker) {
            return asker == user || asker.isOperator();
        }
    }

    /**
     * A room's metadata: readable by anyone unless the room is secret or invite-only, then by its
     * members only; changed by its operators (and server operators).
     */
    record OfRoom(Room room) implements MetadataTarget {
        @Override
        public String name() {
            return room.name();
        }

        @Override
        public Metadata metadata() {
            return room.metadata();
        }

        @Override
        public boolean visibleTo(ChatUser asker) {
            boolean hidden = room.modes().secret() || room.modes().inviteOnly();
            return !hidden || room.isMember(asker) || asker.isOperator();
        }

        @Override
        public boolean editableBy(ChatUser asker) {
            return room.status(asker).map(s -> s.op()).orElse(false) || asker.isOperator();
        }
    }
}
