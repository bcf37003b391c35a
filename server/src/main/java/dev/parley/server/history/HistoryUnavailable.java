package dev.parley.server.history;

/**
 * A history request the database could not serve (down, hung, refusing): an expected outcome while
 * it is away, not a bug. The caller answers the user; {@link StoredHistory} has already logged it,
 * at most once a minute. Carries no stack trace.
 */
public final class HistoryUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    HistoryUnavailable(String reason) {
        super(reason, null, false, false);
    }
}
