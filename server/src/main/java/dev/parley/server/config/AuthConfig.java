package dev.parley.server.config;

import java.util.List;
import java.util.Optional;

/**
 * Passwords and operators.
 *
 * @param serverPassword the password every connection gives with PASS; empty means none is asked
 * @param adminName the reserved admin nick, also its OPER name
 * @param adminPassword the admin's password (PASS with NICK admin, or OPER admin ...)
 * @param operators further OPER entries
 */
public record AuthConfig(
        Optional<Secret> serverPassword, String adminName, Secret adminPassword, List<OperatorConfig> operators) {

    public static final String DEFAULT_SERVER_PASSWORD = "chat@123";
    public static final String DEFAULT_ADMIN_PASSWORD = "admin123";

    public AuthConfig {
        operators = List.copyOf(operators);
    }

    public static AuthConfig defaults() {
        return new AuthConfig(
                Optional.of(Secret.of(DEFAULT_SERVER_PASSWORD)), "admin", Secret.of(DEFAULT_ADMIN_PASSWORD), List.of());
    }

    /** Whether a seed default password is still in force. */
    public boolean usesSeedDefaults() {
        return serverPassword.map(s -> s.isPlain(DEFAULT_SERVER_PASSWORD)).orElse(false)
                || adminPassword.isPlain(DEFAULT_ADMIN_PASSWORD);
    }
}
