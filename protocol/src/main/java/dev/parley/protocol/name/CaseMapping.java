package dev.parley.protocol.name;

/**
 * How nicks and room names compare. Parley advertises {@code CASEMAPPING=rfc1459}: ASCII letters
 * fold to lower case and {@code []\~} fold to {@code {}|^}.
 */
public enum CaseMapping {
    ASCII("ascii"),
    RFC1459("rfc1459");

    private final String token;

    CaseMapping(String token) {
        this.token = token;
    }

    /** The ISUPPORT token value. */
    public String token() {
        return token;
    }

    /** The folded form, used as the key of every nick and room map. */
    public String fold(String name) {
        char[] chars = null;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            char folded = foldChar(c);
            if (folded != c) {
                if (chars == null) {
                    chars = name.toCharArray();
                }
                chars[i] = folded;
            }
        }
        return chars == null ? name : new String(chars);
    }

    public boolean equal(String a, String b) {
        return a.length() == b.length() && fold(a).equals(fold(b));
    }

    private char foldChar(char c) {
        if (c >= 'A' && c <= 'Z') {
            return (char) (c + ('a' - 'A'));
        }
        if (this == RFC1459) {
            switch (c) {
                case '[':
                    return '{';
                case ']':
                    return '}';
                case '\\':
                    return '|';
                case '~':
                    return '^';
                default:
                    return c;
            }
        }
        return c;
    }
}
