package dev.parley.protocol;

import java.util.List;
import java.util.Map;

/**
 * The checks {@link IrcSerializer} makes before writing: each part of the message must be writable
 * so that the line parses back to the same message, and no part may smuggle in a line break.
 */
final class WireCheck {

    private WireCheck() {}

    static void check(IrcMessage message) {
        checkTags(message.tags());
        if (message.source() != null) {
            requireWord(message.source(), "source", message);
        }
        if (message.command().isEmpty()) {
            throw problem("the command is empty", message);
        }
        requireWord(message.command(), "command", message);
        checkParams(message.params(), message);
    }

    static void checkTags(Map<String, String> tags) {
        tags.forEach((key, value) -> {
            if (key.isEmpty() || hasBadTagKeyChar(key)) {
                throw new IllegalArgumentException("tag key " + quoted(key) + " cannot be written");
            }
            if (value != null && value.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("tag " + key + " has a NUL in its value");
            }
        });
    }

    private static void checkParams(List<String> params, IrcMessage message) {
        int last = params.size() - 1;
        for (int i = 0; i <= last; i++) {
            String param = params.get(i);
            if (hasNulCrOrLf(param)) {
                throw problem("parameter " + i + " holds NUL, CR or LF", message);
            }
            if (i < last && IrcSerializer.needsTrailing(param)) {
                throw problem(
                        "parameter " + i + " is not last but is empty, holds a space or starts with ':'", message);
            }
        }
    }

    private static void requireWord(String part, String what, IrcMessage message) {
        if (part.indexOf(' ') >= 0 || hasNulCrOrLf(part)) {
            throw problem("the " + what + " holds a space, NUL, CR or LF", message);
        }
    }

    /**
     * The check every parameter of every line passes through: {@code String.indexOf(char)} is a
     * vectorized intrinsic, so three scans beat one loop of {@code charAt}.
     */
    private static boolean hasNulCrOrLf(String text) {
        return text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('\0') >= 0;
    }

    /** A tag key may not hold {@code =}, {@code ;}, a space, NUL, CR or LF: one pass, as keys are short. */
    private static boolean hasBadTagKeyChar(String key) {
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c <= '=' && (c == '=' || c == ';' || c == ' ' || c == '\0' || c == '\r' || c == '\n')) {
                return true;
            }
        }
        return false;
    }

    private static IllegalArgumentException problem(String what, IrcMessage message) {
        return new IllegalArgumentException("cannot serialize " + quoted(IrcSerializer.write(message)) + ": " + what);
    }

    private static String quoted(String text) {
        return '"' + text.replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0") + '"';
    }
}
