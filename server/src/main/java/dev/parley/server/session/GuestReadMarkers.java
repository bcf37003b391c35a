package dev.parley.server.session;

import dev.parley.server.store.MarkerUpdate;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The read markers of a client without an account: kept in memory for the connection's life, by
 * casefolded target. Owned by the session's thread. Bounded: past {@link #LIMIT} targets the one
 * least recently used is forgotten.
 */
public final class GuestReadMarkers {

    /** Targets one connection keeps markers for. */
    public static final int LIMIT = 512;

    private final Map<String, Instant> markers = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > LIMIT;
        }
    };

    public Optional<Instant> find(String key) {
        return Optional.ofNullable(markers.get(key));
    }

    /** Moves the marker to {@code time} unless it is already there or later, as the stores do. */
    public MarkerUpdate advance(String key, Instant time) {
        Instant stored = markers.get(key);
        if (stored != null && !time.isAfter(stored)) {
            return new MarkerUpdate(stored, false);
        }
        markers.put(key, time);
        return new MarkerUpdate(time, true);
    }
}
