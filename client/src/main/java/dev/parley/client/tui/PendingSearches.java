package dev.parley.client.tui;

import dev.parley.client.core.ClientEvent;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The searches sent and not yet answered, oldest first: the server answers SEARCH in the order
 * asked, so each answer is named after the oldest one waiting. Sent from the input thread,
 * answered on the reader thread.
 */
final class PendingSearches {

    private final Queue<String> names = new ConcurrentLinkedQueue<>();

    void sent(SearchRequest request) {
        names.add(request.name());
    }

    /** The answer, named after the search it answers (null when none was waiting); others as they are. */
    ClientEvent name(ClientEvent event) {
        if (event instanceof ClientEvent.SearchResults results) {
            return results.withQuery(names.poll());
        }
        if (event instanceof ClientEvent.SearchFailed failed) {
            return failed.withQuery(names.poll());
        }
        return event;
    }

    /** A lost connection answers nothing that was waiting. */
    void forget() {
        names.clear();
    }
}
