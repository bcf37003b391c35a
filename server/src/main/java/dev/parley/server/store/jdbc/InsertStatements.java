package dev.parley.server.store.jdbc;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The plain {@code INSERT INTO t (a, b) VALUES (?, ?)} each dialect builds on, and the standard
 * {@code ON CONFLICT} forms SQLite and PostgreSQL share.
 */
final class InsertStatements {

    private InsertStatements() {}

    static String insertOrNothing(String table, List<String> columns) {
        return insert(table, columns) + " ON CONFLICT DO NOTHING";
    }

    static String insertOrUpdate(String table, List<String> columns, String keyColumn) {
        String updates = columns.stream()
                .filter(column -> !column.equals(keyColumn))
                .map(column -> column + " = excluded." + column)
                .collect(Collectors.joining(", "));
        return insert(table, columns) + " ON CONFLICT (" + keyColumn + ") DO UPDATE SET " + updates;
    }

    static String insert(String table, List<String> columns) {
        String placeholders = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + placeholders + ")";
    }
}
