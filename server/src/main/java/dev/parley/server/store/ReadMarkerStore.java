package dev.parley.server.store;

import java.time.Instant;
import java.util.Optional;

/**
 * IRCv3 read markers of accounts: per account and target (a room or a nick), the time of the last
 * message the user has read. Both names are compared after casefolding. A marker only moves
 * forward. Blocking: call off the event loops.
 */
public interface ReadMarkerStore {

    /** The account's marker on the target, if it ever set one. */
    Optional<Instant> find(String account, String target);

    /**
     * Moves the marker to {@code time} unless it is already there or later; concurrent calls leave
     * the latest of their times. The account must exist.
     */
    MarkerUpdate advance(String account, String target, Instant time);
}
