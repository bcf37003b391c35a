/**
 * The SQL implementation of the storage ports: {@link dev.parley.server.store.jdbc.JdbcStorage}
 * opens a HikariCP pool, migrates the schema with Flyway from {@code db/migration/<vendor>}, and
 * hands out the stores. Everything that differs between vendors stays in one {@link
 * dev.parley.server.store.jdbc.SqlDialect} per vendor and its migration folder; nothing outside this
 * package sees SQL, JDBC types or the vendor. Every method blocks, so callers run it on the history
 * writer or a blocking pool, never an event loop.
 *
 * <p>Depends on {@code store}, {@code config} and the protocol's case mapping only: never on chat,
 * command, session, history or transport.
 */
package dev.parley.server.store.jdbc;
