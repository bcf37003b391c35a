package dev.parley.client.core;

import dev.parley.client.core.ClientEvent.MessageReceived;
import java.util.ArrayList;
import java.util.List;

/**
 * One IRCv3 {@code draft/multiline} message being received: who sent it where and when (from the
 * opening BATCH line), its lines so far (a {@code draft/multiline-concat} line joined to the one
 * before), and the batch it is nested in (a history or search batch), null when it came live.
 */
public record MultilineBatch(String parent, MessageReceived header, List<String> lines) implements OpenBatch {

    public static final String TYPE = "draft/multiline";
    public static final String CONCAT_TAG = "draft/multiline-concat";

    public MultilineBatch {
        lines = List.copyOf(lines);
    }

    @Override
    public MultilineBatch plus(MessageReceived line, boolean concat) {
        List<String> next = new ArrayList<>(lines);
        if (concat && !next.isEmpty()) {
            next.set(next.size() - 1, next.get(next.size() - 1) + line.text());
        } else {
            next.add(line.text());
        }
        // a batch of NOTICE lines is a notice; the verb is only known from its lines
        MessageReceived kindOf = lines.isEmpty() ? header.withKind(line.kind()) : header;
        return new MultilineBatch(parent, kindOf, next);
    }

    /** The whole message: its lines joined with line feeds. */
    public MessageReceived message() {
        return header.withText(String.join("\n", lines));
    }
}
