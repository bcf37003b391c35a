package dev.parley.testkit;

/** What one bounded read from the server gave. */
sealed interface Read permits Read.Line, Read.Quiet, Read.Closed {

    /**
     * One line, without its line ending. {@code bytes} counts the raw line with its ending, so the
     * client can hold the server to the protocol's line limits.
     */
    record Line(String text, int bytes, boolean endedWithCrLf) implements Read {}

    /** Nothing complete arrived before the deadline. */
    record Quiet() implements Read {}

    /** The connection is over; nothing more will arrive. */
    record Closed(String why) implements Read {}
}
