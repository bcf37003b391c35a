package dev.parley.server.session;

import dev.parley.server.chat.ServerTime;
import java.time.Instant;
import java.util.Optional;

/** How MARKREAD shows a read marker, for the MARKREAD command and for JOIN alike. */
public final class ReadMarkerReplies {

    /** A marker on the wire: {@code timestamp=...}. */
    public static final String PREFIX = "timestamp=";

    private ReadMarkerReplies() {}

    /** The MARKREAD parameter for a marker: {@code timestamp=...}, or {@code *} for none. */
    public static String value(Optional<Instant> marker) {
        return marker.map(t -> PREFIX + ServerTime.format(t)).orElse("*");
    }

    /** The FAIL a client gets when its marker could not be read or stored. */
    public static void unavailable(Replies replies, String target) {
        replies.fail("MARKREAD", "INTERNAL_ERROR", target, "The read timestamp could not be set");
    }
}
