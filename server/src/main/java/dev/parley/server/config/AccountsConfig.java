package dev.parley.server.config;

import java.time.Duration;

/**
 * Registered accounts: who may register, how passwords are hashed, and how failed logins are limited.
 *
 * @param registration whether clients may create accounts with REGISTER, and when
 * @param bcryptCost the bcrypt work factor for new hashes (4 to 31; each step doubles the work)
 * @param minPasswordLength shorter passwords get {@code FAIL REGISTER WEAK_PASSWORD}
 * @param loginAttempts failed logins allowed per (account, IP address) within {@code loginWindow}
 * @param loginWindow the window failed logins are counted in; past the limit logins are refused unchecked
 * @param registrationsPerIp accounts one IP address may register within {@code registrationWindow}
 * @param registrationWindow the window registrations are counted in
 * @param multiclient whether a connection logging in to an account already present under its nick
 *     joins that presence (several devices, one nick) instead of being refused the nick
 * @param alwaysOn the default for accounts that did not choose (ALWAYSON): whether an account stays
 *     present, away, in its rooms when its last connection leaves, and across restarts
 */
public record AccountsConfig(
        Registration registration,
        int bcryptCost,
        int minPasswordLength,
        int loginAttempts,
        Duration loginWindow,
        int registrationsPerIp,
        Duration registrationWindow,
        boolean multiclient,
        boolean alwaysOn) {

    /** When REGISTER is accepted. */
    public enum Registration {
        /** Never: accounts are made by an administrator with {@code parley accounts add}. */
        OFF,
        /** Once the client is connected (after the server password, if one is set). */
        AFTER_CONNECT,
        /** Also during connection registration, once the client has given a nick and the server password. */
        BEFORE_CONNECT;

        public boolean allowed() {
            return this != OFF;
        }
    }

    public static final int MIN_BCRYPT_COST = 4;
    public static final int MAX_BCRYPT_COST = 31;

    /** Accounts with several connections per nick allowed and nobody always-on by default. */
    public AccountsConfig(
            Registration registration,
            int bcryptCost,
            int minPasswordLength,
            int loginAttempts,
            Duration loginWindow,
            int registrationsPerIp,
            Duration registrationWindow) {
        this(
                registration,
                bcryptCost,
                minPasswordLength,
                loginAttempts,
                loginWindow,
                registrationsPerIp,
                registrationWindow,
                true,
                false);
    }

    public AccountsConfig {
        if (bcryptCost < MIN_BCRYPT_COST || bcryptCost > MAX_BCRYPT_COST) {
            throw new IllegalArgumentException("bcrypt cost must be 4 to 31, got " + bcryptCost);
        }
    }

    public static AccountsConfig defaults() {
        return new AccountsConfig(Registration.AFTER_CONNECT, 10, 8, 5, Duration.ofMinutes(1), 3, Duration.ofHours(1));
    }
}
