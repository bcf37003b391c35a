package dev.parley.client.tui;

import dev.parley.client.core.ClientState;
import dev.parley.protocol.name.ChannelName;

/** Room IDs as users type and see them ({@code general}) and as the wire has them ({@code #general}). */
public final class RoomNames {

    private RoomNames() {}

    public static String toWire(String roomId) {
        return ChannelName.looksLikeRoom(roomId) ? roomId : "#" + roomId;
    }

    public static String toDisplay(String wireName) {
        return wireName != null && ChannelName.looksLikeRoom(wireName) ? wireName.substring(1) : wireName;
    }

    /** A room with {@code #} or one we are in by its bare name; otherwise the nick of a private conversation. */
    public static String conversation(String word, ClientState state) {
        return ChannelName.looksLikeRoom(word) || state.inRoom(toWire(word)) ? toWire(word) : word;
    }
}
