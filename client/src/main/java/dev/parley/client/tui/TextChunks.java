package dev.parley.client.tui;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts text that would not fit in one IRC line into pieces of at most {@code maxBytes} UTF-8 bytes,
 * at a space when there is one, never inside a character (emoji stay whole).
 */
public final class TextChunks {

    private TextChunks() {}

    public static List<String> split(String text, int maxBytes) {
        List<String> chunks = new ArrayList<>();
        String rest = text;
        while (utf8Length(rest) > maxBytes) {
            int cut = fittingPrefix(rest, maxBytes);
            int space = rest.lastIndexOf(' ', cut);
            int end = space > cut / 2 ? space : cut;
            chunks.add(rest.substring(0, end));
            rest = rest.substring(end).stripLeading();
        }
        if (!rest.isEmpty() || chunks.isEmpty()) {
            chunks.add(rest);
        }
        return chunks;
    }

    /** The length in chars of the longest prefix, whole code points only, that fits in {@code maxBytes}. */
    private static int fittingPrefix(String text, int maxBytes) {
        int bytes = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int size = utf8Length(new String(Character.toChars(cp)));
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            i += Character.charCount(cp);
        }
        return Math.max(i, Character.charCount(text.codePointAt(0)));
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
