package dev.parley.server.auth;

import dev.parley.protocol.name.CaseMapping;
import dev.parley.server.config.AccountsConfig;
import dev.parley.server.config.AuthConfig;
import dev.parley.server.store.Account;
import dev.parley.server.store.AccountStore;
import dev.parley.server.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registered accounts as the server uses them: logins checked with bcrypt and limited per address
 * and per account, registrations limited per address. The asynchronous methods run on the blocking
 * pool and never on an event loop; the {@code ...Now} ones block and are for code already off it.
 */
public final class Accounts {

    private static final Logger log = LoggerFactory.getLogger(Accounts.class);
    /** Addresses and accounts the limiters remember at most. */
    private static final int MAX_TRACKED_KEYS = 50_000;

    private final AccountStore store;
    private final PasswordHasher hasher;
    private final CaseMapping caseMapping;
    private final Executor blocking;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private final AttemptLimiter failedLogins;
    private final AttemptLimiter registrations;
    private final AccountNames names;

    public Accounts(AccountStore store, AccountsConfig config, CaseMapping caseMapping, Executor blocking, Clock clock) {
        this(store, new PasswordHasher(config.bcryptCost()), config, caseMapping, blocking, clock, System::nanoTime);
    }

    Accounts(AccountStore store, PasswordHasher hasher, AccountsConfig config, CaseMapping caseMapping,
            Executor blocking, Clock clock, LongSupplier nanoTime) {
        this.store = store;
        this.hasher = hasher;
        this.caseMapping = caseMapping;
        this.blocking = blocking;
        this.clock = clock;
        this.nanoTime = nanoTime;
        this.failedLogins = new AttemptLimiter(config.loginAttempts(), config.loginWindow(), MAX_TRACKED_KEYS);
        this.registrations =
                new AttemptLimiter(config.registrationsPerIp(), config.registrationWindow(), MAX_TRACKED_KEYS);
        this.names = new AccountNames(store, caseMapping);
    }

    /** The registered names held in memory (see {@link AccountNames}). */
    public AccountNames names() {
        return names;
    }

    /** The account with this name, if any; empty as well when the store cannot be reached. */
    public CompletableFuture<Optional<Account>> find(String name) {
        return CompletableFuture.supplyAsync(() -> findNow(name), blocking);
    }

    public Optional<Account> findNow(String name) {
        try {
            return store.find(name);
        } catch (StoreException e) {
            log.warn("account lookup failed: {}", e.getMessage());
            return Optional.empty();
        }
    }

    public CompletableFuture<LoginOutcome> login(String name, String password, String ip) {
        return CompletableFuture.supplyAsync(() -> loginNow(name, password, ip), blocking);
    }

    /** Checks {@code password} against account {@code name}, counting a failure against both keys. */
    public LoginOutcome loginNow(String name, String password, String ip) {
        long now = nanoTime.getAsLong();
        Duration wait = max(failedLogins.refusedFor(ipKey(ip), now), failedLogins.refusedFor(accountKey(name), now));
        if (!wait.isZero()) {
            log.info("login to account {} from {} refused unchecked: too many failed logins", name, ip);
            return new LoginOutcome.Throttled(wait);
        }
        Optional<Account> account;
        try {
            account = store.find(name);
        } catch (StoreException e) {
            log.warn("login to account {} failed: the account store is unavailable ({})", name, e.getMessage());
            return new LoginOutcome.Unavailable();
        }
        boolean matches = account.isPresent()
                ? hasher.matches(password, account.get().passwordHash())
                : hasher.matchNothing(password);
        if (!matches) {
            failedLogins.record(ipKey(ip), now);
            failedLogins.record(accountKey(name), now);
            log.info("failed login to account {} from {}", name, ip);
            return new LoginOutcome.Refused();
        }
        failedLogins.clear(accountKey(name));
        return new LoginOutcome.LoggedIn(account.get());
    }

    /** Counts a failed login that had no account to check (a wrong server password, say). */
    public void recordFailure(String ip) {
        failedLogins.record(ipKey(ip), nanoTime.getAsLong());
    }

    /** How long logins from this address are refused unchecked (zero: not refused). */
    public Duration loginsRefusedFor(String ip) {
        return failedLogins.refusedFor(ipKey(ip), nanoTime.getAsLong());
    }

    public CompletableFuture<RegisterOutcome> register(String name, String password, String ip) {
        return CompletableFuture.supplyAsync(() -> registerNow(name, password, ip), blocking);
    }

    private RegisterOutcome registerNow(String name, String password, String ip) {
        long now = nanoTime.getAsLong();
        Duration wait = registrations.refusedFor(ipKey(ip), now);
        if (!wait.isZero()) {
            return new RegisterOutcome.Throttled(wait);
        }
        try {
            if (store.find(name).isPresent()) {
                return new RegisterOutcome.Exists(); // known before spending a bcrypt hash on it
            }
            Account account = new Account(name, hasher.hash(password), false, clock.instant());
            if (!store.create(account)) {
                return new RegisterOutcome.Exists();
            }
            registrations.record(ipKey(ip), now);
            names.added(name);
            log.info("account {} registered from {}", name, ip);
            return new RegisterOutcome.Created(account);
        } catch (StoreException e) {
            log.warn("registration of account {} failed: the account store is unavailable ({})", name, e.getMessage());
            return new RegisterOutcome.Unavailable();
        }
    }

    /**
     * Makes sure the admin account exists with the operator flag, creating it from
     * {@code auth.admin-password} on the first start. Blocking; runs once at server start.
     */
    public void ensureAdmin(AuthConfig auth) {
        String name = auth.adminName();
        Optional<Account> existing = store.find(name);
        if (existing.isEmpty()) {
            String configured = auth.adminPassword().reveal();
            String hash = PasswordHasher.isHash(configured) ? configured : hasher.hash(configured);
            store.create(new Account(name, hash, true, clock.instant()));
            names.added(name);
            log.info("created the admin account {} from auth.admin-password", name);
            return;
        }
        if (!existing.get().operator()) {
            store.setOperator(name, true);
            log.info("gave the admin account {} the operator flag", name);
        }
        String configured = auth.adminPassword().reveal();
        boolean sameAsConfig = PasswordHasher.isHash(configured)
                ? configured.equals(existing.get().passwordHash())
                : hasher.matches(configured, existing.get().passwordHash());
        if (!sameAsConfig) {
            log.warn("auth.admin-password differs from the password of the admin account {}; the account's password "
                    + "is in force (change it with `parley accounts passwd {}`)", name, name);
        }
    }

    public CaseMapping caseMapping() {
        return caseMapping;
    }

    private String ipKey(String ip) {
        return "ip " + ip;
    }

    private String accountKey(String name) {
        return "account " + caseMapping.fold(name);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
