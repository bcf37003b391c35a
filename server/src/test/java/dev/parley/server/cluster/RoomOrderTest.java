package dev.parley.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    void aGapHoldsLaterPositionsUntilItIsGivenUpOnAndSaysHowManyWereMissing() {
        run(order.start(0, 0));
        run(offer(1, 10));
        run(offer(4, 20));
        run(offer(5, 30));
        assertThat(order.gapOlderThan(19)).isFalse();
        assertThat(order.gapOlderThan(20)).as("held back since 4 arrived").isTrue();
        assertThat(order.gapEnd()).isEqualTo(3);

        RoomOrder.Filled filled = order.fill(Map.of(), order.gapEnd(), 40);
        run(filled.due());

        assertThat(filled.skipped()).isEqualTo(2);
        assertThat(filled.repaired()).isZero();
        assertThat(delivered).containsExactly(1L, 4L, 5L);
        assertThat(order.gapOlderThan(Long.MAX_VALUE)).isFalse();
    }

    @Test
    void positionsReadBackFromTheDatabaseTakeTheirPlacesAndTheRestAreGivenUpOn() {
        run(order.start(0, 0));
        run(offer(1, 10));
        run(offer(5, 20));
        order.repairing(true);
        assertThat(order.gapOlderThan(Long.MAX_VALUE))
                .as("not given up on while the database is asked")
                .isFalse();
        order.repairing(false);

        RoomOrder.Filled filled = order.fill(
                Map.of(2L, () -> delivered.add(2L), 4L, () -> delivered.add(4L), 9L, () -> delivered.add(9L)),
                order.gapEnd(),
                30);
        run(filled.due());

        assertThat(delivered).as("9 is past the gap: not taken").containsExactly(1L, 2L, 4L, 5L);
        assertThat(filled.repaired()).isEqualTo(2);
        assertThat(filled.skipped()).as("3 was an event, never stored").isEqualTo(1);
        assertThat(order.highest()).isEqualTo(5);
    }

    @Test
    void aRepairAfterListeningAgainReadsUpToWhereTheRoomStandsThoughNothingWaits() {
        run(order.start(0, 0));
        run(offer(1, 10));

        RoomOrder.Filled filled = order.fill(Map.of(2L, () -> delivered.add(2L), 3L, () -> delivered.add(3L)), 3, 20);
        run(filled.due());
        run(offer(4, 30));

        assertThat(delivered).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void aCounterThatWentBackDeliversWhatWaitedAndStartsAgain() {
        run(order.start(40, 0));
        run(offer(43, 10));

        run(order.restart(0));
        run(offer(1, 20));

        assertThat(delivered).containsExactly(43L, 1L);
    }
}
