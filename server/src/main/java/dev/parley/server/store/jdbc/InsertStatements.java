package dev.parley.server.store.jdbc;

import java.util.List;
import java.util.stream.Collectors;

/** The plain {@code INSERT INTO t (a, b) VALUES (?, ?)} each dialect builds on. */
final class InsertStatements {

    private InsertStatements() {}

    static String insert(String table, List<String> columns) {
        String placeholders = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + placeholders + ")";
    }
}
