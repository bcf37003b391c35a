package dev.parley.server.store;

/**
 * A search took longer than its query allowed and the database stopped it: the search is too broad,
 * not the database unavailable (which is {@link StoreException}).
 */
public final class SearchTimedOut extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SearchTimedOut(Throwable cause) {
        super("the search took too long", cause);
    }
}
