package dev.parley.server.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategy;
import java.nio.charset.StandardCharsets;

/**
 * Hashes and checks account passwords with bcrypt. Slow on purpose: call off the event loops.
 * bcrypt reads at most 72 bytes of a password; a longer one is first reduced with SHA-512 (so every
 * byte counts and none is silently cut), while passwords up to 72 bytes give standard bcrypt hashes
 * that other tools (htpasswd -B) make and check alike. Passwords over {@link #MAX_PASSWORD_BYTES}
 * are refused.
 */
public final class PasswordHasher {

    /** The longest password accepted, in UTF-8 bytes. */
    public static final int MAX_PASSWORD_BYTES = 1024;

    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2A;
    private static final LongPasswordStrategy LONG_PASSWORDS = LongPasswordStrategies.hashSha512(VERSION);

    private final int cost;
    /** Checked when an account does not exist, so a login takes as long whether it does or not. */
    private final byte[] decoy;

    public PasswordHasher(int cost) {
        this.cost = cost;
        this.decoy = BCrypt.with(VERSION, LONG_PASSWORDS)
                .hash(cost, "parley-decoy-password".getBytes(StandardCharsets.UTF_8));
    }

    public static boolean acceptsLength(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES;
    }

    /** A new salted hash ({@code $2a$<cost>$...}) of the password. */
    public String hash(String password) {
        if (!acceptsLength(password)) {
            throw new IllegalArgumentException("a password can be at most " + MAX_PASSWORD_BYTES + " bytes");
        }
        return new String(
                BCrypt.with(VERSION, LONG_PASSWORDS).hash(cost, password.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.US_ASCII);
    }

    /** Whether the password matches the hash; false for a malformed hash or an over-long password. */
    public boolean matches(String password, String hash) {
        if (password == null || hash == null || !acceptsLength(password)) {
            return false;
        }
        try {
            return BCrypt.verifyer(VERSION, LONG_PASSWORDS)
                    .verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.US_ASCII))
                    .verified;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Spends the time of one check and fails: the answer for an account that does not exist. */
    public boolean matchNothing(String password) {
        BCrypt.verifyer(VERSION, LONG_PASSWORDS)
                .verify(password == null ? new byte[0] : password.getBytes(StandardCharsets.UTF_8), decoy);
        return false;
    }

    /** Whether the text is a bcrypt hash this hasher can check. */
    public static boolean isHash(String text) {
        return text.startsWith("$2a$") || text.startsWith("$2b$") || text.startsWith("$2y$");
    }
}
