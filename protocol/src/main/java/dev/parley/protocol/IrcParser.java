package dev.parley.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses one IRC line (without its CR LF) into an {@link IrcMessage}, following the Modern IRC
 * client protocol and IRCv3 message-tags. Bad input is a {@link ParseResult.Malformed} value, never
 * an exception.
 */
public final class IrcParser {

    private IrcParser() {}

    public static ParseResult parse(String line) {
        if (line == null) {
            return new ParseResult.Malformed("no line", null);
        }
        int pos = 0;
        int len = line.length();
        Map<String, String> tags = Map.of();
        if (pos < len && line.charAt(pos) == '@') {
            int end = line.indexOf(' ', pos);
            if (end < 0) {
                return new ParseResult.Malformed("tags without a command", null);
            }
            tags = parseTags(line.substring(pos + 1, end));
            pos = skipSpaces(line, end);
        }
        String source = null;
        if (pos < len && line.charAt(pos) == ':') {
            int end = line.indexOf(' ', pos);
            if (end < 0) {
                return new ParseResult.Malformed("source without a command", null);
            }
            source = line.substring(pos + 1, end);
            pos = skipSpaces(line, end);
        }
        int commandEnd = line.indexOf(' ', pos);
        if (commandEnd < 0) {
            commandEnd = len;
        }
        String command = line.substring(pos, commandEnd);
        if (command.isEmpty()) {
            return new ParseResult.Malformed("no command", null);
        }
        if (hasLineBreakOrNul(line)) {
            return new ParseResult.Malformed("NUL, CR or LF inside the line", isValidCommand(command) ? command : null);
        }
        if (!isValidCommand(command)) {
            return new ParseResult.InvalidCommand(command, tags);
        }
        List<String> params = parseParams(line, skipSpaces(line, commandEnd));
        return new ParseResult.Parsed(new IrcMessage(tags, source, command, params));
    }

    private static List<String> parseParams(String line, int start) {
        List<String> params = new ArrayList<>();
        int pos = start;
        int len = line.length();
        while (pos < len) {
            if (line.charAt(pos) == ':') {
                params.add(line.substring(pos + 1));
                break;
            }
            int end = line.indexOf(' ', pos);
            if (end < 0) {
                end = len;
            }
            params.add(line.substring(pos, end));
            pos = skipSpaces(line, end);
        }
        return params;
    }

    private static Map<String, String> parseTags(String raw) {
        Tags.Builder tags = Tags.builder();
        for (String item : raw.split(";")) {
            if (item.isEmpty()) {
                continue;
            }
            int eq = item.indexOf('=');
            String key = eq < 0 ? item : item.substring(0, eq);
            String value = eq < 0 ? "" : TagValues.unescape(item.substring(eq + 1));
            if (!key.isEmpty()) {
                tags.put(key, value);
            }
        }
        return tags.build();
    }

    private static int skipSpaces(String line, int from) {
        int pos = from;
        while (pos < line.length() && line.charAt(pos) == ' ') {
            pos++;
        }
        return pos;
    }

    /**
     * NUL, CR and LF may not appear inside a message (Modern IRC). A bare CR that reached us would,
     * relayed to other clients, end the line early for some of them and let the sender inject a
     * second line, so such a line is refused rather than passed on.
     */
    private static boolean hasLineBreakOrNul(String line) {
        return line.indexOf('\0') >= 0 || line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0;
    }

    private static boolean isValidCommand(String command) {
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
