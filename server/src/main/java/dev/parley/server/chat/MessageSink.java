package dev.parley.server.chat;

import dev.parley.server.store.StoredMessage;

/**
 * Where delivered messages go to be remembered. Implemented by the history writer. {@link #offer}
 * never blocks: it is called on event loops.
 */
public interface MessageSink {

    /** Queues the message for storage; returns false when it was refused (queue full, history off). */
    boolean offer(StoredMessage message);

    /** A sink that keeps nothing. */
    MessageSink NONE = message -> false;
}
