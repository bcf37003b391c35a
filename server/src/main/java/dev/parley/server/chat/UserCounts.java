package dev.parley.server.chat;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many users are registered now, how many of them are invisible or operators, and the most
 * there were at once (LUSERS). Kept up to date as users come, change and go, so LUSERS, sent in
 * every welcome, costs the same with ten users or ten thousand.
 */
public final class UserCounts {

    private final AtomicInteger current = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final AtomicInteger invisible = new AtomicInteger();
    private final AtomicInteger operators = new AtomicInteger();

    public void registered(ChatUser user) {
        int now = current.incrementAndGet();
        peak.accumulateAndGet(now, Math::max);
        if (user.isInvisible()) {
            invisible.incrementAndGet();
        }
        if (user.isOperator()) {
            operators.incrementAndGet();
        }
    }

    public void departed(ChatUser user) {
        current.decrementAndGet();
        if (user.isInvisible()) {
            invisible.decrementAndGet();
        }
        if (user.isOperator()) {
            operators.decrementAndGet();
        }
    }

    /** A registered user became (or stopped being) invisible. */
    public void invisibleChanged(boolean nowInvisible) {
        invisible.addAndGet(nowInvisible ? 1 : -1);
    }

    /** A registered user became (or stopped being) an operator. */
    public void operatorChanged(boolean nowOperator) {
        operators.addAndGet(nowOperator ? 1 : -1);
    }

    public int current() {
        return current.get();
    }

    public int peak() {
        return peak.get();
    }

    public int invisible() {
        return invisible.get();
    }

    public int operators() {
        return operators.get();
    }
}
