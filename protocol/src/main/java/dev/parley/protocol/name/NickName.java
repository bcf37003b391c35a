package dev.parley.protocol.name;

/**
 * Nickname syntax. A nick starts with a letter or one of {@code [\]^_`{|}}, goes on with those,
 * digits and '-', and is at most {@code maxLength} characters.
 */
public final class NickName {

    private NickName() {}

    public static boolean isValid(String nick, int maxLength) {
        if (nick == null || nick.isEmpty() || nick.length() > maxLength) {
            return false;
        }
        if (!isFirstChar(nick.charAt(0))) {
            return false;
        }
        for (int i = 1; i < nick.length(); i++) {
            char c = nick.charAt(i);
            if (!isFirstChar(c) && !(c >= '0' && c <= '9') && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isFirstChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || "[\\]^_`{|}".indexOf(c) >= 0;
    }
}
