package dev.parley.server.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields a WHOX query asks for ({@code %tcuihsnfdlaor}), answered in that fixed order whatever
 * order they were asked in, with the query's token for {@code t}.
 */
public final class WhoxFields {

    private static final String ORDER = "tcuihsnfdlaor";
    private static final int MAX_TOKEN_LENGTH = 3;

    private final String fields;
    private final String token;

    private WhoxFields(String fields, String token) {
        this.fields = fields;
        this.token = token;
    }

    /** The WHOX request in {@code %fields[,token]}, or {@code null} when the text is not one. */
    public static WhoxFields parse(String text) {
        if (!text.startsWith("%")) {
            return null;
        }
        int comma = text.indexOf(',');
        String asked = comma < 0 ? text.substring(1) : text.substring(1, comma);
        String token = comma < 0 ? "0" : text.substring(comma + 1);
        if (token.isEmpty()
                || token.length() > MAX_TOKEN_LENGTH
                || !token.chars().allMatch(Character::isDigit)) {
            token = "0";
        }
        StringBuilder known = new StringBuilder();
        for (char field : ORDER.toCharArray()) {
            if (asked.indexOf(field) >= 0) {
                known.append(field);
            }
        }
        return new WhoxFields(known.toString(), token);
    }

    /**
     * What one WHO line says about one user: {@code idleSeconds} is -1 when it is not known here (a
     * member of another cluster node), {@code account} null when they are not logged in.
     */
    public record Row(
            String room,
            String user,
            String host,
            String nick,
            String account,
            String realname,
            String flags,
            String serverName,
            long idleSeconds) {

        /** A user of this node. */
        public static Row of(String room, ChatUser user, String flags, String serverName, long nowMillis) {
            return new Row(
                    room,
                    user.user(),
                    user.host(),
                    user.nick(),
                    user.account(),
                    user.realname(),
                    flags,
                    serverName,
                    Math.max(0, (nowMillis - user.lastMessageMillis()) / 1000));
        }

        /** A member of another cluster node, whose idle time this node does not know. */
        public static Row of(String room, RemoteMember member, String flags, String serverName) {
            return new Row(
                    room,
                    member.user(),
                    member.host(),
                    member.nick(),
                    member.account(),
                    member.realname(),
                    flags,
                    serverName,
                    -1);
        }
    }

    public List<String> values(Row row) {
        List<String> values = new ArrayList<>();
        for (char field : fields.toCharArray()) {
            values.add(
                    switch (field) {
                        case 't' -> token;
                        case 'c' -> row.room();
                        case 'u' -> row.user();
                        case 'i', 'h' -> row.host();
                        case 's' -> row.serverName();
                        case 'n' -> row.nick();
                        case 'f' -> row.flags();
                        case 'd' -> "0";
                        case 'l' -> Long.toString(Math.max(0, row.idleSeconds()));
                        case 'a' -> row.account() == null ? "0" : row.account();
                        case 'o' -> "n/a";
                        default -> row.realname();
                    });
        }
        return values;
    }
}
