package dev.parley.protocol;

/** What {@link IrcParser} made of a line: a message, or the reason it is not one. */
public sealed interface ParseResult permits ParseResult.Parsed, ParseResult.Malformed {

    /** A well-formed message. */
    record Parsed(IrcMessage message) implements ParseResult {}

    /**
     * A line that is not a valid message. {@code command} is the verb when one could be read (so the
     * reply can name it), else {@code null}.
     */
    record Malformed(String reason, String command) implements ParseResult {}
}
