package dev.parley.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TlsRefusalsTest {

    private final AtomicLong now = new AtomicLong();
    private final TlsRefusals refusals = new TlsRefusals(Duration.ofMinutes(1), now::get);

    @Test
    void anAddressIsReportedOncePerIntervalWithTheCountLeftOut() {
        assertThat(refusals.refused("192.0.2.1")).isEqualTo(OptionalInt.of(0));
        for (int i = 0; i < 500; i++) {
            assertThat(refusals.refused("192.0.2.1")).isEmpty();
        }
        assertThat(refusals.refused("192.0.2.2")).as("another address").isEqualTo(OptionalInt.of(0));

        now.addAndGet(Duration.ofMinutes(1).toNanos());
        assertThat(refusals.refused("192.0.2.1")).isEqualTo(OptionalInt.of(500));
        assertThat(refusals.refused("192.0.2.1")).isEmpty();
    }

    @Test
    void manyAddressesDoNotGrowTheMemoryWithoutEnd() {
        for (int i = 0; i < TlsRefusals.MAX_ADDRESSES * 3; i++) {
            refusals.refused("10.0." + (i / 256) + "." + (i % 256));
        }
        assertThat(refusals.refused("10.0.0.0"))
                .as("the oldest was forgotten, so it is reported again")
                .isEqualTo(OptionalInt.of(0));
    }
}
