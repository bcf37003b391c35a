package dev.parley.server.chat;

import java.nio.charset.StandardCharsets;

/**
 * One serialized line ready to go to any number of connections: encoded to UTF-8 with its CR LF
 * once, then shared. Immutable; the bytes must not be modified.
 */
public final class OutboundLine {

    private final byte[] bytes;

    /** A line from its encoded bytes, which end in CR LF; the array is taken, not copied. */
    public OutboundLine(byte[] lineWithCrLf) {
        if (lineWithCrLf.length < 2
                || lineWithCrLf[lineWithCrLf.length - 2] != '\r'
                || lineWithCrLf[lineWithCrLf.length - 1] != '\n') {
            throw new IllegalArgumentException("an outbound line ends in CR LF");
        }
        this.bytes = lineWithCrLf;
    }

    /** A line from its text, without CR LF. */
    public static OutboundLine of(String text) {
        return new OutboundLine((text + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The line without CR LF, decoded again (for logs and tests; the hot path uses the bytes). */
    public String text() {
        return new String(bytes, 0, bytes.length - 2, StandardCharsets.UTF_8);
    }

    /** The encoded line with CR LF. Shared: never modify. */
    public byte[] bytes() {
        return bytes;
    }

    @Override
    public String toString() {
        return text();
    }
}
