package dev.parley.server.auth;

import dev.parley.protocol.name.CaseMapping;
import dev.parley.protocol.name.Mask;
import dev.parley.server.store.Ban;
import dev.parley.server.store.BanStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/** PLACEHOLDER until the storage work lands: same API as the real one. */
public final class Bans {

    private final BanStore store;
    private final CaseMapping caseMapping;
    private final Executor pool;
    private volatile List<Ban> snapshot = List.of();

    public Bans(BanStore store, CaseMapping caseMapping, Executor pool) {
        this.store = store;
        this.caseMapping = caseMapping;
        this.pool = pool;
    }

    public void load() {
        snapshot = List.copyOf(store.list());
    }

    public Optional<Ban> find(String nickUserHost) {
        return snapshot.stream().filter(b -> Mask.of(b.mask(), caseMapping).matches(nickUserHost)).findFirst();
    }

    public List<Ban> list() {
        return snapshot;
    }

    public synchronized CompletionStage<Ban> add(String typed, String reason, String setBy) {
        Ban ban = new Ban(Mask.normalize(typed), reason, setBy, Instant.now());
        List<Ban> next = new ArrayList<>(snapshot);
        next.removeIf(b -> caseMapping.equal(b.mask(), ban.mask()));
        next.add(ban);
        snapshot = List.copyOf(next);
        return CompletableFuture.supplyAsync(() -> { store.put(ban); return ban; }, pool);
    }

    public synchronized CompletionStage<Boolean> remove(String typed) {
        String mask = Mask.normalize(typed);
        List<Ban> next = new ArrayList<>(snapshot);
        boolean removed = next.removeIf(b -> caseMapping.equal(b.mask(), mask));
        snapshot = List.copyOf(next);
        return CompletableFuture.supplyAsync(() -> store.remove(mask) || removed, pool);
    }
}
