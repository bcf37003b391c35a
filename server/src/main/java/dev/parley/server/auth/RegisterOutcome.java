package dev.parley.server.auth;

import dev.parley.server.store.Account;
import java.time.Duration;

/** How a REGISTER ended. */
public sealed interface RegisterOutcome {

    record Created(Account account) implements RegisterOutcome {}

    /** The name (casefolded) is already an account. */
    record Exists() implements RegisterOutcome {}

    /** This address registered as many accounts as it may for now. */
    record Throttled(Duration retryAfter) implements RegisterOutcome {}

    /** The account store could not be reached. */
    record Unavailable() implements RegisterOutcome {}
}
