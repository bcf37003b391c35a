package dev.parley.client.core;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import java.util.concurrent.CompletableFuture;

/**
 * One connection and its registration, which ends with an {@link RegistrationOutcome}. Written by
 * the connection's reader thread; read by the thread waiting for the outcome.
 */
final class Attempt {

    final CapNegotiation caps = new CapNegotiation();
    final CompletableFuture<RegistrationOutcome> outcome = new CompletableFuture<>();
    volatile LineConnection connection;
    /** The text of the server's ERROR, the best account of why it closed the connection. */
    volatile String lastError;
    /** The server refused us for good (password, ban): do not reconnect. */
    volatile boolean refused;
    /** The server's words for that refusal, the best account of why the connection ended. */
    volatile String refusal;

    /** Completes the outcome from the registration numerics; {@code registered} once welcomed. */
    void observe(IrcMessage m, boolean registered) {
        String code = m.command();
        if (code.equals("ERROR")) {
            lastError = m.lastParam();
        } else if (!registered && code.equals(Numeric.ERR_PASSWDMISMATCH.code())) {
            refuse(m.lastParam());
            outcome.complete(new RegistrationOutcome.WrongPassword(m.lastParam()));
        } else if (code.equals(Numeric.ERR_YOUREBANNEDCREEP.code())) {
            refuse(m.lastParam());
            outcome.complete(new RegistrationOutcome.Banned(m.lastParam()));
        } else if (!registered
                && (code.equals(Numeric.ERR_NICKNAMEINUSE.code())
                        || code.equals(Numeric.ERR_ERRONEUSNICKNAME.code()))) {
            outcome.complete(new RegistrationOutcome.NickInUse(m.param(1), m.lastParam()));
        } else if (code.equals(Numeric.RPL_ENDOFMOTD.code()) || code.equals(Numeric.ERR_NOMOTD.code())) {
            outcome.complete(new RegistrationOutcome.Welcomed(m.param(0)));
        }
    }

    /**
     * Marks the connection refused for good. (A 464 counts only before registration: afterwards it
     * answers a failed OPER and ends nothing.)
     */
    private void refuse(String text) {
        refused = true;
        refusal = text;
    }

    /** Why the connection ended: the refusal, else the server's ERROR, else what the socket said. */
    String why(String socketReason) {
        return refusal != null ? refusal : lastError != null ? lastError : socketReason;
    }
}
