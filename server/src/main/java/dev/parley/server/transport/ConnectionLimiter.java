package dev.parley.server.transport;

import dev.parley.server.config.ConnectionLimitsConfig;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Per-IP limits: connections held at once, and new connections per window (connect throttle).
 * Thread-safe; the lock guards only in-memory counters.
 */
public final class ConnectionLimiter {

    /** Whether a new connection may proceed, and if not why. */
    public enum Decision {
        ALLOWED,
        TOO_MANY,
        THROTTLED
    }

    /** Past this many remembered IPs, expired ones are dropped, so the map cannot grow without end. */
    private static final int PURGE_ABOVE = 10_000;

    /** Read at each connection: a reload changes the per-address limit and the throttle. */
    private final Supplier<ConnectionLimitsConfig> limits;

    private final LongSupplier nanoClock;
    private final Map<String, Integer> open = new HashMap<>();
    private final Map<String, ArrayDeque<Long>> recent = new HashMap<>();
    /** At most this many connections from loopback addresses together, while they are exempt. */
    private final int maxExemptLoopback;

    private int loopbackOpen;

    public ConnectionLimiter(ConnectionLimitsConfig config, LongSupplier nanoClock) {
        this(() -> config, nanoClock);
    }

    /**
     * @param limits the limits in force; {@code enabled} and {@code exempt-loopback} need a restart
     *     (the counts of open connections depend on them), so they never change under this limiter
     */
    public ConnectionLimiter(Supplier<ConnectionLimitsConfig> limits, LongSupplier nanoClock) {
        this(limits, Integer.MAX_VALUE, nanoClock);
    }

    private ConnectionLimiter(Supplier<ConnectionLimitsConfig> limits, int maxExemptLoopback, LongSupplier nanoClock) {
        this.limits = limits;
        this.maxExemptLoopback = maxExemptLoopback;
        this.nanoClock = nanoClock;
    }

    /**
     * Only the connections held at once, no connect throttle: for plain HTTP, where one page load
     * opens several connections and a reload opens them again. Exempt loopback connections are
     * still capped, all together, at {@code maxLoopback}: a local client (or a page's script
     * through a local proxy) must not hold HTTP connections without end either.
     */
    static ConnectionLimiter heldAtOnce(
            Supplier<ConnectionLimitsConfig> limits, int maxLoopback, LongSupplier nanoClock) {
        return new ConnectionLimiter(
                () -> {
                    ConnectionLimitsConfig config = limits.get();
                    return new ConnectionLimitsConfig(
                            config.enabled(),
                            config.maxPerIp(),
                            Integer.MAX_VALUE,
                            java.time.Duration.ZERO,
                            config.exemptLoopback());
                },
                maxLoopback,
                nanoClock);
    }

    /** The limits in force now. */
    public ConnectionLimitsConfig limits() {
        return limits.get();
    }

    /** Counts a new connection from {@code ip}, unless a limit refuses it. */
    public synchronized Decision acquire(String ip, boolean loopback) {
        ConnectionLimitsConfig config = limits.get();
        if (!config.enabled()) {
            return Decision.ALLOWED;
        }
        if (loopback && config.exemptLoopback()) {
            if (loopbackOpen >= maxExemptLoopback) {
                return Decision.TOO_MANY;
            }
            loopbackOpen++;
            return Decision.ALLOWED;
        }
        if (recent.size() > PURGE_ABOVE) {
            purgeExpired();
        }
        int current = open.getOrDefault(ip, 0);
        if (current >= config.maxPerIp()) {
            return Decision.TOO_MANY;
        }
        ArrayDeque<Long> times = recent.computeIfAbsent(ip, k -> new ArrayDeque<>());
        long now = nanoClock.getAsLong();
        long window = config.throttleWindow().toNanos();
        while (!times.isEmpty() && now - times.peekFirst() >= window) {
            times.pollFirst();
        }
        if (times.size() >= config.throttleConnections()) {
            return Decision.THROTTLED;
        }
        times.addLast(now);
        open.put(ip, current + 1);
        return Decision.ALLOWED;
    }

    /** Forgets the connect history of IPs whose window has passed and that hold no connection. */
    private void purgeExpired() {
        long now = nanoClock.getAsLong();
        long window = limits.get().throttleWindow().toNanos();
        recent.entrySet()
                .removeIf(entry -> !open.containsKey(entry.getKey())
                        && (entry.getValue().isEmpty() || now - entry.getValue().peekLast() >= window));
    }

    /** Counts a connection that {@link #acquire} allowed as gone. */
    public synchronized void release(String ip, boolean loopback) {
        ConnectionLimitsConfig config = limits.get();
        if (!config.enabled()) {
            return;
        }
        if (loopback && config.exemptLoopback()) {
            loopbackOpen = Math.max(0, loopbackOpen - 1);
            return;
        }
        open.computeIfPresent(ip, (k, n) -> n <= 1 ? null : n - 1);
        ArrayDeque<Long> times = recent.get(ip);
        long now = nanoClock.getAsLong();
        if (times != null
                && !open.containsKey(ip)
                && (times.isEmpty()
                        || now - times.peekLast() >= config.throttleWindow().toNanos())) {
            recent.remove(ip);
        }
    }
}
