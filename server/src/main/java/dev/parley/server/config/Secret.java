package dev.parley.server.config;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A configured password: plain text or a bcrypt hash ({@code $2a$}, {@code $2b$}, {@code $2y$}).
 * {@link #toString()} never shows it. {@link #matches} may run bcrypt, so call it off the event
 * loops.
 */
public final class Secret {

    /** The longest candidate checked, in UTF-8 bytes (as for account passwords); longer never matches. */
    private static final int MAX_CANDIDATE_BYTES = 1024;
    /** Over bcrypt's 72 bytes a candidate is reduced with SHA-512 first, as account passwords are. */
    private static final LongPasswordStrategy LONG_CANDIDATES =
            LongPasswordStrategies.hashSha512(BCrypt.Version.VERSION_2A);

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    public static Secret of(String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("a secret cannot be empty");
        }
        return new Secret(value);
    }

    public boolean isBcryptHash() {
        return value.startsWith("$2a$") || value.startsWith("$2b$") || value.startsWith("$2y$");
    }

    /**
     * Whether {@code candidate} is this password. Constant-time for plain text. A candidate of any
     * length is an answer, never an exception: over 72 bytes it is checked against a bcrypt hash as
     * account passwords are (SHA-512 first), over 1024 bytes it does not match.
     */
    public boolean matches(String candidate) {
        if (candidate == null) {
            return false;
        }
        byte[] bytes = candidate.getBytes(StandardCharsets.UTF_8);
        if (isBcryptHash()) {
            return bytes.length <= MAX_CANDIDATE_BYTES && bcryptMatches(bytes);
        }
        return MessageDigest.isEqual(bytes, value.getBytes(StandardCharsets.UTF_8));
    }

    private boolean bcryptMatches(byte[] candidate) {
        try {
            return BCrypt.verifyer(BCrypt.Version.VERSION_2A, LONG_CANDIDATES)
                    .verify(candidate, value.getBytes(StandardCharsets.UTF_8))
                    .verified;
        } catch (IllegalArgumentException e) {
            return false; // a malformed hash matches nothing
        }
    }

    /** Whether this is exactly the given plain-text value (used to spot the seed's defaults). */
    public boolean isPlain(String plain) {
        return !isBcryptHash() && value.equals(plain);
    }

    /** Equal when the configured text is equal, so whole configs compare by value (tests, reload). */
    @Override
    public boolean equals(Object other) {
        return other instanceof Secret that
                && MessageDigest.isEqual(
                        value.getBytes(StandardCharsets.UTF_8), that.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /**
     * The plain value, only for handing to a driver that needs it (a JDBC password). Never log it,
     * never put it in a message; everything else should use {@link #matches}.
     */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "******";
    }
}
