package dev.parley.server.session;

import dev.parley.protocol.IrcMessage;
import dev.parley.server.config.LimitsConfig;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Timeouts of a connection: registration must complete in time, and a client silent for the ping
 * interval gets a PING it must answer (with anything) within the ping timeout. Time comes from
 * {@code nanoClock} and waiting from the connection's scheduler, so a test can drive both by hand.
 * The limits are read when each timer is set, so a reload's values apply from a connection's next check.
 */
public final class KeepAlive {

    private final Supplier<LimitsConfig> limits;
    private final String serverName;
    private final Departures departures;
    private final LongSupplier nanoClock;

    public KeepAlive(LimitsConfig limits, String serverName, Departures departures, LongSupplier nanoClock) {
        this(() -> limits, serverName, departures, nanoClock);
    }

    public KeepAlive(Supplier<LimitsConfig> limits, String serverName, Departures departures, LongSupplier nanoClock) {
        this.limits = limits;
        this.serverName = serverName;
        this.departures = departures;
        this.nanoClock = nanoClock;
    }

    /** Starts the timers of a new connection; call on its thread. */
    public void start(Session session) {
        session.touchInput(nanoClock.getAsLong());
        LimitsConfig limits = this.limits.get();
        if (!limits.registrationTimeout().isZero()) {
            session.connection()
                    .schedule(
                            () -> {
                                if (!session.isRegistered()) {
                                    departures.disconnect(session, "Registration timed out");
                                }
                            },
                            limits.registrationTimeout());
        }
        if (!limits.pingInterval().isZero()) {
            scheduleCheck(session, limits.pingInterval());
        }
    }

    private void scheduleCheck(Session session, Duration delay) {
        session.connection().schedule(() -> check(session), delay);
    }

    private void check(Session session) {
        LimitsConfig limits = this.limits.get();
        if (session.isClosing() || limits.pingInterval().isZero()) {
            return;
        }
        long idle = nanoClock.getAsLong() - session.lastInputNanos();
        long interval = limits.pingInterval().toNanos();
        if (idle < interval) {
            scheduleCheck(session, Duration.ofNanos(interval - idle));
            return;
        }
        long pingSentAt = nanoClock.getAsLong();
        session.sendNow(IrcMessage.of("PING", serverName));
        session.connection()
                .schedule(
                        () -> {
                            if (!session.isClosing() && session.lastInputNanos() < pingSentAt) {
                                long seconds = this.limits
                                        .get()
                                        .pingInterval()
                                        .plus(this.limits.get().pingTimeout())
                                        .toSeconds();
                                departures.disconnect(session, "Ping timeout: " + seconds + " seconds");
                            } else {
                                check(session);
                            }
                        },
                        limits.pingTimeout());
    }
}
