package dev.parley.server.chat;

import dev.parley.server.store.StoredMessage;
import java.util.function.Consumer;

/**
 * Where delivered messages go to be remembered. Implemented by the history writer. {@link #offer}
 * never blocks: it is called on event loops.
 */
public interface MessageSink {

    /** Queues the message for storage; returns false when it was refused (queue full, history off). */
    boolean offer(StoredMessage message);

    /**
     * Queues the message; {@code whenDone} runs, on some other thread, once it is durable (true) or
     * known lost (false). Not called when this returns false.
     */
    default boolean offer(StoredMessage message, Consumer<Boolean> whenDone) {
        return offer(message);
    }

    /** A sink that keeps nothing. */
    MessageSink NONE = message -> false;
}
