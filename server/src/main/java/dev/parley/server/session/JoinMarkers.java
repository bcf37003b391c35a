package dev.parley.server.session;

import dev.parley.protocol.IrcMessage;
import dev.parley.server.chat.Room;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The read markers a JOIN tells the client, by casefolded room name, looked up before the join so
 * that each room's {@code MARKREAD} can go out before its RPL_ENDOFNAMES.
 */
public final class JoinMarkers {

    /** The client did not ask for read markers. */
    public static final JoinMarkers NONE = new JoinMarkers(null);
    /** The client asked, but the database could not answer. */
    static final JoinMarkers UNAVAILABLE = new JoinMarkers(Map.of());

    private final Map<String, Optional<Instant>> byKey;

    private JoinMarkers(Map<String, Optional<Instant>> byKey) {
        this.byKey = byKey;
    }

    static JoinMarkers of(Map<String, Optional<Instant>> byKey) {
        return new JoinMarkers(Map.copyOf(byKey));
    }

    /** Adds the room's MARKREAD (or, when it could not be looked up, a FAIL) to the JOIN's replies. */
    public void addTo(Replies replies, Room room) {
        if (byKey == null) {
            return;
        }
        Optional<Instant> marker = byKey.get(room.key());
        if (marker == null) {
            ReadMarkerReplies.unavailable(replies, room.name());
            return;
        }
        replies.add(IrcMessage.from(replies.serverName(), "MARKREAD", room.name(), ReadMarkerReplies.value(marker)));
    }
}
