package dev.parley.server.session;

/**
 * A token bucket: {@code burst} lines at once, then {@code ratePerSecond}. Not thread-safe: owned by
 * its session's thread. It reads no clock: the caller passes the time, so the session's one clock
 * (a test's hand-driven one too) is the only source of time.
 */
public final class FloodBudget {

    private final double burst;
    private final double ratePerNano;
    private double tokens;
    private long lastNanos;
    private boolean started;

    /** Starts full, so it needs no start time: the first {@link #trySpend} sets it. */
    public FloodBudget(int burst, double ratePerSecond) {
        this.burst = burst;
        this.ratePerNano = ratePerSecond / 1e9;
        this.tokens = burst;
    }

    /**
     * Spends {@code cost} if the bucket holds it and returns 0; otherwise spends nothing and returns
     * the nanoseconds until it will.
     */
    public long trySpend(double cost, long nowNanos) {
        refill(nowNanos);
        if (tokens >= cost) {
            tokens -= cost;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((cost - tokens) / ratePerNano));
    }

    private void refill(long nowNanos) {
        if (!started) {
            started = true;
            lastNanos = nowNanos;
        }
        long elapsed = nowNanos - lastNanos;
        if (elapsed > 0) {
            tokens = Math.min(burst, tokens + elapsed * ratePerNano);
            lastNanos = nowNanos;
        }
    }
}
