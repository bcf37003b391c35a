package dev.parley.server.config;

import java.time.Duration;

/**
 * Message history.
 *
 * @param enabled store messages at all (off: nothing is written, CHATHISTORY is not offered)
 * @param flushInterval the longest a message waits in the writer's queue before its batch commits
 * @param batchSize the most messages one batch commits
 * @param queueCapacity messages that may wait for the writer; past it they are refused and counted
 * @param maxPageSize the most messages one CHATHISTORY or HISTORY reply carries
 * @param defaultPageSize messages HISTORY replays when no count is given
 */
public record HistoryConfig(
        boolean enabled,
        Duration flushInterval,
        int batchSize,
        int queueCapacity,
        int maxPageSize,
        int defaultPageSize) {

    public static HistoryConfig defaults() {
        return new HistoryConfig(true, Duration.ofMillis(100), 500, 100_000, 1000, 50);
    }
}
