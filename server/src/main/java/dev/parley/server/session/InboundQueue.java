package dev.parley.server.session;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.function.LongSupplier;

/**
 * A session's lines waiting to be handled, in order. Lines wait while the flood budget is spent
 * (the client is slowed down, never dropped) and while a command's reply is being prepared off the
 * event loop. Past {@code highWater} waiting lines the connection stops reading, so a flooding
 * client fills its own TCP window instead of our heap.
 */
public final class InboundQueue {

    private final Connection connection;
    private final Handler handler;
    private final LongSupplier nanoClock;
    private final int highWater;
    private final ArrayDeque<InboundLine> waiting = new ArrayDeque<>();
    private FloodBudget budget;
    private int pauses;
    private boolean drainScheduled;
    private boolean readingStopped;

    /** What the queue hands its lines to, in order, on the connection's thread. */
    public interface Handler {

        /** The flood budget this line spends (0 for free). */
        double floodCost(InboundLine line);

        void process(InboundLine line);
    }

    public InboundQueue(Connection connection, Handler handler, LongSupplier nanoClock, int highWater) {
        this.connection = connection;
        this.handler = handler;
        this.nanoClock = nanoClock;
        this.highWater = highWater;
    }

    /** Turns flood control on (at registration) or off ({@code null}). */
    public void setBudget(FloodBudget value) {
        budget = value;
    }

    public void offer(InboundLine line) {
        waiting.add(line);
        drain();
        if (waiting.size() >= highWater && !readingStopped) {
            readingStopped = true;
            connection.setReading(false);
        }
    }

    /** Holds further lines until {@link #resume()}: a command is finishing asynchronously. */
    public void pause() {
        pauses++;
    }

    public void resume() {
        pauses--;
        drain();
    }

    private void drain() {
        while (pauses == 0 && !waiting.isEmpty() && connection.isOpen()) {
            InboundLine next = waiting.peek();
            if (!spend(next)) {
                break; // the rest waits for the budget; reading may still resume below
            }
            waiting.poll();
            handler.process(next);
        }
        if (readingStopped && waiting.size() < highWater / 2) {
            readingStopped = false;
            connection.setReading(true);
        }
    }

    private boolean spend(InboundLine line) {
        if (budget == null) {
            return true;
        }
        double cost = handler.floodCost(line);
        if (cost <= 0) {
            return true;
        }
        long wait = budget.trySpend(cost, nanoClock.getAsLong());
        if (wait == 0) {
            return true;
        }
        if (!drainScheduled) {
            drainScheduled = true;
            connection.schedule(this::scheduledDrain, Duration.ofNanos(wait));
        }
        return false;
    }

    private void scheduledDrain() {
        drainScheduled = false;
        drain();
    }
}
