package dev.parley.server.command;

import dev.parley.protocol.name.CaseMapping;
import dev.parley.server.store.MarkerUpdate;
import dev.parley.server.store.ReadMarkerStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Read markers in the heap; like the SQL store, a marker only moves forward. Test-only, as {@link InMemoryAccountStore}. */
final class InMemoryReadMarkerStore implements ReadMarkerStore {

    private final CaseMapping caseMapping;
    private final Map<String, Instant> markers = new ConcurrentHashMap<>();

    InMemoryReadMarkerStore(CaseMapping caseMapping) {
        this.caseMapping = caseMapping;
    }

    @Override
    public Optional<Instant> find(String account, String target) {
        return Optional.ofNullable(markers.get(key(account, target)));
    }

    @Override
    public MarkerUpdate advance(String account, String target, Instant time) {
        Instant[] before = new Instant[1];
        Instant now = markers.merge(key(account, target), time, (old, wanted) -> {
            before[0] = old;
            return wanted.isAfter(old) ? wanted : old;
        });
        return new MarkerUpdate(now, before[0] == null || now.isAfter(before[0]));
    }

    private String key(String account, String target) {
        return caseMapping.fold(account) + " " + caseMapping.fold(target);
    }
}
