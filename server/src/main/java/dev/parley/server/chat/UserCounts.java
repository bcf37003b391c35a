package dev.parley.server.chat;

import java.util.concurrent.atomic.AtomicInteger;

/** How many users are registered now, and the most there were at once (LUSERS 265/266). */
public final class UserCounts {

    private final AtomicInteger current = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();

    public void registered() {
        int now = current.incrementAndGet();
        peak.accumulateAndGet(now, Math::max);
    }

    public void departed() {
        current.decrementAndGet();
    }

    public int current() {
        return current.get();
    }

    public int peak() {
        return peak.get();
    }
}
