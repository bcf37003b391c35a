package dev.parley.client.tui;

import dev.parley.client.core.ClientState;
import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.TagValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code /search words [in #room|nick] [from nick]} asks for, and the {@code SEARCH} line
 * ({@code soju.im/search}) that asks it. {@code in} and {@code from} count as options only as the
 * last two-word pairs typed, so "in" and "from" may still be searched for as words before them.
 *
 * @param words the words every result must hold ("" for none)
 * @param in a room (wire name) or the nick of a private conversation; null for everywhere
 * @param from a sender's nick; null for anyone
 * @param typed the arguments as typed, to name the search in its answer
 */
public record SearchRequest(String words, String in, String from, String typed) {

    /** The request typed; empty when nothing would be searched for. */
    public static Optional<SearchRequest> parse(CommandArgs args, ClientState state) {
        List<String> words = new ArrayList<>(args.words());
        String in = null;
        String from = null;
        while (words.size() >= 2) {
            String option = words.get(words.size() - 2);
            String value = words.get(words.size() - 1);
            if (option.equalsIgnoreCase("in") && in == null) {
                in = RoomNames.conversation(value, state);
            } else if (option.equalsIgnoreCase("from") && from == null) {
                from = value;
            } else {
                break;
            }
            words.subList(words.size() - 2, words.size()).clear();
        }
        String text = String.join(" ", words);
        if (text.isEmpty() && in == null && from == null) {
            return Optional.empty();
        }
        return Optional.of(new SearchRequest(text, in, from, args.text()));
    }

    /** {@code SEARCH text=..;in=..;from=..}, values in message-tag escaping. */
    public IrcMessage toMessage() {
        List<String> attributes = new ArrayList<>();
        if (!words.isEmpty()) {
            attributes.add("text=" + TagValues.escape(words));
        }
        if (in != null) {
            attributes.add("in=" + TagValues.escape(in));
        }
        if (from != null) {
            attributes.add("from=" + TagValues.escape(from));
        }
        return IrcMessage.of("SEARCH", String.join(";", attributes));
    }

    /** What the answer calls this search: the words, or what was typed when there are none. */
    public String name() {
        return words.isEmpty() ? typed : words;
    }
}
