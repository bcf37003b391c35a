package dev.parley.server.config;

/**
 * The per-client token bucket. A flooding client is slowed down, not cut off: its lines wait.
 *
 * @param enabled whether flood control applies at all
 * @param burst lines a client may send at once
 * @param linesPerSecond lines per second once the burst is spent
 * @param exemptOperators server operators are not limited
 */
public record FloodConfig(boolean enabled, int burst, double linesPerSecond, boolean exemptOperators) {

    public static FloodConfig defaults() {
        return new FloodConfig(true, 5, 2.0, true);
    }
}
