package dev.parley.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.chat.ListEntry;
import dev.parley.server.chat.RoomModes;
import dev.parley.server.chat.SharedRoomState;
import dev.parley.server.chat.Topic;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoomStateCodecTest {

    @Test
    void aRoomsStateSurvivesRedisWithItsModesTopicListsAndInvitations() {
        SharedRoomState state = new SharedRoomState(
                new RoomModes(true, true, false, true, true, "sesame", 12),
                new Topic("release on friday: see  the wiki", "alice!a@h", 1700000000L),
                List.of(new ListEntry("spam!*@*", "alice", 1), new ListEntry("m:noisy!*@*", "bob", 2)),
                List.of(new ListEntry("friend!*@*", "alice", 3)),
                List.of(new ListEntry("a:guest", "alice", 4)),
                List.of("bob", "carol[1]"),
                0);

        assertThat(RoomStateCodec.decode(RoomStateCodec.encode(state))).isEqualTo(state);
    }

    @Test
    void aNewRoomsStateHasNoTopicNorLists() {
        SharedRoomState state =
                new SharedRoomState(RoomModes.NEW_ROOM, null, List.of(), List.of(), List.of(), List.of(), 0);

        assertThat(RoomStateCodec.encode(state)).isEqualTo("m +nt");
        assertThat(RoomStateCodec.decode("m +nt")).isEqualTo(state);
        assertThat(RoomStateCodec.decode("t x y")).isNull();
    }
}
