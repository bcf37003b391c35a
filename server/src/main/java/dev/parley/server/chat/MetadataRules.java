package dev.parley.server.chat;

import dev.parley.protocol.IrcSerializer;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The limits and syntax of IRCv3 metadata (draft/metadata-3), advertised in the capability's value
 * so clients know them before they hit them.
 */
public final class MetadataRules {

    /** Keys one user or one room may hold. */
    public static final int MAX_KEYS = 20;
    /** Keys one client may subscribe to. */
    public static final int MAX_SUBS = 50;
    /** Bytes of UTF-8 in one value: with the key and the nicks, a notification fits one line. */
    public static final int MAX_VALUE_BYTES = 300;
    /** Characters in one key. */
    public static final int MAX_KEY_LENGTH = 64;
    /** Above this many lines, a JOIN answers RPL_METADATASYNCLATER instead of sending them all. */
    public static final int MAX_JOIN_LINES = 200;

    private static final Pattern KEY = Pattern.compile("[a-z0-9_./-]+");

    private MetadataRules() {}

    /** The capability value for CAP LS 302. */
    public static String capabilityValue() {
        return "before-connect,max-subs=" + MAX_SUBS + ",max-keys=" + MAX_KEYS + ",max-value-bytes=" + MAX_VALUE_BYTES;
    }

    public static boolean isValidKey(String key) {
        return key.length() <= MAX_KEY_LENGTH && KEY.matcher(key).matches();
    }

    /** A client's key shown in a middle parameter: {@code *} when the wire could not carry it there. */
    public static String printable(String key) {
        return IrcSerializer.needsTrailing(key) ? "*" : key;
    }

    public static boolean isValidValue(String value) {
        return value.getBytes(StandardCharsets.UTF_8).length <= MAX_VALUE_BYTES;
    }
}
