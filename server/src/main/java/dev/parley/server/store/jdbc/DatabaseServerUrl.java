package dev.parley.server.store.jdbc;

import dev.parley.server.config.StorageConfig;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a database server is, read from its JDBC URL ({@code jdbc:mariadb://db:3306/parley?user=p},
 * {@code jdbc:postgresql://[::1]/parley}, {@code jdbc:postgresql:parley}), for the dump command an
 * operator runs against it. Of several hosts, the first. The URL's password is never read.
 *
 * @param host the host, {@code localhost} when the URL names none
 * @param port the port, the vendor's default when the URL names none
 * @param database the database name, empty when the URL names none
 * @param user {@code storage.database-user}, else the URL's {@code user} parameter, if any
 */
record DatabaseServerUrl(String host, int port, Optional<String> database, Optional<String> user) {

    private static final Pattern USER = Pattern.compile("[?&;]user=([^&;]*)");

    static DatabaseServerUrl parse(StorageConfig storage, int defaultPort) {
        String url = storage.effectiveDatabaseUrl();
        String rest = url.substring(url.indexOf(':', "jdbc:".length()) + 1);
        int end = firstOf(rest, "?;");
        String location = rest.substring(0, end);
        String host = "localhost";
        int port = defaultPort;
        String database = location;
        if (location.startsWith("//")) {
            int slash = location.indexOf('/', 2);
            String authority = location.substring(2, slash < 0 ? location.length() : slash);
            database = slash < 0 ? "" : location.substring(slash + 1);
            String first = authority.split(",", -1)[0];
            int colon = first.lastIndexOf(':');
            boolean hasPort = colon > first.lastIndexOf(']');
            host = hasPort ? first.substring(0, colon) : first;
            port = hasPort ? portOr(first.substring(colon + 1), defaultPort) : defaultPort;
            host = host.isEmpty() ? "localhost" : host.replace("[", "").replace("]", "");
        }
        return new DatabaseServerUrl(
                host,
                port,
                Optional.of(database).filter(d -> !d.isEmpty()),
                storage.databaseUser().or(() -> parameter(USER, rest.substring(end))));
    }

    private static int portOr(String text, int fallback) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return fallback; // the driver would refuse such a URL; the command shows the default
        }
    }

    private static int firstOf(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }

    private static Optional<String> parameter(Pattern pattern, String query) {
        Matcher m = pattern.matcher(query);
        return m.find() && !m.group(1).isEmpty() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
