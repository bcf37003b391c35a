package dev.parley.server.chat;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.cap.Capability;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Sends one message to many users: serialized once per tag variant, queued to each recipient, then
 * one flush per recipient. A user present on several devices ({@link ChatUser#devices()}) gets it on
 * each, rendered for that connection's caps.
 */
final class Fanout {

    private Fanout() {}

    static void send(IrcMessage message, Collection<? extends ChatUser> recipients) {
        OutboundLine[] byVariant = new OutboundLine[TagPolicy.VARIANTS];
        boolean tagsOnly = message.command().equals("TAGMSG");
        List<ChatUser> sent = new ArrayList<>(recipients.size());
        for (ChatUser user : recipients) {
            List<? extends ChatUser> devices = user.devices();
            if (devices == null) {
                queue(message, byVariant, user, sent);
                continue;
            }
            for (ChatUser device : devices) {
                if (!tagsOnly || device.caps().has(Capability.MESSAGE_TAGS)) {
                    queue(message, byVariant, device, sent);
                }
            }
        }
        for (ChatUser user : sent) {
            user.flush();
        }
    }

    private static void queue(IrcMessage message, OutboundLine[] byVariant, ChatUser user, List<ChatUser> sent) {
        int variant = TagPolicy.variant(user.caps());
        OutboundLine line = byVariant[variant];
        if (line == null) {
            line = TagPolicy.render(message, variant);
            byVariant[variant] = line;
        }
        user.send(line);
        sent.add(user);
    }

    /**
     * Sends a multi-line message: one {@code draft/multiline} batch to those who enabled it, its
     * lines to the others; rendered once per variant. The batch reference is the msgid, unique on
     * the server, so every recipient can share the rendered lines.
     */
    static void sendComposed(IrcMessage header, MultilineText text, Collection<? extends ChatUser> recipients) {
        List<OutboundLine>[] byVariant = newVariantTable();
        List<ChatUser> sent = new ArrayList<>(recipients.size());
        for (ChatUser user : recipients) {
            List<? extends ChatUser> devices = user.devices();
            if (devices == null) {
                queueComposed(header, text, byVariant, user, sent);
            } else {
                for (ChatUser device : devices) {
                    queueComposed(header, text, byVariant, device, sent);
                }
            }
        }
        for (ChatUser user : sent) {
            user.flush();
        }
    }

    private static void queueComposed(
            IrcMessage header, MultilineText text, List<OutboundLine>[] byVariant, ChatUser user, List<ChatUser> sent) {
        boolean batched = user.caps().has(Capability.MULTILINE) && user.caps().has(Capability.BATCH);
        int tagVariant = TagPolicy.variant(user.caps());
        int variant = tagVariant * 2 + (batched ? 1 : 0);
        List<OutboundLine> lines = byVariant[variant];
        if (lines == null) {
            List<IrcMessage> messages = batched
                    ? MultilineLines.asBatch(header, text, header.tag("msgid"))
                    : MultilineLines.asLines(header, text);
            lines = new ArrayList<>(messages.size());
            for (IrcMessage message : messages) {
                lines.add(TagPolicy.render(message, tagVariant));
            }
            byVariant[variant] = lines;
        }
        for (OutboundLine line : lines) {
            user.send(line);
        }
        sent.add(user);
    }

    @SuppressWarnings("unchecked") // a generic array cannot be created otherwise
    private static List<OutboundLine>[] newVariantTable() {
        return (List<OutboundLine>[]) new List<?>[TagPolicy.VARIANTS * 2];
    }

    /** Sends to one user (on each of its devices). */
    static void sendTo(ChatUser user, IrcMessage message) {
        send(message, List.of(user));
    }

    /** Sends several to one user (on each of its devices), flushed once. */
    static void sendTo(ChatUser user, List<IrcMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        List<? extends ChatUser> devices = user.devices();
        for (ChatUser device : devices == null ? List.of(user) : devices) {
            int variant = TagPolicy.variant(device.caps());
            for (IrcMessage message : messages) {
                device.send(TagPolicy.render(message, variant));
            }
            device.flush();
        }
    }
}
