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
 * @param durability when a message is delivered relative to its commit
 * @param spillMaxBytes the most the spill file holds while the database is away
 * @param retentionMaxAge messages older than this are deleted; zero keeps them forever
 * @param retentionMaxMessages each conversation keeps at most this many newest messages; 0: no limit
 * @param retentionInterval how often retention runs
 * @param commitTimeout the longest the writer waits for one batch's commit before it puts the batch
 *     in the spill file and treats the database as unavailable: a hung or slow-failing database
 *     then costs at most this much on top of {@code flushInterval}
 * @param search the SEARCH command's limits
 */
public record HistoryConfig(
        boolean enabled,
        Duration flushInterval,
        int batchSize,
        int queueCapacity,
        int maxPageSize,
        int defaultPageSize,
        Durability durability,
        long spillMaxBytes,
        Duration retentionMaxAge,
        int retentionMaxMessages,
        Duration retentionInterval,
        Duration commitTimeout,
        SearchConfig search) {

    /** The default {@code commitTimeout}. */
    public static final Duration DEFAULT_COMMIT_TIMEOUT = Duration.ofMillis(100);

    /** With the default search limits. */
    public HistoryConfig(
            boolean enabled,
            Duration flushInterval,
            int batchSize,
            int queueCapacity,
            int maxPageSize,
            int defaultPageSize,
            Durability durability,
            long spillMaxBytes,
            Duration retentionMaxAge,
            int retentionMaxMessages,
            Duration retentionInterval,
            Duration commitTimeout) {
        this(
                enabled,
                flushInterval,
                batchSize,
                queueCapacity,
                maxPageSize,
                defaultPageSize,
                durability,
                spillMaxBytes,
                retentionMaxAge,
                retentionMaxMessages,
                retentionInterval,
                commitTimeout,
                SearchConfig.defaults());
    }

    /** With the default commit timeout. */
    public HistoryConfig(
            boolean enabled,
            Duration flushInterval,
            int batchSize,
            int queueCapacity,
            int maxPageSize,
            int defaultPageSize,
            Durability durability,
            long spillMaxBytes,
            Duration retentionMaxAge,
            int retentionMaxMessages,
            Duration retentionInterval) {
        this(
                enabled,
                flushInterval,
                batchSize,
                queueCapacity,
                maxPageSize,
                defaultPageSize,
                durability,
                spillMaxBytes,
                retentionMaxAge,
                retentionMaxMessages,
                retentionInterval,
                DEFAULT_COMMIT_TIMEOUT);
    }

    /** When a message is delivered, relative to its commit. */
    public enum Durability {
        /** Delivered at once, committed within flush-interval: a crash loses at most that interval. */
        INTERVAL,
        /** Delivered only once committed (or forced to the spill file): nothing delivered is ever lost. */
        SYNC
    }

    public static HistoryConfig defaults() {
        return new HistoryConfig(
                true,
                Duration.ofMillis(100),
                500,
                100_000,
                1000,
                50,
                Durability.INTERVAL,
                1L << 30,
                Duration.ZERO,
                0,
                Duration.ofMinutes(1),
                DEFAULT_COMMIT_TIMEOUT,
                SearchConfig.defaults());
    }

    /** This configuration with other SEARCH settings. */
    public HistoryConfig withSearch(SearchConfig value) {
        return new HistoryConfig(
                enabled,
                flushInterval,
                batchSize,
                queueCapacity,
                maxPageSize,
                defaultPageSize,
                durability,
                spillMaxBytes,
                retentionMaxAge,
                retentionMaxMessages,
                retentionInterval,
                commitTimeout,
                value);
    }

    public boolean retains() {
        return !retentionMaxAge.isZero() || retentionMaxMessages > 0;
    }
}
