package dev.parley.client.core;

import java.util.ArrayList;
import java.util.List;

/**
 * A batch of whole messages being received: {@code chathistory} (its target) or
 * {@code soju.im/search} (no target), and the messages so far.
 */
public record HistoryBatch(String type, String target, List<ClientEvent.MessageReceived> messages)
        implements OpenBatch {

    public static final String CHATHISTORY = "chathistory";
    public static final String SEARCH = "soju.im/search";

    public HistoryBatch {
        messages = List.copyOf(messages);
    }

    @Override
    public HistoryBatch plus(ClientEvent.MessageReceived message, boolean concat) {
        List<ClientEvent.MessageReceived> next = new ArrayList<>(messages);
        next.add(message);
        return new HistoryBatch(type, target, next);
    }

    /** What the whole batch tells, once closed. */
    ClientEvent done() {
        return SEARCH.equals(type)
                ? new ClientEvent.SearchResults(null, messages)
                : new ClientEvent.HistoryReplayed(target, messages);
    }
}
