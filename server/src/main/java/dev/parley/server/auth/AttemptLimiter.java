package dev.parley.server.auth;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts attempts per key (an IP address, an account) in a fixed window that starts at the first
 * attempt; past the limit the key is refused until its window ends. Remembers at most
 * {@code maxKeys} keys, forgetting the least recently used, so a flood of addresses cannot grow it
 * without bound. Thread-safe.
 */
public final class AttemptLimiter implements Attempts {

    private final int limit;
    private final long windowNanos;
    private final Map<String, Window> windows;

    public AttemptLimiter(int limit, Duration window, int maxKeys) {
        this.limit = limit;
        this.windowNanos = window.toNanos();
        this.windows = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /** Whether the key has used up its attempts; if so, how long until it may try again (else zero). */
    @Override
    public synchronized Duration refusedFor(String key, long nowNanos) {
        Window window = windows.get(key);
        if (window == null || window.expired(nowNanos, windowNanos)) {
            return Duration.ZERO;
        }
        return window.count >= limit ? Duration.ofNanos(window.start + windowNanos - nowNanos) : Duration.ZERO;
    }

    /** Counts one attempt against the key. */
    @Override
    public synchronized void record(String key, long nowNanos) {
        Window window = windows.get(key);
        if (window == null || window.expired(nowNanos, windowNanos)) {
            windows.put(key, new Window(nowNanos));
        } else {
            window.count++;
        }
    }

    /** Forgets the key's attempts (after a successful login to an account). */
    @Override
    public synchronized void clear(String key) {
        windows.remove(key);
    }

    private static final class Window {
        final long start;
        int count = 1;

        Window(long start) {
            this.start = start;
        }

        boolean expired(long nowNanos, long windowNanos) {
            return nowNanos - start >= windowNanos;
        }
    }
}
