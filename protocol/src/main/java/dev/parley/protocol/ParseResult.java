package dev.parley.protocol;

/** What {@link IrcParser} made of a line: a message, or the reason it is not one. */
public sealed interface ParseResult permits ParseResult.Parsed, ParseResult.Malformed, ParseResult.InvalidCommand {

    /** What is wrong with the line, for a reply or a log; empty for a parsed message. */
    String problem();

    /** A well-formed message. */
    record Parsed(IrcMessage message) implements ParseResult {
        @Override
        public String problem() {
            return "";
        }
    }

    /**
     * A line that is not a valid message. {@code command} is the verb when one could be read (so the
     * reply can name it), else {@code null}.
     */
    record Malformed(String reason, String command) implements ParseResult {
        @Override
        public String problem() {
            return reason;
        }
    }

    /**
     * A line whose verb is not a command word (letters, or a three-digit numeric): a server answers
     * it as an unknown command, naming {@code token} (and keeping the line's tags, e.g. its label).
     */
    record InvalidCommand(String token, java.util.Map<String, String> tags) implements ParseResult {
        @Override
        public String problem() {
            return "invalid command " + token;
        }
    }
}
