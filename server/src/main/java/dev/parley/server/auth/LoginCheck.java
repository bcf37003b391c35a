package dev.parley.server.auth;

import dev.parley.protocol.name.CaseMapping;
import dev.parley.server.config.AuthConfig;
import dev.parley.server.store.Account;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Decides what a connection may do at registration, the seed's way extended to accounts: the
 * server password lets anyone in under an unregistered nick; a registered nick needs its account,
 * either logged in with SASL or with the account's password given to PASS in place of the server
 * password (as the seed's admin does). Accounts with the operator flag, the admin among them, are
 * operators once logged in. Blocking (database, bcrypt): call off the event loops.
 */
public final class LoginCheck {

    /** Read at each check: a reload changes the server password and the operator entries. */
    private final Supplier<AuthConfig> auth;

    private final Accounts accounts;
    private final CaseMapping caseMapping;

    public LoginCheck(AuthConfig auth, Accounts accounts) {
        this(() -> auth, accounts);
    }

    public LoginCheck(Supplier<AuthConfig> auth, Accounts accounts) {
        this.auth = auth;
        this.accounts = accounts;
        this.caseMapping = accounts.caseMapping();
    }

    /**
     * {@link #admit} on the password-check pool: first for a connection already authenticated with
     * SASL or an account logging in again from an address it used before; refused at once ("busy")
     * when too many checks wait.
     */
    public CompletableFuture<Admission> admitLater(String nick, String password, Account saslAccount, String ip) {
        boolean known = saslAccount != null || accounts.isKnown(nick, ip);
        return accounts.refresh(nick, ip)
                .thenCompose(fresh -> accounts.check(
                        known,
                        () -> admit(nick, password, saslAccount, ip),
                        new Admission.WrongPassword("Server busy; try again in a moment")));
    }

    /**
     * @param nick the nick the connection asked for
     * @param password what it gave to PASS, or null
     * @param saslAccount the account it logged in to with SASL, or null
     * @param ip its address, for the failed-login limits
     */
    public Admission admit(String nick, String password, Account saslAccount, String ip) {
        Optional<Account> owner = accounts.findNow(nick);
        if (owner.isEmpty() && saslAccount == null && accounts.names().isRegistered(nick)) {
            return new Admission.NickRegistered(); // the store cannot be read just now: keep the nick safe
        }
        if (saslAccount != null) {
            boolean ownNick = owner.isEmpty() || caseMapping.equal(owner.get().name(), saslAccount.name());
            return ownNick ? new Admission.Admitted(Optional.of(saslAccount), false) : new Admission.NickRegistered();
        }
        boolean serverPasswordGiven = serverPasswordMatches(password);
        if (serverPasswordGiven && (owner.isEmpty() || password == null)) {
            return owner.isEmpty() ? new Admission.Admitted(Optional.empty(), false) : new Admission.NickRegistered();
        }
        if (owner.isEmpty() || password == null) {
            return wrongServerPassword(ip);
        }
        if (serverPasswordGiven && auth.get().serverPassword().isPresent()) {
            return new Admission.NickRegistered();
        }
        return accountLogin(owner.get(), password, ip);
    }

    /** PASS with the password of the nick's account, in place of the server password (the seed's admin). */
    private Admission accountLogin(Account owner, String password, String ip) {
        LoginOutcome outcome = accounts.loginNow(owner.name(), password, ip);
        if (outcome instanceof LoginOutcome.LoggedIn in) {
            return new Admission.Admitted(Optional.of(in.account()), true);
        }
        if (outcome instanceof LoginOutcome.Throttled throttled) {
            return tooManyFailures(throttled.retryAfter());
        }
        if (outcome instanceof LoginOutcome.Unavailable) {
            return new Admission.WrongPassword("Accounts are unavailable just now; try again later");
        }
        return new Admission.WrongPassword("Password incorrect");
    }

    /**
     * A wrong server password is counted per address, but a right one is always let in: the count
     * only changes the wording, so one user's typos behind a shared address lock nobody else out.
     */
    private Admission wrongServerPassword(String ip) {
        Duration failing = accounts.serverPasswordFailingFor(ip);
        accounts.serverPasswordFailed(ip);
        return failing.isZero() ? new Admission.WrongPassword("Password incorrect") : tooManyFailures(failing);
    }

    /**
     * The common case decided without blocking, on the event loop: no SASL, a nick no account holds
     * (from {@link AccountNames}), the server password given in plain configuration and matched.
     * Empty when {@link #admit} must decide (database, bcrypt).
     */
    public Optional<Admission> admitAtOnce(String nick, String password, Account saslAccount, String ip) {
        boolean cheapPassword =
                auth.get().serverPassword().map(s -> !s.isBcryptHash()).orElse(true);
        if (saslAccount != null
                || !cheapPassword
                || !accounts.names().isLoaded()
                || accounts.names().isRegistered(nick)
                || !serverPasswordMatches(password)) {
            return Optional.empty();
        }
        return Optional.of(new Admission.Admitted(Optional.empty(), false));
    }

    private boolean serverPasswordMatches(String password) {
        return auth.get().serverPassword().map(s -> s.matches(password)).orElse(true);
    }

    private static Admission tooManyFailures(Duration retryAfter) {
        return new Admission.WrongPassword("Too many failed logins; try again in " + seconds(retryAfter) + " s");
    }

    /** Whole seconds, rounded up, at least one. */
    public static long seconds(Duration retryAfter) {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    /**
     * OPER on the password-check pool: an {@code auth.operators} entry, or an account with the
     * operator flag, limited like every login (per name and address, per address, per name).
     */
    public CompletableFuture<OperOutcome> oper(String name, String password, String ip) {
        return accounts.refresh(name, ip).thenCompose(fresh -> {
            Duration wait = accounts.refusedFor(name, ip);
            if (!wait.isZero()) {
                return CompletableFuture.completedFuture(new OperOutcome.Throttled(wait));
            }
            return accounts.check(
                    accounts.isKnown(name, ip), () -> operNow(name, password, ip), new OperOutcome.Busy());
        });
    }

    private OperOutcome operNow(String name, String password, String ip) {
        for (var entry : auth.get().operators()) {
            if (entry.name().equals(name) && entry.password().matches(password)) {
                accounts.succeeded(name, ip);
                return new OperOutcome.Granted(entry.name());
            }
        }
        LoginOutcome outcome = accounts.loginNow(name, password, ip);
        if (outcome instanceof LoginOutcome.LoggedIn in && in.account().operator()) {
            return new OperOutcome.Granted(in.account().name());
        }
        if (outcome instanceof LoginOutcome.Throttled throttled) {
            return new OperOutcome.Throttled(throttled.retryAfter());
        }
        return new OperOutcome.Refused();
    }
}
