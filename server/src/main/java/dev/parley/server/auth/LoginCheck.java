package dev.parley.server.auth;

import dev.parley.protocol.name.CaseMapping;
import dev.parley.server.config.AuthConfig;

/**
 * Decides what a connection's PASS lets it do at registration, the seed's way: the server password
 * lets anyone in; the reserved admin nick needs the admin password and makes the user an operator.
 * May run bcrypt: call off the event loop when {@link #isSlow()}.
 */
public final class LoginCheck {

    /** The outcome of a registration's password check. */
    public enum Result {
        /** An ordinary user. */
        USER,
        /** The admin: the reserved nick with the admin password. */
        ADMIN,
        /** Wrong or missing password: 464 and disconnect. */
        WRONG_PASSWORD,
        /** The reserved admin nick without the admin password: 433, pick another nick. */
        RESERVED_NICK
    }

    private final AuthConfig auth;
    private final CaseMapping caseMapping;

    public LoginCheck(AuthConfig auth, CaseMapping caseMapping) {
        this.auth = auth;
        this.caseMapping = caseMapping;
    }

    public boolean isAdminNick(String nick) {
        return nick != null && caseMapping.equal(nick, auth.adminName());
    }

    /** Whether {@link #check} may take long (a configured password is a bcrypt hash). */
    public boolean isSlow() {
        return auth.adminPassword().isBcryptHash() || auth.serverPassword().map(s -> s.isBcryptHash()).orElse(false);
    }

    public Result check(String nick, String password) {
        boolean serverPasswordOk = auth.serverPassword().map(s -> s.matches(password)).orElse(true);
        if (isAdminNick(nick)) {
            if (auth.adminPassword().matches(password)) {
                return Result.ADMIN;
            }
            return serverPasswordOk ? Result.RESERVED_NICK : Result.WRONG_PASSWORD;
        }
        return serverPasswordOk ? Result.USER : Result.WRONG_PASSWORD;
    }

    /** Whether {@code name}/{@code password} is a valid OPER entry; returns the entry's name or null. */
    public String operatorFor(String name, String password) {
        if (caseMapping.equal(name, auth.adminName()) && auth.adminPassword().matches(password)) {
            return auth.adminName();
        }
        for (var entry : auth.operators()) {
            if (entry.name().equals(name) && entry.password().matches(password)) {
                return entry.name();
            }
        }
        return null;
    }
}
