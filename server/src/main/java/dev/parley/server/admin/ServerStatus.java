package dev.parley.server.admin;

import dev.parley.server.history.HistoryWriter;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * What the status page reads of the server as a whole; each supplier is cheap and thread-safe.
 *
 * @param connections open connections (IRC, TLS, WebSocket, not yet registered ones too)
 * @param users registered users
 * @param operators users with operator rights
 * @param rooms open rooms
 * @param history the history writer, or null when history is off
 * @param metrics the Prometheus text of every metric (the {@code /metrics} scrape)
 * @param reload what REHASH runs; blocking, says what it did
 */
public record ServerStatus(
        String serverName,
        String version,
        Instant startedAt,
        IntSupplier connections,
        IntSupplier users,
        IntSupplier operators,
        IntSupplier rooms,
        HistoryWriter history,
        Supplier<CompletionStage<String>> metrics,
        Supplier<String> reload) {}
