package dev.parley.server.chat;

import dev.parley.protocol.name.CaseMapping;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who watches which nick (IRCv3 MONITOR), by casefolded nick. Each user's own list and its bound
 * live in their session; this is the reverse index used to notify watchers.
 */
public final class Monitors {

    /** Nicks one client may monitor (ISUPPORT MONITOR). */
    public static final int LIMIT = 100;

    private final ConcurrentHashMap<String, Set<ChatUser>> watchersByNick = new ConcurrentHashMap<>();
    private final CaseMapping caseMapping;

    public Monitors(CaseMapping caseMapping) {
        this.caseMapping = caseMapping;
    }

    public void watch(ChatUser watcher, String nick) {
        watchersByNick
                .computeIfAbsent(caseMapping.fold(nick), k -> ConcurrentHashMap.newKeySet())
                .add(watcher);
    }

    public void unwatch(ChatUser watcher, String nick) {
        watchersByNick.computeIfPresent(caseMapping.fold(nick), (k, set) -> {
            set.remove(watcher);
            return set.isEmpty() ? null : set;
        });
    }

    /** Removes the watcher from every nick it watched. */
    public void unwatchAll(ChatUser watcher, Collection<String> nicks) {
        for (String nick : nicks) {
            unwatch(watcher, nick);
        }
    }

    public List<ChatUser> watchersOf(String nick) {
        Set<ChatUser> watchers = watchersByNick.get(caseMapping.fold(nick));
        return watchers == null ? List.of() : List.copyOf(watchers);
    }
}
