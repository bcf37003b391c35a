package dev.parley.server.chat;

import dev.parley.protocol.Numeric;

/** Whether a user may speak in a room: a value, {@code null} meaning yes. */
public final class Speech {

    private Speech() {}

    /** The numeric refusing the user's message to the room, or {@code null} when it may be sent. */
    public static Numeric refusal(Room room, ChatUser user) {
        MemberStatus status = room.members().get(user);
        boolean privileged = status != null && (status.op() || status.voice());
        RoomModes modes = room.modes();
        if (status == null && modes.noExternal()) {
            return Numeric.ERR_CANNOTSENDTOCHAN;
        }
        if (modes.moderated() && !privileged) {
            return Numeric.ERR_CANNOTSENDTOCHAN;
        }
        if (!privileged && (room.isBanned(user) || room.isMuted(user))) {
            return Numeric.ERR_CANNOTSENDTOCHAN;
        }
        return null;
    }
}
