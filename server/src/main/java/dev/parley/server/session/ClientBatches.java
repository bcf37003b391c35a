package dev.parley.server.session;

/**
 * The batch a client has open ({@code draft/multiline}, the only kind a client may open), or the
 * one it had when that was refused: the refused batch's remaining lines are then dropped quietly
 * until it is closed, so one mistake gets one {@code FAIL}. Owned by the session's event loop.
 */
public final class ClientBatches {

    private MultilineDraft open;
    private String refused;

    /** The open multi-line message, or null. */
    public MultilineDraft open() {
        return open;
    }

    /** Whether lines must be looked at before the command table: a batch is open or was refused. */
    public boolean active() {
        return open != null || refused != null;
    }

    public void open(MultilineDraft draft) {
        open = draft;
        refused = null;
    }

    /** Refuses the open batch (if any): its remaining lines are dropped until it is closed. */
    public void refuse() {
        if (open != null) {
            refused = open.reference();
            open = null;
        }
    }

    /** Refuses a batch that was never opened (a second one while one was open). */
    public void refuse(String reference) {
        refuse();
        refused = reference;
    }

    /** Whether {@code reference} names the refused batch. */
    public boolean isRefused(String reference) {
        return reference.equals(refused);
    }

    /** The batch is closed: nothing open, nothing refused. */
    public void close() {
        open = null;
        refused = null;
    }
}
