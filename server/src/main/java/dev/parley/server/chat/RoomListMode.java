package dev.parley.server.chat;

import dev.parley.protocol.Numeric;
import java.util.function.Function;

/** The room modes that are lists of masks, with the numerics that show them. */
public enum RoomListMode {
    BANS('b', Room::bans, Numeric.RPL_BANLIST, Numeric.RPL_ENDOFBANLIST, "End of channel ban list"),
    BAN_EXCEPTIONS(
            'e',
            Room::banExceptions,
            Numeric.RPL_EXCEPTLIST,
            Numeric.RPL_ENDOFEXCEPTLIST,
            "End of channel exception list"),
    INVITE_EXCEPTIONS(
            'I',
            Room::inviteExceptions,
            Numeric.RPL_INVEXLIST,
            Numeric.RPL_ENDOFINVEXLIST,
            "End of channel invite exception list");

    private final char letter;
    private final Function<Room, MaskList> list;
    private final Numeric entry;
    private final Numeric end;
    private final String endText;

    RoomListMode(char letter, Function<Room, MaskList> list, Numeric entry, Numeric end, String endText) {
        this.letter = letter;
        this.list = list;
        this.entry = entry;
        this.end = end;
        this.endText = endText;
    }

    public char letter() {
        return letter;
    }

    /** The numeric of each listed entry. */
    public Numeric entry() {
        return entry;
    }

    /** The numeric that ends the listing, with {@link #endText()}. */
    public Numeric end() {
        return end;
    }

    public String endText() {
        return endText;
    }

    public MaskList of(Room room) {
        return list.apply(room);
    }

    /** The list mode for a mode letter, or null when it is not one. */
    public static RoomListMode forLetter(char letter) {
        for (RoomListMode mode : values()) {
            if (mode.letter == letter) {
                return mode;
            }
        }
        return null;
    }
}
