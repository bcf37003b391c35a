package dev.parley.server.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's logins, by session cookie. A login lasts {@code admin.session-timeout} from its
 * last request; each has its own CSRF token. At most {@value #MAX_LOGINS} are kept: past that the
 * one closest to expiry ends, so logging in again and again cannot fill the heap. In memory only:
 * a restart logs everyone out, which is what an operator expects of a restart.
 */
final class AdminSessions {

    static final String COOKIE = "parley_admin";
    static final int MAX_LOGINS = 256;
    private static final Logger log = LoggerFactory.getLogger(AdminSessions.class);
    private static final Base64.Encoder TOKENS = Base64.getUrlEncoder().withoutPadding();

    private final ConcurrentHashMap<String, ConsoleLogin> byToken = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Duration timeout;
    private final Clock clock;

    AdminSessions(Duration timeout, Clock clock) {
        this.timeout = timeout;
        this.clock = clock;
    }

    ConsoleLogin open(String operator, String ip) {
        dropExpired();
        if (byToken.size() >= MAX_LOGINS) {
            byToken.values().stream()
                    .min(Comparator.comparing(ConsoleLogin::expiresAt))
                    .ifPresent(oldest -> {
                        byToken.remove(oldest.token());
                        log.info("{} logged out: more than {} console logins", oldest, MAX_LOGINS);
                    });
        }
        ConsoleLogin login =
                new ConsoleLogin(token(), operator, token(), ip, clock.instant().plus(timeout));
        byToken.put(login.token(), login);
        return login;
    }

    /** The login a cookie header names, still valid, its expiry pushed back; empty otherwise. */
    Optional<ConsoleLogin> find(String cookieHeader) {
        Optional<String> token = tokenIn(cookieHeader);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        ConsoleLogin found = byToken.computeIfPresent(
                token.get(), (t, login) -> login.expiresAt().isAfter(now) ? login.touched(now.plus(timeout)) : null);
        return Optional.ofNullable(found);
    }

    void close(ConsoleLogin login) {
        byToken.remove(login.token());
    }

    /** Ends every login of an operator (whose account lost the flag or was deleted). */
    void closeAllOf(String operator) {
        byToken.values().removeIf(login -> login.operator().equals(operator));
    }

    /** Whether {@code given} is the login's CSRF token (compared in constant time). */
    static boolean csrfMatches(ConsoleLogin login, String given) {
        return given != null
                && MessageDigest.isEqual(
                        login.csrf().getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code Set-Cookie} value for a login; {@code Secure} over HTTPS. */
    String cookie(ConsoleLogin login, boolean secure) {
        return COOKIE + "=" + login.token() + "; Path=/admin; Max-Age=" + timeout.toSeconds()
                + "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }

    static String clearedCookie(boolean secure) {
        return COOKIE + "=; Path=/admin; Max-Age=0; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }

    int count() {
        return byToken.size();
    }

    private void dropExpired() {
        Instant now = clock.instant();
        byToken.values().removeIf(login -> !login.expiresAt().isAfter(now));
    }

    private static Optional<String> tokenIn(String cookieHeader) {
        if (cookieHeader == null) {
            return Optional.empty();
        }
        for (String cookie : cookieHeader.split(";")) {
            String pair = cookie.strip();
            if (pair.startsWith(COOKIE + "=")) {
                return Optional.of(pair.substring(COOKIE.length() + 1));
            }
        }
        return Optional.empty();
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return TOKENS.encodeToString(bytes);
    }
}
