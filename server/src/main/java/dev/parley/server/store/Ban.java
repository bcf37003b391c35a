package dev.parley.server.store;

import java.time.Instant;

/**
 * A server ban.
 *
 * @param mask a full {@code nick!user@host} mask with wildcards ({@code bob!*@*} for a nick ban)
 * @param reason shown to the banned user with 465
 * @param setBy who set it
 * @param createdAt when
 */
public record Ban(String mask, String reason, String setBy, Instant createdAt) {}
