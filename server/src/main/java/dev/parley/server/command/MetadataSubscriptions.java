package dev.parley.server.command;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.server.chat.Room;
import dev.parley.server.session.Replies;
import dev.parley.server.session.Session;
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
final class MetadataSubscriptions {

    /** Keys per reply line: the line stays far below 512 bytes with {@link MetadataRules#MAX_KEY_LENGTH}. */
    private static final int KEYS_PER_LINE = 5;

    private final Services services;

    MetadataSubscriptions(Services services) {
        this.services = services;
    }

    void sub(CommandContext ctx) {
        Session session = ctx.session();
        Set<String> subscribed = new LinkedHashSet<>(session.metadataSubscriptions());
        List<String> acknowledged = new ArrayList<>();
        Set<String> added = new LinkedHashSet<>();
        for (int i = 2; i < ctx.paramCount(); i++) {
            String key = ctx.param(i);
            if (!MetadataRules.isValidKey(key)) {
                ctx.replies().fail("METADATA", "INVALID_KEY", MetadataCommands.printable(key), "invalid key");
                continue;
            }
            if (!subscribed.contains(key)) {
                if (subscribed.size() >= MetadataRules.MAX_SUBS) {
                    ctx.replies().fail("METADATA", "TOO_MANY_SUBS", key, "too many subscriptions");
                    break;
                }
                subscribed.add(key);
                added.add(key);
            }
            acknowledged.add(key);
        }
        session.setMetadataSubscriptions(subscribed);
        numerics(ctx, Numeric.RPL_METADATASUBOK, acknowledged);
        if (session.isRegistered() && !added.isEmpty()) {
            currentValues(ctx.replies(), session, added);
        }
    }

    void unsub(CommandContext ctx) {
        Session session = ctx.session();
        Set<String> subscribed = new LinkedHashSet<>(session.metadataSubscriptions());
        List<String> acknowledged = new ArrayList<>();
        for (int i = 2; i < ctx.paramCount(); i++) {
            String key = ctx.param(i);
            if (!MetadataRules.isValidKey(key)) {
                ctx.replies().fail("METADATA", "INVALID_KEY", MetadataCommands.printable(key), "invalid key");
                continue;
            }
            subscribed.remove(key);
            acknowledged.add(key);
        }
        session.setMetadataSubscriptions(subscribed);
        numerics(ctx, Numeric.RPL_METADATAUNSUBOK, acknowledged);
    }

    void subs(CommandContext ctx) {
        Replies replies = ctx.replies();
        String batch = replies.startBatch("metadata-subs");
        List<String> keys = List.copyOf(ctx.session().metadataSubscriptions());
        for (int from = 0; from < keys.size(); from += KEYS_PER_LINE) {
            List<String> params = new ArrayList<>();
            params.add(ctx.session().nickOrStar());
            params.addAll(keys.subList(from, Math.min(keys.size(), from + KEYS_PER_LINE)));
            IrcMessage line = new IrcMessage(Map.of(), replies.serverName(),
                    Numeric.RPL_METADATASUBS.code(), params);
            replies.add(line.withTag("batch", batch));
        }
        replies.endBatch(batch);
    }

    private static void numerics(CommandContext ctx, Numeric numeric, List<String> keys) {
        for (int from = 0; from < keys.size(); from += KEYS_PER_LINE) {
            ctx.numeric(numeric, keys.subList(from, Math.min(keys.size(), from + KEYS_PER_LINE)).toArray(String[]::new));
        }
    }

    /** The values of newly subscribed keys in the client's rooms, each user's once. */
    private void currentValues(Replies replies, Session session, Set<String> keys) {
        Set<List<String>> sent = new HashSet<>();
        for (Room room : session.rooms()) {
            List<IrcMessage> lines = MetadataUpdates.roomLines(services.serverName(), room, session, keys::contains);
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
