package dev.parley.protocol;

/** Escaping of IRCv3 tag values ({@code \:} for ';', {@code \s} for space, and so on). */
public final class TagValues {

    private TagValues() {}

    public static String escape(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String replacement = switch (c) {
                case ';' -> "\\:";
                case ' ' -> "\\s";
                case '\\' -> "\\\\";
                case '\r' -> "\\r";
                case '\n' -> "\\n";
                default -> null;
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(value.length() + 8).append(value, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? value : out.toString();
    }

    public static String unescape(String value) {
        if (value.indexOf('\\') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (i + 1 == value.length()) {
                break; // a trailing lone backslash is dropped
            }
            char next = value.charAt(++i);
            switch (next) {
                case ':' -> out.append(';');
                case 's' -> out.append(' ');
                case 'r' -> out.append('\r');
                case 'n' -> out.append('\n');
                default -> out.append(next);
            }
        }
        return out.toString();
    }
}
