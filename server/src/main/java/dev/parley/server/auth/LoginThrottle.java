package dev.parley.server.auth;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Limits password guesses without giving anyone a way to lock the rightful owner out, the way Ergo
 * and most identity providers do:
 * <ul>
 *   <li>per (account, address): the tight limit, {@code accounts.login-attempts};
 *   <li>per address, across accounts: {@code auth.address-login-failures}, against one address
 *       trying many accounts;
 *   <li>per account, from every address: {@code auth.account-login-failures}, against a spread-out
 *       attack on one account.
 * </ul>
 * The last two do not apply to an address the account logged in from before (a known-good
 * context), so an attack from elsewhere does not lock the owner out. Guesses at accounts that do not
 * exist count per (name, address) only: they guess nothing. Wrong server passwords are counted per
 * address apart from all of these (a failed SASL login does not count against a correct PASS).
 * Names are casefolded by the caller. Thread-safe.
 */
public final class LoginThrottle {

    /** Keys each limiter remembers at most; the least recently used are forgotten first. */
    private static final int MAX_TRACKED_KEYS = 50_000;

    private final Attempts perPair;
    private final Attempts perAddress;
    private final Attempts perAccount;
    private final Attempts serverPassword;
    private final Set<String> knownGood;

    public LoginThrottle(int pairAttempts, int addressFailures, int accountFailures, Duration window) {
        this(pairAttempts, addressFailures, accountFailures, window, AttemptCounters.LOCAL);
    }

    /** @param counters where the attempts are counted: memory, or Redis on a cluster (the known-good pairs stay here) */
    public LoginThrottle(
            int pairAttempts, int addressFailures, int accountFailures, Duration window, AttemptCounters counters) {
        this.perPair = counters.counter("login-pair", pairAttempts, window, MAX_TRACKED_KEYS);
        this.perAddress = counters.counter("login-address", addressFailures, window, MAX_TRACKED_KEYS);
        this.perAccount = counters.counter("login-account", accountFailures, window, MAX_TRACKED_KEYS);
        this.serverPassword = counters.counter("server-password", pairAttempts, window, MAX_TRACKED_KEYS);
        this.knownGood = Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > MAX_TRACKED_KEYS;
            }
        }));
    }

    /** How long logins to {@code account} from {@code ip} are refused unchecked (zero: not refused). */
    public Duration refusedFor(String account, String ip, long nowNanos) {
        Duration pair = perPair.refusedFor(pair(account, ip), nowNanos);
        if (!pair.isZero() || isKnown(account, ip)) {
            return pair;
        }
        return max(perAddress.refusedFor(ip, nowNanos), perAccount.refusedFor(account, nowNanos));
    }

    /** Reads the counts {@link #refusedFor} checks anew (on a cluster, the other nodes' too). Never fails. */
    public CompletionStage<Void> refresh(String account, String ip) {
        return CompletableFuture.allOf(
                        perPair.refresh(pair(account, ip)).toCompletableFuture(),
                        perAddress.refresh(ip).toCompletableFuture(),
                        perAccount.refresh(account).toCompletableFuture())
                .handle((done, failure) -> null);
    }

    /** Whether {@code account} logged in from {@code ip} before (since start, among the last 50,000). */
    public boolean isKnown(String account, String ip) {
        return knownGood.contains(pair(account, ip));
    }

    /** Counts a wrong password; {@code exists} says whether the account exists. */
    public void failed(String account, String ip, boolean exists, long nowNanos) {
        perPair.record(pair(account, ip), nowNanos);
        if (exists) {
            perAddress.record(ip, nowNanos);
            perAccount.record(account, nowNanos);
        }
    }

    /** A right password: the pair's failures are forgotten and the address becomes known-good. */
    public void succeeded(String account, String ip) {
        perPair.clear(pair(account, ip));
        knownGood.add(pair(account, ip));
    }

    /** Counts a wrong server password from {@code ip}. */
    public void serverPasswordFailed(String ip, long nowNanos) {
        serverPassword.record(ip, nowNanos);
    }

    /**
     * How long {@code ip} has been giving wrong server passwords past the limit (zero: it has not).
     * Only the refusal's wording depends on it: a right server password is always let in, so one
     * user's typos behind a shared address (a proxy) lock nobody else out.
     */
    public Duration serverPasswordFailingFor(String ip, long nowNanos) {
        return serverPassword.refusedFor(ip, nowNanos);
    }

    private static String pair(String account, String ip) {
        return account + " " + ip;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
