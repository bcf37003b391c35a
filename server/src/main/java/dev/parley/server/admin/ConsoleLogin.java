package dev.parley.server.admin;

import java.time.Instant;

/**
 * One operator logged in to the console.
 *
 * @param token the session cookie's value; never logged
 * @param operator the operator's name (an {@code auth.operators} entry or an operator account)
 * @param csrf what every changing request must carry in {@code X-CSRF-Token}
 * @param ip where the login came from, for the audit log
 * @param expiresAt when it ends unless used before
 */
record ConsoleLogin(String token, String operator, String csrf, String ip, Instant expiresAt) {

    ConsoleLogin touched(Instant newExpiry) {
        return new ConsoleLogin(token, operator, csrf, ip, newExpiry);
    }

    @Override
    public String toString() {
        return "admin console: " + operator + " from " + ip;
    }
}
