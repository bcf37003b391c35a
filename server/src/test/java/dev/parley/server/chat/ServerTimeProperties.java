package dev.parley.server.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The hand-made server-time formatter writes what java.time's formatter writes, for any instant. */
class ServerTimeProperties {

    private static final DateTimeFormatter REFERENCE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Property(tries = 5000)
    void formatsLikeJavaTime(@ForAll @LongRange(min = -62_135_596_800_000L, max = 253_402_300_799_999L) long millis) {
        Instant instant = Instant.ofEpochMilli(millis);
        assertThat(ServerTime.format(instant)).isEqualTo(REFERENCE.format(instant));
        assertThat(ServerTime.parse(ServerTime.format(instant))).contains(instant);
    }

    @Property(tries = 500)
    void instantsOutsideFourDigitYearsStillFormat(@ForAll @LongRange(min = 253_402_300_800_000L) long millis) {
        Instant instant = Instant.ofEpochMilli(millis);
        assertThat(ServerTime.format(instant)).isEqualTo(REFERENCE.format(instant));
    }

    @Test
    void knownInstantsIncludingDayAndMillisecondEdges() {
        assertThat(ServerTime.format(Instant.parse("2026-11-23T21:56:19.123Z"))).isEqualTo("2026-11-23T21:56:19.123Z");
        assertThat(ServerTime.format(Instant.parse("2026-12-31T23:59:59.999Z"))).isEqualTo("2026-12-31T23:59:59.999Z");
        assertThat(ServerTime.format(Instant.parse("2027-01-01T00:00:00.000Z"))).isEqualTo("2027-01-01T00:00:00.000Z");
        assertThat(ServerTime.format(Instant.parse("1969-12-31T23:59:59.001Z"))).isEqualTo("1969-12-31T23:59:59.001Z");
    }
}
