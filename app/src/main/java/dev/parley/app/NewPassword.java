package dev.parley.app;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads a password a user is choosing, for {@code parley accounts} and {@code parley hash-password}:
 * at a terminal asked twice without echo, so a typo is caught before it is stored; from a script,
 * the first line of a stream. Each says why on {@code err} and returns empty when there is none.
 */
final class NewPassword {

    private NewPassword() {}

    /** Asks twice at the terminal; empty (and the reason on {@code err}) when they differ or none was typed. */
    static Optional<String> askTwice(Console console, PrintWriter err) {
        char[] first = console.readPassword("New password: ");
        char[] again = console.readPassword("Again: ");
        try {
            if (first == null || again == null || !Arrays.equals(first, again)) {
                return refuse(err, "The passwords differ; nothing changed");
            }
            if (first.length == 0) {
                return refuse(err, "No password given");
            }
            return Optional.of(new String(first));
        } finally {
            if (first != null) {
                Arrays.fill(first, '\0');
            }
            if (again != null) {
                Arrays.fill(again, '\0');
            }
        }
    }

    /** The first line of {@code in}, without its line break; empty (and why on {@code err}) when there is none. */
    static Optional<String> firstLine(InputStream in, PrintWriter err) throws IOException {
        String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        if (line == null || line.isEmpty()) {
            return refuse(err, "No password given");
        }
        return Optional.of(line);
    }

    private static Optional<String> refuse(PrintWriter err, String reason) {
        err.println(reason);
        err.flush();
        return Optional.empty();
    }
}
