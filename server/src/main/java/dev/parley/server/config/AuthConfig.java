package dev.parley.server.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Passwords and operators.
 *
 * @param serverPassword the password every connection gives with PASS; empty means none is asked
 * @param serverPasswordFile the file {@code serverPassword} was read from, if it came from one
 * @param adminName the reserved admin nick, also its OPER name
 * @param adminPassword the admin's password (PASS with NICK admin, or OPER admin ...)
 * @param adminPasswordFile the file {@code adminPassword} was read from, if it came from one
 * @param operators further OPER entries
 * @param accountLoginFailures failed logins to one account, from every address, within
 *     {@code accounts.login-window} before it refuses addresses it has not logged in from before
 * @param addressLoginFailures failed logins from one address, across accounts, within
 *     {@code accounts.login-window} before it may log in only to accounts it logged in to before
 * @param passwordCheckThreads threads that check passwords (bcrypt), apart from other blocking work,
 *     plus one kept for known-good logins
 * @param passwordCheckQueue password checks that may wait, per lane; past it a check is refused at once
 */
public record AuthConfig(
        Optional<Secret> serverPassword,
        Optional<Path> serverPasswordFile,
        String adminName,
        Secret adminPassword,
        Optional<Path> adminPasswordFile,
        List<OperatorConfig> operators,
        int accountLoginFailures,
        int addressLoginFailures,
        int passwordCheckThreads,
        int passwordCheckQueue) {

    public static final String DEFAULT_SERVER_PASSWORD = "chat@123";
    public static final String DEFAULT_ADMIN_PASSWORD = "admin123";

    public static final int DEFAULT_ACCOUNT_LOGIN_FAILURES = 20;
    public static final int DEFAULT_ADDRESS_LOGIN_FAILURES = 20;
    public static final int DEFAULT_PASSWORD_CHECK_THREADS = 1;
    public static final int DEFAULT_PASSWORD_CHECK_QUEUE = 32;

    public AuthConfig {
        operators = List.copyOf(operators);
    }

    /** Passwords given as values, not read from files. */
    public AuthConfig(
            Optional<Secret> serverPassword,
            String adminName,
            Secret adminPassword,
            List<OperatorConfig> operators,
            int accountLoginFailures,
            int addressLoginFailures,
            int passwordCheckThreads,
            int passwordCheckQueue) {
        this(
                serverPassword,
                Optional.empty(),
                adminName,
                adminPassword,
                Optional.empty(),
                operators,
                accountLoginFailures,
                addressLoginFailures,
                passwordCheckThreads,
                passwordCheckQueue);
    }

    /** The passwords and operators, with the default login limits and password-check pool. */
    public AuthConfig(
            Optional<Secret> serverPassword, String adminName, Secret adminPassword, List<OperatorConfig> operators) {
        this(
                serverPassword,
                adminName,
                adminPassword,
                operators,
                DEFAULT_ACCOUNT_LOGIN_FAILURES,
                DEFAULT_ADDRESS_LOGIN_FAILURES,
                DEFAULT_PASSWORD_CHECK_THREADS,
                DEFAULT_PASSWORD_CHECK_QUEUE);
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
