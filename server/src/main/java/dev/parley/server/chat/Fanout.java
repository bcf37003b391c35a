package dev.parley.server.chat;

import dev.parley.protocol.IrcMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Sends one message to many users: serialized once per tag variant, queued to each recipient, then
 * one flush per recipient.
 */
final class Fanout {

    private Fanout() {}

    static void send(IrcMessage message, Collection<? extends ChatUser> recipients) {
        OutboundLine[] byVariant = new OutboundLine[TagPolicy.VARIANTS];
        List<ChatUser> sent = new ArrayList<>(recipients.size());
        for (ChatUser user : recipients) {
            int variant = TagPolicy.variant(user.caps());
            OutboundLine line = byVariant[variant];
            if (line == null) {
                line = TagPolicy.render(message, variant);
                byVariant[variant] = line;
            }
            user.send(line);
            sent.add(user);
        }
        for (ChatUser user : sent) {
            user.flush();
        }
    }

    /** Sends to one user. */
    static void sendTo(ChatUser user, IrcMessage message) {
        user.send(TagPolicy.render(message, TagPolicy.variant(user.caps())));
        user.flush();
    }

    /** Sends several to one user, flushed once. */
    static void sendTo(ChatUser user, List<IrcMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        int variant = TagPolicy.variant(user.caps());
        for (IrcMessage message : messages) {
            user.send(TagPolicy.render(message, variant));
        }
        user.flush();
    }
}
