package dev.parley.server.cluster;

import dev.parley.server.chat.MemberStatus;
import dev.parley.server.chat.RemoteMember;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A room member as the other nodes keep it (in the room's Redis hash and in JOIN events on the
 * bus): its fields URL-encoded and joined by commas, so the whole holds no space or comma of its
 * own. A missing account or away message is an empty field; the last field is {@code i} for an
 * invisible member, else {@code -} (a record without it is read as visible).
 */
final class MemberCodec {

    private MemberCodec() {}

    static String encode(RemoteMember member) {
        return String.join(
                ",",
                field(member.node()),
                field(member.nick()),
                field(member.user()),
                field(member.host()),
                field(member.account()),
                field(member.realname()),
                field(member.away()),
                member.status().allPrefixes().isEmpty()
                        ? "-"
                        : field(member.status().allPrefixes()),
                member.invisible() ? "i" : "-");
    }

    /** The member, or null when {@code text} is not one. */
    static RemoteMember decode(String text) {
        String[] f = text.split(",", -1);
        if (f.length != 8 && f.length != 9) {
            return null; // 8 fields: a record from a node that does not say whether the member is invisible
        }
        MemberStatus status = new MemberStatus(f[7].contains("%40"), f[7].contains("%2B"));
        return new RemoteMember(
                value(f[0]),
                value(f[1]),
                value(f[2]),
                value(f[3]),
                orNull(f[4]),
                value(f[5]),
                orNull(f[6]),
                status,
                f.length == 9 && f[8].equals("i"));
    }

    private static String field(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String value(String field) {
        return URLDecoder.decode(field, StandardCharsets.UTF_8);
    }

    private static String orNull(String field) {
        return field.isEmpty() ? null : value(field);
    }
}
