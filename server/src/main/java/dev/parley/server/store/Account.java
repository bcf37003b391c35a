package dev.parley.server.store;

import java.time.Instant;

/**
 * A registered account.
 *
 * @param name the account name, as registered (also the nick it protects)
 * @param passwordHash a bcrypt hash of the password; never the password itself
 * @param operator whether logging in makes the user a server operator
 * @param createdAt when it was registered
 */
public record Account(String name, String passwordHash, boolean operator, Instant createdAt) {

    @Override
    public String toString() {
        return "Account[" + name + (operator ? ", operator" : "") + "]";
    }
}
