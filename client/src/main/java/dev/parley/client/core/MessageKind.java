package dev.parley.client.core;

/** How a message was sent: plain text, a {@code /me} action, or a notice. */
public enum MessageKind {
    MESSAGE,
    ACTION,
    NOTICE
}
