package dev.parley.server.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.parley.server.config.FloodConfig;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The token bucket, with time passed by hand. */
class FloodBudgetTest {

    private static final long START = 5_000_000_000L;
    private static final long SECOND = Duration.ofSeconds(1).toNanos();
    /** The wait is computed in doubles and rounded up. */
    private static final Offset<Long> ROUNDING = within(1L);

    private final FloodBudget budget = new FloodBudget(5, 2.0);

    @Test
    void aFullBucketLetsTheBurstThroughAtOnceAndThenSaysHowLongToWait() {
        for (int line = 0; line < 5; line++) {
            assertThat(budget.trySpend(1, START)).as("line %d", line).isZero();
        }

        assertThat(budget.trySpend(1, START))
                .as("half a second for one token at 2 a second")
                .isCloseTo(SECOND / 2, ROUNDING);
    }

    @Test
    void tokensComeBackAtTheRate() {
        spendAll(START);

        assertThat(budget.trySpend(1, START + SECOND / 2)).isZero();
        assertThat(budget.trySpend(1, START + SECOND / 2)).isCloseTo(SECOND / 2, ROUNDING);
        assertThat(budget.trySpend(1, START + SECOND)).isZero();
    }

    @Test
    void aRefusedSpendTakesNothing() {
        spendAll(START);
        for (int refused = 0; refused < 100; refused++) {
            assertThat(budget.trySpend(1, START + SECOND / 4)).isPositive();
        }

        assertThat(budget.trySpend(1, START + SECOND / 2))
                .as("the refusals cost nothing")
                .isZero();
    }

    @Test
    void aLongSilenceRefillsOnlyUpToTheBurst() {
        spendAll(START);

        long anHourLater = START + Duration.ofHours(1).toNanos();
        spendAll(anHourLater);
        assertThat(budget.trySpend(1, anHourLater)).isPositive();
    }

    @Test
    void aCostlierLineWaitsForAllItsTokens() {
        spendAll(START);

        assertThat(budget.trySpend(3, START + SECOND)).as("2 of 3 tokens back").isCloseTo(SECOND / 2, ROUNDING);
        assertThat(budget.trySpend(3, START + SECOND + SECOND / 2)).isZero();
    }

    @Test
    void theFirstSpendStartsTheClockSoAnyStartTimeWorks() {
        FloodBudget fresh = new FloodBudget(2, 1.0);

        assertThat(fresh.trySpend(1, -7 * SECOND)).isZero();
        assertThat(fresh.trySpend(1, -7 * SECOND)).isZero();
        assertThat(fresh.trySpend(1, -7 * SECOND)).isCloseTo(SECOND, ROUNDING);
        assertThat(fresh.trySpend(1, -6 * SECOND)).isZero();
    }

    @Test
    void aClockThatGoesBackAddsNoTokens() {
        spendAll(START);

        assertThat(budget.trySpend(1, START - SECOND)).isPositive();
        assertThat(budget.trySpend(1, START + SECOND / 2))
                .as("measured from the latest time seen")
                .isZero();
    }

    private void spendAll(long now) {
        for (int line = 0; line < 5; line++) {
            assertThat(budget.trySpend(1, now)).isZero();
        }
    }

    @Test
    void aReloadedBurstAndRateApplyToTheBucketInUse() {
        AtomicReference<FloodConfig> flood = new AtomicReference<>(new FloodConfig(true, 5, 2.0, true));
        FloodBudget live = new FloodBudget(flood::get);
        assertThat(live.trySpend(1, START)).isZero();

        flood.set(new FloodConfig(true, 1, 0.5, true));

        assertThat(live.trySpend(1, START))
                .as("four tokens left, cut to the new burst of one")
                .isZero();
        assertThat(live.trySpend(1, START))
                .as("two seconds a token at the new rate")
                .isCloseTo(2 * SECOND, ROUNDING);
    }

    @Test
    void floodControlSwitchedOffByAReloadMakesLinesFree() {
        AtomicReference<FloodConfig> flood = new AtomicReference<>(new FloodConfig(true, 1, 1.0, true));
        FloodBudget live = new FloodBudget(flood::get);
        assertThat(live.trySpend(1, START)).isZero();
        assertThat(live.trySpend(1, START)).isPositive();

        flood.set(new FloodConfig(false, 1, 1.0, true));

        assertThat(live.trySpend(1, START)).isZero();
        assertThat(live.trySpend(1, START)).isZero();
    }
}
