package dev.parley.server.config;

/**
 * How bans and room ownership work.
 *
 * @param banGuestAddress whether banning an online guest (a user not logged in to an account) also
 *     bans their address, so they cannot come back under another nick; loopback addresses are never
 *     banned this way, since every local user shares them
 */
public record ModerationConfig(boolean banGuestAddress) {

    public static ModerationConfig defaults() {
        return new ModerationConfig(true);
    }
}
