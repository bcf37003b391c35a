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

    /** Whether history keeps it: text messages do, TAGMSG (reactions, typing) does not. */
    public boolean hasText() {
        return text != null;
    }

    /** TAGMSG reaches only those who enabled message-tags. */
    public boolean isTagsOnly() {
        return command.equals("TAGMSG");
    }
}
