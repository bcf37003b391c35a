package dev.parley.server.store.jdbc;

import java.util.regex.Pattern;

/** A value as one word of a POSIX shell command, so a printed command can be pasted as it is. */
final class ShellWord {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private ShellWord() {}

    static String of(String value) {
        if (PLAIN.matcher(value).matches()) {
            return value;
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
