package dev.parley.server.session;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Every open session, registered or not: for shutdown and metrics. */
public final class Sessions {

    private final Set<Session> open = ConcurrentHashMap.newKeySet();

    public void add(Session session) {
        open.add(session);
    }

    public void remove(Session session) {
        open.remove(session);
        if (open.isEmpty()) {
            synchronized (this) {
                notifyAll();
            }
        }
    }

    /** Waits until every session is gone or the timeout passes; whether they are all gone. */
    public synchronized boolean awaitEmpty(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!open.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    public Collection<Session> all() {
        return Collections.unmodifiableSet(open);
    }

    public int count() {
        return open.size();
    }
}
