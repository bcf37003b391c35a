package dev.parley.server.session;

/**
 * What a connection has said so far on its way to registration. Owned by the session's thread. The
 * password is dropped as soon as it was checked.
 */
public final class Registration {

    private String password;
    private boolean userGiven;
    private boolean capNegotiating;
    private int capVersion;
    private boolean checking;

    public String password() {
        return password;
    }

    public void setPassword(String value) {
        password = value;
    }

    public void forgetPassword() {
        password = null;
    }

    public boolean userGiven() {
        return userGiven;
    }

    public void markUserGiven() {
        userGiven = true;
    }

    public boolean capNegotiating() {
        return capNegotiating;
    }

    public void setCapNegotiating(boolean value) {
        capNegotiating = value;
    }

    /** The CAP LS version the client asked for (302 or 0). */
    public int capVersion() {
        return capVersion;
    }

    public void setCapVersion(int value) {
        capVersion = Math.max(capVersion, value);
    }

    /** Whether a password check is running off the event loop (registration waits for it). */
    public boolean checking() {
        return checking;
    }

    public void setChecking(boolean value) {
        checking = value;
    }
}
