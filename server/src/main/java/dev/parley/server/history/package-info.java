/**
 * History: the writer (bounded queue, one thread, group commit) that implements {@code
 * chat.MessageSink}, the reader ({@link dev.parley.server.history.History}) that runs queries on a
 * small pool off the event loops, and what CHATHISTORY, HISTORY and REDACT share: who may read which
 * conversation ({@link dev.parley.server.history.HistoryRequest}) and how stored messages are
 * replayed ({@link dev.parley.server.history.HistoryReplies}). Uses {@code store} ports, never JDBC
 * directly.
 */
package dev.parley.server.history;
