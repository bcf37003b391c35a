package dev.parley.testkit;

import java.util.ArrayList;
import java.util.List;

/** Every line sent and received, in order, so a failure can show what led up to it. */
final class Transcript {

    static final int TAIL_LINES = 30;

    private final List<String> lines = new ArrayList<>();

    void sent(String line) {
        lines.add("-> " + printable(line));
    }

    void received(String line) {
        lines.add("<- " + printable(line));
    }

    void note(String text) {
        lines.add("-- " + text);
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    /** The last {@value #TAIL_LINES} lines, one per row, for a failure message. */
    String tail() {
        List<String> tail = lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
        StringBuilder out = new StringBuilder("Last ")
                .append(tail.size())
                .append(" of ")
                .append(lines.size())
                .append(" lines (-> sent, <- received):");
        tail.forEach(line -> out.append("\n    ").append(line));
        return out.toString();
    }

    /** Control characters as {@code \xNN}, so a stray CR or NUL is visible in a failure. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }
}
