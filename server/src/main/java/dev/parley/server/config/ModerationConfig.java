package dev.parley.server.config;

/**
 * How bans and room ownership work.
 *
 * @param banGuestAddress whether banning an online guest (a user not logged in to an account) also
 *     bans their address, so they cannot come back under another nick; loopback addresses are never
 *     banned this way, since every local user shares them
 * @param maxRoomsPerAccount how many rooms one account may found (register); rooms it creates past
 *     that are ordinary rooms that end when they empty, as a guest's do
 */
public record ModerationConfig(boolean banGuestAddress, int maxRoomsPerAccount) {

    public static ModerationConfig defaults() {
        return new ModerationConfig(true, 20);
    }
}
