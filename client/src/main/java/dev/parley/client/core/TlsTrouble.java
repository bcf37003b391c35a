package dev.parley.client.core;

import java.io.IOException;

/**
 * The server answered, but TLS could not be agreed. The message is for the user: what is wrong
 * first, then what to do, in one line. {@link IrcClient} turns it into
 * {@link RegistrationOutcome.TlsFailed} at once.
 */
final class TlsTrouble extends IOException {

    private static final long serialVersionUID = 1L;

    private TlsTrouble(String message, Throwable cause) {
        super(message, cause);
    }

    /** Explains a failed handshake with {@code host:port} from what the certificate check saw. */
    static TlsTrouble explain(IOException failure, String host, int port, CertificateCheck check) {
        String seen = check.offeredFingerprint();
        String message = switch (check.verdict()) {
            case UNTRUSTED ->
                "The server's certificate is not trusted: pass --tls-fingerprint " + seen
                        + " to trust it, if that is the fingerprint the server logs at start-up ("
                        + whyUntrusted(failure, host) + ").";
            case PIN_MISMATCH ->
                "The server's certificate does not match --tls-fingerprint: it has " + seen
                        + ". If the server has a new certificate, check the fingerprint it logs at start-up and pass that.";
            case NOT_CHECKED, TRUSTED ->
                "TLS with " + host + ":" + port + " failed (" + reason(failure)
                        + "): is that the server's TLS port? Without --tls, use its plain IRC port.";
        };
        return new TlsTrouble(message, failure);
    }

    private static String whyUntrusted(IOException failure, String host) {
        String text = String.valueOf(reason(failure));
        return text.contains("match") || text.contains("subject alternative")
                ? "it was not issued for " + host
                : "no certificate authority this system trusts signed it";
    }

    private static String reason(Throwable failure) {
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }
}
