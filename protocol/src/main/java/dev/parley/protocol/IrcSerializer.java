package dev.parley.protocol;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Turns an {@link IrcMessage} into one line, without CR LF.
 *
 * <p>A message that cannot be written as one line that parses back to itself (a middle parameter
 * that is empty, holds a space or starts with ':'; NUL, CR or LF anywhere; a bad tag key) is a
 * programmer error and fails fast with {@link IllegalArgumentException}, rather than going out as a
 * line that means something else, or as two lines.
 */
public final class IrcSerializer {

    /** Room for a typical relayed line (tags, source, text) without growing. */
    private static final int LINE_CAPACITY = 256;

    private static final Predicate<String> ALL_TAGS = key -> true;
    /**
     * Each thread's builder for {@link #encodeLine}, reused: it is called for every line to every
     * capability variant, and a fresh 256-byte builder was its largest allocation.
     */
    private static final ThreadLocal<StringBuilder> LINE_BUILDER =
            ThreadLocal.withInitial(() -> new StringBuilder(LINE_CAPACITY));

    private static final int MAX_KEPT_CAPACITY = 4 * LINE_CAPACITY;

    private IrcSerializer() {}

    public static String serialize(IrcMessage message) {
        WireCheck.check(message);
        return write(message);
    }

    /**
     * The line as it goes to a connection: only the tags {@code keepTag} accepts, CR LF at the end,
     * encoded to UTF-8. Checked like {@link #serialize}.
     */
    public static byte[] encodeLine(IrcMessage message, Predicate<String> keepTag) {
        WireCheck.check(message);
        StringBuilder out = LINE_BUILDER.get();
        out.setLength(0);
        appendTags(out, message.tags(), keepTag);
        appendRest(out, message);
        out.append('\r').append('\n');
        byte[] line = out.toString().getBytes(StandardCharsets.UTF_8);
        if (out.capacity() > MAX_KEPT_CAPACITY) {
            LINE_BUILDER.remove(); // one huge line does not pin its buffer to the thread
        }
        return line;
    }

    /** The serialized tag section, {@code @a=b;c} without the trailing space, or "" when none. */
    public static String serializeTags(Map<String, String> tags) {
        WireCheck.checkTags(tags);
        StringBuilder out = new StringBuilder();
        appendTags(out, tags, ALL_TAGS);
        return out.isEmpty() ? "" : out.substring(0, out.length() - 1);
    }

    /** The line without checks, for {@link IrcMessage#toString()}, which must never throw. */
    static String write(IrcMessage message) {
        StringBuilder out = new StringBuilder(LINE_CAPACITY);
        appendTags(out, message.tags(), ALL_TAGS);
        appendRest(out, message);
        return out.toString();
    }

    private static void appendRest(StringBuilder out, IrcMessage message) {
        if (message.source() != null && !message.source().isEmpty()) {
            out.append(':').append(message.source()).append(' ');
        }
        out.append(message.command());
        appendParams(out, message.params());
    }

    private static void appendTags(StringBuilder out, Map<String, String> tags, Predicate<String> keepTag) {
        if (tags.isEmpty()) {
            return;
        }
        int start = out.length();
        tags.forEach((key, value) -> {
            if (keepTag.test(key)) {
                out.append(out.length() == start ? '@' : ';').append(key);
                if (value != null && !value.isEmpty()) {
                    out.append('=').append(TagValues.escape(value));
                }
            }
        });
        if (out.length() > start) {
            out.append(' ');
        }
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
