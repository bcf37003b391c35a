package dev.parley.server.chat;

/**
 * A room's flag and parameter modes (not its lists or member privileges).
 *
 * @param key the +k key, or {@code null}
 * @param limit the +l member limit, or 0 for none
 */
public record RoomModes(
        boolean inviteOnly,
        boolean moderated,
        boolean noExternal,
        boolean secret,
        boolean topicLocked,
        String key,
        int limit) {

    /** A new room's modes: +nt, as most servers create them. */
    public static final RoomModes NEW_ROOM = new RoomModes(false, false, true, false, true, null, 0);

    /** The mode string, e.g. {@code +ntk}, with parameters when {@code withParams}. */
    public String render(boolean withParams) {
        StringBuilder flags = new StringBuilder("+");
        StringBuilder params = new StringBuilder();
        if (inviteOnly) flags.append('i');
        if (key != null) {
            flags.append('k');
            params.append(' ').append(withParams ? key : "*");
        }
        if (limit > 0) {
            flags.append('l');
            params.append(' ').append(limit);
        }
        if (moderated) flags.append('m');
        if (noExternal) flags.append('n');
        if (secret) flags.append('s');
        if (topicLocked) flags.append('t');
        return flags.append(params).toString();
    }

    public RoomModes withFlag(char mode, boolean on) {
        return switch (mode) {
            case 'i' -> new RoomModes(on, moderated, noExternal, secret, topicLocked, key, limit);
            case 'm' -> new RoomModes(inviteOnly, on, noExternal, secret, topicLocked, key, limit);
            case 'n' -> new RoomModes(inviteOnly, moderated, on, secret, topicLocked, key, limit);
            case 's' -> new RoomModes(inviteOnly, moderated, noExternal, on, topicLocked, key, limit);
            case 't' -> new RoomModes(inviteOnly, moderated, noExternal, secret, on, key, limit);
            default -> throw new IllegalArgumentException("not a flag mode: " + mode);
        };
    }

    public RoomModes withKey(String value) {
        return new RoomModes(inviteOnly, moderated, noExternal, secret, topicLocked, value, limit);
    }

    public RoomModes withLimit(int value) {
        return new RoomModes(inviteOnly, moderated, noExternal, secret, topicLocked, key, value);
    }
}
