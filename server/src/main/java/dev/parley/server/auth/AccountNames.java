package dev.parley.server.auth;

import dev.parley.protocol.name.CaseMapping;
import dev.parley.server.store.Account;
import dev.parley.server.store.AccountStore;
import dev.parley.server.store.StoreException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The (casefolded) names of the registered accounts, held in memory so that a connection taking an
 * unregistered nick, nearly every one, is admitted without a database query. Loaded at start,
 * told of the accounts this server creates (and, on a cluster, of those the other nodes create),
 * and reloaded now and then for accounts added or removed from outside (the {@code parley accounts}
 * command on the same database, the admin console). A registered
 * nick stays protected while the database is down.
 */
public final class AccountNames {

    private static final Logger log = LoggerFactory.getLogger(AccountNames.class);

    private final AccountStore store;
    private final CaseMapping caseMapping;
    private volatile Set<String> folded;
    private volatile Consumer<String> onRegistered = name -> {};

    public AccountNames(AccountStore store, CaseMapping caseMapping) {
        this.store = store;
        this.caseMapping = caseMapping;
    }

    /** Reads every account name from the store; blocking. On failure the names known so far stay. */
    public void reload() {
        try {
            Set<String> names = ConcurrentHashMap.newKeySet();
            for (Account account : store.list()) {
                names.add(caseMapping.fold(account.name()));
            }
            folded = names;
        } catch (StoreException e) {
            log.warn("account names not reloaded: the account store is unavailable ({})", e.getMessage());
        }
    }

    /** Whether the names were loaded once: before that every nick must be looked up. */
    public boolean isLoaded() {
        return folded != null;
    }

    /** Whether {@code nick} is a registered account's name; false as well before the first load. */
    public boolean isRegistered(String nick) {
        Set<String> names = folded;
        return names != null && names.contains(caseMapping.fold(nick));
    }

    /** An account registered here: known at once, and {@link #onRegistered told} (the other cluster nodes). */
    void added(String name) {
        known(name);
        onRegistered.accept(name);
    }

    /** An account registered elsewhere (another cluster node): its name is protected here at once. */
    public void known(String name) {
        Set<String> names = folded;
        if (names != null) {
            names.add(caseMapping.fold(name));
        }
    }

    /** Who hears of each account registered here (a cluster's other nodes); set once at start. */
    public void onRegistered(Consumer<String> listener) {
        this.onRegistered = listener;
    }
}
