package dev.parley.server.store.memory;

import dev.parley.protocol.name.CaseMapping;
import dev.parley.server.store.Ban;
import dev.parley.server.store.BanStore;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Bans in the heap, keyed by the folded mask like the SQL table: for tests and for running without
 * persistence. Listed oldest first (then by folded mask), as the SQL store lists them.
 */
public final class InMemoryBanStore implements BanStore {

    private final CaseMapping caseMapping;
    private final ConcurrentMap<String, Ban> bans = new ConcurrentHashMap<>();

    /** Folds masks with {@link CaseMapping#RFC1459}, the mapping Parley advertises. */
    public InMemoryBanStore() {
        this(CaseMapping.RFC1459);
    }

    public InMemoryBanStore(CaseMapping caseMapping) {
        this.caseMapping = caseMapping;
    }

    @Override
    public List<Ban> list() {
        return bans.entrySet().stream()
                .sorted(Comparator.comparing(
                                (Map.Entry<String, Ban> e) -> e.getValue().createdAt())
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getValue)
                .toList();
    }

    @Override
    public void put(Ban ban) {
        bans.put(caseMapping.fold(ban.mask()), ban);
    }

    @Override
    public boolean remove(String mask) {
        return bans.remove(caseMapping.fold(mask)) != null;
    }
}
