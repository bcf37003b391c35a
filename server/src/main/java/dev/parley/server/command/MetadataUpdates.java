package dev.parley.server.command;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.protocol.cap.Capability;
import dev.parley.server.chat.ChatUser;
import dev.parley.server.chat.Room;
import dev.parley.server.session.Replies;
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
final class MetadataUpdates {

    private MetadataUpdates() {}

    /** Tells the subscribers of {@code key} that it changed on {@code target} ({@code value} null: unset). */
    static void changed(Services services, ChatUser changer, MetadataTarget target, String key, String value) {
        List<ChatUser> recipients = new ArrayList<>();
        for (ChatUser witness : audience(services, target)) {
            if (witness != changer && witness.caps().has(Capability.METADATA) && witness.subscribesTo(key)) {
                recipients.add(witness);
            }
        }
        if (!recipients.isEmpty()) {
            services.delivery().send(notification(services.serverName(), target.name(), key, value), recipients);
        }
    }

    private static Set<ChatUser> audience(Services services, MetadataTarget target) {
        Set<ChatUser> audience = new LinkedHashSet<>();
        if (target instanceof MetadataTarget.OfRoom ofRoom) {
            audience.addAll(ofRoom.room().members().keySet());
        } else if (target instanceof MetadataTarget.OfUser ofUser) {
            ChatUser user = ofUser.user();
            audience.add(user);
            for (Room room : user.rooms()) {
                audience.addAll(room.members().keySet());
            }
            if (user.nick() != null) {
                audience.addAll(services.monitors().watchersOf(user.nick()));
            }
        }
        return audience;
    }

    /**
     * A subscriber joining {@code room} gets the values it subscribed to of the room and of its
     * members, or RPL_METADATASYNCLATER when there are too many; members who subscribed learn the
     * newcomer's values.
     */
    static void joined(Replies replies, Services services, ChatUser joiner, Room room) {
        if (joiner.caps().has(Capability.METADATA)) {
            List<IrcMessage> lines = roomLines(services.serverName(), room, joiner, joiner::subscribesTo);
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
                    lines.add(notification(services.serverName(), joiner.nick(), entry.getKey(), entry.getValue()));
                }
            }
            services.delivery().toUser(member, lines);
        }
    }

    /** The values of the room and of its members (but {@code asker}) whose keys pass {@code keys}. */
    static List<IrcMessage> roomLines(String serverName, Room room, ChatUser asker, Predicate<String> keys) {
        List<IrcMessage> lines = new ArrayList<>();
        addLines(lines, serverName, room.name(), room.metadata().entries(), keys);
        for (ChatUser member : room.members().keySet()) {
            if (member != asker) {
                addLines(lines, serverName, member.nick(), member.metadata().entries(), keys);
            }
        }
        return lines;
    }

    static void addLines(List<IrcMessage> lines, String serverName, String target, Map<String, String> values,
            Predicate<String> keys) {
        for (Map.Entry<String, String> entry : values.entrySet()) {
            if (keys.test(entry.getKey())) {
                lines.add(notification(serverName, target, entry.getKey(), entry.getValue()));
            }
        }
    }

    /** At registration, a client that negotiated the capability gets its own metadata in a batch. */
    static void registered(Replies replies, ChatUser user) {
        if (!user.caps().has(Capability.METADATA)) {
            return;
        }
        String batch = replies.startBatch("metadata", user.nick());
        for (Map.Entry<String, String> entry : user.metadata().entries().entrySet()) {
            replies.add(new IrcMessage(Map.of("batch", batch), replies.serverName(), Numeric.RPL_KEYVALUE.code(),
                    List.of(user.nick(), user.nick(), entry.getKey(), "*", entry.getValue())));
        }
        replies.endBatch(batch);
    }

    /** RPL_WHOISKEYVALUE lines, for askers that negotiated the capability. */
    static void whois(CommandContext ctx, ChatUser target) {
        if (!ctx.session().caps().has(Capability.METADATA)) {
            return;
        }
        for (Map.Entry<String, String> entry : target.metadata().entries().entrySet()) {
            ctx.numeric(Numeric.RPL_WHOISKEYVALUE, target.nick(), entry.getKey(), "*", entry.getValue());
        }
    }

    /** {@code 761 * target key * :value}, or {@code 766 * target key :key not set} for an unset key. */
    static IrcMessage notification(String serverName, String target, String key, String value) {
        List<String> params = value == null
                ? List.of("*", target, key, "key not set")
                : List.of("*", target, key, "*", value);
        Numeric numeric = value == null ? Numeric.RPL_KEYNOTSET : Numeric.RPL_KEYVALUE;
        return new IrcMessage(Map.of(), serverName, numeric.code(), params);
    }
}
