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
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registered accounts as the server uses them: logins checked with bcrypt and limited by a
 * {@link LoginThrottle}, registrations limited per address. Logins and registrations run on the
 * bounded {@link PasswordChecks} pool, lookups on the blocking pool, never on an event loop; the
 * {@code ...Now} ones block and are for code already off it.
 */
public final class Accounts {

    private static final Logger log = LoggerFactory.getLogger(Accounts.class);
    /** Addresses the registration limiter remembers at most. */
    private static final int MAX_TRACKED_KEYS = 50_000;

    private final AccountStore store;
    private final PasswordHasher hasher;
    private final CaseMapping caseMapping;
    private final Executor blocking;
    private final PasswordChecks checks;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private final LoginThrottle throttle;
    private final Attempts registrations;
    private final AttemptCounters counters;
    private final AccountNames names;

    /**
     * @param blocking the pool for lookups
     * @param checks the pool for password checks (bcrypt)
     */
    public Accounts(
            AccountStore store,
            AccountsConfig config,
            AuthConfig auth,
            CaseMapping caseMapping,
            Executor blocking,
            PasswordChecks checks,
            Clock clock) {
        this(store, config, auth, caseMapping, blocking, checks, clock, AttemptCounters.LOCAL);
    }

    /** @param counters where failed logins and registrations are counted: memory, or Redis on a cluster */
    public Accounts(
            AccountStore store,
            AccountsConfig config,
            AuthConfig auth,
            CaseMapping caseMapping,
            Executor blocking,
            PasswordChecks checks,
            Clock clock,
            AttemptCounters counters) {
        this(
                store,
                new PasswordHasher(config.bcryptCost()),
                config,
                auth,
                caseMapping,
                blocking,
                checks,
                clock,
                System::nanoTime,
                counters);
    }

    Accounts(
            AccountStore store,
            PasswordHasher hasher,
            AccountsConfig config,
            AuthConfig auth,
            CaseMapping caseMapping,
            Executor blocking,
            PasswordChecks checks,
            Clock clock,
            LongSupplier nanoTime) {
        this(store, hasher, config, auth, caseMapping, blocking, checks, clock, nanoTime, AttemptCounters.LOCAL);
    }

    private Accounts(
            AccountStore store,
            PasswordHasher hasher,
            AccountsConfig config,
            AuthConfig auth,
            CaseMapping caseMapping,
            Executor blocking,
            PasswordChecks checks,
            Clock clock,
            LongSupplier nanoTime,
            AttemptCounters counters) {
        this.store = store;
        this.hasher = hasher;
        this.caseMapping = caseMapping;
        this.blocking = blocking;
        this.checks = checks;
        this.clock = clock;
        this.nanoTime = nanoTime;
        this.throttle = new LoginThrottle(
                config.loginAttempts(),
                auth.addressLoginFailures(),
                auth.accountLoginFailures(),
                config.loginWindow(),
                counters);
        this.counters = counters;
        this.registrations = counters.counter(
                "registrations", config.registrationsPerIp(), config.registrationWindow(), MAX_TRACKED_KEYS);
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

    /**
     * Checks the password on the password-check pool: first when this account logged in from this
     * address before, refused at once ({@link LoginOutcome.Busy}) when too many checks wait, and
     * refused unchecked ({@link LoginOutcome.Throttled}) past the failed-login limits.
     */
    public CompletableFuture<LoginOutcome> login(String name, String password, String ip) {
        return refresh(name, ip).thenCompose(fresh -> {
            Duration wait = refusedFor(name, ip);
            if (!wait.isZero()) {
                return CompletableFuture.completedFuture(throttled(name, ip, wait));
            }
            return check(isKnown(name, ip), () -> loginNow(name, password, ip), new LoginOutcome.Busy());
        });
    }

    /**
     * Reads the failed-login counts of {@code name} and {@code ip} anew before a check: on a cluster
     * the other nodes' guesses count too. Completes at once on a single node; never fails.
     */
    public CompletableFuture<Void> refresh(String name, String ip) {
        return throttle.refresh(fold(name), ip).toCompletableFuture();
    }

    /** Whether account {@code name} logged in from {@code ip} before: its checks go first. */
    public boolean isKnown(String name, String ip) {
        return throttle.isKnown(fold(name), ip);
    }

    /** How long logins to {@code name} from {@code ip} are refused unchecked (zero: not refused). */
    public Duration refusedFor(String name, String ip) {
        return throttle.refusedFor(fold(name), ip, nanoTime.getAsLong());
    }

    /**
     * Runs a password check of the caller's on the password-check pool (see {@link PasswordChecks#submit});
     * its outcome comes once the attempts it counted are counted on every node.
     */
    public <T> CompletableFuture<T> check(boolean known, Supplier<T> check, T whenBusy) {
        return checks.submit(known, check, whenBusy)
                .thenCompose(outcome -> counters.settled().thenApply(settled -> outcome));
    }

    /** Checks {@code password} against account {@code name}; blocking, for code on the password-check pool. */
    public LoginOutcome loginNow(String name, String password, String ip) {
        Duration wait = refusedFor(name, ip);
        if (!wait.isZero()) {
            return throttled(name, ip, wait);
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
            failed(name, ip, account.isPresent());
            return new LoginOutcome.Refused();
        }
        throttle.succeeded(fold(name), ip);
        return new LoginOutcome.LoggedIn(account.get());
    }

    /** Counts a wrong password for {@code name} (an account, or an operator entry) from {@code ip}. */
    public void failed(String name, String ip, boolean exists) {
        throttle.failed(fold(name), ip, exists, nanoTime.getAsLong());
        log.info("failed login to {} from {}", name, ip);
    }

    /** A right password for {@code name} that is not an account's (an operator entry). */
    public void succeeded(String name, String ip) {
        throttle.succeeded(fold(name), ip);
    }

    private LoginOutcome throttled(String name, String ip, Duration wait) {
        log.info("login to {} from {} refused unchecked: too many failed logins", name, ip);
        return new LoginOutcome.Throttled(wait);
    }

    /** Counts a wrong server password from {@code ip}. */
    public void serverPasswordFailed(String ip) {
        throttle.serverPasswordFailed(ip, nanoTime.getAsLong());
    }

    /** How long {@code ip} has been past the limit of wrong server passwords (zero: it is not). */
    public Duration serverPasswordFailingFor(String ip) {
        return throttle.serverPasswordFailingFor(ip, nanoTime.getAsLong());
    }

    /** Registers on the password-check pool (it hashes); busy is answered as unavailable. */
    public CompletableFuture<RegisterOutcome> register(String name, String password, String ip) {
        return checks.submit(false, () -> registerNow(name, password, ip), new RegisterOutcome.Unavailable());
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
            throttle.succeeded(fold(name), ip); // created from here: a known-good address for it
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
            log.warn(
                    "auth.admin-password differs from the password of the admin account {}; the account's password "
                            + "is in force (change it with `parley accounts passwd {}`)",
                    name,
                    name);
        }
    }

    public CaseMapping caseMapping() {
        return caseMapping;
    }

    private String ipKey(String ip) {
        return "ip " + ip;
    }

    private String fold(String name) {
        return caseMapping.fold(name);
    }
}
