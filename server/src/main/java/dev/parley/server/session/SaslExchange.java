package dev.parley.server.session;

/**
 * One SASL authentication in progress (AUTHENTICATE): the mechanism and the base64 payload
 * gathered from 400-byte chunks. Owned by the session's thread.
 */
public final class SaslExchange {

    /** The longest payload accepted, base64; a PLAIN payload is three short fields. */
    /** The mechanisms offered, as CAP LS 302 and 908 list them. */
    public static final String MECHANISMS = "PLAIN";

    public static final int MAX_PAYLOAD = 4 * 400;

    private String mechanism;
    private final StringBuilder payload = new StringBuilder();
    private boolean checking;

    public boolean inProgress() {
        return mechanism != null;
    }

    public String mechanism() {
        return mechanism;
    }

    public void start(String value) {
        mechanism = value;
        payload.setLength(0);
    }

    /** Adds a chunk; false when the payload would grow past {@link #MAX_PAYLOAD}. */
    public boolean append(String chunk) {
        if (payload.length() + chunk.length() > MAX_PAYLOAD) {
            return false;
        }
        payload.append(chunk);
        return true;
    }

    public String payload() {
        return payload.toString();
    }

    /** Whether the password is being checked off the event loop. */
    public boolean checking() {
        return checking;
    }

    public void setChecking(boolean value) {
        checking = value;
    }

    public void reset() {
        mechanism = null;
        payload.setLength(0);
        checking = false;
    }
}
