/**
 * History: the writer (bounded queue, one thread, group commit) that implements {@code
 * chat.MessageSink}, and the reader ({@link dev.parley.server.history.History}) that runs queries on
 * a small pool off the event loops. Uses {@code store} ports, never JDBC directly.
 */
package dev.parley.server.history;
