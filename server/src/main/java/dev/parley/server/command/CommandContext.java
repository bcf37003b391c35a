package dev.parley.server.command;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.server.session.DeferredReply;
import dev.parley.server.session.Replies;
import dev.parley.server.session.Session;

/**
 * One command being handled: who sent what, and the replies being collected. A handler that must
 * finish off the event loop calls {@link #defer()}; further input from the client waits until the
 * returned {@link DeferredReply} completes on the session's thread.
 */
public final class CommandContext {

    private final Session session;
    private final IrcMessage message;
    private final Replies replies;

    public CommandContext(Session session, IrcMessage message, Replies replies) {
        this.session = session;
        this.message = message;
        this.replies = replies;
    }

    public Session session() {
        return session;
    }

    public IrcMessage message() {
        return message;
    }

    public Replies replies() {
        return replies;
    }

    public String param(int index) {
        return message.param(index);
    }

    public int paramCount() {
        return message.params().size();
    }

    public void numeric(Numeric numeric, String... params) {
        replies.numeric(numeric, params);
    }

    public boolean isDeferred() {
        return replies.isDeferred();
    }

    /** Holds the reply and further input until the returned handle completes. */
    public DeferredReply defer() {
        return replies.defer();
    }
}
