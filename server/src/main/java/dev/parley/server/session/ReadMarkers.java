package dev.parley.server.session;

import dev.parley.protocol.cap.Capability;
import dev.parley.protocol.name.CaseMapping;
import dev.parley.protocol.name.ChannelName;
import dev.parley.server.store.MarkerUpdate;
import dev.parley.server.store.ReadMarkerStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a user's read markers live: in the database for a logged-in user (so every client of the
 * account shares them, across reconnects and restarts), on the session for a guest. Database work
 * runs on the blocking pool; a guest's answers are complete at once. Call on the session's thread.
 */
public final class ReadMarkers {

    private static final Logger log = LoggerFactory.getLogger(ReadMarkers.class);

    private final ReadMarkerStore store;
    private final CaseMapping caseMapping;
    private final Executor blocking;

    public ReadMarkers(ReadMarkerStore store, CaseMapping caseMapping, Executor blocking) {
        this.store = store;
        this.caseMapping = caseMapping;
        this.blocking = blocking;
    }

    /** The user's marker on the target, if any. */
    public CompletableFuture<Optional<Instant>> find(Session session, String target) {
        String key = caseMapping.fold(target);
        String account = session.account();
        if (account == null) {
            return CompletableFuture.completedFuture(session.guestReadMarkers().find(key));
        }
        return CompletableFuture.supplyAsync(() -> store.find(account, key), blocking);
    }

    /** Moves the user's marker on the target forward to {@code time}; what is stored afterwards. */
    public CompletableFuture<MarkerUpdate> advance(Session session, String target, Instant time) {
        String key = caseMapping.fold(target);
        String account = session.account();
        if (account == null) {
            return CompletableFuture.completedFuture(session.guestReadMarkers().advance(key, time));
        }
        return CompletableFuture.supplyAsync(() -> store.advance(account, key, time), blocking);
    }

    /**
     * The markers of the rooms a JOIN names, for the MARKREAD each join sends before its 366; none
     * are wanted without the capability. A failed lookup gives markers that say so.
     */
    public CompletableFuture<JoinMarkers> forJoin(Session session, List<String> rooms) {
        return forJoin(session, session.account(), rooms);
    }

    /** The markers of {@code account} (null: the session's own, as a guest) for these rooms. */
    public CompletableFuture<JoinMarkers> forJoin(Session session, String account, List<String> rooms) {
        if (!session.caps().has(Capability.READ_MARKER)) {
            return CompletableFuture.completedFuture(JoinMarkers.NONE);
        }
        if (account == null) {
            return CompletableFuture.completedFuture(JoinMarkers.of(lookUp(rooms, session.guestReadMarkers()::find)));
        }
        return CompletableFuture.supplyAsync(
                        () -> JoinMarkers.of(lookUp(rooms, key -> store.find(account, key))), blocking)
                .exceptionally(error -> {
                    log.warn("{} read markers unavailable for JOIN: {}", session, error.toString());
                    return JoinMarkers.UNAVAILABLE;
                });
    }

    private interface Lookup {
        Optional<Instant> find(String key);
    }

    private Map<String, Optional<Instant>> lookUp(List<String> rooms, Lookup lookup) {
        Map<String, Optional<Instant>> found = new HashMap<>();
        for (String room : rooms) {
            if (!ChannelName.looksLikeRoom(room)) {
                continue;
            }
            String key = caseMapping.fold(room);
            found.computeIfAbsent(key, lookup::find);
        }
        return found;
    }
}
