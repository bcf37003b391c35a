package dev.parley.server.chat;

import java.util.Map;

/**
 * What a user says (PRIVMSG, NOTICE or TAGMSG) before {@link Delivery} stamps it: the sender, the
 * verb, the text ({@code null} for TAGMSG) and the tags the client attached (only its client-only
 * {@code +} tags travel on).
 */
public record ChatMessage(ChatUser sender, String command, String text, Map<String, String> requestTags) {

    /** Whether history keeps it: text messages do, TAGMSG (reactions, typing) does not. */
    public boolean hasText() {
        return text != null;
    }

    /** TAGMSG reaches only those who enabled message-tags. */
    public boolean isTagsOnly() {
        return command.equals("TAGMSG");
    }
}
