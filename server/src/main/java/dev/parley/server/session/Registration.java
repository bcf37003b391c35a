package dev.parley.server.session;

import dev.parley.server.store.Account;

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
    private Account saslAccount;
    private String refusedNick;

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

    /** The account logged in to with SASL before registration, or null. */
    public Account saslAccount() {
        return saslAccount;
    }

    public void setSaslAccount(Account value) {
        saslAccount = value;
    }

    /** The last nick refused as in use, so REGISTER can say the account exists rather than ask for a nick. */
    public String refusedNick() {
        return refusedNick;
    }

    public void setRefusedNick(String value) {
        refusedNick = value;
    }
}
