package dev.parley.server.session;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.protocol.cap.Capability;
import dev.parley.server.chat.ChatUser;
import dev.parley.server.chat.Delivery;
import dev.parley.server.chat.MetadataRules;
import dev.parley.server.chat.MetadataTarget;
import dev.parley.server.chat.Monitors;
import dev.parley.server.chat.Room;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Who hears of metadata, and when: subscribers learn of changes to the users they share a room with
 * or monitor and to their rooms; a joining subscriber gets the room's and its members' values; a
 * client that negotiated the capability gets its own metadata at registration; WHOIS shows it.
 * Notifications are numerics addressed to {@code *}, so one line serves every recipient.
 */
public final class MetadataUpdates {

    private final Monitors monitors;
    private final Delivery delivery;
    private final String serverName;

    public MetadataUpdates(Monitors monitors, Delivery delivery, String serverName) {
        this.monitors = monitors;
        this.delivery = delivery;
        this.serverName = serverName;
    }

    /** Tells the subscribers of {@code key} that it changed on {@code target} ({@code value} null: unset). */
    public void changed(ChatUser changer, MetadataTarget target, String key, String value) {
        List<ChatUser> recipients = new ArrayList<>();
        for (ChatUser witness : audience(target)) {
            if (witness != changer && witness.caps().has(Capability.METADATA) && witness.subscribesTo(key)) {
                recipients.add(witness);
            }
        }
        if (!recipients.isEmpty()) {
            delivery.send(notification(serverName, target.name(), key, value), recipients);
        }
    }

    private Set<ChatUser> audience(MetadataTarget target) {
        Set<ChatUser> audience = new LinkedHashSet<>();
        if (target instanceof MetadataTarget.OfRoom ofRoom) {
            audience.addAll(ofRoom.room().members().keySet());
        } else if (target instanceof MetadataTarget.OfUser ofUser) {
            ChatUser user = ofUser.user();
            audience.add(user);
            for (Room room : Session.roomsOf(user)) {
                audience.addAll(room.members().keySet());
            }
            if (user.nick() != null) {
                audience.addAll(monitors.watchersOf(user.nick()));
            }
        }
        return audience;
    }

    /**
     * A subscriber joining {@code room} gets the values it subscribed to of the room and of its
     * members, or RPL_METADATASYNCLATER when there are too many; members who subscribed learn the
     * newcomer's values.
     */
    public void joined(Replies replies, ChatUser joiner, Room room) {
        if (joiner.caps().has(Capability.METADATA)) {
            List<IrcMessage> lines = roomLines(serverName, room, joiner, joiner::subscribesTo);
            if (lines.size() > MetadataRules.MAX_JOIN_LINES) {
                replies.numeric(Numeric.RPL_METADATASYNCLATER, room.name());
            } else {
                lines.forEach(replies::add);
            }
        }
        Map<String, String> own = joiner.metadata().entries();
        if (own.isEmpty()) {
            return;
        }
        for (ChatUser member : room.members().keySet()) {
            if (member == joiner || !member.caps().has(Capability.METADATA)) {
                continue;
            }
            List<IrcMessage> lines = new ArrayList<>();
            for (Map.Entry<String, String> entry : own.entrySet()) {
                if (member.subscribesTo(entry.getKey())) {
                    lines.add(notification(serverName, joiner.nick(), entry.getKey(), entry.getValue()));
                }
            }
            delivery.toUser(member, lines);
        }
    }

    /** The values of the room and of its members (but {@code asker}) whose keys pass {@code keys}. */
    public static List<IrcMessage> roomLines(String serverName, Room room, ChatUser asker, Predicate<String> keys) {
        List<IrcMessage> lines = new ArrayList<>();
        addLines(lines, serverName, room.name(), room.metadata().entries(), keys);
        for (ChatUser member : room.members().keySet()) {
            if (member != asker) {
                addLines(lines, serverName, member.nick(), member.metadata().entries(), keys);
            }
        }
        return lines;
    }

    public static void addLines(
            List<IrcMessage> lines,
            String serverName,
            String target,
            Map<String, String> values,
            Predicate<String> keys) {
        for (Map.Entry<String, String> entry : values.entrySet()) {
            if (keys.test(entry.getKey())) {
                lines.add(notification(serverName, target, entry.getKey(), entry.getValue()));
            }
        }
    }

    /** At registration, a client that negotiated the capability gets its own metadata in a batch. */
    public static void registered(Replies replies, ChatUser user) {
        if (!user.caps().has(Capability.METADATA)) {
            return;
        }
        String batch = replies.startBatch("metadata", user.nick());
        for (Map.Entry<String, String> entry : user.metadata().entries().entrySet()) {
            replies.add(new IrcMessage(
                    Map.of("batch", batch),
                    replies.serverName(),
                    Numeric.RPL_KEYVALUE.code(),
                    List.of(user.nick(), user.nick(), entry.getKey(), "*", entry.getValue())));
        }
        replies.endBatch(batch);
    }

    /** RPL_WHOISKEYVALUE lines, for askers that negotiated the capability. */
    public static void whois(Replies replies, ChatUser asker, ChatUser target) {
        if (!asker.caps().has(Capability.METADATA)) {
            return;
        }
        for (Map.Entry<String, String> entry : target.metadata().entries().entrySet()) {
            replies.numeric(Numeric.RPL_WHOISKEYVALUE, target.nick(), entry.getKey(), "*", entry.getValue());
        }
    }

    /** {@code 761 * target key * :value}, or {@code 766 * target key :key not set} for an unset key. */
    public static IrcMessage notification(String serverName, String target, String key, String value) {
        List<String> params =
                value == null ? List.of("*", target, key, "key not set") : List.of("*", target, key, "*", value);
        Numeric numeric = value == null ? Numeric.RPL_KEYNOTSET : Numeric.RPL_KEYVALUE;
        return new IrcMessage(Map.of(), serverName, numeric.code(), params);
    }
}
