package dev.parley.server.session;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.server.chat.MetadataRules;
import dev.parley.server.chat.Room;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code METADATA * SUB|UNSUB|SUBS}: the keys a client follows. A new subscription brings the key's
 * current values in the client's rooms (or RPL_METADATASYNCLATER for a room with too many).
 */
public final class MetadataSubscriptions {

    /** Keys per reply line: the line stays far below 512 bytes with {@link MetadataRules#MAX_KEY_LENGTH}. */
    private static final int KEYS_PER_LINE = 5;

    private MetadataSubscriptions() {}

    /** SUB: {@code keys} are the parameters after the subcommand. */
    public static void sub(Session session, Replies replies, List<String> keys) {
        Set<String> subscribed = new LinkedHashSet<>(session.metadataSubscriptions());
        List<String> acknowledged = new ArrayList<>();
        Set<String> added = new LinkedHashSet<>();
        for (String key : keys) {
            if (!MetadataRules.isValidKey(key)) {
                replies.fail("METADATA", "INVALID_KEY", MetadataRules.printable(key), "invalid key");
                continue;
            }
            if (!subscribed.contains(key)) {
                if (subscribed.size() >= MetadataRules.MAX_SUBS) {
                    replies.fail("METADATA", "TOO_MANY_SUBS", key, "too many subscriptions");
                    break;
                }
                subscribed.add(key);
                added.add(key);
            }
            acknowledged.add(key);
        }
        session.setMetadataSubscriptions(subscribed);
        numerics(replies, Numeric.RPL_METADATASUBOK, acknowledged);
        if (session.isRegistered() && !added.isEmpty()) {
            currentValues(replies, session, added);
        }
    }

    /** UNSUB: {@code keys} are the parameters after the subcommand. */
    public static void unsub(Session session, Replies replies, List<String> keys) {
        Set<String> subscribed = new LinkedHashSet<>(session.metadataSubscriptions());
        List<String> acknowledged = new ArrayList<>();
        for (String key : keys) {
            if (!MetadataRules.isValidKey(key)) {
                replies.fail("METADATA", "INVALID_KEY", MetadataRules.printable(key), "invalid key");
                continue;
            }
            subscribed.remove(key);
            acknowledged.add(key);
        }
        session.setMetadataSubscriptions(subscribed);
        numerics(replies, Numeric.RPL_METADATAUNSUBOK, acknowledged);
    }

    public static void subs(Session session, Replies replies) {
        String batch = replies.startBatch("metadata-subs");
        List<String> keys = List.copyOf(session.metadataSubscriptions());
        for (int from = 0; from < keys.size(); from += KEYS_PER_LINE) {
            List<String> params = new ArrayList<>();
            params.add(session.nickOrStar());
            params.addAll(keys.subList(from, Math.min(keys.size(), from + KEYS_PER_LINE)));
            IrcMessage line = new IrcMessage(Map.of(), replies.serverName(), Numeric.RPL_METADATASUBS.code(), params);
            replies.add(line.withTag("batch", batch));
        }
        replies.endBatch(batch);
    }

    private static void numerics(Replies replies, Numeric numeric, List<String> keys) {
        for (int from = 0; from < keys.size(); from += KEYS_PER_LINE) {
            replies.numeric(
                    numeric,
                    keys.subList(from, Math.min(keys.size(), from + KEYS_PER_LINE))
                            .toArray(String[]::new));
        }
    }

    /** The values of newly subscribed keys in the client's rooms, each user's once. */
    private static void currentValues(Replies replies, Session session, Set<String> keys) {
        Set<List<String>> sent = new HashSet<>();
        for (Room room : session.rooms()) {
            List<IrcMessage> lines = MetadataUpdates.roomLines(replies.serverName(), room, session, keys::contains);
            if (lines.size() > MetadataRules.MAX_JOIN_LINES) {
                replies.numeric(Numeric.RPL_METADATASYNCLATER, room.name());
                continue;
            }
            for (IrcMessage line : lines) {
                if (sent.add(line.params())) {
                    replies.add(line);
                }
            }
        }
    }
}
