package dev.parley.server.chat;

/**
 * What the chat core reports for metrics; implemented outside it. Calls come from event loops and
 * must be cheap (counters, no locks, no I/O).
 */
public interface ChatMetrics {

    /** A PRIVMSG, NOTICE or TAGMSG was accepted from a user. */
    void messageIn();

    /** A room message was delivered to {@code recipients} users, taking {@code nanos} to hand out. */
    void delivered(int recipients, long nanos);

    /** A private message was delivered to its one recipient (counted, not timed: it is one write). */
    void deliveredDirect();

    /** Reports nothing. */
    ChatMetrics NONE = new ChatMetrics() {
        @Override
        public void messageIn() {}

        @Override
        public void delivered(int recipients, long nanos) {}

        @Override
        public void deliveredDirect() {}
    };
}
