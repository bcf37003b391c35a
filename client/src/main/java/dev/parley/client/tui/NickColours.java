package dev.parley.client.tui;

import org.jline.utils.AttributedStyle;

/** Each nick its own colour, the same on every line and every run (from its letters, not its order of arrival). */
final class NickColours {

    private static final int[] PALETTE = {
        AttributedStyle.RED, AttributedStyle.GREEN, AttributedStyle.YELLOW,
        AttributedStyle.BLUE, AttributedStyle.MAGENTA, AttributedStyle.CYAN
    };

    private NickColours() {}

    /** {@code base} with the nick's foreground colour. */
    static AttributedStyle of(String nick, AttributedStyle base) {
        return base.foreground(PALETTE[index(nick)]).bold();
    }

    /** Which palette colour a nick gets: a hash of its lower-cased letters. */
    static int index(String nick) {
        int hash = 0;
        for (char c : nick.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            hash = 31 * hash + c;
        }
        return Math.floorMod(hash, PALETTE.length);
    }
}
