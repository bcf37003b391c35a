package dev.parley.server.chat;

import dev.parley.protocol.name.CaseMapping;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Who recently held which nick, for WHOWAS: the last {@code capacity} departures and nick changes,
 * newest first. Bounded: the oldest entry goes when a new one comes.
 */
public final class NickHistory {

    /** One user as they were when they left a nick. */
    public record Entry(String nick, String user, String host, String realname, long leftAtMillis) {}

    private final CaseMapping caseMapping;
    private final int capacity;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();

    public NickHistory(CaseMapping caseMapping, int capacity) {
        this.caseMapping = caseMapping;
        this.capacity = capacity;
    }

    public synchronized void remember(ChatUser user, long nowMillis) {
        if (entries.size() == capacity) {
            entries.removeLast();
        }
        entries.addFirst(new Entry(user.nick(), user.user(), user.host(), user.realname(), nowMillis));
    }

    /** Entries for the nick, newest first; at most {@code limit} when it is positive. */
    public synchronized List<Entry> find(String nick, int limit) {
        List<Entry> found = new ArrayList<>();
        String folded = caseMapping.fold(nick);
        for (Iterator<Entry> it = entries.iterator(); it.hasNext() && (limit <= 0 || found.size() < limit); ) {
            Entry entry = it.next();
            if (caseMapping.fold(entry.nick()).equals(folded)) {
                found.add(entry);
            }
        }
        return found;
    }
}
