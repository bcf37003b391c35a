package dev.parley.server.session;

/** Handles a session's inbound lines, in order, on the session's thread. Implemented by the dispatcher. */
public interface LineProcessor {

    /** The flood budget this line spends (0 for free). */
    double floodCost(Session session, InboundLine line);

    void process(Session session, InboundLine line);
}
