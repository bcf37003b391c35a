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
        session.execute(() -> finish(task));
    }

    /**
     * Like {@link #completeWith}, with the replies placed after every line other threads sent the
     * session before this call (and before those sent after it): a sender's echo of a message that
     * the calling thread has just delivered to the others keeps its place among those lines.
     */
    public void completeAfterQueued(Runnable task) {
        session.executeAfterQueued(() -> finish(task));
    }

    private void finish(Runnable task) {
        try {
            if (!session.isClosing()) {
                task.run();
            }
        } finally {
            complete();
        }
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
