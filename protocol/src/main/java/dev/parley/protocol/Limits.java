package dev.parley.protocol;

/** Size limits the protocol itself sets. */
public final class Limits {

    /** The body of a line, source to last parameter, including CR LF (Modern IRC). */
    public static final int MAX_LINE_BYTES = 512;

    /** The tag section a server accepts, including the '@' and trailing space (IRCv3 message-tags). */
    public static final int MAX_TAG_BYTES = 8191;

    /** The tag section a client may send, client-only tags counted (IRCv3 message-tags). */
    public static final int MAX_CLIENT_TAG_BYTES = 4094;

    private Limits() {}
}
