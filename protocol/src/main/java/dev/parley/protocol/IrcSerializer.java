package dev.parley.protocol;

import java.util.List;
import java.util.Map;

/**
 * Turns an {@link IrcMessage} into one line, without CR LF.
 *
 * <p>A message that cannot be written as one line that parses back to itself (a middle parameter
 * that is empty, holds a space or starts with ':'; NUL, CR or LF anywhere; a bad tag key) is a
 * programmer error and fails fast with {@link IllegalArgumentException}, rather than going out as a
 * line that means something else, or as two lines.
 */
public final class IrcSerializer {

    private IrcSerializer() {}

    public static String serialize(IrcMessage message) {
        WireCheck.check(message);
        return write(message);
    }

    /** The serialized tag section, {@code @a=b;c} without the trailing space, or "" when none. */
    public static String serializeTags(Map<String, String> tags) {
        WireCheck.checkTags(tags);
        StringBuilder out = new StringBuilder();
        appendTags(out, tags);
        return out.isEmpty() ? "" : out.substring(0, out.length() - 1);
    }

    /** The line without checks, for {@link IrcMessage#toString()}, which must never throw. */
    static String write(IrcMessage message) {
        StringBuilder out = new StringBuilder(64);
        appendTags(out, message.tags());
        if (message.source() != null && !message.source().isEmpty()) {
            out.append(':').append(message.source()).append(' ');
        }
        out.append(message.command());
        appendParams(out, message.params());
        return out.toString();
    }

    private static void appendTags(StringBuilder out, Map<String, String> tags) {
        if (tags.isEmpty()) {
            return;
        }
        out.append('@');
        boolean first = true;
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            if (!first) {
                out.append(';');
            }
            first = false;
            out.append(tag.getKey());
            if (tag.getValue() != null && !tag.getValue().isEmpty()) {
                out.append('=').append(TagValues.escape(tag.getValue()));
            }
        }
        out.append(' ');
    }

    private static void appendParams(StringBuilder out, List<String> params) {
        int last = params.size() - 1;
        for (int i = 0; i <= last; i++) {
            String param = params.get(i);
            out.append(' ');
            if (i == last && needsTrailing(param)) {
                out.append(':');
            }
            out.append(param);
        }
    }

    /**
     * Whether {@code param} can only be written as the last (trailing) parameter: it is empty,
     * holds a space or starts with ':'.
     */
    public static boolean needsTrailing(String param) {
        return param.isEmpty() || param.charAt(0) == ':' || param.indexOf(' ') >= 0;
    }
}
