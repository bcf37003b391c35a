package dev.parley.server.chat;

import dev.parley.protocol.Numeric;

/** What became of a user's message: a value, so the command decides what to answer. */
public sealed interface PostResult {

    /** Stamped and ready; {@link Outgoing#send()} (or the stored-first steps) delivers it. */
    record Posted(Outgoing outgoing) implements PostResult {}

    /** Not sent: the numeric and text to answer the sender with. */
    record Refused(Numeric numeric, String reason) implements PostResult {}
}
