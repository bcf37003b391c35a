package dev.parley.server.cluster;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.IrcParser;
import dev.parley.protocol.ParseResult;
import dev.parley.server.chat.RemoteMember;
import java.util.List;

/**
 * A membership or room-state event on a room's bus (its {@link BusMessage} kind is {@link #KIND}):
 * the keys of the rooms it touches (a QUIT's, NICK's or AWAY's: each room carries one copy, and a
 * member sharing several hears it once), the joiner's record for a JOIN, and the line.
 */
record RoomEvent(List<String> roomKeys, RemoteMember member, IrcMessage line) {

    /** The status-prefix field that marks an event, not a message. */
    static final char KIND = '*';

    /** The event, or null when {@code text} is not one. */
    static RoomEvent decode(String text) {
        String[] parts = text.split(" ", 3);
        if (parts.length < 3 || !(IrcParser.parse(parts[2]) instanceof ParseResult.Parsed parsed)) {
            return null;
        }
        List<String> rooms = parts[0].equals("-") ? List.of() : List.of(parts[0].split(","));
        RemoteMember member = parts[1].equals("-") ? null : MemberCodec.decode(parts[1]);
        return new RoomEvent(rooms, member, parsed.message());
    }

    /** The nick of the line's source. */
    String nick() {
        String source = line.source();
        return source == null ? "" : source.split("!", 2)[0];
    }
}
