package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.IrcMessage;
import dev.parley.server.config.FloodConfig;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Flood control slows a client down without dropping anything. Times are measured, never slept:
 * each message's arrival at the room mate is taken relative to the moment the burst was sent, and
 * held against what the token bucket allows.
 */
class FloodControlIT {

    private static final int LINES = 15;
    private static final Duration PROMPTLY = Duration.ofSeconds(2);

    @Test
    void aFloodingClientHasEveryMessageDeliveredButSpreadOutByTheBucket() {
        FloodConfig flood = FloodConfig.defaults();
        try (TestServer server = TestServer.start()) {
            RawIrcClient alice = server.user("alice");
            RawIrcClient bob = server.user("bob");
            bob.join("#room");
            alice.join("#room");

            List<Duration> arrivals = sendBurstAndTime(alice, bob.withTimeout(Duration.ofSeconds(15)), "alice");

            // The bucket holds at most `burst` tokens when the burst starts (the JOIN already spent one),
            // so line k (1-based) cannot be handled before (k - burst) / rate seconds have passed.
            for (int k = flood.burst() + 1; k <= LINES; k++) {
                Duration earliest = Duration.ofMillis((long) ((k - flood.burst()) * 1000 / flood.linesPerSecond()));
                assertThat(arrivals.get(k - 1))
                        .as("arrival of line %d", k)
                        .isGreaterThanOrEqualTo(earliest.minusMillis(50));
            }
            assertThat(arrivals.get(LINES - 1)).as("the last line").isGreaterThanOrEqualTo(Duration.ofMillis(4500));
            for (int k = 1; k < flood.burst(); k++) {
                assertThat(arrivals.get(k - 1))
                        .as("arrival of line %d, inside the burst", k)
                        .isLessThan(Duration.ofMillis(400));
            }
        }
    }

    @Test
    void withFloodControlDisabledABurstArrivesPromptly() {
        try (TestServer server = TestServer.start(TestLimits.flood(new FloodConfig(false, 5, 2.0, true)))) {
            RawIrcClient alice = server.user("alice");
            RawIrcClient bob = server.user("bob");
            bob.join("#room");
            alice.join("#room");

            List<Duration> arrivals = sendBurstAndTime(alice, bob, "alice");

            assertThat(arrivals.get(LINES - 1)).isLessThan(PROMPTLY);
        }
    }

    @Test
    void operatorsAreExemptFromFloodControl() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient admin = server.admin();
            RawIrcClient bob = server.user("bob");
            bob.join("#room");
            admin.join("#room");

            List<Duration> arrivals = sendBurstAndTime(admin, bob, "admin");

            assertThat(arrivals.get(LINES - 1)).isLessThan(PROMPTLY);
        }
    }

    /**
     * Sends {@value #LINES} PRIVMSGs at once and returns when each reached the reader, counted from
     * just before the first was sent. Fails unless all arrive, in order, none twice.
     */
    private static List<Duration> sendBurstAndTime(RawIrcClient sender, RawIrcClient reader, String senderNick) {
        long start = System.nanoTime();
        for (int i = 1; i <= LINES; i++) {
            sender.send("PRIVMSG #room :flood " + i);
        }
        List<Duration> arrivals = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 1; i <= LINES; i++) {
            List<IrcMessage> lines = reader.collectUntil(Lines.privmsgFrom(senderNick, "#room", "flood " + i));
            arrivals.add(Duration.ofNanos(System.nanoTime() - start));
            lines.stream()
                    .filter(Lines.command("PRIVMSG"))
                    .map(IrcMessage::lastParam)
                    .forEach(texts::add);
        }
        assertThat(texts)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, LINES)
                        .mapToObj(i -> "flood " + i)
                        .toList());
        return arrivals;
    }
}
