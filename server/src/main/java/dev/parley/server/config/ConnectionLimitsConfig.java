package dev.parley.server.config;

import java.time.Duration;

/**
 * Per-IP connection limits.
 *
 * @param enabled whether the limits apply
 * @param maxPerIp connections one IP may hold at once
 * @param throttleConnections new connections one IP may open per {@code throttleWindow}
 * @param throttleWindow the window of the connect throttle
 * @param exemptLoopback connections from this machine are not limited
 */
public record ConnectionLimitsConfig(
        boolean enabled, int maxPerIp, int throttleConnections, Duration throttleWindow, boolean exemptLoopback) {

    public static ConnectionLimitsConfig defaults() {
        return new ConnectionLimitsConfig(true, 16, 32, Duration.ofMinutes(10), true);
    }
}
