package dev.parley.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.chat.UserCounts;
import dev.parley.server.config.LimitsConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Registration and ping timeouts, on a clock the test moves: exact to the nanosecond, and instant. */
class KeepAliveTest {

    private static final Duration REGISTRATION = Duration.ofSeconds(60);
    private static final Duration INTERVAL = Duration.ofSeconds(120);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Duration NANO = Duration.ofNanos(1);

    private final ManualTime time = new ManualTime();
    private final ManualConnection connection = new ManualConnection(time);
    private final Session session = new Session(connection);
    private final Departures departures = MinimalDepartures.create();

    @Test
    void aClientThatDoesNotRegisterInTimeIsDisconnected() {
        keepAlive(REGISTRATION, Duration.ZERO).start(session);

        time.advance(REGISTRATION.minus(NANO));
        assertThat(connection.isOpen()).isTrue();
        time.advance(NANO);

        assertThat(connection.sent()).containsExactly("ERROR :Closing Link: 192.0.2.1 (Registration timed out)");
        assertThat(connection.isOpen()).isFalse();
    }

    @Test
    void aClientThatRegisteredInTimeStays() {
        keepAlive(REGISTRATION, Duration.ZERO).start(session);
        register();

        time.advance(Duration.ofHours(1));

        assertThat(connection.sent()).isEmpty();
        assertThat(connection.isOpen()).isTrue();
    }

    @Test
    void aSilentClientIsPingedAfterTheIntervalAndDisconnectedWhenItDoesNotAnswer() {
        keepAlive(Duration.ZERO, INTERVAL).start(session);
        register();

        time.advance(INTERVAL.minus(NANO));
        assertThat(connection.sent()).isEmpty();
        time.advance(NANO);
        assertThat(connection.sent()).containsExactly("PING irc.test");

        time.advance(TIMEOUT.minus(NANO));
        assertThat(connection.isOpen()).isTrue();
        time.advance(NANO);
        assertThat(connection.sent())
                .containsExactly("PING irc.test", "ERROR :Closing Link: 192.0.2.1 (Ping timeout: 180 seconds)");
        assertThat(connection.isOpen()).isFalse();
    }

    @Test
    void anyAnswerToThePingKeepsTheClientAndTheNextPingComesAnIntervalAfterIt() {
        keepAlive(Duration.ZERO, INTERVAL).start(session);
        register();
        time.advance(INTERVAL);

        time.advance(Duration.ofSeconds(30));
        session.touchInput(time.nanoTime());
        time.advance(TIMEOUT);
        assertThat(connection.isOpen()).isTrue();
        assertThat(connection.sent()).containsExactly("PING irc.test");

        time.advance(INTERVAL.minus(TIMEOUT).minus(NANO));
        assertThat(connection.sent()).hasSize(1);
        time.advance(NANO);
        assertThat(connection.sent()).containsExactly("PING irc.test", "PING irc.test");
    }

    @Test
    void aClientThatKeepsTalkingIsNeverPinged() {
        keepAlive(REGISTRATION, INTERVAL).start(session);
        register();

        for (int minute = 0; minute < 60; minute++) {
            time.advance(Duration.ofMinutes(1));
            session.touchInput(time.nanoTime());
        }

        assertThat(connection.sent()).isEmpty();
        assertThat(connection.isOpen()).isTrue();
    }

    @Test
    void zeroTurnsBothTimersOff() {
        keepAlive(Duration.ZERO, Duration.ZERO).start(session);

        assertThat(time.pending()).isZero();
        time.advance(Duration.ofDays(1));
        assertThat(connection.isOpen()).isTrue();
    }

    @Test
    void noPingIsSentToAClientAlreadyOnItsWayOut() {
        keepAlive(Duration.ZERO, INTERVAL).start(session);
        register();
        session.markClosing();

        time.advance(INTERVAL.multipliedBy(3));

        assertThat(connection.sent()).isEmpty();
        assertThat(time.pending()).as("the checks stop").isZero();
    }

    private KeepAlive keepAlive(Duration registration, Duration pingInterval) {
        LimitsConfig d = LimitsConfig.defaults();
        LimitsConfig limits = new LimitsConfig(
                d.nickLength(),
                d.roomNameLength(),
                d.topicLength(),
                d.awayLength(),
                d.kickReasonLength(),
                d.realnameLength(),
                d.maxRoomsPerClient(),
                d.maxListEntries(),
                d.sendQueueBytes(),
                registration,
                pingInterval,
                TIMEOUT,
                d.flood(),
                d.connections(),
                d.multiline());
        return new KeepAlive(limits, MinimalDepartures.SERVER_NAME, departures, time::nanoTime);
    }

    private void register() {
        session.setNick("alice");
        session.markRegistered(0, new UserCounts());
    }
}
