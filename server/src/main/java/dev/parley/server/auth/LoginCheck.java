package dev.parley.server.auth;

import dev.parley.protocol.name.CaseMapping;
import dev.parley.server.config.AuthConfig;
import dev.parley.server.store.Account;
import java.time.Duration;
import java.util.Optional;

/**
 * Decides what a connection may do at registration, the seed's way extended to accounts: the
 * server password lets anyone in under an unregistered nick; a registered nick needs its account,
 * either logged in with SASL or with the account's password given to PASS in place of the server
 * password (as the seed's admin does). Accounts with the operator flag, the admin among them, are
 * operators once logged in. Blocking (database, bcrypt): call off the event loops.
 */
public final class LoginCheck {

    private final AuthConfig auth;
    private final Accounts accounts;
    private final CaseMapping caseMapping;

    public LoginCheck(AuthConfig auth, Accounts accounts) {
        this.auth = auth;
        this.accounts = accounts;
        this.caseMapping = accounts.caseMapping();
    }

    /**
     * @param nick the nick the connection asked for
     * @param password what it gave to PASS, or null
     * @param saslAccount the account it logged in to with SASL, or null
     * @param ip its address, for the failed-login limit
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
        Duration refused = accounts.loginsRefusedFor(ip);
        if (!refused.isZero()) {
            return tooManyFailures(refused);
        }
        if (serverPasswordMatches(password) && (owner.isEmpty() || password == null)) {
            return owner.isEmpty() ? new Admission.Admitted(Optional.empty(), false) : new Admission.NickRegistered();
        }
        if (owner.isEmpty() || password == null) {
            accounts.recordFailure(ip);
            return new Admission.WrongPassword("Password incorrect");
        }
        if (auth.serverPassword().isPresent() && auth.serverPassword().get().matches(password)) {
            return new Admission.NickRegistered();
        }
        LoginOutcome outcome = accounts.loginNow(owner.get().name(), password, ip);
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
     * The common case decided without blocking, on the event loop: no SASL, a nick no account holds
     * (from {@link AccountNames}), the server password given in plain configuration and matched,
     * the address not throttled. Empty when {@link #admit} must decide (database, bcrypt).
     */
    public Optional<Admission> admitAtOnce(String nick, String password, Account saslAccount, String ip) {
        boolean cheapPassword = auth.serverPassword().map(s -> !s.isBcryptHash()).orElse(true);
        if (saslAccount != null || !cheapPassword || !accounts.names().isLoaded()
                || accounts.names().isRegistered(nick) || !accounts.loginsRefusedFor(ip).isZero()
                || !serverPasswordMatches(password)) {
            return Optional.empty();
        }
        return Optional.of(new Admission.Admitted(Optional.empty(), false));
    }

    private boolean serverPasswordMatches(String password) {
        return auth.serverPassword().map(s -> s.matches(password)).orElse(true);
    }

    private static Admission tooManyFailures(Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return new Admission.WrongPassword("Too many failed logins; try again in " + seconds + " s");
    }

    /**
     * The operator name that {@code name}/{@code password} gives: an {@code auth.operators} entry, or
     * an account with the operator flag. Null when neither.
     */
    public String operatorFor(String name, String password, String ip) {
        for (var entry : auth.operators()) {
            if (entry.name().equals(name) && entry.password().matches(password)) {
                return entry.name();
            }
        }
        if (accounts.loginNow(name, password, ip) instanceof LoginOutcome.LoggedIn in && in.account().operator()) {
            return in.account().name();
        }
        return null;
    }
}
