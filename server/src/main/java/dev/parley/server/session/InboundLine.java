package dev.parley.server.session;

import dev.parley.protocol.IrcMessage;

/** What the transport read from a client: a message, or a line that cannot be one. */
public sealed interface InboundLine {

    /** A parsed message. */
    record Message(IrcMessage message) implements InboundLine {}

    /** A line over the length limit (its tag section or its body); {@code command} if readable. */
    record TooLong(String command) implements InboundLine {}

    /** A line that is not valid IRC (NUL byte, no command ...). */
    record Malformed(String reason, String command) implements InboundLine {}

    /** A line whose verb is not a command word: answered as an unknown command. */
    record UnknownCommand(String token, String label) implements InboundLine {}

    /** A line that is not valid UTF-8. */
    record InvalidUtf8(String command) implements InboundLine {}
}
