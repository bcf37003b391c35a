package dev.parley.server.chat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A multi-line message ({@code draft/multiline}) as its sender composed it: lines, each either a new
 * line or a continuation of the one before ({@code draft/multiline-concat}, for a line too long for
 * one IRC line). Its {@link #combined() combined} text joins them with line feeds (continuations
 * with nothing), which is what history stores and searches; where the continuations were is kept
 * beside it ({@link #concatOffsets()}), so a replay splits the message as its sender did.
 */
public final class MultilineText {

    /**
     * The stored tag that keeps where continuation lines start in the combined text (character
     * offsets, comma-separated). Server-internal: never sent to a client.
     */
    public static final String STORED_CONCAT_TAG = "parley.dev/multiline-concat";

    /** One line of the message; {@code concat}: it continues the line before it. */
    public record Line(String text, boolean concat) {}

    private final List<Line> lines;

    private MultilineText(List<Line> lines) {
        this.lines = List.copyOf(lines);
    }

    /** The lines as sent; a continuation flag on the first line means nothing and is dropped. */
    public static MultilineText of(List<Line> lines) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a multi-line message has at least one line");
        }
        if (lines.get(0).concat()) {
            List<Line> fixed = new ArrayList<>(lines);
            fixed.set(0, new Line(lines.get(0).text(), false));
            return new MultilineText(fixed);
        }
        return new MultilineText(lines);
    }

    /**
     * The message as history stored it: its combined text and, when it had continuations, the
     * {@link #STORED_CONCAT_TAG} among its stored tags; null for a message of one plain line.
     */
    public static MultilineText fromStored(String text, Map<String, String> storedTags) {
        String offsets = storedTags.get(STORED_CONCAT_TAG);
        if (text.indexOf('\n') < 0 && offsets == null) {
            return null;
        }
        int[] starts = offsets(offsets, text.length());
        List<Line> lines = new ArrayList<>();
        int lineStart = 0;
        boolean concat = false;
        int next = 0;
        for (int i = 0; i < text.length(); i++) {
            while (next < starts.length && starts[next] == i) {
                lines.add(new Line(text.substring(lineStart, i), concat));
                lineStart = i;
                concat = true;
                next++;
            }
            if (text.charAt(i) == '\n') {
                lines.add(new Line(text.substring(lineStart, i), concat));
                lineStart = i + 1;
                concat = false;
            }
        }
        lines.add(new Line(text.substring(lineStart), concat));
        return of(lines);
    }

    /** The stored offsets, ascending and within the text; a damaged value counts as none. */
    private static int[] offsets(String stored, int length) {
        if (stored == null || stored.isEmpty()) {
            return new int[0];
        }
        try {
            return Arrays.stream(stored.split(","))
                    .mapToInt(Integer::parseInt)
                    .filter(offset -> offset >= 0 && offset < length)
                    .sorted()
                    .distinct()
                    .toArray();
        } catch (NumberFormatException damaged) {
            return new int[0];
        }
    }

    public List<Line> lines() {
        return lines;
    }

    /** The lines joined: a line feed before each new line, nothing before a continuation. */
    public String combined() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (i > 0 && !line.concat()) {
                text.append('\n');
            }
            text.append(line.text());
        }
        return text.toString();
    }

    /** Where continuation lines start in {@link #combined()}, comma-separated; "" when none. */
    public String concatOffsets() {
        StringBuilder offsets = new StringBuilder();
        int length = 0;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (i > 0 && !line.concat()) {
                length++;
            }
            if (line.concat()) {
                offsets.append(offsets.isEmpty() ? "" : ",").append(length);
            }
            length += line.text().length();
        }
        return offsets.toString();
    }

    /** Whether every line is blank (a client must not send such a message). */
    public boolean isBlank() {
        return lines.stream().allMatch(line -> line.text().isEmpty());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MultilineText that && lines.equals(that.lines);
    }

    @Override
    public int hashCode() {
        return lines.hashCode();
    }

    @Override
    public String toString() {
        return lines.toString();
    }
}
