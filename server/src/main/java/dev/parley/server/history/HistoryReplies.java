package dev.parley.server.history;

import dev.parley.protocol.IrcMessage;
import dev.parley.server.chat.ServerTime;
import dev.parley.server.session.Replies;
import dev.parley.server.store.StoredMessage;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays stored messages: as a {@code chathistory} batch, or as plain NOTICE lines for simple clients.
 * Replayed PRIVMSGs outside a batch would look like new messages (irssi shows them so), so a client
 * that cannot take the batch gets the NOTICE form, each line marked with its room and time.
 */
public final class HistoryReplies {

    private static final DateTimeFormatter PLAIN_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private HistoryReplies() {}

    /** As a batch when {@code batched}, else as NOTICE lines. */
    public static void send(Replies replies, boolean batched, String target, List<StoredMessage> messages) {
        if (batched) {
            asBatch(replies, target, messages);
        } else {
            asNotices(replies, target, messages);
        }
    }

    public static void asBatch(Replies replies, String target, List<StoredMessage> messages) {
        String batch = replies.startBatch("chathistory", target);
        for (StoredMessage stored : messages) {
            replies.add(replay(stored).withTag("batch", batch));
        }
        replies.endBatch(batch);
    }

    public static void asNotices(Replies replies, String target, List<StoredMessage> messages) {
        for (StoredMessage stored : messages) {
            String text = stored.text();
            boolean action = text.startsWith("\u0001ACTION ") && text.endsWith("\u0001");
            String body = action
                    ? "* " + stored.senderNick() + " " + text.substring(8, text.length() - 1)
                    : "<" + stored.senderNick() + "> " + text;
            replies.notice("[" + target + " " + PLAIN_TIME.format(stored.time()) + "] " + body);
        }
        replies.notice("End of history for " + target + " (" + messages.size() + " message"
                + (messages.size() == 1 ? "" : "s") + ")");
    }

    /** The message as it was first delivered, with its original time, msgid and tags. */
    public static IrcMessage replay(StoredMessage stored) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("time", ServerTime.format(stored.time()));
        tags.put("msgid", stored.msgid());
        if (stored.senderAccount() != null) {
            tags.put("account", stored.senderAccount());
        }
        tags.putAll(stored.tags());
        return new IrcMessage(tags, stored.senderSource(), stored.command(), List.of(stored.target(), stored.text()));
    }
}
