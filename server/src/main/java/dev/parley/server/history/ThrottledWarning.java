package dev.parley.server.history;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * One WARN line per interval for a failure that any user can trigger over and over (a history read
 * while the database is away): the first failure of each interval is logged with its cause's
 * message, never a stack trace, and the next line says how many were not logged meanwhile.
 * Thread-safe: read-pool threads share it.
 */
final class ThrottledWarning {

    private final Logger log;
    private final long intervalNanos;
    private final AtomicLong nextNanos = new AtomicLong(System.nanoTime());
    private final AtomicLong quiet = new AtomicLong();

    ThrottledWarning(Logger log, Duration interval) {
        this.log = log;
        this.intervalNanos = interval.toNanos();
    }

    void failed(String what, Throwable cause) {
        long now = System.nanoTime();
        long due = nextNanos.get();
        if (now - due < 0 || !nextNanos.compareAndSet(due, now + intervalNanos)) {
            quiet.incrementAndGet();
            return;
        }
        log.warn(
                "{} ({}); {} more such failures not logged since the last line",
                what,
                rootMessage(cause),
                quiet.getAndSet(0));
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
