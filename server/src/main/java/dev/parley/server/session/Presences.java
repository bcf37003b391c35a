package dev.parley.server.session;

import dev.parley.protocol.name.CaseMapping;
import dev.parley.server.chat.MemberStatus;
import dev.parley.server.chat.Nicks;
import dev.parley.server.chat.Room;
import dev.parley.server.chat.Room.JoinOutcome;
import dev.parley.server.chat.Rooms;
import dev.parley.server.chat.SharedRoomState;
import dev.parley.server.chat.UserSnapshot;
import dev.parley.server.config.AccountsConfig;
import dev.parley.server.store.PresenceStore;
import dev.parley.server.store.StoredPresence;
import dev.parley.server.store.memory.InMemoryPresenceStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The accounts present now through {@link AccountPresence}s, by casefolded account, and what of
 * always-on ones outlives a restart. The heap copy is the truth; writes go behind on {@code writer}
 * (one thread, in order), so no event loop waits on the database.
 */
public final class Presences implements AccountPresence.Keeper {

    private static final Logger log = LoggerFactory.getLogger(Presences.class);

    /** The host of a presence brought back at start until a connection of its account returns. */
    static final String RESTORED_HOST = "always-on";

    /** How long a start waits for Redis to say what state a kept presence's room has elsewhere. */
    private static final Duration STATE_WAIT = Duration.ofSeconds(5);

    private final Map<String, AccountPresence> byAccount = new ConcurrentHashMap<>();
    private final Map<String, Boolean> choices = new ConcurrentHashMap<>();
    private final PresenceStore store;
    private final Executor writer;
    private final CaseMapping caseMapping;
    private final Supplier<AccountsConfig> config;

    public Presences(PresenceStore store, Executor writer, CaseMapping caseMapping, Supplier<AccountsConfig> config) {
        this.store = store;
        this.writer = writer;
        this.caseMapping = caseMapping;
        this.config = config;
    }

    /** Presences in the heap only, written at once: for tests and running without persistence. */
    public static Presences inMemory(CaseMapping caseMapping, Supplier<AccountsConfig> config) {
        return new Presences(new InMemoryPresenceStore(), Runnable::run, caseMapping, config);
    }

    /** Reads the accounts' choices and the kept presences. Blocking: once at start, before listening. */
    public List<StoredPresence> load() {
        choices.putAll(store.choices());
        List<StoredPresence> kept = store.list();
        log.info("{} always-on presences kept, {} accounts chose always-on or not", kept.size(), choices.size());
        return kept;
    }

    /** Whether several connections of one account may share its nick at once. */
    public boolean multiclient() {
        return config.get().multiclient();
    }

    /** Whether a connection that registered logged in to {@code account} opens a presence for it. */
    public boolean opensFor(String account) {
        return account != null && (multiclient() || alwaysOn(account));
    }

    public Optional<AccountPresence> find(String account) {
        return Optional.ofNullable(byAccount.get(caseMapping.fold(account)));
    }

    public Collection<AccountPresence> all() {
        return byAccount.values();
    }

    /** Whether the account stays present when its last connection leaves: its choice, else the server's default. */
    public boolean alwaysOn(String account) {
        return choices.getOrDefault(caseMapping.fold(account), config.get().alwaysOn());
    }

    /** The presence for {@code first}, a connection that just registered logged in to an account. */
    public AccountPresence open(Session first) {
        AccountPresence presence = new AccountPresence(first.snapshot(), alwaysOn(first.account()));
        byAccount.put(caseMapping.fold(first.account()), presence);
        first.attachTo(presence);
        presence.keptBy(this);
        remember(presence);
        return presence;
    }

    /**
     * Brings the kept presences back at start, before anyone connects: each takes its nick and
     * rejoins its rooms (a room that refuses it now, say a new ban, is left out), marked away. On a
     * cluster each room takes on its state from the other nodes and they hear of the member.
     */
    public void restore(List<StoredPresence> kept, Rooms rooms, Nicks nicks, long nowMillis) {
        for (StoredPresence stored : kept) {
            UserSnapshot user = UserSnapshot.connecting(RESTORED_HOST)
                    .withNick(stored.nick())
                    .withUser(stored.accountKey())
                    .withRealname(stored.realname())
                    .withAccount(stored.account())
                    .registeredAt(nowMillis);
            AccountPresence presence = new AccountPresence(user, true);
            if (!nicks.claim(stored.nick(), presence)) {
                log.warn(
                        "the always-on presence of {} could not take back the nick {}",
                        stored.account(),
                        stored.nick());
                continue;
            }
            presence.goneAway();
            rooms.events().online(presence);
            for (String name : stored.rooms()) {
                if (rooms.join(name, presence, null, stateElsewhere(rooms, name))
                        instanceof JoinOutcome.Joined joined) {
                    Room room = joined.room();
                    presence.rooms().add(room);
                    rooms.events()
                            .joined(
                                    room,
                                    presence,
                                    room.status(presence).orElse(MemberStatus.PLAIN),
                                    JoinReplies.joinLine(presence, room, true));
                }
            }
            restored(presence);
        }
    }

    /**
     * On a cluster, the state the room has on the other nodes, so that a presence coming back into a
     * room that lives on elsewhere does not start it afresh (at start, before anyone connects: waiting
     * here holds up nobody).
     */
    private static Optional<SharedRoomState> stateElsewhere(Rooms rooms, String name) {
        try {
            return rooms.stateFor(name).get(STATE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("the state of {} on the other nodes could not be read; the room starts here afresh", name);
            return Optional.empty();
        }
    }

    /** A kept presence brought back at start. */
    private void restored(AccountPresence presence) {
        byAccount.put(caseMapping.fold(presence.account()), presence);
        presence.keptBy(this);
    }

    /** The presence ended (its last connection left and it is not always-on, or it was removed). */
    public void closed(AccountPresence presence) {
        String key = caseMapping.fold(presence.account());
        presence.keptBy(null);
        if (byAccount.remove(key, presence)) {
            writer.execute(() -> forget(key));
        }
    }

    /** Keeps the presence's nick and rooms when it is always-on; call after they change. */
    @Override
    public void remember(AccountPresence presence) {
        if (!presence.isAlwaysOn()) {
            return;
        }
        List<String> rooms = new ArrayList<>();
        for (Room room : presence.rooms()) {
            rooms.add(room.name());
        }
        String realname = presence.realname() == null ? "" : presence.realname();
        StoredPresence kept = new StoredPresence(
                caseMapping.fold(presence.account()), presence.account(), presence.nick(), realname, rooms);
        writer.execute(() -> {
            try {
                store.put(kept);
            } catch (RuntimeException e) {
                log.warn("{}: could not keep the always-on presence: {}", presence, e.toString());
            }
        });
    }

    /** Records the account's choice (null: the server's default) and applies it to its presence. */
    public void choose(String account, Boolean alwaysOn) {
        String key = caseMapping.fold(account);
        Boolean before = alwaysOn == null ? choices.remove(key) : choices.put(key, alwaysOn);
        if (Objects.equals(before, alwaysOn)) {
            return; // nothing to write: a repeated ALWAYSON costs no database write
        }
        writer.execute(() -> {
            try {
                store.choose(key, alwaysOn);
            } catch (RuntimeException e) {
                log.warn("could not record the always-on choice of {}: {}", account, e.toString());
            }
        });
        AccountPresence presence = byAccount.get(key);
        if (presence != null) {
            presence.setAlwaysOn(alwaysOn(account));
            if (presence.isAlwaysOn()) {
                remember(presence);
            } else {
                writer.execute(() -> forget(key));
            }
        }
    }

    private void forget(String key) {
        try {
            store.remove(key);
        } catch (RuntimeException e) {
            log.warn("could not forget the always-on presence of {}: {}", key, e.toString());
        }
    }
}
