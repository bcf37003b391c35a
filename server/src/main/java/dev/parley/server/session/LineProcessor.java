package dev.parley.server.session;

/** Handles a session's inbound lines, in order, on the session's thread. Implemented by the dispatcher. */
public interface LineProcessor {

    /** The flood budget this line spends (0 for free). */
    double floodCost(Session session, InboundLine line);

    void process(Session session, InboundLine line);

    /** This processor as one session's input queue sees it. */
    default InboundQueue.Handler boundTo(Session session) {
        LineProcessor processor = this;
        return new InboundQueue.Handler() {
            @Override
            public double floodCost(InboundLine line) {
                return processor.floodCost(session, line);
            }

            @Override
            public void process(InboundLine line) {
                processor.process(session, line);
            }
        };
    }
}
