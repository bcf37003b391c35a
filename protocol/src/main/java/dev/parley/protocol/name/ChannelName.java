package dev.parley.protocol.name;

/**
 * Room (channel) name syntax on the wire: a '#' prefix, then at least one character that is not a
 * space, comma, BEL, NUL, CR, LF or ':' , at most {@code maxLength} characters in all.
 */
public final class ChannelName {

    /** The channel prefixes Parley supports (ISUPPORT CHANTYPES). */
    public static final String PREFIXES = "#";

    private ChannelName() {}

    /** Whether {@code target} names a room rather than a nick (it starts with a room prefix). */
    public static boolean looksLikeRoom(String target) {
        return target != null && !target.isEmpty() && PREFIXES.indexOf(target.charAt(0)) >= 0;
    }

    public static boolean isValid(String name, int maxLength) {
        if (!looksLikeRoom(name) || name.length() < 2 || name.length() > maxLength) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == ' ' || c == ',' || c == 7 || c == 0 || c == '\r' || c == '\n' || c == ':') {
                return false;
            }
            if (Character.isISOControl(c)) {
                return false;
            }
        }
        return true;
    }
}
