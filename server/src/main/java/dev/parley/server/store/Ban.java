package dev.parley.server.store;

import java.time.Instant;

/**
 * A server ban: a mask and, when the banned user was online, the other identities they had, so a new
 * nick does not get them back in.
 *
 * @param mask a full {@code nick!user@host} mask with wildcards ({@code bob!*@*} for a nick ban)
 * @param account the account the banned user was logged in to, or {@code null}
 * @param address the address of a banned guest (not logged in), or {@code null}
 * @param reason shown to the banned user with 465
 * @param setBy who set it
 * @param createdAt when
 */
public record Ban(String mask, String account, String address, String reason, String setBy, Instant createdAt) {

    /** A ban on a mask alone. */
    public Ban(String mask, String reason, String setBy, Instant createdAt) {
        this(mask, null, null, reason, setBy, createdAt);
    }

    /** The identities besides the mask, for listings: {@code account bob, address 192.0.2.7}, or "". */
    public String identities() {
        StringBuilder text = new StringBuilder();
        if (account != null) {
            text.append("account ").append(account);
        }
        if (address != null) {
            text.append(text.isEmpty() ? "" : ", ").append("address ").append(address);
        }
        return text.toString();
    }
}
