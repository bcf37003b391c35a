package dev.parley.server.history;

/** How a REDACT went for the message it named. */
public enum Redaction {
    /** Deleted from history: no query returns it again. */
    REDACTED,
    /** No such message in that conversation (never was, already redacted, expired, or not kept). */
    UNKNOWN_MSGID,
    /** The message is there, but the user may not redact it; it was left alone. */
    FORBIDDEN,
    /** History could not be changed now (the database is away); nothing was deleted. */
    UNAVAILABLE
}
