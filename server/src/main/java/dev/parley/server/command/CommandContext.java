package dev.parley.server.command;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.server.session.Replies;
import dev.parley.server.session.Session;

/**
 * One command being handled: who sent what, and the replies being collected. A handler that must
 * finish off the event loop calls {@link #defer()}; further input from the client waits until the
 * returned {@link Deferred} completes on the session's thread.
 */
public final class CommandContext {

    private final Session session;
    private final IrcMessage message;
    private final Replies replies;
    private final Services services;
    private boolean deferred;

    public CommandContext(Session session, IrcMessage message, Replies replies, Services services) {
        this.session = session;
        this.message = message;
        this.replies = replies;
        this.services = services;
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

    public Services services() {
        return services;
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
        return deferred;
    }

    /** Holds the reply and further input until the returned handle completes. */
    public Deferred defer() {
        deferred = true;
        session.inbound().pause();
        return new Deferred(this);
    }

    /** A command finishing later. {@link #complete()} must run on the session's thread. */
    public static final class Deferred {
        private final CommandContext ctx;
        private boolean done;

        private Deferred(CommandContext ctx) {
            this.ctx = ctx;
        }

        /** Runs {@code task} on the session's thread, then sends the replies and lets input go on. */
        public void completeWith(Runnable task) {
            ctx.session.execute(() -> {
                try {
                    if (!ctx.session.isClosing()) {
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
            if (!ctx.session.isClosing()) {
                ctx.replies.flush();
            }
            ctx.session.inbound().resume();
        }
    }
}
