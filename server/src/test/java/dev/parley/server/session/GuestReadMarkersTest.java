package dev.parley.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.store.MarkerUpdate;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GuestReadMarkersTest {

    private static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");

    private final GuestReadMarkers markers = new GuestReadMarkers();

    @Test
    void aMarkerMovesOnlyForward() {
        assertThat(markers.find("#room")).isEmpty();
        assertThat(markers.advance("#room", T0.plusMillis(20))).isEqualTo(new MarkerUpdate(T0.plusMillis(20), true));
        assertThat(markers.advance("#room", T0.plusMillis(10))).isEqualTo(new MarkerUpdate(T0.plusMillis(20), false));
        assertThat(markers.advance("#room", T0.plusMillis(20))).isEqualTo(new MarkerUpdate(T0.plusMillis(20), false));
        assertThat(markers.find("#room")).contains(T0.plusMillis(20));
    }

    @Test
    void pastTheLimitTheLeastRecentlyUsedTargetIsForgotten() {
        for (int i = 0; i < GuestReadMarkers.LIMIT; i++) {
            markers.advance("#room" + i, T0);
        }
        markers.find("#room0"); // used again: now the most recent

        markers.advance("#one-more", T0);

        assertThat(markers.find("#room0")).contains(T0);
        assertThat(markers.find("#room1")).isEmpty();
        assertThat(markers.find("#one-more")).contains(T0);
    }
}
