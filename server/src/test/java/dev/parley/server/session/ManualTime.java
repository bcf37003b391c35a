package dev.parley.server.session;

import java.time.Duration;
import java.util.PriorityQueue;

/**
 * A clock and a scheduler that move only when the test says: {@link #advance} runs each task that
 * falls due, in order, with the clock at its due time. Timeouts are tested exactly and at once,
 * with no wall-clock bound and no sleep.
 */
public final class ManualTime {

    private final PriorityQueue<Task> tasks = new PriorityQueue<>();
    private long now = 1_000_000_000L;
    private long added;

    /** The time in nanoseconds, for what takes a {@code LongSupplier} clock. */
    public long nanoTime() {
        return now;
    }

    public Connection.Cancellable schedule(Runnable action, Duration delay) {
        Task task = new Task(now + delay.toNanos(), added++, action);
        tasks.add(task);
        return () -> tasks.remove(task);
    }

    /** Moves the clock forward, running what falls due on the way (also what those tasks schedule). */
    public void advance(Duration by) {
        long until = now + by.toNanos();
        while (!tasks.isEmpty() && tasks.peek().due() <= until) {
            Task next = tasks.poll();
            now = Math.max(now, next.due());
            next.action().run();
        }
        now = until;
    }

    /** Tasks scheduled and neither run nor cancelled. */
    public int pending() {
        return tasks.size();
    }

    private record Task(long due, long order, Runnable action) implements Comparable<Task> {
        @Override
        public int compareTo(Task other) {
            int byTime = Long.compare(due, other.due);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }
}
