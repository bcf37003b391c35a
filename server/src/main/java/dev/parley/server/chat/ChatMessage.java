package dev.parley.server.chat;

import java.util.Map;

/**
 * What a user says (PRIVMSG, NOTICE or TAGMSG) before {@link Delivery} stamps it: the sender, the
 * verb, the text ({@code null} for TAGMSG) and the tags the client attached (only its client-only
 * {@code +} tags travel on). A multi-line message ({@code draft/multiline}) also has its lines as
 * composed; its text is then their {@linkplain MultilineText#combined() combination}.
 */
public record ChatMessage(
        ChatUser sender, String command, String text, Map<String, String> requestTags, MultilineText multiline) {

    public ChatMessage(ChatUser sender, String command, String text, Map<String, String> requestTags) {
        this(sender, command, text, requestTags, null);
    }

    /** A multi-line PRIVMSG with the tags of the batch that carried it. */
    public static ChatMessage multiline(ChatUser sender, MultilineText lines, Map<String, String> batchTags) {
        return new ChatMessage(sender, "PRIVMSG", lines.combined(), batchTags, lines);
    }

    /** Whether it has text: PRIVMSG and NOTICE do, TAGMSG does not. */
    public boolean hasText() {
        return text != null;
    }

    /**
     * Whether history keeps it: text messages do; a TAGMSG when it carries a client-only tag worth
     * replaying (a reaction, a reply), never a typing notification.
     */
    public boolean isKept() {
        return hasText() || keepsTagsOnly(requestTags);
    }

    /**
     * Whether a TAGMSG with these tags is kept: it has a client-only ({@code +}) tag, and no typing
     * tag ({@code +typing}, {@code +draft/typing}), which is news for seconds and must never replay.
     */
    public static boolean keepsTagsOnly(Map<String, String> tags) {
        if (tags.containsKey("+typing") || tags.containsKey("+draft/typing")) {
            return false;
        }
        return tags.keySet().stream().anyMatch(key -> key.startsWith("+"));
    }

    /** TAGMSG reaches only those who enabled message-tags. */
    public boolean isTagsOnly() {
        return command.equals("TAGMSG");
    }
}
