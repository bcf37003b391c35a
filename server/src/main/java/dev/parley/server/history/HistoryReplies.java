package dev.parley.server.history;

import dev.parley.protocol.IrcMessage;
import dev.parley.server.chat.MultilineLines;
import dev.parley.server.chat.MultilineText;
import dev.parley.server.chat.ServerTime;
import dev.parley.server.session.Replies;
import dev.parley.server.store.Playback;
import dev.parley.server.store.StoredMessage;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Replays stored messages: as a {@code chathistory} batch, or as plain NOTICE lines for simple clients.
 * Replayed PRIVMSGs outside a batch would look like new messages (irssi shows them so), so a client
 * that cannot take the batch gets the NOTICE form, each line marked with its room and time.
 */
public final class HistoryReplies {

    private static final DateTimeFormatter PLAIN_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private HistoryReplies() {}

    /**
     * As a batch when {@code batched}, else as NOTICE lines; a multi-line message inside the batch
     * as a nested {@code draft/multiline} batch when {@code multiline}, else as its lines.
     */
    public static void send(
            Replies replies, boolean batched, boolean multiline, String target, List<StoredMessage> messages) {
        if (batched) {
            asBatch(replies, multiline, target, messages);
        } else {
            asNotices(replies, target, messages);
        }
    }

    public static void asBatch(Replies replies, boolean multiline, String target, List<StoredMessage> messages) {
        inBatch(replies, multiline, messages, "chathistory", target);
    }

    /** The messages in one batch of this type (chathistory, soju.im/search). */
    public static void inBatch(
            Replies replies, boolean multiline, List<StoredMessage> messages, String type, String... params) {
        String batch = replies.startBatch(type, params);
        for (StoredMessage stored : messages) {
            MultilineText lines = MultilineText.fromStored(stored.text(), stored.tags());
            if (lines == null) {
                replies.add(replay(stored).withTag("batch", batch));
            } else {
                List<IrcMessage> parts = multiline
                        ? MultilineLines.asBatch(replay(stored), lines, replies.nextBatchId())
                        : MultilineLines.asLines(replay(stored), lines);
                // The nested batch opens inside the history batch; its lines belong to it.
                for (int i = 0; i < parts.size(); i++) {
                    IrcMessage part = parts.get(i);
                    replies.add(!multiline || i == 0 ? part.withTag("batch", batch) : part);
                }
            }
        }
        replies.endBatch(batch);
    }

    public static void asNotices(Replies replies, String target, List<StoredMessage> messages) {
        noticeLines(replies, messages, stored -> target);
        replies.notice("End of history for " + target + " (" + messages.size() + " message"
                + (messages.size() == 1 ? "" : "s") + ")");
    }

    /**
     * Each message as NOTICE lines, {@code [where time] <nick> text}, one per line of its text;
     * {@code where} names the conversation it is from.
     */
    public static void noticeLines(
            Replies replies, List<StoredMessage> messages, Function<StoredMessage, String> where) {
        for (StoredMessage stored : messages) {
            String prefix = "[" + where.apply(stored) + " " + PLAIN_TIME.format(stored.time()) + "] ";
            for (String text : stored.text().split("\n")) {
                if (!text.isEmpty()) {
                    replies.notice(prefix + asPlainLine(stored.senderNick(), text));
                }
            }
        }
    }

    private static String asPlainLine(String nick, String text) {
        boolean action = text.startsWith("\u0001ACTION ") && text.endsWith("\u0001");
        return action ? "* " + nick + " " + text.substring(8, text.length() - 1) : "<" + nick + "> " + text;
    }

    /**
     * The message as it was first delivered, with its original time, msgid and tags (for a
     * multi-line message, the header {@link MultilineLines} splits).
     */
    public static IrcMessage replay(StoredMessage stored) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("time", ServerTime.format(stored.time()));
        tags.put("msgid", stored.msgid());
        if (stored.senderAccount() != null) {
            tags.put("account", stored.senderAccount());
        }
        tags.putAll(stored.tags());
        tags.remove(MultilineText.STORED_CONCAT_TAG);
        List<String> params = Playback.TAGMSG.equals(stored.command())
                ? List.of(stored.target())
                : List.of(stored.target(), stored.text());
        return new IrcMessage(tags, stored.senderSource(), stored.command(), params);
    }
}
