package dev.parley.server.store;

/**
 * The database failed (unreachable, locked, out of space). Unchecked so that the ports stay free of
 * JDBC types; callers that can wait it out (the history writer) catch it and retry.
 */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The database cannot serve as configured (it lacks something the configuration names). */
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
