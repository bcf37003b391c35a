package dev.parley.server.auth;

import dev.parley.protocol.name.CaseMapping;
import dev.parley.protocol.name.Mask;
import dev.parley.server.store.Ban;
import dev.parley.server.store.BanStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's ban list, checked at registration and changed by BAN and UNBAN. Registration runs on
 * event loops, so checks read an immutable in-memory snapshot and never touch the store; changes
 * swap the snapshot at once (a ban bites from the next registration) and are persisted on the
 * blocking pool, one after another in the order they were made, so a quick BAN then UNBAN cannot
 * reach the database reversed. If persisting fails the change still holds until restart, and the
 * returned stage fails so the operator hears of it.
 */
public final class Bans {

    private static final Logger log = LoggerFactory.getLogger(Bans.class);

    private final BanStore store;
    private final CaseMapping caseMapping;
    private final Executor blockingPool;
    private final Clock clock;
    private final Object changeOrder = new Object();
    private volatile Map<String, Entry> snapshot = Map.of();
    private CompletableFuture<?> lastWrite = CompletableFuture.completedFuture(null);
    /** Changes made here, counted so that a reread does not undo one made while it ran. */
    private long changes;

    private volatile Runnable onStored = () -> {};

    public Bans(BanStore store, CaseMapping caseMapping, Executor blockingPool) {
        this(store, caseMapping, blockingPool, Clock.systemUTC());
    }

    public Bans(BanStore store, CaseMapping caseMapping, Executor blockingPool, Clock clock) {
        this.store = store;
        this.caseMapping = caseMapping;
        this.blockingPool = blockingPool;
        this.clock = clock;
    }

    /** Reads every stored ban into memory. Blocking: call once at server start, before listening. */
    public void load() {
        Map<String, Entry> loaded = entries(store.list());
        synchronized (changeOrder) {
            snapshot = loaded;
        }
        log.info("{} bans loaded", loaded.size());
    }

    /**
     * Rereads the stored bans on the blocking pool, after this node's own pending writes (another
     * cluster node changed them). If a change is made here meanwhile, reads again once it is stored,
     * so the reread never undoes it. Never blocks; the stage completes once the new list is in force.
     */
    public CompletionStage<Void> reload() {
        synchronized (changeOrder) {
            long seen = changes;
            CompletableFuture<List<Ban>> read = lastWrite
                    .handle((ignored, previousFailure) -> null)
                    .thenApplyAsync(ignored -> store.list(), blockingPool);
            lastWrite = read;
            return read.thenCompose(stored -> {
                synchronized (changeOrder) {
                    if (changes != seen) {
                        return reload();
                    }
                    snapshot = entries(stored);
                    return CompletableFuture.completedFuture(null);
                }
            });
        }
    }

    /** {@code listener} runs (on the blocking pool) after each change made here is stored: a cluster tells the others. */
    public void onStored(Runnable listener) {
        this.onStored = listener;
    }

    private Map<String, Entry> entries(List<Ban> stored) {
        Map<String, Entry> loaded = new LinkedHashMap<>();
        stored.forEach(ban -> loaded.put(fold(ban.mask()), entry(ban)));
        return Collections.unmodifiableMap(loaded);
    }

    /** The first ban matching a {@code nick!user@host}; never blocks, so event loops may call it. */
    public Optional<Ban> find(String nickUserHost) {
        return find(nickUserHost, null, null);
    }

    /**
     * The first ban on any of a user's identities: the {@code nick!user@host}, the account they are
     * logged in to, or (for a guest, whose {@code account} is {@code null}) their address. A ban's
     * address does not apply to users logged in to an account: they are judged by their account.
     * Never blocks, so event loops may call it.
     */
    public Optional<Ban> find(String nickUserHost, String account, String address) {
        return snapshot.values().stream()
                .filter(entry -> entry.matches(nickUserHost, account, address))
                .map(Entry::ban)
                .findFirst();
    }

    /** Every ban, oldest first. */
    public List<Ban> list() {
        return snapshot.values().stream().map(Entry::ban).toList();
    }

    /**
     * Bans a nick ({@code bob} becomes {@code bob!*@*}) or a mask, replacing a ban on the same mask.
     * In force on return; the stage completes once it is stored.
     */
    public CompletionStage<Ban> add(String typedMaskOrNick, String reason, String setBy) {
        return add(typedMaskOrNick, null, null, reason, setBy);
    }

    /**
     * Like {@link #add(String, String, String)}, also banning an account and a guest's address
     * (either may be {@code null}), which are listed and lifted with the mask.
     */
    public CompletionStage<Ban> add(
            String typedMaskOrNick, String account, String address, String reason, String setBy) {
        Ban ban = new Ban(normalize(typedMaskOrNick), account, address, reason, setBy, Instant.now(clock));
        String key = fold(ban.mask());
        synchronized (changeOrder) {
            Map<String, Entry> next = new LinkedHashMap<>(snapshot);
            next.remove(key);
            next.put(key, entry(ban));
            snapshot = Collections.unmodifiableMap(next);
            changes++;
            return persist(
                    () -> {
                        store.put(ban);
                        return ban;
                    },
                    "store the ban on " + ban.mask());
        }
    }

    /** Lifts the ban on a nick or mask, at once; the stage says whether there was one, once stored. */
    public CompletionStage<Boolean> remove(String typedMaskOrNick) {
        String mask = normalize(typedMaskOrNick);
        String key = fold(mask);
        synchronized (changeOrder) {
            boolean present = snapshot.containsKey(key);
            if (present) {
                Map<String, Entry> next = new LinkedHashMap<>(snapshot);
                next.remove(key);
                snapshot = Collections.unmodifiableMap(next);
                changes++;
            }
            return persist(() -> store.remove(mask) || present, "remove the ban on " + mask);
        }
    }

    /** Chains a store write after the previous one; called with {@code changeOrder} held, no I/O here. */
    private <T> CompletionStage<T> persist(Supplier<T> write, String what) {
        CompletableFuture<T> next = lastWrite
                .handle((ignored, previousFailure) -> null)
                .thenApplyAsync(ignored -> write.get(), blockingPool);
        next.whenComplete((ignored, failure) -> {
            if (failure != null) {
                log.warn("could not {}; it holds until restart", what, failure);
            } else {
                onStored.run();
            }
        });
        lastWrite = next;
        return next;
    }

    private static String normalize(String typedMaskOrNick) {
        String typed = typedMaskOrNick == null ? "" : typedMaskOrNick.strip();
        if (typed.isEmpty()) {
            throw new IllegalArgumentException("a ban needs a nick or a mask");
        }
        return Mask.normalize(typed);
    }

    private String fold(String mask) {
        return caseMapping.fold(mask);
    }

    private Entry entry(Ban ban) {
        return new Entry(ban, Mask.of(ban.mask(), caseMapping), caseMapping);
    }

    /** A ban with its mask compiled once, not on every registration. */
    private record Entry(Ban ban, Mask mask, CaseMapping caseMapping) {

        boolean matches(String nickUserHost, String account, String address) {
            if (mask.matches(nickUserHost)) {
                return true;
            }
            if (account != null) {
                return ban.account() != null && caseMapping.equal(ban.account(), account);
            }
            return ban.address() != null && ban.address().equals(address);
        }
    }
}
