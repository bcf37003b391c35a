package dev.parley.client.tui;

import java.util.Arrays;
import java.util.List;

/** The text after a command's name, as the user typed it: words, and "the rest" from a word on. */
public record CommandArgs(String text) {

    public CommandArgs {
        text = text == null ? "" : text.strip();
    }

    public List<String> words() {
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\\s+"));
    }

    public int count() {
        return words().size();
    }

    /** Word {@code index}, or null. */
    public String word(int index) {
        List<String> words = words();
        return index < words.size() ? words.get(index) : null;
    }

    /** Everything from word {@code index} on, spacing kept; "" when there is nothing. */
    public String rest(int index) {
        String remaining = text;
        for (int i = 0; i < index && !remaining.isEmpty(); i++) {
            int space = remaining.indexOf(' ');
            remaining = space < 0 ? "" : remaining.substring(space + 1).stripLeading();
        }
        return remaining;
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }
}
