package dev.parley.client.core;

import dev.parley.client.core.ClientEvent.MessageReceived;

/**
 * A batch being received: a page of history or search results ({@link HistoryBatch}), or one
 * multi-line message ({@link MultilineBatch}).
 */
public sealed interface OpenBatch permits HistoryBatch, MultilineBatch {

    /** The batch with one more message line; {@code concat}: the line continues the one before. */
    OpenBatch plus(MessageReceived line, boolean concat);
}
