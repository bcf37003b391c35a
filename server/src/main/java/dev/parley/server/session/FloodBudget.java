package dev.parley.server.session;

import dev.parley.server.config.FloodConfig;
import java.util.function.Supplier;

/**
 * A token bucket: {@code burst} lines at once, then {@code linesPerSecond}. Not thread-safe: owned
 * by its session's thread. It reads no clock: the caller passes the time, so the session's one clock
 * (a test's hand-driven one too) is the only source of time. The limits are read at each spend, so a
 * reload's new burst, rate or switch applies to a connected client's next line (tokens already in
 * the bucket above a lowered burst are cut to it).
 */
public final class FloodBudget {

    private final Supplier<FloodConfig> flood;
    private double tokens;
    private long lastNanos;
    private boolean started;

    /** Fixed limits (tests). */
    public FloodBudget(int burst, double ratePerSecond) {
        this(() -> new FloodConfig(true, burst, ratePerSecond, false));
    }

    /** Starts full, so it needs no start time: the first {@link #trySpend} sets it. */
    public FloodBudget(Supplier<FloodConfig> flood) {
        this.flood = flood;
        this.tokens = flood.get().burst();
    }

    /**
     * Spends {@code cost} if the bucket holds it and returns 0; otherwise spends nothing and returns
     * the nanoseconds until it will. Free while flood control is off.
     */
    public long trySpend(double cost, long nowNanos) {
        FloodConfig limits = flood.get();
        double ratePerNano = limits.linesPerSecond() / 1e9;
        refill(nowNanos, limits.burst(), ratePerNano);
        if (!limits.enabled()) {
            return 0;
        }
        if (tokens >= cost) {
            tokens -= cost;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((cost - tokens) / ratePerNano));
    }

    private void refill(long nowNanos, double burst, double ratePerNano) {
        if (!started) {
            started = true;
            lastNanos = nowNanos;
        }
        long elapsed = nowNanos - lastNanos;
        if (elapsed > 0) {
            tokens += elapsed * ratePerNano;
            lastNanos = nowNanos;
        }
        tokens = Math.min(burst, tokens);
    }
}
