package dev.parley.server.history;

import java.time.Duration;

/**
 * When the writer next tries a database that failed: {@code first} after the failure, doubling per
 * failed try up to {@code max}. Used by the writer thread only.
 */
final class Backoff {

    private final Duration first;
    private final Duration max;
    private Duration delay;
    private long dueNanos;

    Backoff(Duration first, Duration max) {
        this.first = first;
        this.max = max;
        this.delay = first;
    }

    /** The database just failed for the first time: try again after the first delay. */
    void restart() {
        delay = first;
        dueNanos = System.nanoTime() + delay.toNanos();
    }

    /** A try failed: wait twice as long as last time, at most {@code max}. */
    void failedAgain() {
        delay = delay.multipliedBy(2).compareTo(max) <= 0 ? delay.multipliedBy(2) : max;
        dueNanos = System.nanoTime() + delay.toNanos();
    }

    /** Try again at once (more is waiting and the database answered). */
    void now() {
        dueNanos = System.nanoTime();
    }

    boolean due() {
        return System.nanoTime() - dueNanos >= 0;
    }

    /** How long until the next try, at least a millisecond. */
    Duration untilDue() {
        return Duration.ofNanos(Math.max(1_000_000, dueNanos - System.nanoTime()));
    }
}
