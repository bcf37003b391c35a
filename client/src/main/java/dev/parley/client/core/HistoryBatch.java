package dev.parley.client.core;

import java.util.ArrayList;
import java.util.List;

/** A {@code chathistory} batch being received: its target and the messages so far. */
public record HistoryBatch(String target, List<ClientEvent.MessageReceived> messages) {

    public HistoryBatch {
        messages = List.copyOf(messages);
    }

    public HistoryBatch plus(ClientEvent.MessageReceived message) {
        List<ClientEvent.MessageReceived> next = new ArrayList<>(messages);
        next.add(message);
        return new HistoryBatch(target, next);
    }
}
