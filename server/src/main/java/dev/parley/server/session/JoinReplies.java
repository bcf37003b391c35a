package dev.parley.server.session;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.protocol.cap.Capability;
import dev.parley.server.chat.ChatUser;
import dev.parley.server.chat.RemoteMembers;
import dev.parley.server.chat.Room;
import dev.parley.server.chat.Topic;
import dev.parley.server.chat.UserEvent;

/**
 * What a client is told as it arrives in a room, after a JOIN or when its account's presence puts
 * it back in its rooms: the JOIN, the topic, its read marker, the room's metadata and NAMES.
 */
public final class JoinReplies {

    private final MetadataUpdates metadataUpdates;

    private final RemoteMembers elsewhere;

    /** {@code elsewhere}: the rooms' members on other cluster nodes, named in NAMES too. */
    public JoinReplies(MetadataUpdates metadataUpdates, RemoteMembers elsewhere) {
        this.elsewhere = elsewhere;
        this.metadataUpdates = metadataUpdates;
    }

    public void add(Replies replies, Session session, Room room, JoinMarkers markers) {
        replies.add(joinLine(session.actor(), room, session.caps().has(Capability.EXTENDED_JOIN)));
        Topic topic = room.topic();
        if (topic != null) {
            topic(replies, room, topic);
        }
        markers.addTo(replies, room);
        metadataUpdates.joined(replies, session, room);
        NamesReply.send(replies, session, room, elsewhere.in(room.key()));
    }

    /** The user's JOIN, with its account and real name for {@code extended-join}. */
    public static IrcMessage joinLine(ChatUser user, Room room, boolean extended) {
        if (!extended) {
            return UserEvent.from(user, "JOIN", room.name());
        }
        String account = user.account() == null ? "*" : user.account();
        return UserEvent.from(user, "JOIN", room.name(), account, user.realname());
    }

    public static void topic(Replies replies, Room room, Topic topic) {
        replies.numeric(Numeric.RPL_TOPIC, room.name(), topic.text());
        replies.numeric(Numeric.RPL_TOPICWHOTIME, room.name(), topic.setBy(), Long.toString(topic.setAtSeconds()));
    }
}
