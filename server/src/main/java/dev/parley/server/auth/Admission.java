package dev.parley.server.auth;

import dev.parley.server.store.Account;
import java.util.Optional;

/** What a connection's PASS, NICK and SASL login let it do at the end of registration. */
public sealed interface Admission {

    /** Let in; logged in to {@code account} when present (by PASS or SASL). */
    record Admitted(Optional<Account> account, boolean viaPassword) implements Admission {}

    /** Refused: 464 with {@code reason}, then disconnected. */
    record WrongPassword(String reason) implements Admission {}

    /** The nick belongs to an account the connection is not logged in to: 433, pick another nick. */
    record NickRegistered() implements Admission {}
}
