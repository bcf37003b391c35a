package dev.parley.server.chat;

import java.nio.charset.StandardCharsets;

/**
 * One serialized line ready to go to any number of connections: encoded to UTF-8 with its CR LF
 * once, then shared. Immutable; the bytes must not be modified.
 */
public final class OutboundLine {

    private final String text;
    private final byte[] bytes;

    public OutboundLine(String text) {
        this.text = text;
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        this.bytes = new byte[body.length + 2];
        System.arraycopy(body, 0, bytes, 0, body.length);
        bytes[body.length] = '\r';
        bytes[body.length + 1] = '\n';
    }

    /** The line without CR LF. */
    public String text() {
        return text;
    }

    /** The encoded line with CR LF. Shared: never modify. */
    public byte[] bytes() {
        return bytes;
    }

    @Override
    public String toString() {
        return text;
    }
}
