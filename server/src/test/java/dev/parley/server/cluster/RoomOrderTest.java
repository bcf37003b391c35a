package dev.parley.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoomOrderTest {

    private final List<Long> delivered = new ArrayList<>();
    private final RoomOrder order = new RoomOrder();

    private List<Runnable> offer(long position, long now) {
        return order.offer(position, () -> delivered.add(position), now);
    }

    private void run(List<Runnable> due) {
        due.forEach(Runnable::run);
    }

    @Test
    void positionsArrivingOutOfOrderAreDeliveredInOrder() {
        run(order.start(10, 0));
        run(offer(12, 1));
        run(offer(13, 2));
        assertThat(delivered).isEmpty();

        run(offer(11, 3));

        assertThat(delivered).containsExactly(11L, 12L, 13L);
    }

    @Test
    void nothingGoesOutBeforeTheRoomsPlaceIsKnownAndPositionsHeardEarlyAreKept() {
        run(offer(7, 0));
        run(offer(6, 1));
        assertThat(delivered).isEmpty();

        run(order.start(6, 2));

        assertThat(delivered)
                .as("6 was placed before the read, 7 after: both heard")
                .containsExactly(6L, 7L);
    }

    @Test
    void positionsAlreadyPassedAreDroppedAsRepeats() {
        run(order.start(0, 0));
        run(offer(1, 1));
        run(offer(1, 2));

        assertThat(delivered).containsExactly(1L);
    }

    @Test
    void aGapHoldsLaterPositionsUntilItIsSkippedAndSaysHowManyWereMissing() {
        run(order.start(0, 0));
        run(offer(1, 10));
        run(offer(4, 20));
        run(offer(5, 30));
        assertThat(order.gapOlderThan(19)).isFalse();
        assertThat(order.gapOlderThan(20)).as("held back since 4 arrived").isTrue();

        List<Runnable> released = new ArrayList<>();
        long skipped = order.skipGap(released, 40);
        run(released);

        assertThat(skipped).isEqualTo(2);
        assertThat(delivered).containsExactly(1L, 4L, 5L);
        assertThat(order.gapOlderThan(Long.MAX_VALUE)).isFalse();
    }
}
