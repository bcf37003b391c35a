package dev.parley.server.chat;

/** A member's privileges in one room. */
public record MemberStatus(boolean op, boolean voice) {

    public static final MemberStatus PLAIN = new MemberStatus(false, false);
    public static final MemberStatus OPERATOR = new MemberStatus(true, false);

    /** The highest prefix ({@code @}, {@code +} or ""). */
    public String highestPrefix() {
        return op ? "@" : voice ? "+" : "";
    }

    /** All prefixes, highest first (multi-prefix). */
    public String allPrefixes() {
        return (op ? "@" : "") + (voice ? "+" : "");
    }

    public MemberStatus withOp(boolean value) {
        return new MemberStatus(value, voice);
    }

    public MemberStatus withVoice(boolean value) {
        return new MemberStatus(op, value);
    }
}
