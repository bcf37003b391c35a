package dev.parley.server.session;

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
    }

    public Collection<Session> all() {
        return Collections.unmodifiableSet(open);
    }

    public int count() {
        return open.size();
    }
}
