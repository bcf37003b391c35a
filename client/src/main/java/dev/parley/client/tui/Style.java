package dev.parley.client.tui;

/** What kind of line is shown, so a UI can colour it; the plain UI ignores it. */
public enum Style {
    /** Someone's message in a room. */
    CHAT,
    /** Our own message, echoed back. */
    OWN,
    /** A message that mentions us by nick (or a private one to us): highlighted, with a bell. */
    MENTION,
    /** A private message, to or from us. */
    PRIVATE,
    /** Joins, parts, quits, kicks, topics, nick changes: the dim one-liners. */
    EVENT,
    /** Replies and notes from the server or the client. */
    INFO,
    /** Something went wrong. */
    ERROR
}
