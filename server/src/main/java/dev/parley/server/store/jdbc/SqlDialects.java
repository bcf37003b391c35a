package dev.parley.server.store.jdbc;

import java.util.List;

/**
 * The supported vendors, and the choice among them by JDBC URL. Apart from {@link SqlDialect} so
 * that the interface does not depend on its own implementations.
 */
final class SqlDialects {

    /** Every supported vendor, tried in order by {@link #forUrl}. */
    static final List<SqlDialect> KNOWN = List.of(new SqliteDialect(), new MariaDbDialect(), new PostgresDialect());

    private SqlDialects() {}

    /** The dialect for a JDBC URL; fails fast, naming the supported URL prefixes. */
    static SqlDialect forUrl(String jdbcUrl) {
        return KNOWN.stream()
                .filter(dialect -> dialect.serves(jdbcUrl))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unsupported database URL (supported: "
                        + KNOWN.stream().flatMap(d -> d.urlPrefixes().stream()).toList() + ")"));
    }
}
