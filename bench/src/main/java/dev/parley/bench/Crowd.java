package dev.parley.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Brings many clients onto the server: connects them in waves (at most {@code inFlight} still
 * registering at once, so the measurement is of the server and not of a SYN flood), and waits
 * until each is registered and, when it has a room, joined.
 */
final class Crowd {

    private Crowd() {}

    static List<BenchClient> assemble(
            LoadLoop loop, int count, int inFlight, IntFunction<BenchClient> make, Counter ready, long timeoutNanos)
            throws IOException {
        return assemble(loop, count, inFlight, 0, make, ready, timeoutNanos);
    }

    /** As above, and at most {@code perSecond} new connections a second (0: no pace). */
    static List<BenchClient> assemble(
            LoadLoop loop,
            int count,
            int inFlight,
            double perSecond,
            IntFunction<BenchClient> make,
            Counter ready,
            long timeoutNanos)
            throws IOException {
        List<BenchClient> clients = new ArrayList<>(count);
        int[] next = {0};
        long start = System.nanoTime();
        long deadline = start + timeoutNanos;
        boolean done = loop.runUntil(() -> ready.value() >= count, deadline, () -> {
            try {
                long due = perSecond <= 0 ? count : (long) ((System.nanoTime() - start) / 1e9 * perSecond) + 1;
                while (next[0] < count && next[0] < due && next[0] - ready.value() < inFlight) {
                    BenchClient client = make.apply(next[0]);
                    clients.add(client);
                    loop.connect(client);
                    next[0]++;
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        if (!done) {
            throw new IllegalStateException(ready.value() + " of " + count + " clients ready before the timeout");
        }
        return clients;
    }

    /** A count the loop thread bumps. */
    static final class Counter {
        private int value;

        void increment() {
            value++;
        }

        int value() {
            return value;
        }
    }
}
