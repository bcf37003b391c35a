package dev.parley.server.chat;

import dev.parley.protocol.IrcMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a multi-line message goes out. A client that enabled {@code draft/multiline} gets one
 * {@code draft/multiline} batch: the message's tags (msgid, time, account, client-only tags, a
 * label) on the opening BATCH line, each line inside with only the batch tag and, for a
 * continuation, {@code draft/multiline-concat}. Any other client gets the lines as separate
 * messages, blank lines left out, the msgid on the first only, the other tags on each.
 */
public final class MultilineLines {

    public static final String BATCH_TYPE = "draft/multiline";
    public static final String CONCAT_TAG = "draft/multiline-concat";

    private MultilineLines() {}

    /**
     * The message as a batch with reference {@code batchId}.
     *
     * @param header the message as one line: its tags, source, verb and target (first parameter)
     */
    public static List<IrcMessage> asBatch(IrcMessage header, MultilineText text, String batchId) {
        String target = header.params().get(0);
        List<IrcMessage> out = new ArrayList<>(text.lines().size() + 2);
        out.add(new IrcMessage(header.tags(), header.source(), "BATCH", List.of("+" + batchId, BATCH_TYPE, target)));
        Map<String, String> plain = Map.of("batch", batchId);
        Map<String, String> concat = orderedTags("batch", batchId, CONCAT_TAG, "");
        for (MultilineText.Line line : text.lines()) {
            out.add(new IrcMessage(
                    line.concat() ? concat : plain, header.source(), header.command(), List.of(target, line.text())));
        }
        out.add(new IrcMessage(Map.of(), header.source(), "BATCH", List.of("-" + batchId)));
        return out;
    }

    /** The message as separate lines, for a client without {@code draft/multiline}. */
    public static List<IrcMessage> asLines(IrcMessage header, MultilineText text) {
        String target = header.params().get(0);
        Map<String, String> later = new LinkedHashMap<>(header.tags());
        later.remove("msgid");
        List<IrcMessage> out = new ArrayList<>(text.lines().size());
        for (MultilineText.Line line : text.lines()) {
            if (!line.text().isEmpty()) {
                Map<String, String> tags = out.isEmpty() ? header.tags() : later;
                out.add(new IrcMessage(tags, header.source(), header.command(), List.of(target, line.text())));
            }
        }
        return out;
    }

    private static Map<String, String> orderedTags(String k1, String v1, String k2, String v2) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(k1, v1);
        tags.put(k2, v2);
        return tags;
    }
}
