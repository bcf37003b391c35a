package dev.parley.server.cluster;

import dev.parley.protocol.IrcMessage;
import dev.parley.server.chat.MultilineText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A multi-line message as one line on the bus: no IRC parameter may hold a line break, so its
 * combined text travels in a server-internal tag (tag values escape line breaks), with where its
 * continuation lines start, and the receiving node rebuilds the message before fanning it out.
 */
final class MultilineOnBus {

    /** The combined text, lines joined by '\n'. Server-internal: never sent to a client. */
    static final String TEXT_TAG = "parley.dev/multiline-text";

    /** The line as members see it and its lines; {@code text} null for a message of one line. */
    record Unwrapped(IrcMessage line, MultilineText text) {}

    private MultilineOnBus() {}

    /** The line to publish: {@code line} itself, or for a multi-line message one without line breaks. */
    static IrcMessage wrap(IrcMessage line, MultilineText text) {
        if (text == null) {
            return line;
        }
        Map<String, String> tags = new LinkedHashMap<>(line.tags());
        tags.put(TEXT_TAG, text.combined());
        String concat = text.concatOffsets();
        if (!concat.isEmpty()) {
            tags.put(MultilineText.STORED_CONCAT_TAG, concat);
        }
        return new IrcMessage(
                tags, line.source(), line.command(), List.of(line.params().get(0), "-"));
    }

    /** The line as members see it, and the lines of a multi-line message (null for one line). */
    static Unwrapped unwrap(IrcMessage line) {
        String text = line.tag(TEXT_TAG);
        if (text == null) {
            return new Unwrapped(line, null);
        }
        String concat = line.tag(MultilineText.STORED_CONCAT_TAG);
        Map<String, String> tags = new LinkedHashMap<>(line.tags());
        tags.remove(TEXT_TAG);
        tags.remove(MultilineText.STORED_CONCAT_TAG);
        IrcMessage header = new IrcMessage(
                tags, line.source(), line.command(), List.of(line.params().get(0), text));
        return new Unwrapped(
                header,
                MultilineText.fromStored(
                        text, concat == null ? Map.of() : Map.of(MultilineText.STORED_CONCAT_TAG, concat)));
    }
}
