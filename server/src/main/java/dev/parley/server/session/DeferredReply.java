package dev.parley.server.session;

/**
 * A reply that finishes off the event loop (database, bcrypt). While it is pending the client's
 * further input waits, so replies stay in the order the commands came; {@link #completeWith} sends
 * the collected replies and lets input go on. Lives beside {@link Replies} rather than in the
 * dispatcher so that anything that builds replies (registration, read markers ...) can hold one.
 */
public final class DeferredReply {

    private final Session session;
    private final Runnable sendReplies;
    private boolean done;

    /** @param sendReplies flushes the collected replies (the reply's own flush: no file cycle back to Replies) */
    DeferredReply(Session session, Runnable sendReplies) {
        this.session = session;
        this.sendReplies = sendReplies;
        session.inbound().pause();
    }

    /** Runs {@code task} on the session's thread, then sends the replies and lets input go on. */
    public void completeWith(Runnable task) {
        session.execute(() -> {
            try {
                if (!session.isClosing()) {
                    task.run();
                }
            } finally {
                complete();
            }
        });
    }

    private void complete() {
        if (done) {
            return;
        }
        done = true;
        if (!session.isClosing()) {
            sendReplies.run();
        }
        session.inbound().resume();
    }
}
