package dev.parley.server.chat;

import dev.parley.protocol.name.Mask;

/**
 * Masks in a room's lists: a plain {@code nick!user@host} mask, or an extended one with a type
 * letter and a colon, without prefix (ISUPPORT {@code EXTBAN=,am}): {@code a:account} matches users
 * logged in to a matching account (IRCv3 account-extban), {@code m:nick!user@host} mutes: matching
 * users may join but not speak.
 */
public final class ExtBan {

    /** The ISUPPORT EXTBAN token's value: no prefix, types a and m. */
    public static final String ISUPPORT = ",am";

    enum Kind {
        HOSTMASK,
        ACCOUNT,
        MUTE
    }

    private ExtBan() {}

    /** The mask as stored: a plain mask completed to {@code nick!user@host}; null for a bad extban. */
    public static String normalize(String typed) {
        if (!isExtended(typed)) {
            return Mask.normalize(typed);
        }
        String rest = typed.substring(2);
        if (rest.isEmpty()) {
            return null;
        }
        return switch (typed.charAt(0)) {
            case 'a' -> "a:" + rest;
            case 'm' -> "m:" + Mask.normalize(rest);
            default -> null;
        };
    }

    static Kind kindOf(String mask) {
        if (!isExtended(mask)) {
            return Kind.HOSTMASK;
        }
        return mask.charAt(0) == 'a' ? Kind.ACCOUNT : Kind.MUTE;
    }

    /** The part after the type letter and colon. */
    static String argument(String mask) {
        return mask.substring(2);
    }

    private static boolean isExtended(String mask) {
        return mask.length() >= 2 && mask.charAt(1) == ':' && Character.isLetter(mask.charAt(0));
    }
}
