package dev.parley.server.chat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tags the server puts on a user's message: server time, msgid, the sender's account, and the
 * client-only ({@code +}) tags the sender attached.
 */
public record Stamp(Instant time, String msgid) {

    public Map<String, String> tags(String account, boolean bot, Map<String, String> requestTags) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (bot) {
            tags.put("bot", "");
        }
        tags.put("time", ServerTime.format(time));
        tags.put("msgid", msgid);
        if (account != null) {
            tags.put("account", account);
        }
        tags.putAll(clientOnly(requestTags));
        return tags;
    }

    /** The client-only tags among what a client sent. */
    public static Map<String, String> clientOnly(Map<String, String> requestTags) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (Map.Entry<String, String> tag : requestTags.entrySet()) {
            if (tag.getKey().startsWith("+")) {
                kept.put(tag.getKey(), tag.getValue());
            }
        }
        return kept;
    }
}
