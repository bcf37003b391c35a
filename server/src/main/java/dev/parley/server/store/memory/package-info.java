/**
 * Heap implementations of the storage ports with the same semantics as {@code store.jdbc} (the same
 * contract tests run against both): for unit tests and for running without persistence. Thread-safe;
 * nothing survives a restart.
 *
 * <p>Depends on {@code store} and the protocol's case mapping only: never on JDBC, chat, command,
 * session, history or transport.
 */
package dev.parley.server.store.memory;
