package dev.parley.server.auth;

import dev.parley.server.store.Account;
import java.time.Duration;

/** How a login (PASS, SASL PLAIN, OPER) with an account's password ended. */
public sealed interface LoginOutcome {

    /** The password was right. */
    record LoggedIn(Account account) implements LoginOutcome {}

    /** Wrong password, or no such account: the two are not told apart. */
    record Refused() implements LoginOutcome {}

    /** Too many failed logins from this address or for this account; the password was not checked. */
    record Throttled(Duration retryAfter) implements LoginOutcome {}

    /** Too many password checks are waiting; refused at once, unchecked and uncounted. */
    record Busy() implements LoginOutcome {}

    /** The account store could not be reached. */
    record Unavailable() implements LoginOutcome {}
}
