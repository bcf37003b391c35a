package dev.parley.server.it;

import dev.parley.server.config.ConnectionLimitsConfig;
import dev.parley.server.config.FloodConfig;
import dev.parley.server.config.LimitsConfig;
import dev.parley.server.config.ParleyConfig;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * Config adjustments for {@link TestServer#start(UnaryOperator)}: {@link LimitsConfig} is a wide
 * record without withers, so each test names only the one limit it is about.
 */
public final class TestLimits {

    private TestLimits() {}

    /** Flood control off: for tests that send many lines and are not about flooding. */
    public static UnaryOperator<ParleyConfig> noFlood() {
        return flood(new FloodConfig(false, 5, 2.0, true));
    }

    public static UnaryOperator<ParleyConfig> flood(FloodConfig flood) {
        return config -> config.withLimits(copy(
                config.limits(),
                flood,
                config.limits().connections(),
                config.limits().sendQueueBytes(),
                config.limits().registrationTimeout(),
                config.limits().pingInterval(),
                config.limits().pingTimeout()));
    }

    public static UnaryOperator<ParleyConfig> connections(ConnectionLimitsConfig connections) {
        return config -> config.withLimits(copy(
                config.limits(),
                config.limits().flood(),
                connections,
                config.limits().sendQueueBytes(),
                config.limits().registrationTimeout(),
                config.limits().pingInterval(),
                config.limits().pingTimeout()));
    }

    public static UnaryOperator<ParleyConfig> sendQueueBytes(int bytes) {
        return config -> config.withLimits(copy(
                config.limits(),
                config.limits().flood(),
                config.limits().connections(),
                bytes,
                config.limits().registrationTimeout(),
                config.limits().pingInterval(),
                config.limits().pingTimeout()));
    }

    public static UnaryOperator<ParleyConfig> timeouts(
            Duration registration, Duration pingInterval, Duration pingTimeout) {
        return config -> config.withLimits(copy(
                config.limits(),
                config.limits().flood(),
                config.limits().connections(),
                config.limits().sendQueueBytes(),
                registration,
                pingInterval,
                pingTimeout));
    }

    private static LimitsConfig copy(
            LimitsConfig l,
            FloodConfig flood,
            ConnectionLimitsConfig connections,
            int sendQueueBytes,
            Duration registrationTimeout,
            Duration pingInterval,
            Duration pingTimeout) {
        return new LimitsConfig(
                l.nickLength(),
                l.roomNameLength(),
                l.topicLength(),
                l.awayLength(),
                l.kickReasonLength(),
                l.realnameLength(),
                l.maxRoomsPerClient(),
                l.maxListEntries(),
                sendQueueBytes,
                registrationTimeout,
                pingInterval,
                pingTimeout,
                flood,
                connections,
                l.multiline());
    }
}
