package dev.parley.server.store;

/**
 * Which stored lines a history read returns. Text messages (PRIVMSG, NOTICE) always; the events
 * history also keeps (TAGMSG with client tags: reactions; TOPIC changes) only for a client that
 * enabled IRCv3 {@code draft/event-playback}, since any other client would take them for new ones.
 * A page's limit counts what the read returns, so a page of 50 holds 50 lines of any kind.
 */
public enum Playback {
    /** PRIVMSG and NOTICE only: HISTORY, search, and CHATHISTORY without event-playback. */
    MESSAGES,
    /** Also the kept events, in their place: CHATHISTORY with event-playback. */
    EVENTS;

    /** The verb of a stored tag-only message (a reaction). */
    public static final String TAGMSG = "TAGMSG";

    /** The verb of a stored topic change. */
    public static final String TOPIC = "TOPIC";

    /** Whether a stored message with this verb belongs in a read of this kind. */
    public boolean includes(String command) {
        return this == EVENTS || command.equals("PRIVMSG") || command.equals("NOTICE");
    }
}
