package dev.parley.server.session;

import dev.parley.server.chat.MultilineText;
import dev.parley.server.config.MultilineConfig;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A multi-line message a client is sending: the {@code draft/multiline} batch it opened, its lines
 * collected until it closes the batch. The limits are checked as each line arrives, so an oversized
 * message is refused at once rather than after it has all been read.
 */
public final class MultilineDraft {

    /** Why the message is refused: a {@code FAIL BATCH} code, its context and a description. */
    public record Failure(String code, List<String> context, String description) {}

    private final String reference;
    private final String target;
    private final Map<String, String> tags;
    private final String label;
    private final MultilineConfig limits;
    private final List<MultilineText.Line> lines = new ArrayList<>();
    private int bytes;

    /**
     * @param tags the tags of the opening BATCH line: the message's client-only tags
     * @param label the opening line's label, which the reply to the whole message carries
     */
    public MultilineDraft(
            String reference, String target, Map<String, String> tags, String label, MultilineConfig limits) {
        this.reference = reference;
        this.target = target;
        this.tags = tags;
        this.label = label;
        this.limits = limits;
    }

    public String reference() {
        return reference;
    }

    public String target() {
        return target;
    }

    public Map<String, String> tags() {
        return tags;
    }

    public String label() {
        return label;
    }

    /** Adds a line ({@code PRIVMSG target :text} inside the batch); a failure ends the message. */
    public Failure add(String verb, String lineTarget, String text, boolean concat) {
        if (!verb.equals("PRIVMSG")) {
            return invalid("Only PRIVMSG lines may be sent in a multi-line message, not " + verb);
        }
        if (lineTarget == null || !lineTarget.equalsIgnoreCase(target)) {
            return new Failure(
                    "MULTILINE_INVALID_TARGET",
                    List.of(target, lineTarget == null ? "*" : lineTarget),
                    "Every line of a multi-line message must go to its batch's target");
        }
        String line = text == null ? "" : text;
        if (concat && line.isEmpty()) {
            return invalid("A continuation line (draft/multiline-concat) may not be blank");
        }
        if (lines.size() == limits.maxLines()) {
            return new Failure(
                    "MULTILINE_MAX_LINES",
                    List.of(Integer.toString(limits.maxLines())),
                    "A multi-line message may have at most " + limits.maxLines() + " lines");
        }
        int added = line.getBytes(StandardCharsets.UTF_8).length + (lines.isEmpty() || concat ? 0 : 1);
        if (bytes + added > limits.maxBytes()) {
            return new Failure(
                    "MULTILINE_MAX_BYTES",
                    List.of(Integer.toString(limits.maxBytes())),
                    "A multi-line message may have at most " + limits.maxBytes() + " bytes");
        }
        bytes += added;
        lines.add(new MultilineText.Line(line, concat));
        return null;
    }

    /** The message once the batch is closed, or why it is refused. */
    public Failure problem() {
        if (lines.isEmpty() || lines.stream().allMatch(line -> line.text().isEmpty())) {
            return invalid("A multi-line message needs a line that is not blank");
        }
        return null;
    }

    /** The collected lines; call once {@link #problem()} found none. */
    public MultilineText text() {
        return MultilineText.of(lines);
    }

    private static Failure invalid(String description) {
        return new Failure("MULTILINE_INVALID", List.of(), description);
    }
}
