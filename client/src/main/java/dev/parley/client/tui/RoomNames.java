package dev.parley.client.tui;

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
}
