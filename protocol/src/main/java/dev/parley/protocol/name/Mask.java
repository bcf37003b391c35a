package dev.parley.protocol.name;

/**
 * A ban-style wildcard mask: {@code *} matches any run of characters, {@code ?} exactly one.
 * Matching folds case with the given {@link CaseMapping}.
 */
public final class Mask {

    private final String pattern;
    private final CaseMapping caseMapping;

    private Mask(String pattern, CaseMapping caseMapping) {
        this.pattern = caseMapping.fold(pattern);
        this.caseMapping = caseMapping;
    }

    public static Mask of(String pattern, CaseMapping caseMapping) {
        return new Mask(pattern, caseMapping);
    }

    /**
     * Makes a full {@code nick!user@host} mask from what a user typed: a bare nick {@code bob}
     * becomes {@code bob!*@*}, {@code *@host} becomes {@code *!*@host}.
     */
    public static String normalize(String typed) {
        String mask = typed;
        if (mask.indexOf('!') < 0 && mask.indexOf('@') < 0) {
            return mask + "!*@*";
        }
        if (mask.indexOf('!') < 0) {
            mask = "*!" + mask;
        }
        if (mask.indexOf('@') < 0) {
            mask = mask + "@*";
        }
        return mask;
    }

    public boolean matches(String text) {
        return matches(pattern, 0, caseMapping.fold(text), 0);
    }

    @Override
    public String toString() {
        return pattern;
    }

    private static boolean matches(String p, int pi, String t, int ti) {
        int star = -1;
        int mark = 0;
        while (ti < t.length()) {
            // '*' first: a literal '*' in the text must not consume the pattern's wildcard.
            if (pi < p.length() && p.charAt(pi) == '*') {
                star = pi++;
                mark = ti;
            } else if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == t.charAt(ti))) {
                pi++;
                ti++;
            } else if (star >= 0) {
                pi = star + 1;
                ti = ++mark;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }
}
