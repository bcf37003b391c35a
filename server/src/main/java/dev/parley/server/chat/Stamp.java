package dev.parley.server.chat;

import dev.parley.protocol.Tags;
import java.time.Instant;
import java.util.Map;

/**
 * The tags the server puts on a user's message: server time, msgid, the sender's account, and the
 * client-only ({@code +}) tags the sender attached.
 */
public record Stamp(Instant time, String msgid) {

    public Map<String, String> tags(String account, boolean bot, Map<String, String> requestTags) {
        Tags.Builder tags = Tags.builder();
        if (bot) {
            tags.put("bot", "");
        }
        tags.put("time", ServerTime.format(time));
        tags.put("msgid", msgid);
        if (account != null) {
            tags.put("account", account);
        }
        addClientOnly(tags, requestTags);
        return tags.build();
    }

    /** The client-only tags among what a client sent. */
    public static Map<String, String> clientOnly(Map<String, String> requestTags) {
        if (requestTags.isEmpty()) {
            return Tags.empty();
        }
        Tags.Builder kept = Tags.builder();
        addClientOnly(kept, requestTags);
        return kept.build();
    }

    private static void addClientOnly(Tags.Builder into, Map<String, String> requestTags) {
        requestTags.forEach((key, value) -> {
            if (key.startsWith("+")) {
                into.put(key, value);
            }
        });
    }
}
