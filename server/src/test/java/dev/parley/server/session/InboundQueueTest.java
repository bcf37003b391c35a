package dev.parley.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.IrcMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Flood control as a client sees it: slowed down to the rate, never dropped; time moved by hand. */
class InboundQueueTest {

    private final ManualTime time = new ManualTime();
    private final ManualConnection connection = new ManualConnection(time);
    private final Session session = new Session(connection);
    private final List<String> handled = new ArrayList<>();
    private final InboundQueue queue =
            new InboundQueue(connection, new Recorder().boundTo(session), time::nanoTime, 10);

    @BeforeEach
    void attach() {
        session.attach(queue);
        queue.setBudget(new FloodBudget(2, 1.0));
    }

    @Test
    void linesPastTheBurstWaitForTheRateAndNoneIsLost() {
        offer("1", "2", "3", "4");
        assertThat(handled).containsExactly("1", "2");

        time.advance(Duration.ofMillis(999));
        assertThat(handled).as("not a token yet").containsExactly("1", "2");
        time.advance(Duration.ofMillis(1));
        assertThat(handled).containsExactly("1", "2", "3");
        time.advance(Duration.ofSeconds(1));
        assertThat(handled).containsExactly("1", "2", "3", "4");
        assertThat(time.pending()).as("nothing left waiting").isZero();
    }

    @Test
    void aFreeLineIsHandledAtOnceButNeverOvertakesAWaitingOne() {
        offer("1", "2", "free");
        assertThat(handled).containsExactly("1", "2", "free");

        offer("3", "free");
        assertThat(handled)
                .as("in order: the free line waits behind the paced one")
                .containsExactly("1", "2", "free");
        time.advance(Duration.ofSeconds(1));
        assertThat(handled).containsExactly("1", "2", "free", "3", "free");
    }

    @Test
    void aFloodingClientIsNotReadPastTheHighWaterMarkAndReadAgainOnceHalfHasDrained() {
        offer("1", "2");
        for (int line = 0; line < 9; line++) {
            offer("x");
        }
        assertThat(connection.isReading()).as("9 waiting").isTrue();
        offer("x");
        assertThat(connection.isReading()).as("10 waiting: the high water mark").isFalse();

        time.advance(Duration.ofSeconds(5));
        assertThat(connection.isReading()).as("5 waiting: not yet under half").isFalse();
        time.advance(Duration.ofSeconds(1));
        assertThat(connection.isReading())
                .as("4 waiting: under half, while still paced")
                .isTrue();
        time.advance(Duration.ofSeconds(4));
        assertThat(connection.isReading()).as("all handled").isTrue();
        assertThat(handled).hasSize(12);
    }

    @Test
    void withoutABudgetEveryLineIsHandledAtOnce() {
        queue.setBudget(null);
        offer("1", "2", "3", "4", "5", "6");

        assertThat(handled).hasSize(6);
    }

    private void offer(String... params) {
        for (String param : params) {
            queue.offer(new InboundLine.Message(IrcMessage.of("PRIVMSG", "#room", param)));
        }
    }

    /** Handles a line by noting its text; a line whose text is "free" costs nothing. */
    private final class Recorder implements LineProcessor {
        @Override
        public double floodCost(Session ignored, InboundLine line) {
            return text(line).equals("free") ? 0 : 1;
        }

        @Override
        public void process(Session ignored, InboundLine line) {
            handled.add(text(line));
        }

        private String text(InboundLine line) {
            return ((InboundLine.Message) line).message().params().get(1);
        }
    }
}
