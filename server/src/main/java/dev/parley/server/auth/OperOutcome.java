package dev.parley.server.auth;

import java.time.Duration;

/** How an OPER ended. */
public sealed interface OperOutcome {

    /** An operator now, under {@code name} (an {@code auth.operators} entry or an operator account). */
    record Granted(String name) implements OperOutcome {}

    /** Wrong name or password, or an account without the operator flag: not told apart. */
    record Refused() implements OperOutcome {}

    /** Too many failed logins to this name; the password was not checked. */
    record Throttled(Duration retryAfter) implements OperOutcome {}

    /** Too many password checks are waiting; refused at once, unchecked. */
    record Busy() implements OperOutcome {}
}
