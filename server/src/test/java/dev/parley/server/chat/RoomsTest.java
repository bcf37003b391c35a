package dev.parley.server.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.cap.CapabilitySet;
import dev.parley.protocol.name.CaseMapping;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoomsTest {

    private final Rooms rooms =
            new Rooms(CaseMapping.RFC1459, Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneOffset.UTC));
    private final RecordingUser bob = new RecordingUser("bob", CapabilitySet.NONE);

    @Test
    void aRoomOpenedForAJoinItRefusesIsClosedAgain() {
        SharedRoomState keyed = new SharedRoomState(
                new RoomModes(false, false, false, true, true, "sesame", 0),
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                1);

        Room.JoinOutcome refused = rooms.join("#vault", bob, null, Optional.of(keyed));

        assertThat(refused).isInstanceOf(Room.JoinOutcome.Refused.class);
        assertThat(rooms.find("#vault")).as("no empty room left open").isEmpty();
        assertThat(rooms.join("#vault", bob, "sesame", Optional.of(keyed))).isInstanceOf(Room.JoinOutcome.Joined.class);
        assertThat(rooms.find("#vault")).isPresent();
    }
}
