package dev.parley.client.tui;

import dev.parley.protocol.name.CaseMapping;

/** Whether a message names us: our nick as a word of its own, in any case the server's mapping folds. */
final class Mentions {

    /** Characters that may be part of a nick: a mention is our nick not touching any of these. */
    private static final String NICK_PUNCTUATION = "-_[]{}\\|^`";

    private Mentions() {}

    static boolean mentions(String nick, String text, CaseMapping mapping) {
        if (nick == null || nick.isEmpty() || text == null) {
            return false;
        }
        String folded = mapping.fold(text);
        String wanted = mapping.fold(nick);
        for (int at = folded.indexOf(wanted); at >= 0; at = folded.indexOf(wanted, at + 1)) {
            if (!nickChar(folded, at - 1) && !nickChar(folded, at + wanted.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean nickChar(String text, int index) {
        if (index < 0 || index >= text.length()) {
            return false;
        }
        char c = text.charAt(index);
        return Character.isLetterOrDigit(c) || NICK_PUNCTUATION.indexOf(c) >= 0;
    }
}
