package dev.parley.server.transport;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.LongSupplier;

/**
 * Decides which TLS refusals (a client not speaking TLS on a TLS port, a failed handshake) are
 * logged: the first from an address, then one per interval with the number left out since. One
 * client reconnecting in a loop writes a line a minute, not a line per connection. Remembers at
 * most {@value #MAX_ADDRESSES} addresses, forgetting the least recently seen. Thread-safe.
 */
final class TlsRefusals {

    static final Duration INTERVAL = Duration.ofMinutes(1);
    static final int MAX_ADDRESSES = 4096;

    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final Map<String, Seen> byAddress = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Seen> eldest) {
            return size() > MAX_ADDRESSES;
        }
    };

    /** When an address was last reported, and how many refusals came since. */
    private static final class Seen {
        long reportedAt;
        int unreported;
    }

    TlsRefusals(Duration interval, LongSupplier nanoClock) {
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
    }

    /**
     * Counts a refusal from {@code ip}; if it is to be logged, returns how many earlier ones were
     * not, else empty.
     */
    synchronized OptionalInt refused(String ip) {
        long now = nanoClock.getAsLong();
        Seen seen = byAddress.get(ip);
        if (seen == null) {
            seen = new Seen();
            seen.reportedAt = now;
            byAddress.put(ip, seen);
            return OptionalInt.of(0);
        }
        if (now - seen.reportedAt < intervalNanos) {
            seen.unreported++;
            return OptionalInt.empty();
        }
        int unreported = seen.unreported;
        seen.reportedAt = now;
        seen.unreported = 0;
        return OptionalInt.of(unreported);
    }
}
